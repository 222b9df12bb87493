import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/setup/neo4jGlobal.ts"],
    // One embedded Neo4j (Community has a single user database) serves every file: run files in turn.
    fileParallelism: false,
    testTimeout: 60_000,
    // The browser tests wait for the page (an expansion is two Neo4j queries); on a shared, loaded
    // machine that can take seconds, so polls wait up to 15 s instead of vitest's 1 s.
    expect: { poll: { timeout: 15_000 } },
    hookTimeout: 240_000,
    reporters: ["default"],
  },
});

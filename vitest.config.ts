import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/setup/neo4jGlobal.ts"],
    // One embedded Neo4j (Community has a single user database) serves every file: run files in turn.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
    reporters: ["default"],
  },
});

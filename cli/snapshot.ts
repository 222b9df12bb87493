/** `tpg snapshot`: the validated graph as graphology JSON, for the app without Neo4j. */
import path from "node:path";
import { KNOWLEDGE_ROOT } from "../importer/paths.ts";
import { examples, withRoot, type Register } from "./common.ts";

export const register: Register = (program, context) => {
  const command = program
    .command("snapshot")
    .summary("write the graph as graphology JSON")
    .description("write the validated graph as graphology JSON (the app's static snapshot)")
    .option("-o, --out <file>", "where to write it", "dist/snapshot.json");
  withRoot(command, KNOWLEDGE_ROOT);
  examples(command, [
    ["tpg snapshot", "dist/snapshot.json"],
    ["tpg snapshot --out dist/web/snapshot.json", "where the built app looks for it"],
  ]);
  command.action(async (flags: { root: string; out: string }) => {
    const { snapshot } = await import("../importer/cli.ts");
    context.exitCode = await snapshot(path.resolve(flags.root), path.resolve(flags.out));
  });
};

/** `tpg coverage`: how much of each source section the quotes cover, and the unquoted runs. */
import path from "node:path";
import { KNOWLEDGE_ROOT } from "../importer/paths.ts";
import { examples, withRoot, type Register } from "./common.ts";

export const register: Register = (program, context) => {
  const command = program
    .command("coverage")
    .summary("how much of each source the quotes cover")
    .description("how much of each source section the quotes cover; the sentences no quote touches");
  withRoot(command, KNOWLEDGE_ROOT);
  examples(command, [["tpg coverage | less", "per section: share quoted, unquoted sentences and runs"]]);
  command.action(async (flags: { root: string }) => {
    const { coverageReport } = await import("../importer/cli.ts");
    context.exitCode = await coverageReport(path.resolve(flags.root));
  });
};

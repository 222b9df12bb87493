/** `tpg validate`: check the knowledge files without a database. */
import path from "node:path";
import { KNOWLEDGE_ROOT } from "../importer/paths.ts";
import { examples, withRoot, type Register } from "./common.ts";

export const register: Register = (program, context) => {
  const command = program
    .command("validate")
    .summary("check the knowledge files, every problem with file:line")
    .description(
      "check the knowledge files (schema, references, quotes, canonical rules); lists free-text relations",
    );
  withRoot(command, KNOWLEDGE_ROOT);
  examples(command, [
    ["tpg validate", "every problem with file:line and a hint; exit 1 if any"],
    ["tpg validate --root tests/fixtures/…", "another knowledge root"],
  ]);
  command.action(async (flags: { root: string }) => {
    const { validate } = await import("../importer/cli.ts");
    context.exitCode = validate(path.resolve(flags.root));
  });
};

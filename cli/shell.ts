/** `tpg shell`: the interactive query shell (also `tpg query -i`); the loop is in repl.ts. */
import { examples, type Register } from "./common.ts";
import { withQueryOptions } from "./query.ts";
import type { ShellFlags } from "./repl.ts";

export const register: Register = (program, context) => {
  const command = program
    .command("shell")
    .summary("interactive shell for saved queries and Cypher")
    .description("an interactive shell: saved queries by name, Cypher ending in ;, :help")
    .option("--history <file>", "where input lines are kept (env TPG_HISTORY; default .data/tpg_history)");
  withQueryOptions(command);
  examples(command, [
    ["tpg shell", "then: hub-profile hub=前海, :list, :format json, MATCH (h:Hub) RETURN h.name;"],
    ["tpg shell -f json < queries.txt", "run a file of shell lines; exit 1 if any failed"],
  ]);
  command.action(async (flags: ShellFlags) => {
    const { runShell } = await import("./repl.ts");
    context.exitCode = await runShell(flags);
  });
};

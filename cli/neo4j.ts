/** `tpg neo4j start|stop|status`: the embedded Neo4j on its own. */
import { examples, redactUri, type Register } from "./common.ts";

type Action = "startNeo4j" | "stopNeo4j" | "neo4jStatus";

export const register: Register = (program, context) => {
  const neo4j = program
    .command("neo4j")
    .summary("start | stop | status of the embedded Neo4j")
    .description("run the embedded Neo4j on its own: start (stays running), stop, status");
  examples(neo4j, [
    ["tpg neo4j start", "starts it in the background on 127.0.0.1:7687 (NEO4J_PORT)"],
    ["tpg neo4j status", "exit 0 running and answering, 1 alive but not answering, 3 not running"],
    ["tpg neo4j stop", "stops the one recorded in .data/neo4j"],
  ]);
  const run = (action: Action) => async () => {
    const [module, { connectionProblem, settingsOrFail }] = await Promise.all([
      import("../graph/neo4jCli.ts"),
      import("./connection.ts"),
    ]);
    const print = (line: string) => console.log(line);
    const settings = settingsOrFail();
    try {
      context.exitCode =
        action === "neo4jStatus"
          ? await module.neo4jStatus(settings, print, redactUri)
          : await module[action](settings, print);
    } catch (error) {
      throw connectionProblem(error, settings);
    }
  };
  neo4j
    .command("start")
    .description("start the embedded Neo4j and leave it running")
    .action(run("startNeo4j"));
  neo4j
    .command("stop")
    .description("stop the embedded Neo4j recorded in the data folder")
    .action(run("stopNeo4j"));
  neo4j
    .command("status")
    .description("whether it runs and answers (and whether NEO4J_URI points elsewhere)")
    .action(run("neo4jStatus"));
};

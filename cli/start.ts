/** `tpg start` (`npm start`): Neo4j, import, build and serve the app; prints its URL; Ctrl+C stops. */
import {
  applyConnection,
  examples,
  positiveInt,
  withConnection,
  type ConnectionFlags,
  type Register,
} from "./common.ts";

interface StartFlags extends ConnectionFlags {
  port?: number;
}

export const register: Register = (program, context) => {
  const command = program
    .command("start")
    .summary("Neo4j, import, build and serve the app; prints its URL")
    .description(
      "start Neo4j (embedded or --uri), import the knowledge, build and serve the app, print its URL",
    )
    .option(
      "--port <n>",
      "port of the web app (env PORT; default 5173, the next free one if busy)",
      positiveInt,
    );
  withConnection(command);
  examples(command, [
    ["tpg start", "the embedded Neo4j; the URL hands the page its generated credentials"],
    [
      "NEO4J_URI=neo4j+s://x.databases.neo4j.io NEO4J_PASSWORD=… tpg start",
      "Aura; the password is never printed",
    ],
  ]);
  command.action(async (flags: StartFlags) => {
    applyConnection(flags);
    if (flags.port !== undefined) process.env.PORT = String(flags.port);
    const [{ startApp }, { connectionProblem, settingsOrFail }] = await Promise.all([
      import("../scripts/start.ts"),
      import("./connection.ts"),
    ]);
    const settings = settingsOrFail();
    const app = await startApp({
      settings,
      open: async (s, log) => {
        const { connect } = await import("../graph/connect.ts");
        return connect(s, log).catch((error: unknown) => {
          throw connectionProblem(error, s);
        });
      },
    });
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      console.log("\nStopping…");
      void app.stop().then(() => process.exit(0));
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    context.exitCode = await new Promise<number>(() => {});
  });
};

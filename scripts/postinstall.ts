/**
 * Runs after `npm install`: fetches Neo4j's jars with Maven and builds the launcher, so that the
 * first `npm start` does not wait for them. A missing Java or Maven is reported, not fatal: the app
 * also works against an external Neo4j (NEO4J_URI), and `npm start` repeats the check.
 */
import { checkJava, ensureLauncher, SetupError } from "../graph/embedded.ts";

if (process.env.TPG_SKIP_NEO4J_SETUP) process.exit(0);
try {
  checkJava();
  ensureLauncher((m) => console.log(`[talent-policy-graph] ${m}`));
} catch (error) {
  if (!(error instanceof SetupError)) throw error;
  console.warn(`[talent-policy-graph] embedded Neo4j not prepared:\n${error.message}`);
}

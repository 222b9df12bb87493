/**
 * Runs after `npm install`: fetches Neo4j's jars with Maven and builds the launcher, so that the
 * first `npm start` does not wait for them, and derives the organisation lexicon from HanLP's jar
 * (importer/extract/orgLexicon.ts) for the extractor. A missing Java or Maven is reported, not fatal:
 * the app also works against an external Neo4j (NEO4J_URI), `npm start` repeats the check, and the
 * extractor derives the lexicon on first use (or goes on without it).
 */
import { checkJava, ensureLauncher, SetupError } from "../graph/embedded.ts";
import { hanlpLexicon } from "../importer/extract/hanlp.ts";

if (process.env.TPG_SKIP_NEO4J_SETUP) process.exit(0);
const log = (m: string) => console.log(`[talent-policy-graph] ${m}`);
try {
  checkJava();
  ensureLauncher(log);
} catch (error) {
  if (!(error instanceof SetupError)) throw error;
  console.warn(`[talent-policy-graph] embedded Neo4j not prepared:\n${error.message}`);
}
try {
  hanlpLexicon(log);
} catch (error) {
  // never fatal here: the extractor tries again on first use and says why there
  console.warn(
    `[talent-policy-graph] organisation lexicon (HanLP) not prepared:\n${(error as Error).message}`,
  );
}

#!/usr/bin/env node
// `tpg`: runs the TypeScript command line (cli/tpg.ts) through tsx's loader in this same process.
import { register } from "tsx/esm/api";

register();
const { runTpg } = await import("../cli/tpg.ts");
process.exitCode = await runTpg(process.argv.slice(2));

/** Folders the importer reads by default, resolved from this file so that any cwd works. */
import path from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** Overridable (TPG_KNOWLEDGE_ROOT) so that tests and trials can import another set of files. */
export const KNOWLEDGE_ROOT = process.env.TPG_KNOWLEDGE_ROOT
  ? path.resolve(process.env.TPG_KNOWLEDGE_ROOT)
  : path.join(PROJECT_ROOT, "importer");

/** Folders the importer reads by default, resolved from this file so that any cwd works. */
import path from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const KNOWLEDGE_ROOT = path.join(PROJECT_ROOT, "importer");

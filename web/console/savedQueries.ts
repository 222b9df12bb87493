/**
 * The saved-query library: every `.cypher` file in `cypher/` (bundled as text by Vite), parsed with
 * the same code as the CLI and the tests. A file whose header is broken is listed with its error.
 */
import { parseSavedQuery, type SavedQuery } from "../../graph/savedQuery.ts";

const files = import.meta.glob<string>("../../cypher/*.cypher", {
  query: "?raw",
  import: "default",
  eager: true,
});

export type LibraryEntry = { ok: true; query: SavedQuery } | { ok: false; id: string; error: string };

export const LIBRARY: LibraryEntry[] = Object.entries(files)
  .map(([path, text]): [string, string] => [path.slice(path.lastIndexOf("/") + 1), text])
  .filter(([name]) => name !== "schema.cypher")
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([name, text]): LibraryEntry => {
    try {
      return { ok: true, query: parseSavedQuery(name, text) };
    } catch (error) {
      return { ok: false, id: name, error: error instanceof Error ? error.message : String(error) };
    }
  });

/** Entries whose titles, descriptions, file name or Cypher contain every word of `text`. */
export function searchLibrary(entries: readonly LibraryEntry[], text: string): LibraryEntry[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((entry) => {
    const haystack = (
      entry.ok
        ? [
            entry.query.id,
            entry.query.title,
            entry.query.titleEn,
            entry.query.description,
            entry.query.descriptionEn,
            entry.query.cypher,
          ]
        : [entry.id]
    )
      .join("\n")
      .toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

/** The console's query history, kept in this browser (localStorage), newest first. */
import { z } from "zod";

const KEY = "tpg.cypher.history";
export const HISTORY_SIZE = 100;

const entrySchema = z.object({
  query: z.string(),
  params: z.record(z.string(), z.string()),
  at: z.number(),
});
export type HistoryEntry = z.infer<typeof entrySchema>;

export function loadHistory(): HistoryEntry[] {
  try {
    const parsed = z.array(entrySchema).safeParse(JSON.parse(localStorage.getItem(KEY) ?? "[]"));
    return parsed.success ? parsed.data : [];
  } catch {
    return []; // unreadable storage (private mode, corrupted): start afresh
  }
}

/** Adds a run at the top; the same query run again moves up instead of repeating. */
export function remember(history: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  const next = [entry, ...history.filter((h) => h.query.trim() !== entry.query.trim())].slice(
    0,
    HISTORY_SIZE,
  );
  try {
    localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // storage full or disabled: the history lives for this page only
  }
  return next;
}

export function clearHistory(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing stored
  }
}

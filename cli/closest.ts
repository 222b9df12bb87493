/** "Did you mean …": the known names nearest to a mistyped one (edit distance, or one containing it). */

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        previous[j]! + 1,
        row[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = row;
  }
  return previous[b.length]!;
}

/** Up to `limit` names close to `word`, nearest first. */
export function closest(word: string, names: readonly string[], limit = 3): string[] {
  const w = word.toLowerCase();
  const scored = names
    .map((name) => {
      const n = name.toLowerCase();
      const d = distance(w, n);
      const contains = w.length >= 3 && (n.includes(w) || w.includes(n));
      return { name, score: contains ? Math.min(d, 1) : d };
    })
    .filter(({ name, score }) => score <= Math.max(2, Math.floor(Math.max(word.length, name.length) / 3)))
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name));
  return scored.slice(0, limit).map((s) => s.name);
}

/**
 * A fair hub × term comparison: beside the raw counts, each hub's share (the count over the hub's
 * own total in the table) and its rate per 1,000 characters of the hub's own text; and a test of
 * which differences exceed what text length alone explains.
 *
 * The test, per term: if a hub's measures fell under the term at the same rate per character of its
 * own text as every other hub's, the term's n measures would spread over the hubs as their text
 * lengths do (multinomial, probabilities ∝ length). The p-value of the observed spread is exact
 * (every outcome enumerated) or Monte Carlo for large n (stats.ts), Holm-adjusted over the terms of
 * the table. A cell is flagged over or under when its term is significant at α and its Pearson
 * residual (observed − expected) / √expected is at least 2 in size. Without every hub's text length,
 * the hubs' totals in the table stand in for it (the baseline says which).
 *
 * The whole table gets a chi-square test of independence (do the hubs differ in their mix of terms,
 * whatever their size?), with a permutation p-value.
 */
import type { Patterns } from "./analysis.ts";
import { goodnessOfFit, holm, independenceTest, type GoodnessOfFit, type Independence } from "./stats.ts";
import type { SharedTerm } from "./terms.ts";

export const NORMALISATIONS = ["count", "share", "rate"] as const;
/** What a matrix cell shows: measures, the share of the hub's measures, measures per 1,000 characters. */
export type Normalisation = (typeof NORMALISATIONS)[number];

export const ALPHA = 0.05;
/** |residual| at or above this, in a significant term, flags a cell. */
export const RESIDUAL = 2;

export interface FairCell {
  hubId: string;
  count: number;
  /** count / the hub's total in the table (0 when the hub has none). */
  share: number;
  /** count per 1,000 characters of the hub's own text; null when its length is unknown. */
  rate: number | null;
  /** What the term's measures would give this hub by the baseline alone. */
  expected: number;
  residual: number;
  flag: "over" | "under" | null;
}

export interface TermTest extends GoodnessOfFit {
  pAdjusted: number;
  significant: boolean;
}

export interface FairRow<R extends SharedTerm> {
  row: R;
  /** One per hub, in hub order. */
  cells: FairCell[];
  /** null for a term with no measures, or with one hub only in the graph. */
  test: TermTest | null;
}

export interface FairTable<R extends SharedTerm> {
  hubIds: string[];
  /** Distinct entities behind the table's terms, per hub. */
  totals: number[];
  /** Characters of each hub's own text (null: unknown). */
  chars: (number | null)[];
  /** What the per-term test spreads the measures by. */
  baseline: "text" | "total";
  rows: FairRow<R>[];
  independence: Independence | null;
  alpha: number;
}

export function fairTable<R extends SharedTerm>(
  patterns: Patterns,
  rows: readonly R[],
  options: { alpha?: number; seed?: number } = {},
): FairTable<R> {
  const alpha = options.alpha ?? ALPHA;
  const hubIds = patterns.hubs.map((h) => h.id);
  const present = rows.filter((r) => r.hubCount > 0);
  const totals = hubIds.map((h) => new Set(present.flatMap((r) => r.byHub[h] ?? [])).size);
  const chars = hubIds.map((h) => patterns.texts.find((t) => t.hubId === h)?.chars ?? null);
  const byText = chars.every((c) => c !== null && c > 0);
  const baseline = byText ? "text" : "total";
  const weights = byText ? (chars as number[]) : totals;

  const tests = present.map((r) =>
    hubIds.length < 2 || weights.every((w) => w === 0)
      ? null
      : goodnessOfFit(
          hubIds.map((h) => r.byHub[h]?.length ?? 0),
          weights,
          { seed: options.seed ?? 1 },
        ),
  );
  const tested = tests.flatMap((t, i) => (t ? [[t.p, i] as const] : []));
  const adjusted = holm(tested.map(([p]) => p));
  const adjustedOf = new Map(tested.map(([, i], k) => [i, adjusted[k]!]));

  const fairRows = present.map((row, i): FairRow<R> => {
    const test = tests[i]
      ? { ...tests[i], pAdjusted: adjustedOf.get(i)!, significant: adjustedOf.get(i)! < alpha }
      : null;
    const cells = hubIds.map((hubId, h): FairCell => {
      const count = row.byHub[hubId]?.length ?? 0;
      const expected = test?.expected[h] ?? 0;
      const residual = expected > 0 ? (count - expected) / Math.sqrt(expected) : 0;
      const flag =
        test?.significant && Math.abs(residual) >= RESIDUAL ? (residual > 0 ? "over" : "under") : null;
      return {
        hubId,
        count,
        share: totals[h]! > 0 ? count / totals[h]! : 0,
        rate: chars[h] ? (1000 * count) / chars[h] : null,
        expected,
        residual,
        flag,
      };
    });
    return { row, cells, test };
  });

  return {
    hubIds,
    totals,
    chars,
    baseline,
    rows: fairRows,
    independence: independenceTest(
      present.map((r) => hubIds.map((h) => r.byHub[h]?.length ?? 0)),
      { seed: options.seed ?? 1 },
    ),
    alpha,
  };
}

/** A cell's value under a normalisation (null: a rate without the text length). */
export function cellValue(cell: FairCell, normalisation: Normalisation): number | null {
  return normalisation === "count" ? cell.count : normalisation === "share" ? cell.share : cell.rate;
}

/** The hubs of a row from the highest value to the lowest (ties in hub order). */
export function hubRanking(row: FairRow<SharedTerm>, normalisation: Normalisation): string[] {
  return row.cells
    .map((c, i) => ({ id: c.hubId, v: cellValue(c, normalisation) ?? -1, i }))
    .sort((a, b) => b.v - a.v || a.i - b.i)
    .map((c) => c.id);
}

/** A value as the matrices print it: counts whole, shares in per cent, rates to two decimals. */
export function formatValue(value: number | null, normalisation: Normalisation): string {
  if (value === null) return "–";
  if (normalisation === "count") return String(value);
  if (normalisation === "share") return `${(100 * value).toFixed(value > 0 && value < 0.1 ? 1 : 0)}%`;
  return value.toFixed(2);
}

/** A p-value as printed: two significant digits, or "< 0.001". */
export function formatP(p: number): string {
  return p < 0.001 ? "< 0.001" : p.toPrecision(2);
}

/** "p = 0.018", or "p < 0.001". */
export function pText(p: number): string {
  const text = formatP(p);
  return text.startsWith("<") ? `p ${text}` : `p = ${text}`;
}

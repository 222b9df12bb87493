/**
 * The significance tests of the fair comparison, small enough to check by hand.
 *
 * Why written here and not taken from npm: the maintained chi-square CDF
 * (@stdlib/stats-base-dists-chisquare-cdf) brings about 200 packages (23 MB) for one function, jStat
 * has had no release since 2022, and simple-statistics has no chi-square distribution function. The
 * tests that decide what is flagged do not need one anyway: they are exact (every outcome enumerated)
 * or Monte Carlo with a seeded generator, as R's chisq.test(simulate.p.value = TRUE) does for sparse
 * tables, where the chi-square approximation is poor. The asymptotic p-value is reported beside them,
 * from the regularised incomplete gamma function of Numerical Recipes (§6.2).
 */

/** A small seeded random number generator (mulberry32), in [0, 1): the same seed, the same numbers. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9; about 15 significant digits). */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`logGamma: x must be above 0, got ${x}`);
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** The regularised upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a). */
export function gammaQ(a: number, x: number): number {
  if (!(a > 0) || x < 0) throw new RangeError(`gammaQ: needs a > 0 and x ≥ 0, got a=${a}, x=${x}`);
  if (x === 0) return 1;
  const front = Math.exp(-x + a * Math.log(x) - logGamma(a));
  if (x < a + 1) {
    // the series of P(a, x), then Q = 1 - P
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1000 && Math.abs(term) > Math.abs(sum) * 1e-16; n++) {
      term *= x / (a + n);
      sum += term;
    }
    return Math.max(0, 1 - sum * front);
  }
  // Lentz's continued fraction for Q(a, x)
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.min(1, front * h);
}

/** P(X ≥ x) for X chi-square distributed with `df` degrees of freedom. */
export function chiSquareSurvival(x: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`chiSquareSurvival: df must be above 0, got ${df}`);
  return x <= 0 ? 1 : gammaQ(df / 2, x / 2);
}

/** Pearson's X² = Σ (observed − expected)² / expected, over cells with expected > 0. */
export function pearson(observed: readonly number[], expected: readonly number[]): number {
  if (observed.length !== expected.length) throw new RangeError("pearson: lists of different lengths");
  let sum = 0;
  for (let i = 0; i < observed.length; i++) {
    const e = expected[i]!;
    if (e > 0) sum += (observed[i]! - e) ** 2 / e;
  }
  return sum;
}

/** Holm's step-down adjustment of p-values (controls the family-wise error rate), in input order. */
export function holm(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(([p, i], rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}

export interface GoodnessOfFit {
  /** Pearson's X² of the observed counts against n × probabilities. */
  statistic: number;
  df: number;
  expected: number[];
  /** P(X² ≥ observed) under the multinomial null: exact, or Monte Carlo when there are too many outcomes. */
  p: number;
  method: "exact" | "monte-carlo";
  /** The chi-square approximation of p, for reference. */
  pAsymptotic: number;
}

/** Outcomes above this many are sampled rather than enumerated. */
const MAX_EXACT_OUTCOMES = 200_000;

function logChoose(n: number, k: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}

/**
 * Do these counts follow these probabilities? A multinomial goodness-of-fit test ordered by Pearson's
 * X²: p is the probability, under the null, of an outcome at least as far from the expectation as the
 * one observed. Cells whose probability is 0 must have count 0 and take no part.
 */
export function goodnessOfFit(
  counts: readonly number[],
  probabilities: readonly number[],
  options: { samples?: number; seed?: number } = {},
): GoodnessOfFit {
  if (counts.length !== probabilities.length)
    throw new RangeError("goodnessOfFit: lists of different lengths");
  const total = probabilities.reduce((a, b) => a + b, 0);
  if (!(total > 0)) throw new RangeError("goodnessOfFit: the probabilities add up to nothing");
  const keep = probabilities.map((p, i) => [p / total, counts[i]!] as const).filter(([p]) => p > 0);
  const probs = keep.map(([p]) => p);
  const observed = keep.map(([, c]) => c);
  const n = observed.reduce((a, b) => a + b, 0);
  const expected = probabilities.map((p) => (n * p) / total);
  const kept = probs.map((p) => n * p);
  const statistic = pearson(observed, kept);
  const k = probs.length;
  const df = k - 1;
  if (df < 1 || n === 0) return { statistic, df, expected, p: 1, method: "exact", pAsymptotic: 1 };
  const threshold = statistic - 1e-9 * Math.max(1, statistic);
  const pAsymptotic = chiSquareSurvival(statistic, df);

  if (logChoose(n + k - 1, k - 1) <= Math.log(MAX_EXACT_OUTCOMES)) {
    const logP = probs.map(Math.log);
    const logN = logGamma(n + 1);
    const x = new Array<number>(k).fill(0);
    let p = 0;
    const visit = (i: number, left: number) => {
      if (i === k - 1) {
        x[i] = left;
        if (pearson(x, kept) >= threshold) {
          let lp = logN;
          for (let j = 0; j < k; j++) lp += x[j]! * logP[j]! - logGamma(x[j]! + 1);
          p += Math.exp(lp);
        }
        return;
      }
      for (let v = 0; v <= left; v++) {
        x[i] = v;
        visit(i + 1, left - v);
      }
    };
    visit(0, n);
    return { statistic, df, expected, p: Math.min(1, p), method: "exact", pAsymptotic };
  }

  const samples = options.samples ?? 20_000;
  const random = seededRandom(options.seed ?? 1);
  const cumulative: number[] = [];
  probs.reduce((sum, p) => (cumulative.push(sum + p), sum + p), 0);
  let atLeast = 0;
  const x = new Array<number>(k);
  for (let s = 0; s < samples; s++) {
    x.fill(0);
    for (let item = 0; item < n; item++) {
      const u = random();
      let j = 0;
      while (j < k - 1 && u >= cumulative[j]!) j++;
      x[j]!++;
    }
    if (pearson(x, kept) >= threshold) atLeast++;
  }
  return { statistic, df, expected, p: (atLeast + 1) / (samples + 1), method: "monte-carlo", pAsymptotic };
}

export interface Independence {
  /** Pearson's X² of the table against the product of its margins. */
  statistic: number;
  df: number;
  /** The chi-square approximation. */
  pAsymptotic: number;
  /** The share of label permutations (margins kept) giving an X² at least as large, +1 smoothed. */
  pPermutation: number;
  permutations: number;
  /** Rows and columns with a total above 0 (the ones tested). */
  rows: number;
  columns: number;
}

/**
 * Are rows and columns independent? Pearson's chi-square test of independence, its p-value by
 * permutation: the column labels of the table's units are shuffled (the margins stay as they are),
 * `permutations` times with a seeded generator. Empty rows and columns are left out.
 */
export function independenceTest(
  table: readonly (readonly number[])[],
  options: { permutations?: number; seed?: number } = {},
): Independence | null {
  const rowTotals = table.map((r) => r.reduce((a, b) => a + b, 0));
  const columns = table[0]?.length ?? 0;
  const colTotals = Array.from({ length: columns }, (_, j) => table.reduce((s, r) => s + r[j]!, 0));
  const rowsKept = rowTotals.map((t, i) => [t, i] as const).filter(([t]) => t > 0);
  const colsKept = colTotals.map((t, j) => [t, j] as const).filter(([t]) => t > 0);
  const R = rowsKept.length;
  const C = colsKept.length;
  if (R < 2 || C < 2) return null;
  const n = rowsKept.reduce((s, [t]) => s + t, 0);
  const statisticOf = (cells: (i: number, j: number) => number) => {
    let sum = 0;
    for (let a = 0; a < R; a++) {
      for (let b = 0; b < C; b++) {
        const e = (rowsKept[a]![0] * colsKept[b]![0]) / n;
        sum += (cells(a, b) - e) ** 2 / e;
      }
    }
    return sum;
  };
  const statistic = statisticOf((a, b) => table[rowsKept[a]![1]]![colsKept[b]![1]]!);
  const df = (R - 1) * (C - 1);

  // One unit per count: its row and its column; the columns are shuffled against the rows.
  const unitRows: number[] = [];
  const unitCols: number[] = [];
  for (let a = 0; a < R; a++) {
    for (let b = 0; b < C; b++) {
      const count = table[rowsKept[a]![1]]![colsKept[b]![1]]!;
      for (let u = 0; u < count; u++) {
        unitRows.push(a);
        unitCols.push(b);
      }
    }
  }
  const permutations = options.permutations ?? 2_000;
  const random = seededRandom(options.seed ?? 1);
  const threshold = statistic - 1e-9 * Math.max(1, statistic);
  const counts = new Array<number>(R * C);
  let atLeast = 0;
  for (let s = 0; s < permutations; s++) {
    for (let i = unitCols.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [unitCols[i], unitCols[j]] = [unitCols[j]!, unitCols[i]!];
    }
    counts.fill(0);
    for (let u = 0; u < unitRows.length; u++) counts[unitRows[u]! * C + unitCols[u]!]!++;
    if (statisticOf((a, b) => counts[a * C + b]!) >= threshold) atLeast++;
  }
  return {
    statistic,
    df,
    pAsymptotic: chiSquareSurvival(statistic, df),
    pPermutation: (atLeast + 1) / (permutations + 1),
    permutations,
    rows: R,
    columns: C,
  };
}

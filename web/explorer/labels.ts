/**
 * Which node labels to draw so that no two overlap. Sigma's label grid only thins labels per cell, so
 * long labels from neighbouring cells still pile up; here the candidates (what the grid and the
 * reducers' forceLabel offer) are taken by priority and a label is kept only if its box meets no box
 * already kept. Pure and canvas-free, so it is unit-tested; labelLayer.ts feeds it what sigma draws.
 */

/** A label's box in viewport pixels (x, y: top-left corner), and how much it matters. */
export interface LabelBox {
  key: string;
  x: number;
  y: number;
  width: number;
  height: number;
  priority: number;
}

/**
 * Priority tiers, highest first: the selected (or hovered) node, a shown path, search hits, the nodes
 * an expansion just brought in, the focus's neighbours, then everything else. Within a tier the bigger
 * node (by the size metric: degree, PageRank…) wins.
 */
export const TIER = { focus: 5, path: 4, search: 3, fresh: 2, neighbour: 1, other: 0 } as const;

/** Node sizes stay far below this, so a higher tier always beats a bigger node. */
const TIER_STEP = 1000;

export function labelPriority(tier: number, nodeSize: number): number {
  return tier * TIER_STEP + Math.max(0, Math.min(TIER_STEP - 1, nodeSize));
}

/** The tier a priority belongs to (labels of the top tiers are drawn on a white plate). */
export function tierOf(priority: number): number {
  return Math.floor(priority / TIER_STEP);
}

/** Pixels kept free around a label's text: its white halo and a little air. */
export const LABEL_MARGIN = 2;

/**
 * The box of a label drawn the way sigma draws one (drawDiscNodeLabel): text starting 3 px right of
 * the node's disc, its baseline a third of the font size below the centre. The height covers CJK
 * glyphs (a full em) and Latin descenders.
 */
export function labelBox(
  key: string,
  node: { x: number; y: number; size: number },
  textWidth: number,
  fontSize: number,
  priority: number,
): LabelBox {
  const left = node.x + node.size + 3;
  const top = node.y + fontSize / 3 - fontSize * 0.95;
  return {
    key,
    x: left - LABEL_MARGIN,
    y: top - LABEL_MARGIN,
    width: textWidth + 2 * LABEL_MARGIN,
    height: fontSize * 1.25 + 2 * LABEL_MARGIN,
    priority,
  };
}

/** Whether two boxes overlap (boxes that only touch along an edge do not). */
export function intersects(a: LabelBox, b: LabelBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function byPriority(a: LabelBox, b: LabelBox): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * A set of boxes of which no two intersect, chosen greedily by priority (ties by key, so the choice
 * is stable from frame to frame). A key offered twice counts once, at its higher priority. Boxes are
 * bucketed in a grid of `cell` pixels, so each test looks only at nearby kept boxes.
 */
export function pickLabels<T extends LabelBox>(boxes: readonly T[], cell = 64): T[] {
  if (!(cell > 0)) throw new Error(`pickLabels: cell must be a positive number of pixels, got ${cell}`);
  const grid = new Map<string, T[]>();
  const seen = new Set<string>();
  const kept: T[] = [];
  const cellsOf = (box: LabelBox) => {
    const out: string[] = [];
    const [x0, x1] = [Math.floor(box.x / cell), Math.floor((box.x + box.width) / cell)];
    const [y0, y1] = [Math.floor(box.y / cell), Math.floor((box.y + box.height) / cell)];
    for (let cx = x0; cx <= x1; cx++) for (let cy = y0; cy <= y1; cy++) out.push(`${cx},${cy}`);
    return out;
  };
  for (const box of [...boxes].sort(byPriority)) {
    if (seen.has(box.key)) continue;
    if (![box.x, box.y, box.width, box.height].every(Number.isFinite) || box.width <= 0 || box.height <= 0)
      continue;
    seen.add(box.key);
    const cells = cellsOf(box);
    if (cells.some((c) => grid.get(c)?.some((other) => intersects(box, other)))) continue;
    kept.push(box);
    for (const c of cells) {
      const bucket = grid.get(c);
      if (bucket) bucket.push(box);
      else grid.set(c, [box]);
    }
  }
  return kept;
}

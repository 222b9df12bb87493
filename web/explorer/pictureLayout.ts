/**
 * Where the title and the legend go in an exported picture, as plain shapes (boxes, discs, text runs)
 * in output pixels, so that the PNG (drawn on a canvas) and the SVG (written as elements) show one
 * and the same layout. The title is a band across the top; the legend a box in the top-left corner
 * under it, its first entry always in the same place. Pure: text is measured by a function passed in
 * (the canvas's measureText in the browser, an estimate in tests).
 */
import type { LegendEntry } from "./pictureCaption.ts";

/** The picture's resolution: a multiple of the view's size on screen, or a width in pixels. */
export type Resolution = { kind: "scale"; scale: number } | { kind: "width"; width: number };

/** The longest side a picture may have: browsers' WebGL drawing buffers stop at 8192 or 16384. */
export const MAX_SIDE = 8192;
export const MIN_WIDTH = 100;

/** Output pixels per screen pixel, for a view of the given size; the longest side kept to MAX_SIDE. */
export function outputScale(resolution: Resolution, view: { width: number; height: number }): number {
  const wanted =
    resolution.kind === "scale"
      ? resolution.scale
      : Math.max(MIN_WIDTH, Math.min(MAX_SIDE, Math.round(resolution.width))) / view.width;
  if (!(wanted > 0) || !Number.isFinite(wanted))
    throw new Error(`outputScale: no scale from ${JSON.stringify(resolution)}`);
  return Math.min(wanted, MAX_SIDE / Math.max(view.width, view.height));
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TextRun {
  x: number;
  /** The baseline. */
  y: number;
  text: string;
  size: number;
  weight: 400 | 700;
  fill: string;
  anchor: "start" | "end";
}

export interface Overlay {
  boxes: (Box & { fill: string; stroke: string | null })[];
  discs: { cx: number; cy: number; r: number; fill: string }[];
  texts: TextRun[];
  /** Where the graph can be drawn without going under the title or the legend. */
  free: Box;
}

/** The width of a text in pixels, at a font size and weight. */
export type Measure = (text: string, size: number, weight: 400 | 700) => number;

/** Full-width (CJK) characters take an em; others about 0.6 of one (generous for Noto Sans). */
export const estimateWidth: Measure = (text, size, weight) => {
  let ems = 0;
  for (const char of text) ems += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/u.test(char) ? 1 : 0.6;
  return ems * size * (weight === 700 ? 1.05 : 1);
};

// Sizes at 1×, in screen pixels.
const MARGIN = 12;
const PAD = 10;
const TITLE = 16;
const SUBTITLE = 12;
const ENTRY = 12;
const ROW = 19;
const DISC = 5;
const GAP = 6;
const INK = "#1f2933";
const MUTED = "#66707f";
const RULE = "#d0d5dd";

/** The text, cut to a width with an ellipsis. */
function fit(text: string, width: number, size: number, weight: 400 | 700, measure: Measure): string {
  if (measure(text, size, weight) <= width) return text;
  const chars = [...text];
  let end = chars.length;
  while (end > 0 && measure(`${chars.slice(0, end).join("")}…`, size, weight) > width) end--;
  return `${chars.slice(0, end).join("")}…`;
}

function titleBand(
  width: number,
  scale: number,
  lines: readonly string[],
  measure: Measure,
  out: Overlay,
): number {
  const [title = "", subtitle = ""] = lines;
  const height = (PAD * 2 + TITLE * 1.3 + SUBTITLE * 1.4) * scale;
  out.boxes.push({ x: 0, y: 0, width, height, fill: "#ffffff", stroke: null });
  out.boxes.push({ x: 0, y: height - scale, width, height: scale, fill: RULE, stroke: null });
  const room = width - 2 * PAD * scale;
  const x = PAD * scale;
  const [t, s] = [TITLE * scale, SUBTITLE * scale];
  out.texts.push({
    x,
    y: PAD * scale + t,
    text: fit(title, room, t, 700, measure),
    size: t,
    weight: 700,
    fill: INK,
    anchor: "start",
  });
  const y = PAD * scale + t * 1.3 + s;
  out.texts.push({
    x,
    y,
    text: fit(subtitle, room, s, 400, measure),
    size: s,
    weight: 400,
    fill: MUTED,
    anchor: "start",
  });
  return height;
}

/** The legend box at (left, top); entries run down, then on in a new column when the height is used up. */
function legendBox(
  entries: readonly LegendEntry[],
  heading: string,
  at: { x: number; y: number; bottom: number },
  scale: number,
  measure: Measure,
  out: Overlay,
): Box {
  const [pad, row, size, gap, r] = [PAD * scale, ROW * scale, ENTRY * scale, GAP * scale, DISC * scale];
  const head = row + gap / 2;
  const perColumn = Math.max(1, Math.floor((at.bottom - at.y - 2 * pad - head) / row));
  const columns = Math.ceil(entries.length / perColumn);
  const nameWidth = Math.max(
    0,
    ...entries.map((e) => measure(e.name, size, 400) + (e.other ? gap + measure(e.other, size, 400) : 0)),
  );
  const countWidth = Math.max(0, ...entries.map((e) => measure(String(e.count), size, 400)));
  const column = 2 * r + gap + nameWidth + 2 * gap + countWidth;
  const width = Math.max(
    2 * pad + columns * column + (columns - 1) * 2 * gap,
    2 * pad + measure(heading, size, 700),
  );
  const height = 2 * pad + head + Math.min(entries.length, perColumn) * row;
  out.boxes.push({ x: at.x, y: at.y, width, height, fill: "#ffffff", stroke: RULE });
  out.texts.push({
    x: at.x + pad,
    y: at.y + pad + size,
    text: heading,
    size,
    weight: 700,
    fill: INK,
    anchor: "start",
  });
  entries.forEach((entry, i) => {
    const left = at.x + pad + Math.floor(i / perColumn) * (column + 2 * gap);
    const middle = at.y + pad + head + (i % perColumn) * row + row / 2;
    const baseline = middle + size * 0.36;
    out.discs.push({ cx: left + r, cy: middle, r, fill: entry.color });
    const textX = left + 2 * r + gap;
    out.texts.push({
      x: textX,
      y: baseline,
      text: entry.name,
      size,
      weight: 400,
      fill: INK,
      anchor: "start",
    });
    if (entry.other) {
      const otherX = textX + measure(entry.name, size, 400) + gap;
      out.texts.push({
        x: otherX,
        y: baseline,
        text: entry.other,
        size,
        weight: 400,
        fill: MUTED,
        anchor: "start",
      });
    }
    out.texts.push({
      x: left + column,
      y: baseline,
      text: String(entry.count),
      size,
      weight: 400,
      fill: MUTED,
      anchor: "end",
    });
  });
  return { x: at.x, y: at.y, width, height };
}

/**
 * The title band and legend for a picture of `width`×`height` output pixels at `scale` output pixels
 * per screen pixel, and the area left free for the graph. Without title lines there is no band;
 * without entries no legend.
 */
export function overlayLayout(
  size: { width: number; height: number; scale: number },
  title: readonly string[],
  legend: readonly LegendEntry[],
  heading: string,
  measure: Measure = estimateWidth,
): Overlay {
  const { width, height, scale } = size;
  const margin = MARGIN * scale;
  const out: Overlay = { boxes: [], discs: [], texts: [], free: { x: 0, y: 0, width, height } };
  const top = title.length > 0 ? titleBand(width, scale, title, measure, out) : 0;
  let left = margin;
  if (legend.length > 0) {
    const box = legendBox(
      legend,
      heading,
      { x: margin, y: top + margin, bottom: height - margin },
      scale,
      measure,
      out,
    );
    // A legend wider than about half the picture is drawn over the graph rather than beside it.
    if (box.x + box.width < width * 0.45) left = box.x + box.width + margin;
  }
  out.free = {
    x: left,
    y: top + margin,
    width: Math.max(1, width - left - margin),
    height: Math.max(1, height - top - 2 * margin),
  };
  return out;
}

/**
 * The explorer's picture as an SVG document: edges, nodes, labels, then the title and legend, all as
 * SVG elements in output pixels (the viewBox is the chosen resolution). Text stays text, in the CJK
 * web font the app uses (its @font-face rules carried along, so a browser loads it while the app's
 * server is reachable; the usual system CJK fonts are named after it), so it can be searched, copied
 * and edited. Every name and colour goes through the XML escapes: nothing from the data becomes markup.
 * Labels are chosen like the canvas's (labels.ts): by priority, never two overlapping.
 */
import { labelBox, labelPriority, pickLabels, TIER } from "./labels.ts";
import { estimateWidth, type Measure, type Overlay } from "./pictureLayout.ts";
import { escapeAttribute, escapeText } from "./xmlText.ts";

/** A node as drawn, in output pixels. */
export interface SceneNode {
  x: number;
  y: number;
  r: number;
  color: string;
  /** "" when the node is drawn without a label (as the reducers do for dimmed nodes). */
  label: string;
  /** A label the view insists on (selection, path), placed before the others. */
  forceLabel: boolean;
  /** The label's priority as the explorer's label layer ranks it (labels.ts), if the view set one. */
  priority?: number;
  zIndex: number;
}

export interface SceneEdge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** The target's radius, so an arrow stops at its disc. */
  targetR: number;
  width: number;
  color: string;
  arrow: boolean;
  zIndex: number;
}

export interface PictureScene {
  width: number;
  height: number;
  background: string;
  nodes: SceneNode[];
  edges: SceneEdge[];
  /** Label font size (output pixels) and colour. */
  labelSize: number;
  labelColor: string;
  /** The document's <title> (the picture's title line and description). */
  title: string;
  /** @font-face rules for the named font (the app's own, with absolute URLs), or "" for none. */
  fontCss: string;
  overlay: Overlay | null;
}

/** Named, then the CJK fonts systems have, so Chinese shows even where the web font is not installed. */
export const SVG_FONT_FAMILY =
  "'Noto Sans SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/** Arrow heads as sigma draws them: 2.5 edge widths long, 2 wide (at least a few pixels). */
const HEAD_LENGTH = 2.5;
const HEAD_WIDTH = 2;

const n = (value: number) => String(Math.round(value * 100) / 100);

type Attributes = Record<string, string | number | null>;

/** Attribute names are this module's own; values are escaped (numbers rounded), null ones left out. */
function attributes(values: Attributes): string {
  return Object.entries(values)
    .flatMap(([key, value]) =>
      value === null ? [] : [` ${key}="${typeof value === "number" ? n(value) : escapeAttribute(value)}"`],
    )
    .join("");
}

/** One element, empty or holding text. */
function tag(name: string, values: Attributes, text?: string): string {
  const list = attributes(values);
  return text === undefined ? `<${name}${list}/>` : `<${name}${list}>${escapeText(text)}</${name}>`;
}

function edgeElements(edge: SceneEdge): string[] {
  const { x1, y1, x2, y2, width, color } = edge;
  const line = (x: number, y: number) =>
    tag("line", { x1, y1, x2: x, y2: y, stroke: color, "stroke-width": width });
  const length = Math.hypot(x2 - x1, y2 - y1);
  if (!edge.arrow || length === 0) return [line(x2, y2)];
  const [ux, uy] = [(x2 - x1) / length, (y2 - y1) / length];
  const head = Math.min(Math.max(width * HEAD_LENGTH, 4), length / 2);
  const half = Math.max(width * HEAD_WIDTH, 3) / 2;
  const tip = { x: x2 - ux * edge.targetR, y: y2 - uy * edge.targetR };
  const base = { x: tip.x - ux * head, y: tip.y - uy * head };
  const points = [
    tip,
    { x: base.x - uy * half, y: base.y + ux * half },
    { x: base.x + uy * half, y: base.y - ux * half },
  ];
  return [
    line(base.x, base.y),
    tag("polygon", { points: points.map((p) => `${n(p.x)},${n(p.y)}`).join(" "), fill: color }),
  ];
}

/** The labels to write: inside the picture, by priority, no two overlapping. */
function chooseLabels(scene: PictureScene, measure: Measure) {
  const size = scene.labelSize;
  const candidates = scene.nodes.flatMap((node, i) => {
    if (!node.label) return [];
    const priority = node.priority ?? labelPriority(node.forceLabel ? TIER.focus : TIER.other, node.r);
    const box = labelBox(
      String(i),
      { x: node.x, y: node.y, size: node.r },
      measure(node.label, size, 400),
      size,
      priority,
    );
    const inside =
      box.x < scene.width && box.x + box.width > 0 && box.y < scene.height && box.y + box.height > 0;
    return inside ? [{ ...box, node }] : [];
  });
  return pickLabels(candidates, Math.max(32, size * 5));
}

function overlayElements(overlay: Overlay): string[] {
  return [
    ...overlay.boxes.map((b) =>
      tag("rect", { x: b.x, y: b.y, width: b.width, height: b.height, fill: b.fill, stroke: b.stroke }),
    ),
    ...overlay.discs.map((d) => tag("circle", { cx: d.cx, cy: d.cy, r: d.r, fill: d.fill })),
    ...overlay.texts.map((t) =>
      tag(
        "text",
        {
          x: t.x,
          y: t.y,
          "font-size": t.size,
          fill: t.fill,
          "font-weight": t.weight === 700 ? 700 : null,
          "text-anchor": t.anchor === "end" ? "end" : null,
        },
        t.text,
      ),
    ),
  ];
}

/** The SVG document of a scene; `measure` sizes label boxes for the choice of labels. */
export function toSvg(scene: PictureScene, measure: Measure = estimateWidth): string {
  const { width, height } = scene;
  const edges = [...scene.edges].sort((a, b) => a.zIndex - b.zIndex).flatMap(edgeElements);
  const nodes = [...scene.nodes]
    .sort((a, b) => a.zIndex - b.zIndex)
    .map((d) => tag("circle", { cx: d.x, cy: d.y, r: d.r, fill: d.color }));
  const labels = chooseLabels(scene, measure).map(({ node }) =>
    tag("text", { x: node.x + node.r + 3, y: node.y + scene.labelSize / 3 }, node.label),
  );
  const indent = (lines: string[]) => lines.map((line) => `    ${line}`);
  const root = attributes({
    xmlns: "http://www.w3.org/2000/svg",
    width,
    height,
    viewBox: `0 0 ${n(width)} ${n(height)}`,
    "font-family": SVG_FONT_FAMILY,
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg${root}>`,
    `  ${tag("title", {}, scene.title)}`,
    ...(scene.fontCss ? [`  <defs>${tag("style", {}, scene.fontCss)}</defs>`] : []),
    `  ${tag("rect", { width, height, fill: scene.background })}`,
    '  <g class="edges" stroke-linecap="round">',
    ...indent(edges),
    "  </g>",
    '  <g class="nodes">',
    ...indent(nodes),
    "  </g>",
    `  <g${attributes({ class: "labels", "font-size": scene.labelSize, fill: scene.labelColor })}>`,
    ...indent(labels),
    "  </g>",
    ...(scene.overlay ? ['  <g class="caption">', ...indent(overlayElements(scene.overlay)), "  </g>"] : []),
    "</svg>",
    "",
  ].join("\n");
}

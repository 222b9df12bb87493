/**
 * Sigma's node labels drawn without overlaps. Sigma still chooses the candidates (its label grid, and
 * the nodes the reducers force), but drawNodeLabel only measures and collects them; once the frame is
 * drawn (afterRender) pickLabels keeps, by priority, the labels whose boxes meet no other, and only
 * those are painted — with a white halo, and the top tiers on a white plate. A renderer without a
 * layer attached (sigma copies made for an export, say) draws labels the way sigma does.
 */
import type { Attributes } from "graphology-types";
import type Sigma from "sigma";
import { drawDiscNodeHover, drawDiscNodeLabel } from "sigma/rendering";
import type { NodeHoverDrawingFunction, NodeLabelDrawingFunction } from "sigma/rendering";
import type { Settings } from "sigma/settings";
import { labelBox, labelPriority, pickLabels, TIER, tierOf, type LabelBox } from "./labels.ts";

type LabelSettings = Pick<Settings, "labelSize" | "labelFont" | "labelWeight" | "labelColor">;

interface Candidate extends LabelBox {
  label: string;
  textX: number;
  textY: number;
}

/** Text widths per font and label: measureText is the costly part of a frame with many labels. */
const widths = new Map<string, number>();
const WIDTH_CACHE_LIMIT = 50_000;

function textWidth(context: CanvasRenderingContext2D, font: string, label: string): number {
  const key = `${font}\u0000${label}`;
  let width = widths.get(key);
  if (width === undefined) {
    if (widths.size >= WIDTH_CACHE_LIMIT) widths.clear();
    context.font = font;
    width = context.measureText(label).width;
    widths.set(key, width);
  }
  return width;
}

const fontOf = (s: LabelSettings) => `${s.labelWeight} ${s.labelSize}px ${s.labelFont}`;

/**
 * Long names (policy titles run to forty characters) are cut to this width with an ellipsis, so one
 * label does not take the room of five; the full name shows on hover and in the inspector.
 */
const MAX_LABEL_WIDTH = 240;
const shortened = new Map<string, { text: string; width: number }>();

function fitText(context: CanvasRenderingContext2D, font: string, label: string) {
  const key = `${font}\u0000${label}`;
  let fitted = shortened.get(key);
  if (fitted === undefined) {
    if (shortened.size >= WIDTH_CACHE_LIMIT) shortened.clear();
    let [text, width] = [label, textWidth(context, font, label)];
    if (width > MAX_LABEL_WIDTH) {
      // The longest prefix that fits with its ellipsis (binary search on the number of characters).
      const chars = [...label];
      let [low, high] = [1, chars.length - 1];
      while (low < high) {
        const mid = Math.ceil((low + high) / 2);
        if (textWidth(context, font, `${chars.slice(0, mid).join("")}…`) <= MAX_LABEL_WIDTH) low = mid;
        else high = mid - 1;
      }
      text = `${chars.slice(0, low).join("")}…`;
      width = textWidth(context, font, text);
    }
    fitted = { text, width };
    shortened.set(key, fitted);
  }
  return fitted;
}

class LabelLayer {
  candidates: Candidate[] = [];
  drawn: readonly LabelBox[] = [];
  hovered: string | null = null;
  settings: LabelSettings | null = null;

  offer(context: CanvasRenderingContext2D, data: Parameters<NodeLabelDrawingFunction>[1], s: LabelSettings) {
    if (!data.label) return;
    this.settings = s;
    const key = String(data.key);
    const priority =
      typeof data.labelPriority === "number" ? data.labelPriority : labelPriority(TIER.other, data.size);
    const { text, width } = fitText(context, fontOf(s), data.label);
    const box = labelBox(key, data, width, s.labelSize, priority);
    this.candidates.push({
      ...box,
      label: text,
      textX: data.x + data.size + 3,
      textY: data.y + s.labelSize / 3,
    });
  }

  flush(context: CanvasRenderingContext2D) {
    const s = this.settings;
    const chosen = pickLabels(this.candidates);
    this.candidates = [];
    this.drawn = chosen.map(({ key, x, y, width, height, priority }) => ({
      key,
      x,
      y,
      width,
      height,
      priority,
    }));
    if (!s || chosen.length === 0) return;
    context.save();
    context.font = fontOf(s);
    context.lineJoin = "round";
    for (const c of chosen) {
      if (tierOf(c.priority) >= TIER.search) {
        context.fillStyle = "rgba(255, 255, 255, 0.92)";
        context.fillRect(c.x, c.y, c.width, c.height);
      }
      context.strokeStyle = "rgba(255, 255, 255, 0.85)";
      context.lineWidth = 3;
      context.strokeText(c.label, c.textX, c.textY);
      context.fillStyle = s.labelColor.color ?? "#000";
      context.fillText(c.label, c.textX, c.textY);
    }
    context.restore();
  }
}

const layers = new WeakMap<CanvasRenderingContext2D, LabelLayer>();

/** Sigma's `defaultDrawNodeLabel`: collects the label for the layer of this renderer, if it has one. */
export const drawNodeLabel: NodeLabelDrawingFunction = (context, data, settings) => {
  const layer = layers.get(context);
  if (layer) layer.offer(context, data, settings);
  else drawDiscNodeLabel(context, data, settings);
};

/**
 * Sigma's `defaultDrawNodeHover`, called for the hovered node and for every highlighted one. The
 * hovered node gets sigma's label box; a highlighted node only its halo, since its label is placed
 * (or left out) by the layer with all the others, so highlighted labels cannot pile up either.
 */
export const drawNodeHover: NodeHoverDrawingFunction = (context, data, settings) => {
  const layer = layers.get(context);
  if (!layer || layer.hovered === data.key) {
    drawDiscNodeHover(context, data, settings);
    return;
  }
  context.save();
  context.fillStyle = "#fff";
  context.shadowBlur = 8;
  context.shadowColor = "rgba(0, 0, 0, 0.6)";
  context.beginPath();
  context.arc(data.x, data.y, data.size + 2, 0, Math.PI * 2);
  context.fill();
  context.restore();
};

export interface AttachedLabelLayer {
  /** The boxes of the labels drawn in the last frame (viewport pixels). */
  drawn: () => readonly LabelBox[];
  detach: () => void;
}

/** Routes a renderer's labels through a layer; the renderer's settings must use drawNodeLabel/Hover. */
export function attachLabelLayer<N extends Attributes, E extends Attributes>(
  sigma: Sigma<N, E>,
): AttachedLabelLayer {
  const canvases = sigma.getCanvases();
  const labels = canvases.labels?.getContext("2d");
  const hovers = canvases.hovers?.getContext("2d");
  if (!labels || !hovers) throw new Error("attachLabelLayer: the renderer has no labels or hovers canvas");
  const layer = new LabelLayer();
  layers.set(labels, layer);
  layers.set(hovers, layer);
  const begin = () => {
    layer.candidates = [];
  };
  const end = () => layer.flush(labels);
  const enter = ({ node }: { node: string }) => {
    layer.hovered = node;
  };
  const leave = () => {
    layer.hovered = null;
  };
  sigma.on("beforeRender", begin);
  sigma.on("afterRender", end);
  sigma.on("enterNode", enter);
  sigma.on("leaveNode", leave);
  sigma.refresh();
  return {
    drawn: () => layer.drawn,
    detach: () => {
      sigma.off("beforeRender", begin);
      sigma.off("afterRender", end);
      sigma.off("enterNode", enter);
      sigma.off("leaveNode", leave);
      layers.delete(labels);
      layers.delete(hovers);
    },
  };
}

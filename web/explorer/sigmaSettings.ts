/** Sigma settings of the explorer, shared with the bare page of bench/render so both draw alike. */
import type { Settings } from "sigma/settings";

export const LABEL_SETTINGS = {
  labelFont: '"Noto Sans SC", sans-serif',
  labelSize: 13,
  labelWeight: "400",
  labelDensity: 0.6,
  labelGridCellSize: 80,
  labelRenderedSizeThreshold: 7,
  defaultEdgeType: "arrow",
  renderEdgeLabels: false,
} as const satisfies Partial<Settings>;

export type LabelDensity = "few" | "normal" | "many";

/**
 * How many labels sigma's label grid offers the explorer as candidates (per cell of
 * `labelGridCellSize` pixels, for nodes drawn at least `labelRenderedSizeThreshold` pixels wide). The
 * explorer's label layer then drops every candidate that would overlap a more important one, so it
 * can be offered more than LABEL_SETTINGS gives views without that layer (console, patterns), and
 * "many" means more labels where there is room, never a heap.
 */
export const LABEL_DENSITY: Record<LabelDensity, Partial<Settings>> = {
  few: { labelDensity: 0.4, labelGridCellSize: 100, labelRenderedSizeThreshold: 9 },
  normal: { labelDensity: 1, labelGridCellSize: 60, labelRenderedSizeThreshold: 5 },
  many: { labelDensity: 3, labelGridCellSize: 40, labelRenderedSizeThreshold: 2 },
};

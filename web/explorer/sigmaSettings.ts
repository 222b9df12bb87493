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

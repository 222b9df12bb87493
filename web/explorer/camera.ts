/**
 * Framing nodes with sigma's camera. Sigma's camera works in "framed graph" coordinates (the graph's
 * bounding box scaled into [0, 1]) and its ratio scales viewport distances by 1/ratio, so the ratio
 * that frames a set of nodes is read off their viewport extent under a ratio-1 camera centred on
 * them, against the room the canvas has: its width and height less a margin, and less what lies over
 * it (the legend along the bottom, marked `data-canvas-overlay`). A wide canvas frames a wide set
 * without zooming out for nothing, and nothing framed ends up under the legend.
 */
import type { Attributes } from "graphology-types";
import type Sigma from "sigma";

export interface Extent {
  /** Half the width and half the height the points span around their centre, in pixels at ratio 1. */
  halfWidth: number;
  halfHeight: number;
}

/** Pixels kept free at each side of the canvas. */
export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface FrameOptions {
  /** Pixels kept free at each side, besides the overlays; labels run to the right of their node. */
  padding?: number;
  /** The closest the camera comes (a single node is shown at this ratio). */
  minRatio?: number;
  maxRatio?: number;
  duration?: number;
}

const DEFAULTS = { padding: 32, minRatio: 0.06, maxRatio: 1.5, duration: 600 } as const;
/** Extra room on the right, where the labels of the rightmost nodes are written. */
const LABEL_ROOM = 48;

export function uniformInsets(padding: number): Insets {
  return { top: padding, right: padding, bottom: padding, left: padding };
}

/** The camera ratio at which an extent fits a viewport inside insets, bounded to [minRatio, maxRatio]. */
export function fitRatio(
  extent: Extent,
  viewport: { width: number; height: number },
  insets: Insets,
  bounds: Pick<FrameOptions, "minRatio" | "maxRatio"> = {},
): number {
  const { minRatio, maxRatio } = { ...DEFAULTS, ...bounds };
  if (!(minRatio > 0) || !(maxRatio >= minRatio))
    throw new Error(`fitRatio: need 0 < minRatio <= maxRatio, got ${minRatio} and ${maxRatio}`);
  const width = Math.max(1, viewport.width - insets.left - insets.right);
  const height = Math.max(1, viewport.height - insets.top - insets.bottom);
  const wanted = Math.max((2 * extent.halfWidth) / width, (2 * extent.halfHeight) / height);
  return Number.isFinite(wanted) ? Math.min(maxRatio, Math.max(minRatio, wanted)) : maxRatio;
}

/**
 * How far the overlays marked `data-canvas-overlay` ("top", "right", "bottom" or "left") reach into
 * the canvas, read from the page: they are laid over it by CSS and change size as they wrap or open.
 */
export function overlayInsets(container: HTMLElement): Insets {
  const area = container.closest("[data-canvas-area]") ?? container;
  const box = container.getBoundingClientRect();
  const out = uniformInsets(0);
  for (const overlay of area.querySelectorAll<HTMLElement>("[data-canvas-overlay]")) {
    const r = overlay.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const side = overlay.dataset.canvasOverlay;
    if (side === "bottom") out.bottom = Math.max(out.bottom, box.bottom - r.top);
    if (side === "top") out.top = Math.max(out.top, r.bottom - box.top);
    if (side === "left") out.left = Math.max(out.left, r.right - box.left);
    if (side === "right") out.right = Math.max(out.right, box.right - r.left);
  }
  return out;
}

/** Ids of the nodes the reducers leave visible. */
export function shownNodes<N extends Attributes, E extends Attributes>(sigma: Sigma<N, E>): string[] {
  return sigma.getGraph().filterNodes((id) => {
    const data = sigma.getNodeDisplayData(id);
    return data !== undefined && !data.hidden;
  });
}

/**
 * Animates the camera to frame the given nodes (those not drawn are skipped) in the room the
 * overlays leave; resolves when the animation ends, or at once when there is nothing to frame.
 */
export async function frameNodes<N extends Attributes, E extends Attributes>(
  sigma: Sigma<N, E>,
  ids: readonly string[],
  options: FrameOptions = {},
): Promise<void> {
  const graph = sigma.getGraph();
  const points = ids.flatMap((id) => {
    const data = graph.hasNode(id) ? sigma.getNodeDisplayData(id) : undefined;
    return data && !data.hidden ? [data] : [];
  });
  if (points.length === 0) return;
  // A loop, not Math.min(...xs): a spread of 50 000 arguments overflows the stack.
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const { x, y } of points) {
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const centre = { x: (minX + maxX) / 2, y: (minY + maxY) / 2 };
  // A node without a position yet (the layout has not placed it) must not send the camera nowhere.
  if (!Number.isFinite(centre.x) || !Number.isFinite(centre.y)) return;
  // The camera's transform is affine (no rotation here): the corners of the framed bounding box
  // give the viewport extent, so two conversions do for any number of nodes.
  const unit = { ...centre, ratio: 1, angle: 0 };
  const middle = sigma.framedGraphToViewport(centre, { cameraState: unit });
  const corner = sigma.framedGraphToViewport({ x: maxX, y: maxY }, { cameraState: unit });
  const halfWidth = Math.abs(corner.x - middle.x);
  const halfHeight = Math.abs(corner.y - middle.y);
  const padding = options.padding ?? DEFAULTS.padding;
  const overlays = overlayInsets(sigma.getContainer());
  const insets: Insets = {
    top: padding + overlays.top,
    right: padding + Math.max(LABEL_ROOM, overlays.right),
    bottom: padding + overlays.bottom,
    left: padding + overlays.left,
  };
  const viewport = sigma.getDimensions();
  const ratio = fitRatio({ halfWidth, halfHeight }, viewport, insets, options);
  // Put the nodes' centre in the middle of the free room, not of the canvas: the camera looks at the
  // point that sits as far from the canvas's middle as the room's middle does, on the other side.
  const shift = {
    x: (insets.left - insets.right) / 2,
    y: (insets.top - insets.bottom) / 2,
  };
  const target = sigma.viewportToFramedGraph(
    { x: viewport.width / 2 - shift.x, y: viewport.height / 2 - shift.y },
    { cameraState: { ...centre, ratio, angle: 0 } },
  );
  await sigma
    .getCamera()
    .animate(
      { x: target.x, y: target.y, ratio, angle: 0 },
      { duration: options.duration ?? DEFAULTS.duration },
    );
}

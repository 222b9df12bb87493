/**
 * The explorer's picture as a PNG: sigma's layers drawn by @sigma/export-image at the chosen
 * resolution, then the title and legend painted over them on a 2D canvas.
 *
 * Resolution: export-image draws a second renderer the size of the view, at the screen's pixel ratio
 * (it and sigma both read window.devicePixelRatio). Reporting the wanted scale as the pixel ratio for
 * the length of that call draws everything — discs, edges, label text — that many times finer, as a
 * high-density screen would, instead of enlarging a small picture. The call runs in one task (its
 * steps are microtasks), so no animation frame of the explorer's own renderer runs while the ratio
 * is changed; should one render all the same, it is redrawn once the ratio is back.
 */
import { drawOnCanvas } from "@sigma/export-image";
import type Sigma from "sigma";
import type { CameraState } from "sigma/types";
import { attachLabelLayer } from "./labelLayer.ts";
import type { Overlay } from "./pictureLayout.ts";
import type { RenderEdge, RenderNode } from "./renderGraph.ts";

/** Sigma's layers from the bottom up, without the mouse layer (which only captures events). */
const LAYERS = ["edges", "edgeLabels", "nodes", "labels", "hovers", "hoverNodes"];
export const CAPTION_FONT = '"Noto Sans SC", sans-serif';

/** Thrown when the browser cannot draw a picture that large (its WebGL drawing buffer is smaller). */
export class PictureTooLarge extends Error {
  constructor(width: number, height: number) {
    super(`picturePng: the browser cannot draw ${width}×${height} pixels with WebGL`);
    this.name = "PictureTooLarge";
  }
}

/** Whether a WebGL canvas of this size gets a drawing buffer of this size (browsers shrink it silently). */
function webglCanDraw(width: number, height: number): boolean {
  const probe = document.createElement("canvas");
  probe.width = width;
  probe.height = height;
  const gl = probe.getContext("webgl2") ?? probe.getContext("webgl");
  if (!gl) return false;
  const ok = gl.drawingBufferWidth === width && gl.drawingBufferHeight === height;
  gl.getExtension("WEBGL_lose_context")?.loseContext();
  return ok;
}

/** Runs `draw` while the window reports `ratio` as its device pixel ratio. */
async function atPixelRatio<T>(ratio: number, draw: () => Promise<T>): Promise<T> {
  const own = Object.getOwnPropertyDescriptor(window, "devicePixelRatio");
  Object.defineProperty(window, "devicePixelRatio", { configurable: true, get: () => ratio });
  try {
    return await draw();
  } finally {
    if (own) Object.defineProperty(window, "devicePixelRatio", own);
    else delete (window as { devicePixelRatio?: number }).devicePixelRatio;
  }
}

export function paintOverlay(ctx: CanvasRenderingContext2D, overlay: Overlay): void {
  for (const box of overlay.boxes) {
    ctx.fillStyle = box.fill;
    ctx.fillRect(box.x, box.y, box.width, box.height);
    if (box.stroke) {
      ctx.strokeStyle = box.stroke;
      ctx.lineWidth = 1;
      ctx.strokeRect(box.x + 0.5, box.y + 0.5, box.width - 1, box.height - 1);
    }
  }
  for (const disc of overlay.discs) {
    ctx.fillStyle = disc.fill;
    ctx.beginPath();
    ctx.arc(disc.cx, disc.cy, disc.r, 0, 2 * Math.PI);
    ctx.fill();
  }
  for (const text of overlay.texts) {
    ctx.fillStyle = text.fill;
    ctx.font = `${text.weight} ${text.size}px ${CAPTION_FONT}`;
    ctx.textAlign = text.anchor === "end" ? "right" : "left";
    ctx.textBaseline = "alphabetic";
    ctx.fillText(text.text, text.x, text.y);
  }
}

/** Sigma's layers at `scale` through `camera`, with the explorer's label layer. */
async function drawLayers(
  sigma: Sigma<RenderNode, RenderEdge>,
  camera: CameraState,
  scale: number,
): Promise<HTMLCanvasElement> {
  // export-image is typed for sigma's default attributes; it only reads the graph and settings.
  // tsc needs this cast. typescript-eslint flags it as unnecessary in a fresh install but not
  // always in a working copy (its project service resolves sigma's types differently): keep the
  // directive, whose "unused" warning is harmless, so that CI's clean checkout passes.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
  const plain = sigma as unknown as Sigma;
  // Should the explorer's renderer draw a frame meanwhile, it read the wrong ratio: redraw it after.
  let interrupted = false;
  const note = () => {
    interrupted = true;
  };
  sigma.on("beforeRender", note);
  try {
    return await atPixelRatio(scale, () =>
      drawOnCanvas(plain, {
        backgroundColor: "#ffffff",
        layers: LAYERS,
        cameraState: camera,
        // A picture is read without hovering: offer small nodes' labels too; the layer thins them.
        sigmaSettings: { labelRenderedSizeThreshold: 0 },
        // The explorer's labels go through its label layer (no two overlap): so do the picture's.
        withTempRenderer: (renderer) => void attachLabelLayer(renderer),
      }),
    );
  } finally {
    sigma.off("beforeRender", note);
    if (interrupted) {
      sigma.resize(true);
      sigma.refresh();
    }
  }
}

export async function pictureAsPng(
  sigma: Sigma<RenderNode, RenderEdge>,
  frame: { camera: CameraState; scale: number; width: number; height: number },
  overlay: Overlay | null,
): Promise<Blob> {
  const { width, height, scale, camera } = frame;
  if (!webglCanDraw(width, height)) throw new PictureTooLarge(width, height);
  const layers = await drawLayers(sigma, camera, scale);
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("picturePng: no 2D canvas");
  ctx.drawImage(layers, 0, 0, width, height);
  if (overlay) paintOverlay(ctx, overlay);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error("picturePng: no PNG from the canvas"))),
      "image/png",
    ),
  );
}

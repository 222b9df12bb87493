/**
 * Exports the explorer's picture — the current view or the whole graph, at a chosen resolution, with
 * a title and legend — as PNG or SVG. Gathers what is drawn, loads the font's glyphs for every text
 * the picture holds, lays out title and legend once, and hands the same layout to either writer.
 */
import type Sigma from "sigma";
import { fontFaceCss } from "../fonts.ts";
import { translate, type Lang } from "../i18n.ts";
import { legendEntries, pictureTitle, type CaptionInput, type Scope } from "./pictureCaption.ts";
import { outputScale, overlayLayout, type Measure, type Resolution } from "./pictureLayout.ts";
import { CAPTION_FONT, pictureAsPng } from "./picturePng.ts";
import { colourCounts, drawnPart, fitCamera, sceneOf } from "./pictureScene.ts";
import { toSvg } from "./pictureSvg.ts";
import type { RenderEdge, RenderNode } from "./renderGraph.ts";

export interface PictureOptions {
  format: "png" | "svg";
  scope: Scope;
  resolution: Resolution;
  /** Whether to write the title and legend into the picture. */
  caption: boolean;
}

/** How the caption names what is shown (the explorer's view state and names of loaded nodes). */
export type Describe = Omit<CaptionInput, "lang" | "scope" | "nodes" | "edges">;

/** Canvas text does not make the browser load a web font's unicode-range slices: load them first. */
async function loadGlyphs(font: string, texts: Iterable<string>): Promise<void> {
  const glyphs = [...new Set([...texts].join(""))].join("");
  if (glyphs) await document.fonts.load(font, glyphs);
}

function canvasMeasure(): Measure {
  const ctx = document.createElement("canvas").getContext("2d");
  if (!ctx) throw new Error("picture: no 2D canvas to measure text");
  return (text, size, weight) => {
    ctx.font = `${weight} ${size}px ${CAPTION_FONT}`;
    return ctx.measureText(text).width;
  };
}

export async function exportPicture(
  sigma: Sigma<RenderNode, RenderEdge>,
  options: PictureOptions,
  describe: Describe,
  lang: Lang,
): Promise<Blob> {
  const view = sigma.getDimensions();
  if (view.width < 2 || view.height < 2) throw new Error(translate(lang, "exportNotReady"));
  const scale = outputScale(options.resolution, view);
  const [width, height] = [Math.round(view.width * scale), Math.round(view.height * scale)];

  const drawn = drawnPart(sigma, options.scope);
  const { kinds, dimmed } = colourCounts(drawn);
  const entries = options.caption ? legendEntries(kinds, lang, dimmed) : [];
  const title = pictureTitle({
    ...describe,
    lang,
    scope: options.scope,
    nodes: drawn.nodes.length,
    edges: drawn.edges.length,
  });
  const heading = translate(lang, "pictureLegend");
  const { labelWeight, labelSize, labelFont } = sigma.getSettings();
  const captionTexts = [...title, heading, ...entries.flatMap((e) => [e.name, e.other, String(e.count)])];
  await Promise.all([
    loadGlyphs(
      `${labelWeight} ${labelSize}px ${labelFont}`,
      drawn.nodes.map((n) => n.display.label ?? ""),
    ),
    loadGlyphs(`400 12px ${CAPTION_FONT}`, captionTexts),
    loadGlyphs(`700 16px ${CAPTION_FONT}`, captionTexts),
  ]);

  const measure = canvasMeasure();
  // Without a caption the layout is empty but still gives the margins that the whole graph keeps.
  const layout = overlayLayout(
    { width, height, scale },
    options.caption ? title : [],
    entries,
    heading,
    measure,
  );
  const overlay = options.caption ? layout : null;
  const free = layout.free;
  const camera =
    options.scope === "view"
      ? sigma.getCamera().getState()
      : fitCamera(
          sigma,
          drawn.nodes,
          { x: free.x / scale, y: free.y / scale, width: free.width / scale, height: free.height / scale },
          measure,
        );
  const frame = { camera, scale, width, height };
  if (options.format === "png") return pictureAsPng(sigma, frame, overlay);
  const scene = sceneOf(sigma, drawn, frame, { title: title.join(" — "), overlay, fontCss: fontFaceCss() });
  return new Blob([toSvg(scene, measure)], { type: "image/svg+xml;charset=utf-8" });
}

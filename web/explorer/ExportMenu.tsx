/**
 * Toolbar controls that download what the explorer shows: the picture as PNG or SVG (the current view
 * or the whole graph, at 1×, 2×, 4× or a width in pixels, with a title and legend), and the shown
 * nodes and edges as GEXF, GraphML and CSV. The exporters (and the XML library behind the GEXF
 * writer) load on the first export, not with the page.
 */
import { useState, type RefObject } from "react";
import type Sigma from "sigma";
import { useLang, useT } from "../i18n.ts";
import { download } from "../files.ts";
import type { IsShown } from "./exporters.ts";
import type { CaptionView, Scope } from "./pictureCaption.ts";
import { MAX_SIDE, MIN_WIDTH, type Resolution } from "./pictureLayout.ts";
import type { RenderEdge, RenderGraph, RenderNode } from "./renderGraph.ts";

const FILE = "talent-policy-graph";
const XML = "application/xml;charset=utf-8";
const CSV = "text/csv;charset=utf-8";
/** Inline, so that the component needs no stylesheet of its own. */
const GROUP = { display: "inline-flex", alignItems: "center", gap: 4, flexWrap: "wrap" } as const;
const SCALES = [1, 2, 4] as const;

type Exporters = typeof import("./exporters.ts");

export interface ExportMenuProps {
  graph: RenderGraph;
  sigmaRef: RefObject<Sigma<RenderNode, RenderEdge> | null>;
  isShown: IsShown;
  /** What the view shows beyond the nodes (selection, path, focus, filters), for the picture's title. */
  view: CaptionView;
  /** Where a failed export is reported; without it the message shows beside the buttons. */
  onError?: (error: unknown) => void;
}

export function ExportMenu({ graph, sigmaRef, isShown, view, onError }: ExportMenuProps) {
  const t = useT();
  const lang = useLang();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [scope, setScope] = useState<Scope>("view");
  const [scale, setScale] = useState<"1" | "2" | "4" | "width">("1");
  const [width, setWidth] = useState(2000);
  const [caption, setCaption] = useState(true);

  const run = (job: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    job()
      .catch((e: unknown) => {
        const known = e instanceof Error && e.name === "PictureTooLarge" ? new Error(t("exportTooLarge")) : e;
        if (onError) onError(known);
        else setError(`${t("exportFailed")}: ${known instanceof Error ? known.message : String(known)}`);
      })
      .finally(() => setBusy(false));
  };
  const saveText = (make: (x: Exporters) => string, type: string, fileName: string) =>
    run(async () => download(new Blob([make(await import("./exporters.ts"))], { type }), fileName));
  const picture = (format: "png" | "svg") =>
    run(async () => {
      const sigma = sigmaRef.current;
      if (!sigma) throw new Error(t("exportNotReady"));
      const { exportPicture } = await import("./picture.ts");
      const resolution: Resolution =
        scale === "width" ? { kind: "width", width } : { kind: "scale", scale: Number(scale) };
      const describe = {
        view,
        nameOf: (id: string) => (graph.hasNode(id) ? graph.getNodeAttribute(id, "label") : undefined),
        endsOf: (id: string) => (graph.hasEdge(id) ? graph.extremities(id) : undefined),
      };
      const blob = await exportPicture(sigma, { format, scope, resolution, caption }, describe, lang);
      download(blob, `${FILE}-${scope}.${format}`);
    });

  return (
    <span role="group" aria-label={t("export")} title={t("exportHint")} style={GROUP}>
      <span className="muted">{t("export")}</span>
      <select
        value={scope}
        onChange={(e) => setScope(e.target.value as Scope)}
        aria-label={t("exportScope")}
        data-testid="export-scope"
      >
        <option value="view">{t("exportScopeView")}</option>
        <option value="whole">{t("exportScopeWhole")}</option>
      </select>
      <select
        value={scale}
        onChange={(e) => setScale(e.target.value as typeof scale)}
        aria-label={t("exportResolution")}
        title={t("exportResolution")}
        data-testid="export-resolution"
      >
        {SCALES.map((s) => (
          <option key={s} value={String(s)}>
            {s}×
          </option>
        ))}
        <option value="width">{t("exportWidthOption")}</option>
      </select>
      {scale === "width" && (
        <input
          type="number"
          min={MIN_WIDTH}
          max={MAX_SIDE}
          step={10}
          value={width}
          onChange={(e) => setWidth(Number(e.target.value))}
          aria-label={t("exportWidth")}
          title={t("exportWidth")}
          style={{ width: "6em" }}
          data-testid="export-width"
        />
      )}
      <label className="muted">
        <input
          type="checkbox"
          checked={caption}
          onChange={(e) => setCaption(e.target.checked)}
          data-testid="export-caption"
        />{" "}
        {t("exportWithLegend")}
      </label>
      <button
        className="secondary"
        disabled={busy}
        onClick={() => picture("png")}
        title={t("exportPngHint")}
        data-testid="export-png"
      >
        PNG
      </button>
      <button
        className="secondary"
        disabled={busy}
        onClick={() => picture("svg")}
        title={t("exportSvgHint")}
        data-testid="export-svg"
      >
        SVG
      </button>
      <button
        className="secondary"
        disabled={busy}
        onClick={() => saveText((x) => x.toGexf(graph, isShown), XML, `${FILE}.gexf`)}
        data-testid="export-gexf"
      >
        GEXF
      </button>
      <button
        className="secondary"
        disabled={busy}
        onClick={() => saveText((x) => x.toGraphml(graph, isShown), XML, `${FILE}.graphml`)}
        data-testid="export-graphml"
      >
        GraphML
      </button>
      <button
        className="secondary"
        disabled={busy}
        onClick={() => saveText((x) => x.nodesCsv(graph, isShown), CSV, `${FILE}-nodes.csv`)}
        data-testid="export-csv-nodes"
      >
        {t("exportNodesCsv")}
      </button>
      <button
        className="secondary"
        disabled={busy}
        onClick={() => saveText((x) => x.edgesCsv(graph, isShown), CSV, `${FILE}-edges.csv`)}
        data-testid="export-csv-edges"
      >
        {t("exportEdgesCsv")}
      </button>
      {error && (
        <span role="alert" style={{ color: "var(--bad)", fontSize: 13 }}>
          {error}
        </span>
      )}
    </span>
  );
}

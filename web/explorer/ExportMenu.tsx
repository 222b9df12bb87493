/**
 * Toolbar buttons that download what the explorer shows: the view as a PNG (sigma's layers with their
 * labels, on white) and the shown nodes and edges as GEXF, GraphML and CSV. The exporters (and the XML
 * library behind the GEXF writer) load on the first export, not with the page.
 */
import { toBlob } from "@sigma/export-image";
import { useState, type RefObject } from "react";
import type Sigma from "sigma";
import { useT } from "../i18n.ts";
import { download } from "../files.ts";
import type { IsShown } from "./exporters.ts";
import type { RenderEdge, RenderGraph, RenderNode } from "./renderGraph.ts";

const FILE = "talent-policy-graph";
const XML = "application/xml;charset=utf-8";
const CSV = "text/csv;charset=utf-8";
/** Sigma's layers from the bottom up, without the mouse layer (which only captures events). */
const LAYERS = ["edges", "edgeLabels", "nodes", "labels", "hovers", "hoverNodes"];
/** Inline, so that the component needs no stylesheet of its own. */
const GROUP = { display: "inline-flex", alignItems: "center", gap: 4, flexWrap: "wrap" } as const;

type Exporters = typeof import("./exporters.ts");

export interface ExportMenuProps {
  graph: RenderGraph;
  sigmaRef: RefObject<Sigma<RenderNode, RenderEdge> | null>;
  isShown: IsShown;
  /** Where a failed export is reported; without it the message shows beside the buttons. */
  onError?: (error: unknown) => void;
}

/**
 * The view as sigma draws it: a second renderer with the same size, camera, settings and reducers,
 * so hidden nodes stay hidden and a highlighted path stays highlighted. Canvas text does not make
 * the browser load a web font's unicode-range slices, so the glyphs of every shown label are loaded
 * first; otherwise Chinese labels come out in a fallback font, or as empty boxes.
 */
async function viewAsPng(
  sigma: Sigma<RenderNode, RenderEdge>,
  graph: RenderGraph,
  isShown: IsShown,
): Promise<Blob> {
  const labels = graph
    .filterNodes((id, a) => isShown(id, a.entity))
    .map((id) => graph.getNodeAttribute(id, "label"));
  const glyphs = [...new Set(labels.join(""))].join("");
  const { labelWeight, labelSize, labelFont } = sigma.getSettings();
  if (glyphs) await document.fonts.load(`${labelWeight} ${labelSize}px ${labelFont}`, glyphs);
  // export-image is typed for sigma's default attributes; it only reads the graph and settings.
  // tsc needs this cast. typescript-eslint flags it as unnecessary in a fresh install but not
  // always in a working copy (its project service resolves sigma's types differently): keep the
  // directive, whose "unused" warning is harmless, so that CI's clean checkout passes.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
  return toBlob(sigma as unknown as Sigma, {
    format: "png",
    backgroundColor: "#ffffff",
    layers: LAYERS,
    // A picture is read without hovering: label small nodes too, where sigma's label grid finds room.
    sigmaSettings: { labelRenderedSizeThreshold: 0 },
  });
}

export function ExportMenu({ graph, sigmaRef, isShown, onError }: ExportMenuProps) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = (job: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    job()
      .catch((e: unknown) => {
        if (onError) onError(e);
        else setError(`${t("exportFailed")}: ${e instanceof Error ? e.message : String(e)}`);
      })
      .finally(() => setBusy(false));
  };
  const saveText = (make: (x: Exporters) => string, type: string, fileName: string) =>
    run(async () => download(new Blob([make(await import("./exporters.ts"))], { type }), fileName));
  const png = () =>
    run(async () => {
      const sigma = sigmaRef.current;
      if (!sigma) throw new Error(t("exportNotReady"));
      download(await viewAsPng(sigma, graph, isShown), `${FILE}.png`);
    });

  return (
    <span role="group" aria-label={t("export")} title={t("exportHint")} style={GROUP}>
      <span className="muted">{t("export")}</span>
      <button
        className="secondary"
        disabled={busy}
        onClick={png}
        title={t("exportPngHint")}
        data-testid="export-png"
      >
        PNG
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

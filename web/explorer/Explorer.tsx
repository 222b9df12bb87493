/**
 * The network explorer: owns the canonical state (reducer) and the one render graph, loads data from
 * the data source, and wires search, legend, inspector and source viewer to named actions.
 */
import Graph from "graphology";
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import type Sigma from "sigma";
import { errorCode, ErrorCodes } from "../../graph/neo4jService.ts";
import type { DataSource, EntityNode, GraphData, GraphPath, PathResult } from "../data/types.ts";
import { useLang, useT } from "../i18n.ts";
import { ensureFont } from "../fonts.ts";
import { GraphView } from "./GraphView.tsx";
import { Inspector, type InspectorActions } from "./Inspector.tsx";
import { Legend } from "./Legend.tsx";
import { sync, type RenderEdge, type RenderGraph, type RenderNode } from "./renderGraph.ts";
import { SearchBox } from "./SearchBox.tsx";
import { useSourceViewer } from "./SourceViewer.tsx";
import { ExportMenu } from "./ExportMenu.tsx";
import { FilterPanel } from "./FilterPanel.tsx";
import { applyMetric } from "./metrics.ts";
import { emptyState, type ExplorerState, type Metric } from "./state.ts";
import { FIRST_PAGE, INITIAL_CAP, PAGE, STREAM_PAGE } from "./limits.ts";
import { reduceTimeline, startTimeline, type Step } from "./timeline.ts";
import { HistoryControls } from "./HistoryControls.tsx";
import { useUrlState } from "./useUrlState.ts";
import { makeVisibility } from "./visibility.ts";
import { useForceAtlas2 } from "./useForceAtlas2.ts";
import { useCameraFollow, type FrameTarget } from "./useCameraFollow.ts";
import { SidePanel } from "./SidePanel.tsx";
import { PathPanel } from "./PathPanel.tsx";
import { usePathFinder } from "./usePathFinder.ts";

/** How long a change's layout runs: longer for larger graphs. */
const layoutTime = (order: number) => (order > 1500 ? 6000 : 3500);

/** A whole number from the URL's query string within [min, max], else the fallback. */
function fromUrl(key: string, min: number, max: number, fallback: number): number {
  const wanted = Number(new URLSearchParams(window.location.search).get(key));
  return Number.isInteger(wanted) && wanted >= min && wanted <= max ? wanted : fallback;
}
const initialCap = () => fromUrl("cap", 100, 50_000, INITIAL_CAP);
/** `?page=N` (50–5000): the size of the first page, drawn before the rest streams in. */
const firstPage = () => fromUrl("page", 50, 5_000, FIRST_PAGE);

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Graph handed over from elsewhere (the Cypher console's "add to explorer"); `seq` tells repeats apart. */
export interface Incoming {
  data: GraphData;
  seq: number;
}

export function Explorer({
  source,
  incoming,
  active = true,
}: {
  source: DataSource;
  incoming?: Incoming | null;
  /** Whether the explorer is the view on screen: hidden behind another, it lays nothing out. */
  active?: boolean;
}) {
  const t = useT();
  const lang = useLang();
  const locale = lang === "zh" ? "zh-CN" : "en";
  // One history for every change of the view (timeline.ts); `state` is where it stands now.
  const [timeline, dispatch] = useReducer(reduceTimeline, emptyState, startTimeline);
  const state = timeline.present;
  const root = useRef<HTMLDivElement | null>(null);
  const [graph] = useState<RenderGraph>(
    () => new Graph<RenderNode, RenderEdge>({ type: "directed", multi: true }),
  );
  const [status, setStatus] = useState<"loading" | "streaming" | "ready">("loading");
  const [error, setError] = useState<{ lost: boolean; detail: string } | null>(null);
  const [searchHits, setSearchHits] = useState<readonly string[]>([]);
  const sigmaRef = useRef<Sigma<RenderNode, RenderEdge> | null>(null);
  const layout = useForceAtlas2(graph);
  // Stable (no dependencies), so effects that report errors do not re-run; the text is made at render.
  const report = useCallback((e: unknown) => {
    const code = errorCode(e);
    setError({
      lost: code === ErrorCodes.serviceUnavailable || code === "SessionExpired",
      detail: message(e),
    });
  }, []);
  const { show: showSource, viewer: sourceViewer } = useSourceViewer(source, report);

  // The first view streams in: the first page is drawn and usable at once ("streaming"), the rest
  // follows in pages, each merged into the graph as it arrives, with progress shown ("ready" at the end).
  const [progress, setProgress] = useState<{ loaded: number; total: number } | null>(null);
  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      const cap = initialCap();
      const first = await source.initial({ skip: 0, limit: Math.min(cap, firstPage()), known: [] });
      await ensureFont(first.nodes.flatMap((n) => [n.name, n.nameEn]));
      if (cancelled) return;
      dispatch({ type: "loaded", data: first });
      const wanted = Math.min(cap, first.total);
      let asked = Math.min(cap, firstPage());
      const known = first.nodes.map((n) => n.id);
      setProgress(asked < wanted ? { loaded: asked, total: wanted } : null);
      setStatus(asked < wanted ? "streaming" : "ready");
      while (asked < wanted) {
        const page = await source.initial({
          skip: asked,
          limit: Math.min(STREAM_PAGE, wanted - asked),
          known,
        });
        if (cancelled) return;
        if (page.nodes.length === 0) break; // the database changed meanwhile: what there is, is shown
        await ensureFont(page.nodes.flatMap((n) => [n.name, n.nameEn]));
        if (cancelled) return;
        dispatch({ type: "streamed", data: page });
        known.push(...page.nodes.map((n) => n.id));
        asked += page.nodes.length;
        setProgress({ loaded: Math.min(asked, wanted), total: wanted });
      }
      setProgress(null);
      setStatus("ready");
    };
    load().catch((e: unknown) => {
      if (cancelled) return;
      setProgress(null);
      report(e);
    });
    return () => {
      cancelled = true;
    };
  }, [source, report]);

  // Benchmarks (bench/render) read this mark: the first frame that shows the whole first view (sigma
  // draws the last page on the frame its sync requested, before the second frame from now).
  useEffect(() => {
    if (status !== "ready" || performance.getEntriesByName("tpg:all-loaded").length > 0) return;
    requestAnimationFrame(() => requestAnimationFrame(() => performance.mark("tpg:all-loaded")));
  }, [status]);

  // Whether the explorer is on screen, and whether a change waits for its layout until it is.
  const activeRef = useRef(active);
  const layoutPending = useRef(false);
  // Canonical data → render graph; a structural change re-runs the layout for a few seconds.
  const { stop, run } = layout;
  useEffect(() => {
    stop();
    const changed = sync(graph, state.nodes, state.edges, lang);
    for (const id of state.pinned)
      if (graph.hasNode(id)) graph.setNodeAttribute(id, "fixed" as never, true as never);
    applyMetric(graph, state.metric);
    const sigma = sigmaRef.current;
    if (sigma && graph.order > 0 && performance.getEntriesByName("tpg:first-frame").length === 0) {
      // Benchmarks (bench/render) read this mark: the first frame that shows the loaded graph.
      sigma.once("afterRender", () => performance.mark("tpg:first-frame"));
    }
    sigma?.refresh();
    if (changed && graph.order > 0) {
      if (activeRef.current) run(layoutTime(graph.order));
      else layoutPending.current = true;
    }
  }, [graph, state.nodes, state.edges, state.pinned, state.metric, lang, stop, run]);

  // Behind another view (the console, the patterns) the layout would redraw an unseen canvas many
  // times a second and hold up the page the user is typing in: it waits until the explorer is shown.
  const { running: layoutRunning } = layout;
  useEffect(() => {
    activeRef.current = active;
    if (!active && layoutRunning) {
      stop();
      layoutPending.current = true;
    } else if (active && layoutPending.current) {
      layoutPending.current = false;
      run(layoutTime(graph.order));
    }
  }, [active, layoutRunning, stop, run, graph]);

  const restore = useCallback(
    (view: Parameters<typeof useUrlState>[3] extends (v: infer V) => void ? V : never) =>
      dispatch({ type: "restore", view }),
    [],
  );
  useUrlState(state, status === "ready", sigmaRef, restore);

  // The camera frames what each change touched, once drawn, and again where a layout it started
  // leaves the nodes (useCameraFollow.ts).
  const follow = useCameraFollow(sigmaRef, layout.running);
  /** Flies to a node, and again where the layout running meanwhile leaves it. */
  const flyTo = useCallback((id: string) => follow([id], { minRatio: 0.35, settle: true }), [follow]);
  /** Frames a set of nodes, also after the layout that their arrival started. */
  const fitTo = useCallback((target: FrameTarget) => follow(target, { settle: true }), [follow]);
  /** After a filter, ego view or undo: frame what is left to see. */
  const frameShown = useCallback(() => follow("shown"), [follow]);
  // The first view is framed where the layout leaves it (clear of the legend), unless the URL
  // brought a camera of its own — read before useUrlState starts writing the camera into it.
  const [urlCamera] = useState(() => new URLSearchParams(window.location.search).has("cam"));
  // While the rest streams in, the user may take the camera: then it is not framed again at the end.
  const touched = useRef(false);
  useEffect(() => {
    if (status !== "streaming") return;
    const captor = sigmaRef.current?.getMouseCaptor();
    const take = () => {
      touched.current = true;
    };
    captor?.on("mousedown", take);
    captor?.on("wheel", take);
    return () => {
      captor?.off("mousedown", take);
      captor?.off("wheel", take);
    };
  }, [status]);
  useEffect(() => {
    if (status === "loading" || urlCamera) return;
    if (status === "streaming" || !touched.current) fitTo("shown");
  }, [status, urlCamera, fitTo]);

  // Merged once the first view is there, as one undoable step, then framed.
  const merged = useRef(0);
  useEffect(() => {
    if (!incoming || status !== "ready" || merged.current === incoming.seq) return;
    merged.current = incoming.seq;
    const { data } = incoming;
    void ensureFont(data.nodes.flatMap((n) => [n.name, n.nameEn])).then(() => {
      dispatch({ type: "merged", data, origin: null });
      // Shown like a path: what was added stands out until "clear path".
      const nodes = data.nodes.map((n) => n.id);
      dispatch({ type: "path", path: { nodes, edges: data.edges.map((e) => e.id) }, join: true });
      window.setTimeout(() => fitTo(nodes), 50);
    });
  }, [incoming, status, fitTo]);

  // With `only`, the next page of one relationship type's neighbours not drawn yet (from the
  // inspector); recorded with `id` as origin for undo and collapse, but not as a page of all of them.
  const expand = useCallback(
    async (id: string, only?: { type: string; direction: "out" | "in" }) => {
      try {
        const loaded = only ? 0 : (state.expanded.get(id)?.loaded ?? 0);
        const known = [...state.nodes.keys()];
        const options = only ? { ...only, unknownOnly: true } : {};
        const result = await source.expand(id, { limit: PAGE, skip: loaded, known, ...options });
        await ensureFont(result.nodes.flatMap((n) => [n.name, n.nameEn]));
        dispatch({ type: "merged", data: result, origin: id, total: only ? undefined : result.total });
        fitTo([id, ...result.nodes.map((n) => n.id)]);
      } catch (e) {
        report(e);
      }
    },
    [source, state.expanded, state.nodes, report, fitTo],
  );

  const choose = useCallback(
    async (node: EntityNode) => {
      try {
        const known = state.nodes.has(node.id);
        if (!known) {
          await ensureFont([node.name, node.nameEn]);
          dispatch({ type: "merged", data: { nodes: [node], edges: [] }, origin: null });
          await expand(node.id); // frames the node with its neighbours
        }
        dispatch({ type: "select", target: { kind: "node", id: node.id } });
        if (known) flyTo(node.id);
      } catch (e) {
        report(e);
      }
    },
    [state.nodes, expand, flyTo, report],
  );

  // Paths: what they pass through joins the canvas as one undoable step; the chosen one is
  // highlighted and framed, and the path panel lists its hops.
  const onPathsFound = useCallback(async (result: PathResult) => {
    await ensureFont(result.nodes.flatMap((n) => [n.name, n.nameEn]));
    dispatch({ type: "merged", data: { nodes: result.nodes, edges: result.edges }, origin: null });
  }, []);
  const onPathChosen = useCallback(
    (path: GraphPath | null) => {
      dispatch({ type: "path", path: path && { nodes: path.nodes, edges: path.edges } });
      if (path) fitTo(path.nodes);
    },
    [fitTo],
  );
  const paths = usePathFinder(source, { onFound: onPathsFound, onChoose: onPathChosen });

  const actions: InspectorActions = {
    onExpand: (id) => void expand(id),
    onCollapse: (id) => dispatch({ type: "collapse", id }),
    onHide: (id) => dispatch({ type: "toggleHidden", id }),
    onPin: (id) => dispatch({ type: "togglePinned", id }),
    onPathFrom: paths.setFrom,
    onPathTo: paths.findTo,
    onEgo: (id, depth) => {
      dispatch({ type: "ego", ego: { id, depth } });
      frameShown();
    },
    onSelect: (target) => dispatch({ type: "select", target }),
    onShowSource: showSource,
    onExpandType: (id, only) => expand(id, only),
    onError: report,
  };

  const counts = useMemo(() => {
    const out = new Map<string, number>();
    for (const n of state.nodes.values()) out.set(n.label, (out.get(n.label) ?? 0) + 1);
    return out;
  }, [state.nodes]);
  // Rebuilt when what decides visibility changes (and, for the ego BFS, the loaded structure) —
  // not on selection, so the sigma reducers are not reset on every click.
  const { hidden, hiddenLabels, filters, ego, nodes: loaded, edges: loadedEdges } = state;
  const isShown = useMemo(
    () => makeVisibility({ hidden, hiddenLabels, filters, ego }, graph),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- loaded/loadedEdges: the ego BFS walks the render graph they shape
    [hidden, hiddenLabels, filters, ego, loaded, loadedEdges, graph],
  );
  const shownCount = useMemo(
    () => [...state.nodes.values()].filter((n) => isShown(n.id, n)).length,
    [state.nodes, isShown],
  );
  const sections = useMemo(
    () => [...new Set([...state.nodes.values()].flatMap((n) => n.sections))].sort(),
    [state.nodes],
  );
  const onSelect = useCallback(
    (target: ExplorerState["selected"]) => dispatch({ type: "select", target }),
    [],
  );
  const onExpand = useCallback((id: string) => void expand(id), [expand]);
  // After undo or redo: an expansion's origin with the neighbours it has now, else all that is shown.
  const reframe = useCallback(
    (step: Step) => {
      const origin = step.label.kind === "merged" ? step.label.subject : undefined;
      if (origin) fitTo((g) => (g.hasNode(origin) ? [origin, ...g.neighbors(origin)] : []));
      else frameShown();
    },
    [fitTo, frameShown],
  );
  const nameOf = useCallback(
    (id: string) => {
      const node = state.nodes.get(id);
      return node && (lang === "en" && node.nameEn ? node.nameEn : node.name);
    },
    [state.nodes, lang],
  );

  return (
    <div className="explorer" data-status={status} ref={root}>
      <div className="toolbar">
        <SearchBox source={source} onChoose={(n) => void choose(n)} onError={report} onHits={setSearchHits} />
        <button
          onClick={() => (layout.running ? layout.stop() : layout.run(5000))}
          data-testid="layout-toggle"
        >
          {layout.running ? t("layoutStop") : t("layoutRun")}
        </button>
        <HistoryControls
          timeline={timeline}
          onUndo={(step) => {
            dispatch({ type: "undo" });
            reframe(step);
          }}
          onRedo={(step) => {
            dispatch({ type: "redo" });
            reframe(step);
          }}
          nameOf={nameOf}
          scope={root}
        />
        {state.hidden.size > 0 && (
          <button className="secondary" onClick={() => dispatch({ type: "showAll" })}>
            {t("showHidden")} ({state.hidden.size})
          </button>
        )}
        <ExportMenu graph={graph} sigmaRef={sigmaRef} isShown={isShown} view={state} onError={report} />
        <label className="metric">
          {t("sizeBy")}{" "}
          <select
            value={state.metric}
            onChange={(e) => dispatch({ type: "metric", metric: e.target.value as Metric })}
            data-testid="metric"
          >
            <option value="degree">{t("metricDegree")}</option>
            <option value="pagerank">{t("metricPagerank")}</option>
            <option value="betweenness">{t("metricBetweenness")}</option>
          </select>
        </label>
        {state.ego && (
          <button
            className="secondary"
            onClick={() => {
              dispatch({ type: "ego", ego: null });
              frameShown();
            }}
          >
            {t("clearEgo")}
          </button>
        )}
        {state.path && (
          <button className="secondary" onClick={paths.clear}>
            {t("clearPath")}
          </button>
        )}
        <span className="muted counts" data-testid="graph-counts">
          <span data-testid="shown-count">{shownCount}</span> / {state.nodes.size} {t("nodesShown")} ·{" "}
          {state.edges.size} {t("edgesShown")}
          {progress && (
            <span className="streaming" data-testid="streaming" role="status">
              {" "}
              · {t("streamingGraph")} <progress value={progress.loaded} max={progress.total} />{" "}
              {progress.loaded.toLocaleString(locale)} / {progress.total.toLocaleString(locale)}
            </span>
          )}
          {layout.running && <> · {t("layoutRunning")}</>}
        </span>
      </div>
      {error && (
        <div className="card error notice" role="alert">
          {error.lost ? `${t("errLost")} (${error.detail.slice(0, 120)})` : `${t("error")}: ${error.detail}`}
          <button className="link" onClick={() => setError(null)}>
            {t("close")}
          </button>
        </div>
      )}
      <div className="explorer-body">
        <SidePanel side="left" name={t("filters")} testId="filters-panel">
          <div className="side">
            <FilterPanel
              source={source}
              filters={state.filters}
              sections={sections}
              onChange={(key, values) => {
                dispatch({ type: "filter", key, values });
                frameShown();
              }}
              onError={report}
            />
          </div>
        </SidePanel>
        <div className="graph-area" data-canvas-area>
          {status === "loading" && <div className="loading">{t("loadingGraph")}</div>}
          <GraphView
            graph={graph}
            state={state}
            isShown={isShown}
            onSelect={onSelect}
            onExpand={onExpand}
            searchHits={searchHits}
            sigmaRef={sigmaRef}
          />
          <Legend
            counts={counts}
            hidden={state.hiddenLabels}
            onToggle={(label) => {
              dispatch({ type: "toggleLabel", label });
              frameShown();
            }}
          />
          <PathPanel
            finder={paths}
            source={source}
            nodes={state.nodes}
            actions={{ onSelect, onShowSource: showSource, onError: report }}
          />
        </div>
        {state.selected && (
          <SidePanel side="right" name={t("inspectorPanel")} testId="inspector-panel">
            <Inspector source={source} state={state} actions={actions} />
          </SidePanel>
        )}
      </div>
      {sourceViewer}
    </div>
  );
}

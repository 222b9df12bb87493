/**
 * The view lives in the URL (query string): language is read by App; here the selection, label and
 * filter choices, ego focus, size metric and camera. Restored once the graph is ready; written back
 * with history.replaceState as the view changes. Everything read from the URL is validated.
 */
import { useEffect, useRef, type RefObject } from "react";
import type Sigma from "sigma";
import { z } from "zod";
import type { RenderEdge, RenderNode } from "./renderGraph.ts";
import type { ExplorerState } from "./state.ts";

const list = z
  .string()
  .transform((s) => s.split(",").filter(Boolean))
  .pipe(z.array(z.string().max(200)).max(200));

const viewSchema = z.object({
  sel: z.string().max(200).optional(),
  labels: list.optional(),
  hubs: list.optional(),
  themes: list.optional(),
  sections: list.optional(),
  sources: list.optional(),
  metric: z.enum(["degree", "pagerank", "betweenness"]).optional(),
  ego: z
    .string()
    .regex(/^.+~[123]$/)
    .optional(),
  cam: z
    .string()
    .regex(/^-?[\d.]+,-?[\d.]+,[\d.]+$/)
    .optional(),
});

type View = ReturnType<typeof restoreView>;

function restoreView(raw: URLSearchParams): z.infer<typeof viewSchema> {
  const parsed = viewSchema.safeParse(Object.fromEntries(raw));
  return parsed.success ? parsed.data : {};
}

export function useUrlState(
  state: ExplorerState,
  ready: boolean,
  sigmaRef: RefObject<Sigma<RenderNode, RenderEdge> | null>,
  restore: (
    view: Partial<Pick<ExplorerState, "hiddenLabels" | "filters" | "ego" | "metric" | "selected">>,
  ) => void,
) {
  const restored = useRef(false);

  useEffect(() => {
    if (!ready || restored.current) return;
    restored.current = true;
    const view: View = restoreView(new URLSearchParams(window.location.search));
    const ego = view.ego ? { id: view.ego.slice(0, -2), depth: Number(view.ego.slice(-1)) } : null;
    restore({
      ...(view.labels ? { hiddenLabels: new Set(view.labels) } : {}),
      filters: {
        hubs: view.hubs ?? [],
        themes: view.themes ?? [],
        sections: view.sections ?? [],
        sources: view.sources ?? [],
      },
      ...(view.metric ? { metric: view.metric } : {}),
      ...(ego ? { ego } : {}),
      ...(view.sel ? { selected: { kind: "node" as const, id: view.sel } } : {}),
    });
    if (view.cam) {
      const [x, y, ratio] = view.cam.split(",").map(Number) as [number, number, number];
      window.setTimeout(() => sigmaRef.current?.getCamera().setState({ x, y, ratio }), 300);
    }
  }, [ready, restore, sigmaRef]);

  useEffect(() => {
    if (!ready || !restored.current) return;
    const write = () => {
      const params = new URLSearchParams(window.location.search);
      const set = (key: string, value: string | null) =>
        value ? params.set(key, value) : params.delete(key);
      set("sel", state.selected?.kind === "node" ? state.selected.id : null);
      set("labels", [...state.hiddenLabels].join(","));
      set("hubs", state.filters.hubs.join(","));
      set("themes", state.filters.themes.join(","));
      set("sections", state.filters.sections.join(","));
      set("sources", state.filters.sources.join(","));
      set("metric", state.metric === "degree" ? null : state.metric);
      set("ego", state.ego ? `${state.ego.id}~${state.ego.depth}` : null);
      const camera = sigmaRef.current?.getCamera().getState();
      set("cam", camera ? [camera.x, camera.y, camera.ratio].map((v) => v.toFixed(4)).join(",") : null);
      const query = params.toString();
      window.history.replaceState(
        null,
        "",
        `${window.location.pathname}${query ? `?${query}` : ""}${window.location.hash}`,
      );
    };
    write();
    const sigma = sigmaRef.current;
    let timer: number | undefined;
    const onCamera = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(write, 400);
    };
    sigma?.getCamera().on("updated", onCamera);
    return () => {
      window.clearTimeout(timer);
      sigma?.getCamera().off("updated", onCamera);
    };
  }, [ready, state.selected, state.hiddenLabels, state.filters, state.metric, state.ego, sigmaRef]);
}

/**
 * Which nodes are shown: the user's hidden nodes and labels, the hub / theme / section / source filters and
 * the ego network. One predicate, used by the sigma reducers and by the exports ("what is shown").
 */
import type Graph from "graphology";
import type { EntityNode } from "../data/types.ts";
import type { ExplorerState } from "./state.ts";

function egoSet(graph: Graph, ego: NonNullable<ExplorerState["ego"]>): Set<string> {
  const seen = new Set<string>([ego.id]);
  let frontier = [ego.id];
  for (let d = 0; d < ego.depth; d++) {
    const next: string[] = [];
    for (const id of frontier) {
      if (!graph.hasNode(id)) continue;
      for (const n of graph.neighbors(id)) {
        if (!seen.has(n)) {
          seen.add(n);
          next.push(n);
        }
      }
    }
    frontier = next;
  }
  return seen;
}

/** The parts of the state visibility depends on: selection or hover changes do not rebuild it. */
export type VisibilityState = Pick<ExplorerState, "hidden" | "hiddenLabels" | "filters" | "ego">;

export function makeVisibility(
  state: VisibilityState,
  graph: Graph,
): (id: string, entity: EntityNode) => boolean {
  const { hubs, themes, sections, sources } = state.filters;
  const ego = state.ego ? egoSet(graph, state.ego) : null;
  return (id, entity) => {
    if (state.hidden.has(id) || state.hiddenLabels.has(entity.label)) return false;
    if (ego && !ego.has(id)) return false;
    if (hubs.length > 0 && !hubs.includes(id) && !entity.hubIds.some((h) => hubs.includes(h))) return false;
    if (themes.length > 0 && entity.label === "Measure" && !entity.themeIds.some((t) => themes.includes(t))) {
      return false;
    }
    if (sections.length > 0 && !entity.sections.some((s) => sections.includes(s))) return false;
    if (sources.length > 0 && !entity.sources.some((s) => sources.includes(s))) return false;
    return true;
  };
}

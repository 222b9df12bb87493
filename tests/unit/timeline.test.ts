import { describe, expect, it } from "vitest";
import type { EntityEdge, EntityNode, GraphData } from "../../web/data/types.ts";
import { emptyState } from "../../web/explorer/state.ts";
import {
  HISTORY_LIMIT,
  reduceTimeline,
  startTimeline,
  type Timeline,
  type TimelineAction,
} from "../../web/explorer/timeline.ts";

const node = (id: string): EntityNode => ({
  id,
  label: "Measure",
  name: id,
  nameEn: id,
  aliases: [],
  props: {},
  evidence: [],
  sources: [],
  sections: [],
  hubIds: [],
  themeIds: [],
});
const edge = (source: string, target: string): EntityEdge => ({
  id: `${source}->${target}`,
  type: "ADOPTS",
  source,
  target,
  props: {},
  evidence: [],
  sections: [],
});
const data = (ids: string[], links: [string, string][] = []): GraphData => ({
  nodes: ids.map(node),
  edges: links.map(([s, t]) => edge(s, t)),
});

const run = (timeline: Timeline, ...actions: TimelineAction[]) => actions.reduce(reduceTimeline, timeline);
const loaded = () => run(startTimeline(emptyState), { type: "loaded", data: data(["a", "b"], [["a", "b"]]) });
const ids = (t: Timeline) => [...t.present.nodes.keys()].sort();

describe("the explorer's undo/redo history", () => {
  it("undoes two expansions one at a time and redoes them, loaded-neighbour counts included", () => {
    const first = { type: "merged", data: data(["a", "c"], [["a", "c"]]), origin: "a", total: 3 } as const;
    const second = { type: "merged", data: data(["c", "d"], [["c", "d"]]), origin: "c", total: 1 } as const;
    const after = run(loaded(), first, second);
    expect(ids(after)).toEqual(["a", "b", "c", "d"]);
    expect(after.past.map((s) => s.label)).toEqual([
      { kind: "merged", subject: "a", added: 1 },
      { kind: "merged", subject: "c", added: 1 },
    ]);

    const once = run(after, { type: "undo" });
    expect(ids(once)).toEqual(["a", "b", "c"]);
    expect(once.present.expanded.has("c")).toBe(false);
    const twice = run(once, { type: "undo" });
    expect(ids(twice)).toEqual(["a", "b"]);
    expect(twice.present.edges.size).toBe(1);
    expect(twice.future).toHaveLength(2);

    const redone = run(twice, { type: "redo" }, { type: "redo" });
    expect(ids(redone)).toEqual(["a", "b", "c", "d"]);
    expect(redone.present.expanded.get("a")).toEqual({ loaded: 2, total: 3 });
    expect(redone.future).toHaveLength(0);
    expect(run(redone, { type: "redo" })).toBe(redone);
  });

  it("makes filters, legend toggles, the ego view, hiding and the metric steps too", () => {
    const steps: TimelineAction[] = [
      { type: "filter", key: "hubs", values: ["hub:qianhai"] },
      { type: "toggleLabel", label: "Measure" },
      { type: "ego", ego: { id: "a", depth: 2 } },
      { type: "toggleHidden", id: "b" },
      { type: "metric", metric: "pagerank" },
    ];
    const start = loaded();
    const end = run(start, ...steps);
    expect(end.past.map((s) => s.label.kind)).toEqual([
      "filter",
      "toggleLabel",
      "ego",
      "toggleHidden",
      "metric",
    ]);
    const back = run(end, ...steps.map(() => ({ type: "undo" }) as const));
    expect(back.present.filters.hubs).toEqual([]);
    expect(back.present.hiddenLabels.size).toBe(0);
    expect(back.present.ego).toBeNull();
    expect(back.present.hidden.size).toBe(0);
    expect(back.present.metric).toBe("degree");
    const forth = run(back, ...steps.map(() => ({ type: "redo" }) as const));
    expect(forth.present.filters.hubs).toEqual(["hub:qianhai"]);
    expect([...forth.present.hidden]).toEqual(["b"]);
    expect(forth.present.metric).toBe("pagerank");
  });

  it("does not record what changes nothing, a selection or a restored URL view", () => {
    const start = run(loaded(), { type: "filter", key: "themes", values: ["t1"] });
    const same = run(
      start,
      { type: "filter", key: "themes", values: ["t1"] },
      { type: "select", target: { kind: "node", id: "a" } },
      { type: "restore", view: { metric: "betweenness" } },
    );
    expect(same.past).toHaveLength(1);
    expect(same.present.selected).toEqual({ kind: "node", id: "a" });
    expect(same.present.metric).toBe("betweenness");
  });

  it("forgets what was undone once a new step is taken, and starts again on a new graph", () => {
    const undone = run(loaded(), { type: "toggleLabel", label: "Hub" }, { type: "undo" });
    expect(undone.future).toHaveLength(1);
    const branched = run(undone, { type: "metric", metric: "betweenness" });
    expect(branched.future).toHaveLength(0);
    expect(branched.past).toHaveLength(1);
    const fresh = run(branched, { type: "loaded", data: data(["z"]) });
    expect(fresh.past).toHaveLength(0);
    expect(ids(fresh)).toEqual(["z"]);
  });

  it("keeps the selection across undo while the selected node is still there", () => {
    const expanded = run(loaded(), {
      type: "merged",
      data: data(["a", "c"], [["a", "c"]]),
      origin: "a",
      total: 1,
    });
    const onB = run(expanded, { type: "select", target: { kind: "node", id: "b" } }, { type: "undo" });
    expect(onB.present.selected).toEqual({ kind: "node", id: "b" });
    const onC = run(expanded, { type: "select", target: { kind: "node", id: "c" } }, { type: "undo" });
    expect(onC.present.selected).toBeNull();
  });

  it("folds a joined change into the step before it, and keeps the last steps only", () => {
    const joined = run(
      loaded(),
      { type: "merged", data: data(["x"]), origin: null },
      { type: "path", path: { nodes: ["x"], edges: [] }, join: true },
    );
    expect(joined.past).toHaveLength(1);
    const back = run(joined, { type: "undo" });
    expect(back.present.path).toBeNull();
    expect(back.present.nodes.has("x")).toBe(false);

    let long = loaded();
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) long = run(long, { type: "toggleHidden", id: `n${i}` });
    expect(long.past).toHaveLength(HISTORY_LIMIT);
    expect(long.past[0]!.label.subject).toBe("n5");
  });
});

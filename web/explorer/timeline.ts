/**
 * One undo/redo history for everything that changes what the explorer shows: expansions, searches
 * and paths that add nodes, collapse, hide and show, pin, the legend's label toggles, filters, the
 * ego view and the size metric. Each step keeps the whole explorer state before it (the state's maps
 * are never mutated, so a step shares them with its neighbours and costs a pointer per map), which
 * makes undo and redo exact — counts of loaded neighbours included — where replaying inverse actions
 * would drift. Selection is not a step (clicking around is not an edit), and it survives undo and
 * redo as long as what is selected is still on the canvas.
 */
import { reduce, type Action, type ExplorerState } from "./state.ts";

/** Action types that make a step of their own. */
const UNDOABLE = new Set<Action["type"]>([
  "merged",
  "collapse",
  "toggleHidden",
  "showAll",
  "togglePinned",
  "toggleLabel",
  "path",
  "filter",
  "ego",
  "metric",
]);

/** Steps kept back; the oldest go first. */
export const HISTORY_LIMIT = 100;

/** What a step did, for the undo and redo buttons' titles ("Undo: expand 张江"). */
export interface StepLabel {
  kind: Action["type"];
  /** The node, label, filter key or metric the step was about, if one. */
  subject?: string;
  /** For `merged`: the number of nodes it added. */
  added?: number;
}

export interface Step {
  label: StepLabel;
  /** The state on the far side of the step: before it in `past`, after it in `future`. */
  state: ExplorerState;
}

export interface Timeline {
  past: readonly Step[];
  present: ExplorerState;
  future: readonly Step[];
}

export type TimelineAction =
  | (Action & {
      /** Fold this change into the last step (one user action dispatched as two). */
      join?: boolean;
    })
  | { type: "undo" }
  | { type: "redo" };

export function startTimeline(present: ExplorerState): Timeline {
  return { past: [], present, future: [] };
}

function labelOf(action: Action, before: ExplorerState, after: ExplorerState): StepLabel {
  switch (action.type) {
    case "merged":
      return {
        kind: "merged",
        subject: action.origin ?? undefined,
        added: after.nodes.size - before.nodes.size,
      };
    case "collapse":
    case "toggleHidden":
    case "togglePinned":
      return { kind: action.type, subject: action.id };
    case "toggleLabel":
      return { kind: action.type, subject: action.label };
    case "filter":
      return { kind: action.type, subject: action.key };
    case "ego":
      return { kind: action.type, subject: action.ego?.id };
    case "metric":
      return { kind: action.type, subject: action.metric };
    default:
      return { kind: action.type };
  }
}

/** The selection of `current` carried over to `target`, if what it names is there. */
function keepSelection(target: ExplorerState, current: ExplorerState): ExplorerState {
  const selected = current.selected;
  if (selected === target.selected) return target;
  const there =
    selected === null ||
    (selected.kind === "node" ? target.nodes.has(selected.id) : target.edges.has(selected.id));
  return { ...target, selected: there ? selected : target.selected };
}

export function reduceTimeline(timeline: Timeline, action: TimelineAction): Timeline {
  const { past, present, future } = timeline;
  if (action.type === "undo") {
    const last = past[past.length - 1];
    if (!last) return timeline;
    return {
      past: past.slice(0, -1),
      present: keepSelection(last.state, present),
      future: [{ label: last.label, state: present }, ...future],
    };
  }
  if (action.type === "redo") {
    const next = future[0];
    if (!next) return timeline;
    return {
      past: [...past, { label: next.label, state: present }],
      present: keepSelection(next.state, present),
      future: future.slice(1),
    };
  }
  if (action.type === "streamed") {
    // The rest of the first view arriving: every state in the history gets it, so that undoing an
    // expansion made while it streamed in does not take the streamed nodes away again.
    const add = (step: Step) => ({ ...step, state: reduce(step.state, action) });
    return { past: past.map(add), present: reduce(present, action), future: future.map(add) };
  }
  const after = reduce(present, action);
  // A new graph starts a new history; selection and restoring the URL's view are not steps.
  if (action.type === "loaded") return startTimeline(after);
  if (!UNDOABLE.has(action.type)) return { past, present: after, future };
  if (sameView(present, after)) return timeline;
  if (action.join && past.length > 0) return { past, present: after, future: [] };
  const step: Step = { label: labelOf(action, present, after), state: present };
  return { past: [...past, step].slice(-HISTORY_LIMIT), present: after, future: [] };
}

/** Whether an action left everything a step would restore as it was (then it is not a step). */
function sameView(a: ExplorerState, b: ExplorerState): boolean {
  const sameGraph =
    a.nodes === b.nodes ||
    (a.nodes.size === b.nodes.size &&
      a.edges.size === b.edges.size &&
      a.expanded.size === b.expanded.size &&
      [...a.expanded].every(([id, v]) => b.expanded.get(id)?.loaded === v.loaded));
  return (
    sameGraph &&
    a.hidden === b.hidden &&
    a.pinned === b.pinned &&
    a.hiddenLabels === b.hiddenLabels &&
    a.path === b.path &&
    sameFilters(a, b) &&
    sameEgo(a, b) &&
    a.metric === b.metric
  );
}

function sameFilters(a: ExplorerState, b: ExplorerState): boolean {
  return (Object.keys(a.filters) as (keyof ExplorerState["filters"])[]).every(
    (key) => a.filters[key].join("\u0000") === b.filters[key].join("\u0000"),
  );
}

function sameEgo(a: ExplorerState, b: ExplorerState): boolean {
  return a.ego === b.ego || (a.ego?.id === b.ego?.id && a.ego?.depth === b.ego?.depth);
}

/**
 * Side panel for the selected node or relationship: names, properties, relationships grouped by
 * type, and the evidence quotes, each with "show in source".
 */
import type { EntityEdge, EntityNode, Evidence } from "../data/types.ts";
import { useLang, useT } from "../i18n.ts";
import { EvidenceList } from "./EvidenceList.tsx";
import { displayName } from "./renderGraph.ts";
import type { ExplorerState } from "./state.ts";
import { colorOf, LABEL_NAMES } from "./style.ts";

export interface InspectorActions {
  onExpand: (id: string, more?: boolean) => void;
  onCollapse: (id: string) => void;
  onHide: (id: string) => void;
  onPin: (id: string) => void;
  onPathFrom: (id: string) => void;
  onPathTo: (id: string) => void;
  onSelect: (target: ExplorerState["selected"]) => void;
  onShowSource: (evidence: Evidence) => void;
  onEgo: (id: string, depth: number) => void;
}

function formatValue(value: unknown): string {
  if (Array.isArray(value)) return value.join("、");
  if (value !== null && typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function Properties({ props }: { props: Record<string, unknown> }) {
  const entries = Object.entries(props).filter(([, v]) => v !== null && v !== undefined && v !== "");
  if (entries.length === 0) return null;
  return (
    <dl className="props">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd>{formatValue(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function LabelChip({ label }: { label: string }) {
  const lang = useLang();
  return (
    <span className="chip" style={{ borderColor: colorOf(label), color: colorOf(label) }}>
      {LABEL_NAMES[label]?.[lang] ?? label}
    </span>
  );
}

export function Inspector({ state, actions }: { state: ExplorerState; actions: InspectorActions }) {
  const t = useT();
  const lang = useLang();
  const selected = state.selected;
  if (!selected) return null;
  if (selected.kind === "edge") {
    const edge = state.edges.get(selected.id);
    if (!edge) return null;
    const from = state.nodes.get(edge.source);
    const to = state.nodes.get(edge.target);
    return (
      <aside className="inspector" aria-label="inspector">
        <h2 className="edge-title">
          {from ? displayName(from, lang) : edge.source} <span className="rel-type">—{edge.type}→</span>{" "}
          {to ? displayName(to, lang) : edge.target}
        </h2>
        <Properties props={edge.props} />
        <h3>{t("evidence")}</h3>
        <EvidenceList evidence={edge.evidence} onShowSource={actions.onShowSource} />
      </aside>
    );
  }
  const node = state.nodes.get(selected.id);
  if (!node) return null;
  return <NodeInspector node={node} state={state} actions={actions} />;
}

function NodeInspector({
  node,
  state,
  actions,
}: {
  node: EntityNode;
  state: ExplorerState;
  actions: InspectorActions;
}) {
  const t = useT();
  const lang = useLang();
  const groups = new Map<string, EntityEdge[]>();
  for (const e of state.edges.values()) {
    if (e.source !== node.id && e.target !== node.id) continue;
    const key = e.source === node.id ? `${e.type} →` : `← ${e.type}`;
    const group = groups.get(key) ?? [];
    group.push(e);
    groups.set(key, group);
  }
  const expansion = state.expanded.get(node.id);
  const notShown = expansion ? expansion.total - expansion.loaded : null;
  return (
    <aside className="inspector" aria-label="inspector">
      <LabelChip label={node.label} />
      <h2 data-testid="inspector-name">
        {node.name}
        {node.nameEn && <span className="name-en">{node.nameEn}</span>}
      </h2>
      {node.aliases.length > 0 && (
        <p className="muted">
          {t("aliases")}: {node.aliases.join("、")}
        </p>
      )}
      <div className="actions wrap">
        <button onClick={() => actions.onExpand(node.id)} data-testid="expand">
          {t("expand")}
        </button>
        {notShown !== null && notShown > 0 && (
          <button className="secondary" onClick={() => actions.onExpand(node.id, true)}>
            {t("showMore")} ({notShown} {t("hiddenNeighbours")})
          </button>
        )}
        {expansion && (
          <button className="secondary" onClick={() => actions.onCollapse(node.id)}>
            {t("collapse")}
          </button>
        )}
        <button className="secondary" onClick={() => actions.onHide(node.id)}>
          {t("hide")}
        </button>
        <button className="secondary" onClick={() => actions.onPin(node.id)}>
          {state.pinned.has(node.id) ? t("unpin") : t("pin")}
        </button>
        <button className="secondary" onClick={() => actions.onPathFrom(node.id)}>
          {t("pathFrom")}
        </button>
        <button className="secondary" onClick={() => actions.onPathTo(node.id)} data-testid="path-to">
          {t("pathTo")}
        </button>
      </div>
      <div className="actions wrap ego">
        <span className="muted">{t("ego")}:</span>
        {[1, 2, 3].map((depth) => (
          <button
            key={depth}
            className="secondary"
            onClick={() => actions.onEgo(node.id, depth)}
            data-testid={`ego-${depth}`}
          >
            {depth}
          </button>
        ))}
      </div>
      <h3>{t("properties")}</h3>
      <Properties props={{ id: node.id, ...node.props }} />
      <h3>{t("relationships")}</h3>
      {[...groups].map(([key, edges]) => (
        <details key={key} open={edges.length <= 6}>
          <summary>
            {key} <span className="muted">({edges.length})</span>
          </summary>
          <ul className="rels">
            {edges.map((e) => {
              const otherId = e.source === node.id ? e.target : e.source;
              const other = state.nodes.get(otherId);
              return (
                <li key={e.id}>
                  <button className="link" onClick={() => actions.onSelect({ kind: "node", id: otherId })}>
                    {other ? displayName(other, lang) : otherId}
                  </button>
                  <button className="link muted" onClick={() => actions.onSelect({ kind: "edge", id: e.id })}>
                    {t("evidence")}
                  </button>
                </li>
              );
            })}
          </ul>
        </details>
      ))}
      <h3>{t("evidence")}</h3>
      <EvidenceList evidence={node.evidence} onShowSource={actions.onShowSource} />
    </aside>
  );
}

/**
 * Side panel for the selected node or relationship: names, properties, every relationship type with
 * its count in the database (expandable per type), and the evidence quotes, each with "show in source".
 */
import { useMemo } from "react";
import type { DataSource, EntityEdge, EntityNode } from "../data/types.ts";
import { useLang, useT } from "../i18n.ts";
import { EvidenceList } from "./EvidenceList.tsx";
import { RelationshipList, type RelationshipListActions } from "./RelationshipList.tsx";
import { relationshipRows } from "./relationshipRows.ts";
import { displayName } from "./renderGraph.ts";
import type { ExplorerState } from "./state.ts";
import { colorOf, LABEL_NAMES, relationName } from "./style.ts";
import { useRelationshipCounts } from "./useRelationshipCounts.ts";
import { useSourceTitles } from "./useSourceTitles.ts";

export interface InspectorActions extends RelationshipListActions {
  onExpand: (id: string, more?: boolean) => void;
  onCollapse: (id: string) => void;
  onHide: (id: string) => void;
  onPin: (id: string) => void;
  onPathFrom: (id: string) => void;
  onPathTo: (id: string) => void;
  onEgo: (id: string, depth: number) => void;
  /** Must be stable (it is an effect's dependency): the explorer's error banner. */
  onError: (error: unknown) => void;
}

/** A property value as text: lists joined, nested objects as "key: value" pairs, never JSON. */
function formatValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(formatValue).join("、");
  if (value !== null && typeof value === "object")
    return Object.entries(value)
      .map(([k, v]) => `${k}: ${formatValue(v)}`)
      .join("；");
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

export function Inspector({
  source,
  state,
  actions,
}: {
  source: DataSource;
  state: ExplorerState;
  actions: InspectorActions;
}) {
  const selected = state.selected;
  if (!selected) return null;
  if (selected.kind === "edge") {
    const edge = state.edges.get(selected.id);
    if (!edge) return null;
    return <EdgeInspector key={edge.id} edge={edge} source={source} state={state} actions={actions} />;
  }
  const node = state.nodes.get(selected.id);
  if (!node) return null;
  return <NodeInspector key={node.id} node={node} source={source} state={state} actions={actions} />;
}

function EdgeInspector({
  edge,
  source,
  state,
  actions,
}: {
  edge: EntityEdge;
  source: DataSource;
  state: ExplorerState;
  actions: InspectorActions;
}) {
  const t = useT();
  const lang = useLang();
  const titles = useSourceTitles(
    source,
    edge.evidence.map((e) => e.source),
    lang,
    actions.onError,
  );
  const from = state.nodes.get(edge.source);
  const to = state.nodes.get(edge.target);
  return (
    <aside className="inspector" aria-label="inspector">
      <h2 className="edge-title">
        {from ? displayName(from, lang) : edge.source}{" "}
        <span className="rel-type" title={edge.type}>
          —{relationName(edge.type, lang)}→
        </span>{" "}
        {to ? displayName(to, lang) : edge.target}
      </h2>
      <Properties props={edge.props} />
      <h3>{t("evidence")}</h3>
      <EvidenceList evidence={edge.evidence} titles={titles} onShowSource={actions.onShowSource} />
    </aside>
  );
}

function NodeInspector({
  node,
  source,
  state,
  actions,
}: {
  node: EntityNode;
  source: DataSource;
  state: ExplorerState;
  actions: InspectorActions;
}) {
  const t = useT();
  const lang = useLang();
  const relCounts = useRelationshipCounts(source, node.id);
  const counts = relCounts.status === "ready" ? relCounts.counts : null;
  const rows = useMemo(
    () => relationshipRows(node.id, state.nodes, state.edges, counts),
    [node.id, state.nodes, state.edges, counts],
  );
  const quoted = [...node.evidence, ...rows.flatMap((r) => r.drawn.flatMap((d) => d.quote ?? []))];
  const titles = useSourceTitles(
    source,
    quoted.map((e) => e.source),
    lang,
    actions.onError,
  );
  const expansion = state.expanded.get(node.id);
  const notShown = expansion ? expansion.total - expansion.loaded : null;
  // Expanding one relationship type is recorded with this node as its origin, but not as a page.
  const collapsible = expansion !== undefined || state.history.some((h) => h.origin === node.id);
  const inDatabase = counts?.reduce((sum, c) => sum + c.count, 0);
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
        {collapsible && (
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
      <h3>
        {t("relationships")}
        {inDatabase !== undefined && (
          <span className="muted rel-total">
            {" "}
            {inDatabase} {t("relInDatabase")}
          </span>
        )}
      </h3>
      {relCounts.status === "loading" && <p className="muted">{t("relLoading")}</p>}
      {relCounts.status === "failed" && (
        <p className="error-text" role="alert">
          {t("relCountsFailed")}: {relCounts.detail}
        </p>
      )}
      {relCounts.status === "ready" && rows.length === 0 && <p className="muted">{t("relNone")}</p>}
      <RelationshipList nodeId={node.id} rows={rows} titles={titles} actions={actions} />
      <h3>{t("evidence")}</h3>
      <EvidenceList evidence={node.evidence} titles={titles} onShowSource={actions.onShowSource} />
    </aside>
  );
}

/**
 * The inspector's relationships: every type and direction the node has in the database, with how
 * many there are and how many are drawn. "Expand" adds a type's missing neighbours to the explorer
 * (one undoable step); opening a row lists the drawn neighbours, each with its first quote.
 */
import { useState } from "react";
import type { Evidence } from "../data/types.ts";
import { useLang, useT } from "../i18n.ts";
import { EvidenceQuote } from "./EvidenceList.tsx";
import { notDrawn, type DrawnNeighbour, type RelationshipRow } from "./relationshipRows.ts";
import type { ExplorerState } from "./state.ts";
import { colorOf, LABEL_NAMES, relationName } from "./style.ts";
import type { SourceTitles } from "./useSourceTitles.ts";

/** Neighbours listed per row before "show all": a hub has hundreds. */
const LISTED = 30;

export interface RelationshipListActions {
  onExpandType: (id: string, only: { type: string; direction: "out" | "in" }) => Promise<void>;
  onSelect: (target: ExplorerState["selected"]) => void;
  onShowSource: (evidence: Evidence) => void;
}

function Neighbour({
  item,
  titles,
  actions,
}: {
  item: DrawnNeighbour;
  titles: SourceTitles | undefined;
  actions: RelationshipListActions;
}) {
  return (
    <li>
      <button
        className="link rel-neighbour"
        onClick={() => actions.onSelect({ kind: "node", id: item.id })}
        data-testid="rel-neighbour"
      >
        <span className="dot" style={{ background: colorOf(item.node?.label ?? "") }} />
        <span>{item.node?.name ?? item.id}</span>
        {item.node?.nameEn && <span className="name-en">{item.node.nameEn}</span>}
      </button>
      {item.quote && (
        <EvidenceQuote evidence={item.quote} titles={titles} onShowSource={actions.onShowSource} compact />
      )}
    </li>
  );
}

function Row({
  nodeId,
  row,
  titles,
  actions,
}: {
  nodeId: string;
  row: RelationshipRow;
  titles: SourceTitles | undefined;
  actions: RelationshipListActions;
}) {
  const t = useT();
  const lang = useLang();
  const [open, setOpen] = useState(row.drawn.length > 0 && row.drawn.length <= 4);
  const [all, setAll] = useState(false);
  const [busy, setBusy] = useState(false);
  const missing = notDrawn(row);
  const expand = () => {
    setBusy(true);
    void actions.onExpandType(nodeId, { type: row.type, direction: row.direction }).finally(() => {
      setBusy(false);
      setOpen(true);
    });
  };
  const listed = all ? row.drawn : row.drawn.slice(0, LISTED);
  return (
    <li className="rel-group" data-testid="rel-group" data-type={row.type} data-direction={row.direction}>
      <div className="rel-head">
        <button
          className="rel-toggle"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
          title={t(row.direction === "out" ? "relOut" : "relIn")}
        >
          <span className="rel-caret">{open ? "▾" : "▸"}</span>
          <span className="rel-name" title={row.type}>
            {row.direction === "out"
              ? `${relationName(row.type, lang)} →`
              : `← ${relationName(row.type, lang)}`}
          </span>
          <span className="rel-ends">{row.labels.map((l) => LABEL_NAMES[l]?.[lang] ?? l).join(" · ")}</span>
        </button>
        <span className="rel-numbers">
          {row.count !== null && (
            <>
              <b data-testid="rel-count">{row.count}</b> {t("relInDatabase")} ·{" "}
            </>
          )}
          <span data-testid="rel-drawn">{row.drawn.length}</span> {t("relOnCanvas")}
        </span>
        {missing > 0 && (
          <button className="secondary rel-expand" onClick={expand} disabled={busy} data-testid="rel-expand">
            {t("relExpandType")} +{missing}
          </button>
        )}
      </div>
      {open && row.drawn.length > 0 && (
        <ul className="rel-neighbours">
          {listed.map((item) => (
            <Neighbour key={item.edge.id} item={item} titles={titles} actions={actions} />
          ))}
          {listed.length < row.drawn.length && (
            <li>
              <button className="link" onClick={() => setAll(true)}>
                {t("relShowAll")} ({row.drawn.length})
              </button>
            </li>
          )}
        </ul>
      )}
    </li>
  );
}

export function RelationshipList({
  nodeId,
  rows,
  titles,
  actions,
}: {
  nodeId: string;
  rows: RelationshipRow[];
  titles: SourceTitles | undefined;
  actions: RelationshipListActions;
}) {
  if (rows.length === 0) return null;
  return (
    <ul className="rel-types" data-testid="rel-types">
      {rows.map((row) => (
        <Row
          key={`${row.direction} ${row.type}`}
          nodeId={nodeId}
          row={row}
          titles={titles}
          actions={actions}
        />
      ))}
    </ul>
  );
}

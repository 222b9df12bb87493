/**
 * The rows of a result as a table: virtualised (only the rows in view are in the DOM), sortable by
 * any column, every value rendered as text by React (nodes as coloured chips, relationships as
 * `[:TYPE]`, paths as chains, lists, maps, big integers exactly). A click on a cell shows it in full.
 */
import { EvidenceOf } from "./EvidenceOf.tsx";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useMemo, useRef, useState } from "react";
import type { PlainValue, Row } from "../../graph/neo4jService.ts";
import { useT } from "../i18n.ts";
import { colorOf } from "../explorer/style.ts";
import { cellText, compareValues, isNodeValue, isRelationshipValue, mainLabel, toJson } from "./results.ts";

const ROW_HEIGHT = 30;
const MIN_COLUMN = 150;

function Cell({ value }: { value: PlainValue }) {
  if (value === null) return <span className="null">null</span>;
  if (isNodeValue(value)) {
    const label = mainLabel(value);
    const color = colorOf(label);
    const name = value.properties.name;
    return (
      <span className="chip" style={{ borderColor: color, background: `${color}22` }}>
        {`${label} · ${typeof name === "string" ? name : value.elementId}`}
      </span>
    );
  }
  if (isRelationshipValue(value)) return <span className="rel-type">{`[:${value.type}]`}</span>;
  if (typeof value === "number" || typeof value === "bigint")
    return <span className="number">{value.toString()}</span>;
  return <>{cellText(value)}</>;
}

type Sort = { key: string; dir: 1 | -1 } | null;

export function ResultTable({ keys, rows }: { keys: string[]; rows: Row[] }) {
  const t = useT();
  const [sort, setSort] = useState<Sort>(null);
  const [detail, setDetail] = useState<{ key: string; value: PlainValue } | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const sorted = useMemo(() => {
    if (!sort) return rows;
    return [...rows].sort((a, b) => sort.dir * compareValues(a[sort.key] ?? null, b[sort.key] ?? null));
  }, [rows, sort]);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: sorted.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  // Every row the same width (rows are positioned one by one, so content must not size them).
  const columns = {
    gridTemplateColumns: `48px repeat(${keys.length}, minmax(0, 1fr))`,
    width: "100%",
    minWidth: 48 + keys.length * MIN_COLUMN,
  };

  const cycle = (key: string) =>
    setSort((s) => (s?.key !== key ? { key, dir: 1 } : s.dir === 1 ? { key, dir: -1 } : null));

  return (
    <div className="result-table-wrap">
      <div className="result-table" ref={scroller} role="table" aria-rowcount={sorted.length + 1}>
        <div className="rt-row rt-head" role="row" style={columns}>
          <span className="rt-index" role="columnheader">
            #
          </span>
          {keys.map((key) => (
            <button
              key={key}
              role="columnheader"
              className="rt-header"
              aria-sort={sort?.key === key ? (sort.dir === 1 ? "ascending" : "descending") : "none"}
              title={t("consoleSortHint")}
              onClick={() => cycle(key)}
            >
              {key}
              {sort?.key === key ? (sort.dir === 1 ? " ▲" : " ▼") : ""}
            </button>
          ))}
        </div>
        <div style={{ height: virtualizer.getTotalSize(), position: "relative", minWidth: columns.minWidth }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = sorted[item.index]!;
            return (
              <div
                key={item.key}
                role="row"
                className="rt-row"
                style={{ ...columns, position: "absolute", top: 0, transform: `translateY(${item.start}px)` }}
              >
                <span className="rt-index">{item.index + 1}</span>
                {keys.map((key) => (
                  <span
                    key={key}
                    role="cell"
                    className="rt-cell"
                    title={cellText(row[key] ?? null)}
                    onClick={() => setDetail({ key, value: row[key] ?? null })}
                  >
                    <Cell value={row[key] ?? null} />
                  </span>
                ))}
              </div>
            );
          })}
        </div>
      </div>
      {detail && (
        <div className="rt-detail">
          <div className="rt-detail-head">
            <strong>{detail.key}</strong>
            <button className="link" onClick={() => setDetail(null)}>
              {t("close")}
            </button>
          </div>
          <pre>{typeof detail.value === "string" ? detail.value : toJson(detail.value)}</pre>
          <EvidenceOf value={detail.value} />
        </div>
      )}
    </div>
  );
}

/**
 * The Cypher console: Neo4j's CodeMirror editor (highlighting, completion from the database's own
 * labels, types and keys, lint), a field per `$parameter`, the saved-query library and the local
 * history; results as table, graph or JSON with CSV/JSON export and "add to explorer". Every query
 * runs in READ mode with a timeout (cancellable) and a row cap.
 */
import { setDiagnostics } from "@codemirror/lint";
import { Prec } from "@codemirror/state";
import { keymap } from "@codemirror/view";
import "@neo4j-cypher/codemirror/css/cypher-codemirror.css";
import { CypherEditor } from "@neo4j-cypher/react-codemirror";
import type { EditorApi } from "@neo4j-cypher/codemirror";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  errorCode,
  ErrorCodes,
  isTimeout,
  type GraphService,
  type QueryResult,
} from "../../graph/neo4jService.ts";
import type { SavedQuery } from "../../graph/savedQuery.ts";
import type { GraphData } from "../data/types.ts";
import { ErrorBoundary } from "../ErrorBoundary.tsx";
import { ensureFont } from "../fonts.ts";
import { relationName } from "../explorer/style.ts";
import { useLang, useT, type StringKey } from "../i18n.ts";
import { download } from "../files.ts";
import { clearHistory, loadHistory, remember, type HistoryEntry } from "./history.ts";
import { Library } from "./Library.tsx";
import { fieldsFor, PARAM_TYPES, valuesFor, type ParamFields, type ParamType } from "./params.ts";
import {
  errorOffset,
  graphOf,
  isNodeValue,
  parametersOf,
  toCsv,
  toJson,
  type ResultGraph,
} from "./results.ts";
import { ResultGraph as ResultGraphView } from "./ResultGraph.tsx";
import { ResultTable } from "./ResultTable.tsx";

export const DEFAULT_CONSOLE_TIMEOUT_S = 15;
export const DEFAULT_ROW_CAP = 5_000;
/** Relationship endpoints no column returned are fetched to draw the edges, up to this many. */
const MAX_MISSING_ENDPOINTS = 2_000;

/** Ctrl/Cmd+Enter in the editor: CodeMirror's own key binding, announced as a DOM event. */
const RUN_EVENT = "tpg-run-query";
const RUN_KEYS = [
  Prec.highest(
    keymap.of([
      {
        key: "Mod-Enter",
        run: (view) => {
          view.dom.dispatchEvent(new CustomEvent(RUN_EVENT, { bubbles: true }));
          return true;
        },
      },
    ]),
  ),
];

/** A <pre> of megabytes freezes the page; the JSON view shows this many rows, the export all. */
const JSON_VIEW_ROWS = 1_000;

const FIRST_QUERY = "MATCH (h:Hub)-[r:HAS_POSITIONING]->(p:Positioning)\nRETURN h, r, p";

type Outcome =
  | { kind: "rows"; query: string; result: QueryResult; graph: ResultGraph; ms: number }
  | {
      kind: "error";
      query: string;
      message: StringKey | null;
      detail: string;
      code?: string;
      offset: number | null;
    };

function describe(error: unknown, query: string): Extract<Outcome, { kind: "error" }> {
  const code = errorCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  const base = { kind: "error" as const, query, detail, code, offset: null };
  if (code === ErrorCodes.writeInReadMode || code === "Neo.ClientError.Security.Forbidden")
    return { ...base, message: "consoleWriteRefused" };
  if (isTimeout(error)) return { ...base, message: "consoleTimedOut" };
  if (code === ErrorCodes.cancelled) return { ...base, message: "consoleCancelled" };
  if (code === ErrorCodes.syntax || code?.startsWith("Neo.ClientError.Statement."))
    return {
      ...base,
      message: code === ErrorCodes.syntax ? "consoleSyntax" : null,
      offset: errorOffset(detail, query),
    };
  if (code === ErrorCodes.serviceUnavailable || code === "SessionExpired")
    return { ...base, message: "connectionLost" };
  return { ...base, message: null };
}

/** Labels, relationship types, property keys and functions for the editor's completion. */
function useEditorSchema(service: GraphService, parameters: string[]) {
  const [schema, setSchema] = useState<{
    labels: string[];
    relationshipTypes: string[];
    propertyKeys: string[];
    functions: { name: string; signature: string }[];
  }>({ labels: [], relationshipTypes: [], propertyKeys: [], functions: [] });
  useEffect(() => {
    let cancelled = false;
    const list = async (query: string) =>
      ((await service.read(query)).rows[0]?.items as string[] | undefined) ?? [];
    void Promise.all([
      list("CALL db.labels() YIELD label RETURN collect(label) AS items"),
      list("CALL db.relationshipTypes() YIELD relationshipType RETURN collect(relationshipType) AS items"),
      list("CALL db.propertyKeys() YIELD propertyKey RETURN collect(propertyKey) AS items"),
      service
        .read("SHOW FUNCTIONS YIELD name, signature RETURN name, signature")
        .then((r) => r.rows as { name: string; signature: string }[])
        .catch(() => []),
    ])
      .then(([labels, relationshipTypes, propertyKeys, functions]) => {
        if (!cancelled) setSchema({ labels, relationshipTypes, propertyKeys, functions });
      })
      .catch(() => undefined); // completion then offers keywords only; the console still works
    return () => {
      cancelled = true;
    };
  }, [service]);
  return useMemo(() => ({ ...schema, parameters }), [schema, parameters]);
}

/** A whole number from 1 to `max`, kept in range whatever is typed. */
function NumberField({
  label,
  unit,
  max,
  value,
  onChange,
}: {
  label: string;
  unit?: string;
  max: number;
  value: number;
  onChange: (value: number) => void;
}) {
  return (
    <label className="inline">
      {label}
      <input
        type="number"
        min={1}
        max={max}
        value={value}
        onChange={(e) => onChange(Math.min(max, Math.max(1, Math.round(Number(e.target.value)) || 1)))}
      />
      {unit}
    </label>
  );
}

export function Console({
  service,
  onAddToExplorer,
}: {
  service: GraphService;
  onAddToExplorer: (data: GraphData) => void;
}) {
  const t = useT();
  const lang = useLang();
  const [query, setQuery] = useState(FIRST_QUERY);
  const [fields, setFields] = useState<ParamFields>({});
  const [saved, setSaved] = useState<SavedQuery | null>(null);
  const [timeoutS, setTimeoutS] = useState(DEFAULT_CONSOLE_TIMEOUT_S);
  const [rowCap, setRowCap] = useState(DEFAULT_ROW_CAP);
  const [running, setRunning] = useState<AbortController | null>(null);
  // Leaving the console (another tab, "add to explorer") stops what it is running.
  const runningRef = useRef<AbortController | null>(null);
  useEffect(() => () => runningRef.current?.abort(), []);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [view, setView] = useState<"table" | "graph" | "json">("table");
  const [history, setHistory] = useState<HistoryEntry[]>(loadHistory);
  const [side, setSide] = useState<"library" | "history">("library");
  const editor = useRef<EditorApi | null>(null);

  // Memoised on the names, not the text: the editor rebuilds its completion data when its schema changes.
  const parameterKey = parametersOf(query).join("\0");
  const parameters = useMemo(() => (parameterKey ? parameterKey.split("\0") : []), [parameterKey]);
  const schema = useEditorSchema(service, parameters);

  const mark = useCallback((offset: number | null, message: string) => {
    const view = editor.current?.codemirror;
    if (!view) return;
    const length = view.state.doc.length;
    const at = Math.min(offset ?? 0, length);
    // The whole word the server points at (or one character, or the last one at the end).
    const word = view.state.wordAt(at);
    const from = word?.from ?? Math.max(0, at === length ? at - 1 : at);
    const to = word?.to ?? Math.min(length, from + 1);
    const diagnostics =
      offset === null
        ? []
        : [
            {
              from,
              to,
              severity: "error" as const,
              message,
              markClass: "server-error",
            },
          ];
    view.dispatch(setDiagnostics(view.state, diagnostics));
  }, []);

  const run = useCallback(async () => {
    if (running) return;
    const text = query.trim();
    if (!text) return;
    let params: Record<string, unknown>;
    try {
      params = valuesFor(parameters, fields);
    } catch (error) {
      setOutcome({
        kind: "error",
        query: text,
        message: null,
        detail: String((error as Error).message),
        offset: null,
      });
      return;
    }
    const controller = new AbortController();
    setRunning(controller);
    runningRef.current = controller;
    mark(null, "");
    setHistory((h) =>
      remember(h, {
        query: text,
        params: Object.fromEntries(parameters.map((n) => [n, fields[n]?.raw ?? ""])),
        at: Date.now(),
      }),
    );
    const started = performance.now();
    try {
      const result = await service.read(text, params, {
        timeoutMs: timeoutS * 1000,
        maxRows: rowCap,
        signal: controller.signal,
      });
      let graph = graphOf(result.rows);
      if (graph.missing.length > 0 && graph.missing.length <= MAX_MISSING_ENDPOINTS) {
        const ends = await service.read(
          "MATCH (n) WHERE elementId(n) IN $ids RETURN n",
          { ids: graph.missing },
          { signal: controller.signal, timeoutMs: timeoutS * 1000 },
        );
        graph = graphOf(
          result.rows,
          ends.rows.flatMap((r) => (r.n && isNodeValue(r.n) ? [r.n] : [])),
        );
      }
      await ensureFont([
        ...graph.nodes.flatMap((n) => [n.name, n.nameEn]),
        // The result graph captions relationships with their names (ResultGraph.tsx).
        ...graph.edges.flatMap((e) => [relationName(e.type, "zh"), relationName(e.type, "en")]),
      ]);
      const ms = performance.now() - started;
      setOutcome({ kind: "rows", query: text, result, graph, ms });
      if (result.rows.length === 0 || graph.nodes.length === 0) setView((v) => (v === "graph" ? "table" : v));
    } catch (error) {
      const described = describe(error, text);
      setOutcome(described);
      mark(described.offset, described.detail);
    } finally {
      setRunning(null);
      runningRef.current = null;
    }
  }, [running, query, parameters, fields, service, timeoutS, rowCap, mark]);

  const editorBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = editorBox.current;
    const onRun = () => void run();
    box?.addEventListener(RUN_EVENT, onRun);
    return () => box?.removeEventListener(RUN_EVENT, onRun);
  }, [run]);

  const load = (text: string, nextFields: ParamFields, query: SavedQuery | null) => {
    setQuery(text);
    setFields(nextFields);
    setSaved(query);
    mark(null, "");
    editor.current?.focus();
  };

  const setField = (name: string, patch: Partial<{ type: ParamType; raw: string }>) =>
    setFields((f) => ({ ...f, [name]: { type: "string", raw: "", ...f[name], ...patch } }));

  const rows = outcome?.kind === "rows" ? outcome : null;
  const jsonView = useMemo(
    () => (view === "json" && rows ? toJson(rows.result.rows.slice(0, JSON_VIEW_ROWS)) : ""),
    [view, rows],
  );
  const savedParam = (name: string) => saved?.params.find((p) => p.name === name);

  return (
    <div className="console">
      <aside className="console-side">
        <div className="tabs small" role="tablist">
          <button role="tab" aria-selected={side === "library"} onClick={() => setSide("library")}>
            {t("consoleLibrary")}
          </button>
          <button role="tab" aria-selected={side === "history"} onClick={() => setSide("history")}>
            {t("consoleHistory")} ({history.length})
          </button>
        </div>
        {side === "library" ? (
          <Library onChoose={(q) => load(q.cypher, fieldsFor(q), q)} />
        ) : (
          <div className="history">
            {history.length === 0 && <p className="muted">{t("consoleHistoryEmpty")}</p>}
            <ul>
              {history.map((h) => (
                <li key={h.at}>
                  <button
                    className="history-item"
                    title={h.query}
                    onClick={() =>
                      load(
                        h.query,
                        Object.fromEntries(
                          Object.entries(h.params).map(([n, raw]) => [
                            n,
                            { type: fields[n]?.type ?? "string", raw },
                          ]),
                        ),
                        null,
                      )
                    }
                  >
                    <code>{h.query}</code>
                    <span className="muted">
                      {new Date(h.at).toLocaleString(lang === "zh" ? "zh-CN" : "en")}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
            {history.length > 0 && (
              <button
                className="secondary"
                onClick={() => {
                  clearHistory();
                  setHistory([]);
                }}
              >
                {t("consoleClearHistory")}
              </button>
            )}
          </div>
        )}
      </aside>

      <section className="console-main">
        {saved && (
          <div className="saved-head">
            <strong>{lang === "zh" ? saved.title : saved.titleEn}</strong>{" "}
            <span className="muted">{lang === "zh" ? saved.titleEn : saved.title}</span>
            <p className="muted">{lang === "zh" ? saved.description : saved.descriptionEn}</p>
          </div>
        )}
        <div className="editor" data-testid="cypher-editor" ref={editorBox}>
          <CypherEditor
            value={query}
            onValueChanged={(value) => setQuery(value)}
            onEditorCreated={(api) => {
              editor.current = api;
            }}
            schema={schema}
            lint
            autofocus
            lineWrapping
            postExtensions={RUN_KEYS}
            placeholder="MATCH (n) RETURN n LIMIT 25"
          />
        </div>

        {parameters.length > 0 && (
          <fieldset className="params">
            <legend>{t("consoleParams")}</legend>
            {parameters.map((name) => {
              const declared = savedParam(name);
              const field = fields[name] ?? { type: declared?.type ?? "string", raw: "" };
              return (
                <label key={name} className="param">
                  <span>
                    ${name}
                    {declared && (
                      <span className="muted"> {lang === "zh" ? declared.label : declared.labelEn}</span>
                    )}
                  </span>
                  <input
                    value={field.raw}
                    aria-label={`$${name}`}
                    onChange={(e) => setField(name, { raw: e.target.value, type: field.type })}
                    onKeyDown={(e) => {
                      if (e.key === "Enter" && (e.ctrlKey || e.metaKey || !e.shiftKey)) void run();
                    }}
                  />
                  <select
                    value={field.type}
                    aria-label={`$${name} type`}
                    disabled={declared !== undefined}
                    onChange={(e) => setField(name, { type: e.target.value as ParamType, raw: field.raw })}
                  >
                    {PARAM_TYPES.map((type) => (
                      <option key={type} value={type}>
                        {type}
                      </option>
                    ))}
                  </select>
                </label>
              );
            })}
          </fieldset>
        )}

        <div className="toolbar">
          {running ? (
            <button className="danger" onClick={() => running.abort()} data-testid="cancel-query">
              {t("consoleCancel")}
            </button>
          ) : (
            <button onClick={() => void run()} data-testid="run-query" title="Ctrl/⌘ + Enter">
              {t("consoleRun")} <kbd>Ctrl+Enter</kbd>
            </button>
          )}
          <NumberField
            label={t("consoleTimeout")}
            unit="s"
            max={600}
            value={timeoutS}
            onChange={setTimeoutS}
          />
          <NumberField label={t("consoleRowCap")} max={100_000} value={rowCap} onChange={setRowCap} />
          <span className="muted read-only-note">{t("consoleReadOnly")}</span>
          {running && <span className="running">{t("consoleRunning")}</span>}
        </div>

        {outcome?.kind === "error" && (
          <div className="card error console-error" role="alert" data-testid="query-error">
            <strong>{outcome.message ? t(outcome.message) : t("consoleFailed")}</strong>
            {outcome.code && <code className="muted"> {outcome.code}</code>}
            <pre>{outcome.detail}</pre>
          </div>
        )}

        {rows && (
          <div className="results" data-testid="query-results">
            <div className="toolbar">
              <div className="tabs" role="tablist">
                {(["table", "graph", "json"] as const).map((v) => (
                  <button key={v} role="tab" aria-selected={view === v} onClick={() => setView(v)}>
                    {t(v === "table" ? "consoleTable" : v === "graph" ? "consoleGraph" : "consoleJson")}
                  </button>
                ))}
              </div>
              <span className="muted" data-testid="result-summary">
                {rows.result.rows.length} {t("consoleRows")} · {Math.round(rows.ms)} ms
                {rows.result.summary?.availableAfterMs != null &&
                  ` (${t("consoleServer")} ${rows.result.summary.availableAfterMs + (rows.result.summary.consumedAfterMs ?? 0)} ms)`}
              </span>
              <button
                className="secondary"
                onClick={() =>
                  download(
                    new Blob([toCsv(rows.result.keys, rows.result.rows)], { type: "text/csv" }),
                    "query-result.csv",
                  )
                }
              >
                CSV
              </button>
              <button
                className="secondary"
                onClick={() =>
                  download(
                    new Blob([toJson(rows.result.rows)], { type: "application/json" }),
                    "query-result.json",
                  )
                }
              >
                JSON
              </button>
              <button
                className="secondary"
                disabled={rows.graph.nodes.length === 0}
                onClick={() => onAddToExplorer(rows.graph)}
                data-testid="add-to-explorer"
              >
                {t("consoleAddToExplorer")} ({rows.graph.nodes.length})
              </button>
            </div>
            {rows.result.truncated && (
              <div className="banner" role="status" data-testid="row-cap-notice">
                {t("consoleTruncated").replace("{n}", String(rows.result.rows.length))}
              </div>
            )}
            {rows.result.summary?.notifications.map((n, i) => (
              <div className="banner" key={i}>
                <strong>{n.title}</strong> {n.description}
              </div>
            ))}
            <ErrorBoundary title={t("consoleRenderFailed")} resetKey={`${view}:${rows.query}:${rows.ms}`}>
              {view === "table" && <ResultTable keys={rows.result.keys} rows={rows.result.rows} />}
              {view === "graph" &&
                (rows.graph.nodes.length > 0 ? (
                  <ResultGraphView key={`${rows.query}:${rows.ms}`} data={rows.graph} />
                ) : (
                  <p className="muted">{t("consoleNoGraph")}</p>
                ))}
              {view === "json" && (
                <>
                  {rows.result.rows.length > JSON_VIEW_ROWS && (
                    <p className="muted">{t("consoleJsonCut").replace("{n}", String(JSON_VIEW_ROWS))}</p>
                  )}
                  <pre className="result-json">{jsonView}</pre>
                </>
              )}
            </ErrorBoundary>
          </div>
        )}
      </section>
    </div>
  );
}

/**
 * The evidence of a node or relationship in a console result, as quotes with their section and
 * line — never the raw JSON that Neo4j stores (the JSON is still in the value shown above it).
 */
import type { PlainValue } from "../../graph/neo4jService.ts";
import { parseEvidence } from "../data/types.ts";
import { useT } from "../i18n.ts";

/** The evidence a value carries: a node's or relationship's `evidence`, or an evidence JSON string. */
export function evidenceOf(value: PlainValue) {
  if (value && typeof value === "object" && !Array.isArray(value) && "kind" in value) {
    const kind = (value as { kind: unknown }).kind;
    if (kind === "node" || kind === "relationship") {
      return safe((value as { properties: Record<string, PlainValue> }).properties.evidence ?? null);
    }
  }
  return typeof value === "string" && value.trimStart().startsWith("[") ? safe(value) : [];
}

function safe(value: PlainValue) {
  try {
    return parseEvidence(value);
  } catch {
    return [];
  }
}

export function EvidenceOf({ value }: { value: PlainValue }) {
  const t = useT();
  const evidence = evidenceOf(value);
  if (evidence.length === 0) return null;
  return (
    <div className="rt-evidence" data-testid="rt-evidence">
      <h4>{t("evidence")}</h4>
      <ol>
        {evidence.map((e) => (
          <li key={`${e.source}:${e.start}`}>
            <blockquote>{e.quote}</blockquote>
            <span className="muted small">
              {e.section} · {t("line")} {e.line} · {e.start}–{e.end}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

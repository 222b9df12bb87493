/** Small pieces the pattern views share: names in both languages, share badges, CSV buttons, evidence targets. */
import type { EntityNode } from "../data/types.ts";
import { csvText, download } from "../files.ts";
import { useLang, useT, type Lang } from "../i18n.ts";
import type { Share } from "./analysis.ts";

/** A property value as text: numbers and strings as they are, anything else (missing) empty. */
export function propText(value: unknown): string {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
    ? String(value)
    : "";
}

/** What the evidence panel shows: a title and the entities (by hub, when it matters) behind a cell. */
export interface EvidenceTarget {
  title: string;
  groups: { hubId: string | null; ids: string[] }[];
}

export type ShowEvidence = (target: EvidenceTarget) => void;

/** The name in the UI's language, the other beside it (entity names keep their Chinese original). */
export function Name({ entity }: { entity: Pick<EntityNode, "name" | "nameEn"> }) {
  const lang = useLang();
  const [first, second] =
    lang === "en" && entity.nameEn ? [entity.nameEn, entity.name] : [entity.name, entity.nameEn];
  return (
    <span className="bi-name">
      {first}
      {second && second !== first && <span className="muted"> {second}</span>}
    </span>
  );
}

export function nameIn(lang: Lang, entity: Pick<EntityNode, "name" | "nameEn">): string {
  return lang === "en" && entity.nameEn ? entity.nameEn : entity.name;
}

/** Both names as one string (for tables and CSV): "张江 Zhangjiang". */
export function bothNames(entity: Pick<EntityNode, "name" | "nameEn">): string {
  return entity.nameEn && entity.nameEn !== entity.name ? `${entity.name} ${entity.nameEn}` : entity.name;
}

const SHARE_KEYS = { all: "shareAll", two: "shareTwo", one: "shareOne", none: "shareNone" } as const;

export function ShareBadge({ share }: { share: Share }) {
  const t = useT();
  const key = SHARE_KEYS[share as keyof typeof SHARE_KEYS];
  return <span className={`share share-${share}`}>{key ? t(key) : share}</span>;
}

export interface Table {
  id: string;
  title: string;
  columns: string[];
  rows: (string | number)[][];
}

export function CsvButton({ table }: { table: Table }) {
  return (
    <button
      className="secondary small-button"
      data-testid={`csv-${table.id}`}
      onClick={() =>
        download(
          new Blob(
            [
              csvText(
                table.columns,
                table.rows.map((r) => r.map(String)),
              ),
            ],
            { type: "text/csv" },
          ),
          `${table.id}.csv`,
        )
      }
    >
      CSV
    </button>
  );
}

/** A count as a cell whose shade grows with the count; a click opens what is behind it. */
export function CountCell({
  count,
  max,
  onOpen,
  label,
}: {
  count: number;
  max: number;
  onOpen?: () => void;
  label: string;
}) {
  const strength = max > 0 ? count / max : 0;
  const style = count > 0 ? { background: `rgba(44, 160, 44, ${0.12 + 0.6 * strength})` } : undefined;
  if (count === 0 || !onOpen)
    return (
      <td className="count zero" aria-label={label}>
        {count === 0 ? "·" : count}
      </td>
    );
  return (
    <td className="count" style={style}>
      <button className="cell-button" onClick={onOpen} aria-label={label}>
        {count}
      </button>
    </td>
  );
}

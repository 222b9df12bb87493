/**
 * Evidence as quotes: the verbatim text, then where it stands (source, section, line) and "show in
 * source", which opens the document at the quote's offsets. Text is rendered by React, never as HTML.
 * Source and section ids are shown by their titles when `titles` is given (ids only until then).
 */
import type { Evidence } from "../data/types.ts";
import { useT } from "../i18n.ts";
import type { SourceTitles } from "./useSourceTitles.ts";

/**
 * Where a quote stands, in words: source · section · line n. A compact one leaves the source's long
 * title to its tooltip.
 */
function Citation({
  evidence,
  titles,
  compact,
}: {
  evidence: Evidence;
  titles?: SourceTitles;
  compact: boolean;
}) {
  const t = useT();
  const source = titles ? titles.source(evidence.source) : evidence.source;
  const section = titles ? titles.section(`${evidence.source}#${evidence.section}`) : evidence.section;
  const line = t("atLine").replace("{n}", String(evidence.line));
  return compact ? (
    <cite title={source}>
      {section} · {line}
    </cite>
  ) : (
    <cite>
      {source} · {section} · {line}
    </cite>
  );
}

/** One quote with its citation and "show in source"; `compact` clamps a long quote to two lines. */
export function EvidenceQuote({
  evidence,
  titles,
  onShowSource,
  compact = false,
}: {
  evidence: Evidence;
  titles?: SourceTitles;
  onShowSource: (e: Evidence) => void;
  compact?: boolean;
}) {
  const t = useT();
  return (
    <figure className={compact ? "quote compact" : "quote"}>
      <blockquote title={compact ? evidence.quote : undefined}>“{evidence.quote}”</blockquote>
      <figcaption>
        <Citation evidence={evidence} titles={titles} compact={compact} />{" "}
        <button
          className="link"
          onClick={() => onShowSource(evidence)}
          title={`${evidence.source} ${evidence.start}–${evidence.end}`}
        >
          {t("showInSource")}
        </button>
      </figcaption>
    </figure>
  );
}

export function EvidenceList({
  evidence,
  onShowSource,
  titles,
}: {
  evidence: Evidence[];
  onShowSource: (e: Evidence) => void;
  titles?: SourceTitles;
}) {
  return (
    <ul className="evidence">
      {evidence.map((e) => (
        <li key={`${e.source}:${e.start}:${e.end}`}>
          <EvidenceQuote evidence={e} titles={titles} onShowSource={onShowSource} />
        </li>
      ))}
    </ul>
  );
}

/** Evidence quotes, each with "show in source" (text rendered by React, never as HTML). */
import type { Evidence } from "../data/types.ts";
import { useT } from "../i18n.ts";

export function EvidenceList({
  evidence,
  onShowSource,
}: {
  evidence: Evidence[];
  onShowSource: (e: Evidence) => void;
}) {
  const t = useT();
  return (
    <ul className="evidence">
      {evidence.map((e) => (
        <li key={`${e.source}:${e.start}`}>
          <blockquote>“{e.quote}”</blockquote>
          <button className="link" onClick={() => onShowSource(e)}>
            {t("showInSource")} · {e.source} · {e.section} · {t("line")} {e.line}
          </button>
        </li>
      ))}
    </ul>
  );
}

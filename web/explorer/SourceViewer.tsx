/**
 * The full source text with one quote highlighted and scrolled into view. Text is rendered as React
 * text nodes, never as HTML, so nothing in a source can inject markup.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import type { DataSource, Evidence, SourceDocument } from "../data/types.ts";
import { useLang, useT } from "../i18n.ts";
import { sourceDocument } from "./useSourceTitles.ts";

export function SourceViewer({
  doc,
  evidence,
  onClose,
}: {
  doc: SourceDocument;
  evidence: Evidence;
  onClose: () => void;
}) {
  const t = useT();
  const lang = useLang();
  const mark = useRef<HTMLElement>(null);
  useEffect(() => {
    mark.current?.scrollIntoView({ block: "center" });
  }, [evidence]);
  const section = doc.sections.find((s) => s.id === evidence.section);
  return (
    <div className="source-viewer" role="dialog" aria-label={t("showInSource")}>
      <header>
        <div>
          <h2>{lang === "en" ? doc.titleEn : doc.title}</h2>
          <p className="muted">
            {section ? (lang === "en" ? section.titleEn : section.title) : evidence.section} · {t("line")}{" "}
            {evidence.line}
          </p>
        </div>
        <button className="secondary" onClick={onClose}>
          {t("close")}
        </button>
      </header>
      <pre className="source-text">
        {doc.text.slice(0, evidence.start)}
        <mark ref={mark} data-testid="source-highlight">
          {doc.text.slice(evidence.start, evidence.end)}
        </mark>
        {doc.text.slice(evidence.end)}
      </pre>
    </div>
  );
}

/**
 * "Show in source" for a view: `show` loads the evidence's document from the data source (a failure
 * goes to `onError`) and `viewer` is the dialog to render while one is open.
 */
export function useSourceViewer(
  source: DataSource,
  onError: (error: unknown) => void,
): { show: (evidence: Evidence) => void; viewer: ReactNode } {
  const [open, setOpen] = useState<{ doc: SourceDocument; evidence: Evidence } | null>(null);
  const show = useCallback(
    (evidence: Evidence) => {
      sourceDocument(source, evidence.source).then((doc) => setOpen({ doc, evidence }), onError);
    },
    [source, onError],
  );
  const viewer = open && (
    <SourceViewer doc={open.doc} evidence={open.evidence} onClose={() => setOpen(null)} />
  );
  return { show, viewer };
}

/**
 * The full source text with one quote highlighted and scrolled into view. Text is rendered as React
 * text nodes, never as HTML, so nothing in a source can inject markup.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import type { DataSource, Evidence, SourceDocument } from "../data/types.ts";
import { useLang, useT } from "../i18n.ts";
import { sourceDocument } from "./useSourceTitles.ts";

/**
 * Text as it reads: a source converted from print puts a blank line after every line, which shows as
 * double spacing; one blank line is drawn as a line break, and two or more as one blank line.
 * Only the display changes — offsets are taken on the stored text before this.
 */
export function readable(text: string): string {
  return text.replace(/\n(?:[ \t]*\n)+/g, (gap) => (gap.split("\n").length > 3 ? "\n\n" : "\n"));
}

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
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    mark.current?.scrollIntoView({ block: "center" });
  }, [evidence]);
  // Escape closes the dialog; focus starts on its close button, where the keyboard expects it.
  const closing = useRef(onClose);
  useEffect(() => {
    closing.current = onClose;
  }, [onClose]);
  useEffect(() => {
    close.current?.focus({ preventScroll: true });
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      event.preventDefault();
      closing.current();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
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
        <button className="secondary" onClick={onClose} ref={close}>
          {t("close")}
        </button>
      </header>
      <pre className="source-text">
        {readable(doc.text.slice(0, evidence.start))}
        <mark ref={mark} data-testid="source-highlight">
          {readable(doc.text.slice(evidence.start, evidence.end))}
        </mark>
        {readable(doc.text.slice(evidence.end))}
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

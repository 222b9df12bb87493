/** Search as one types: Chinese name, English name, alias or pinyin; choosing a hit flies to it. */
import { useEffect, useState } from "react";
import type { DataSource, EntityNode, SearchHit } from "../data/types.ts";
import { useLang, useT } from "../i18n.ts";
import { colorOf, LABEL_NAMES } from "./style.ts";

export function SearchBox({
  source,
  onChoose,
  onError,
  onHits,
}: {
  source: DataSource;
  onChoose: (node: EntityNode) => void;
  onError: (e: unknown) => void;
  /** The ids of the hits listed (none once the box is cleared), for the canvas to label them first. */
  onHits?: (ids: readonly string[]) => void;
}) {
  const t = useT();
  const lang = useLang();
  const [text, setText] = useState("");
  const [hits, setHits] = useState<{ query: string; hits: SearchHit[] } | null>(null);
  const [active, setActive] = useState(0);

  useEffect(() => {
    const query = text.trim();
    if (!query) return;
    let cancelled = false;
    const timer = window.setTimeout(() => {
      source.search(query, 12).then(
        (found) => {
          if (!cancelled) {
            setHits({ query, hits: found });
            setActive(0);
          }
        },
        (error: unknown) => {
          if (!cancelled) onError(error);
        },
      );
    }, 150);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [text, source, onError]);

  const shown = text.trim() && hits?.query === text.trim() ? hits.hits : [];
  const hitIds = shown.map((hit) => hit.node.id).join("\n");
  useEffect(() => onHits?.(hitIds ? hitIds.split("\n") : []), [hitIds, onHits]);
  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    onChoose(hit.node);
    setText("");
    setHits(null);
  };

  return (
    <div className="search" role="search">
      <input
        type="search"
        value={text}
        placeholder={t("search")}
        aria-label={t("search")}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") setActive((i) => Math.min(i + 1, shown.length - 1));
          else if (e.key === "ArrowUp") setActive((i) => Math.max(i - 1, 0));
          else if (e.key === "Enter") choose(shown[active]);
          else if (e.key === "Escape") setText("");
        }}
      />
      {text.trim() && hits?.query === text.trim() && (
        <ul className="suggestions" role="listbox">
          {shown.length === 0 && <li className="muted">{t("noHits")}</li>}
          {shown.map((hit, i) => (
            <li key={hit.node.id} role="option" aria-selected={i === active} onMouseDown={() => choose(hit)}>
              <span className="dot" style={{ background: colorOf(hit.node.label) }} />
              <span className="hit-name">{hit.node.name}</span>
              <span className="muted">{hit.node.nameEn}</span>
              <span className="hit-label">{LABEL_NAMES[hit.node.label]?.[lang] ?? hit.node.label}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

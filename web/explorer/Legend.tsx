/**
 * Counts per label of what is loaded; clicking a label hides or shows it (the legend is the filter).
 * Laid over the bottom of the canvas, so it stays in view while the side panels are folded.
 */
import { useLang, useT } from "../i18n.ts";
import { colorOf, LABEL_NAMES } from "./style.ts";

export function Legend({
  counts,
  hidden,
  onToggle,
}: {
  counts: Map<string, number>;
  hidden: ReadonlySet<string>;
  onToggle: (label: string) => void;
}) {
  const t = useT();
  const lang = useLang();
  const entries = [...counts].sort((a, b) => b[1] - a[1]);
  return (
    <section
      className="legend legend-overlay"
      aria-label={t("legend")}
      data-testid="legend"
      data-canvas-overlay="bottom"
    >
      <h3>{t("legend")}</h3>
      <ul>
        {entries.map(([label, count]) => (
          <li key={label}>
            <button
              className={hidden.has(label) ? "legend-item off" : "legend-item"}
              onClick={() => onToggle(label)}
              aria-pressed={!hidden.has(label)}
              data-label={label}
            >
              <span className="dot" style={{ background: colorOf(label) }} />
              <span>{LABEL_NAMES[label]?.[lang] ?? label}</span>
              <span className="count">{count}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

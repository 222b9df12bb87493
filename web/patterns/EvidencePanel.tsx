/**
 * What stands behind a cell or a term: the measures (or carriers, figures, news items) grouped by hub,
 * each with its evidence quotes and "show in source".
 */
import type { Evidence } from "../data/types.ts";
import { EvidenceList } from "../explorer/EvidenceList.tsx";
import { LABEL_NAMES } from "../explorer/style.ts";
import { useLang, useT } from "../i18n.ts";
import type { Patterns } from "./analysis.ts";
import { Name, type EvidenceTarget } from "./common.tsx";

export function EvidencePanel({
  patterns,
  target,
  onClose,
  onShowSource,
}: {
  patterns: Patterns;
  target: EvidenceTarget;
  onClose: () => void;
  onShowSource: (e: Evidence) => void;
}) {
  const t = useT();
  const lang = useLang();
  const total = target.groups.reduce((sum, g) => sum + g.ids.length, 0);
  return (
    <aside className="evidence-panel" data-testid="evidence-panel" aria-label={t("patternEvidence")}>
      <header>
        <div>
          <h3>{target.title}</h3>
          <p className="muted">
            {total} {t("patternItems")}
          </p>
        </div>
        <button className="secondary" onClick={onClose}>
          {t("close")}
        </button>
      </header>
      {target.groups.map((group) => {
        const hub = group.hubId ? patterns.nodes.get(group.hubId) : undefined;
        return (
          <section key={group.hubId ?? "all"}>
            {hub && (
              <h4>
                <Name entity={hub} /> <span className="muted">({group.ids.length})</span>
              </h4>
            )}
            <ol>
              {group.ids.map((id) => {
                const entity = patterns.nodes.get(id);
                if (!entity) return null;
                return (
                  <li key={id} data-testid="evidence-item">
                    <strong>
                      <Name entity={entity} />
                    </strong>{" "}
                    <span className="muted small">{LABEL_NAMES[entity.label]?.[lang] ?? entity.label}</span>
                    <EvidenceList evidence={entity.evidence} onShowSource={onShowSource} />
                  </li>
                );
              })}
            </ol>
          </section>
        );
      })}
    </aside>
  );
}

/**
 * Claims against the evidence: each synthesising claim of a report beside what every hub's own
 * sections show, with the gaps (a claim said to hold for a hub whose sections do not bear it out)
 * marked; every cell opens the measures or entities behind it with their quotes.
 */
import { useLang, useT, type StringKey } from "../i18n.ts";
import type { Patterns } from "./analysis.ts";
import type { ClaimHub, ClaimRow, Support } from "./claims.ts";
import { CsvButton, Name, nameIn, type ShowEvidence } from "./common.tsx";
import { claimsTable } from "./tables.ts";

const SUPPORT_KEYS: Record<Support, StringKey> = {
  supported: "claimSupported",
  partly: "claimPartly",
  "not found": "claimNotFound",
};

function Cell({
  row,
  hub,
  patterns,
  onEvidence,
}: {
  row: ClaimRow;
  hub: ClaimHub;
  patterns: Patterns;
  onEvidence: ShowEvidence;
}) {
  const t = useT();
  const lang = useLang();
  const ids = [...new Set(hub.backing.flatMap((b) => b.ids))];
  const backed = hub.backing.filter((b) => b.ids.length > 0).length;
  const gap = hub.claimed && hub.support !== "supported";
  const label = `${t(SUPPORT_KEYS[hub.support])} ${backed}/${row.items.length}`;
  return (
    <td
      className={`claim-cell support-${hub.support.replace(" ", "-")}${hub.claimed ? " claimed" : ""}${gap ? " gap" : ""}`}
      data-testid={`claim-${row.claim.id}-${hub.hubId}`}
    >
      {ids.length > 0 ? (
        <button
          className="link"
          onClick={() =>
            onEvidence({
              title: `${nameIn(lang, row.claim)} · ${nameIn(lang, patterns.nodes.get(hub.hubId)!)}`,
              groups: [{ hubId: hub.hubId, ids }],
            })
          }
        >
          {label}
        </button>
      ) : (
        <span>{label}</span>
      )}
      {!hub.claimed && <div className="muted small">{t("claimNotClaimed")}</div>}
      {gap && <div className="small gap-note">{t("claimGap")}</div>}
    </td>
  );
}

export function Claims({ patterns, onEvidence }: { patterns: Patterns; onEvidence: ShowEvidence }) {
  const t = useT();
  const lang = useLang();
  return (
    <section className="pattern-section" data-testid="claims">
      <header className="section-head">
        <h2>{t("patternClaims")}</h2>
        <CsvButton table={claimsTable(patterns, lang)} />
      </header>
      <p className="muted">{t("patternClaimsHelp")}</p>
      <table className="matrix claims">
        <thead>
          <tr>
            <th>{t("claimClaim")}</th>
            {patterns.hubs.map((h) => (
              <th key={h.id}>
                <Name entity={h} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {patterns.claims.map((row) => (
            <tr key={row.claim.id}>
              <th scope="row">
                <span className="badge">{t(`claimKind_${row.kind}` as StringKey)}</span>{" "}
                <button
                  className="link"
                  onClick={() =>
                    onEvidence({
                      title: nameIn(lang, row.claim),
                      groups: [{ hubId: null, ids: [row.claim.id] }],
                    })
                  }
                >
                  <Name entity={row.claim} />
                </button>
                <div className="muted small">
                  {t("claimItems")}: {row.items.map((i) => nameIn(lang, i)).join("、")}
                </div>
              </th>
              {row.hubs.map((hub) => (
                <Cell key={hub.hubId} row={row} hub={hub} patterns={patterns} onEvidence={onEvidence} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

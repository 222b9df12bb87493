/**
 * Small charts as plain React SVG, drawn alike in the app and (rendered to static markup) in the
 * self-contained report: grouped bars of one value per hub and term, and the verdict grid of the
 * claims. Texts come in as props; nothing here reads context.
 */
import { ChartFrame, HUB_COLORS } from "./chartFrame.tsx";

export interface BarRow {
  label: string;
  /** One value per hub, in the order of `hubs`. */
  values: number[];
  /** Per hub: "over" / "under" marks a difference text length does not explain. */
  flags?: ("over" | "under" | null)[];
}

/** Horizontal grouped bars: a row per term, a bar per hub, values printed by `format`. */
export function GroupedBars({
  title,
  hubs,
  rows,
  format,
  testId,
}: {
  title: string;
  hubs: string[];
  rows: BarRow[];
  format: (value: number) => string;
  testId?: string;
}) {
  const label = 190;
  const barH = 9;
  const rowH = hubs.length * barH + 10;
  const legendH = 24;
  const plot = 330;
  const width = label + plot + 60;
  const height = legendH + rows.length * rowH + 10;
  const max = Math.max(1e-9, ...rows.flatMap((r) => r.values));
  return (
    <ChartFrame kind="bars" title={title} width={width} height={height} testId={testId}>
      {hubs.map((hub, h) => (
        <g key={hub}>
          <rect x={label + h * 110} y={6} width={10} height={10} fill={HUB_COLORS[h % HUB_COLORS.length]} />
          <text x={label + h * 110 + 14} y={15}>
            {hub}
          </text>
        </g>
      ))}
      {rows.map((row, r) => {
        const y0 = legendH + r * rowH;
        return (
          <g key={row.label}>
            {r % 2 === 0 && <rect x={0} y={y0} width={width} height={rowH} fill="#f4f5f7" />}
            <text x={label - 8} y={y0 + rowH / 2 + 4} textAnchor="end">
              {row.label}
            </text>
            {row.values.map((v, h) => {
              const w = plot * (v / max);
              const y = y0 + 5 + h * barH;
              const flag = row.flags?.[h];
              return (
                <g key={h}>
                  <rect
                    x={label}
                    y={y}
                    width={w}
                    height={barH - 2}
                    fill={HUB_COLORS[h % HUB_COLORS.length]}
                  />
                  <text x={label + w + 4} y={y + barH - 2} fontSize={9}>
                    {format(v)}
                    {flag === "over" ? " ▲" : flag === "under" ? " ▼" : ""}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </ChartFrame>
  );
}

export type Verdict = "supported" | "partly" | "not found";

export const VERDICT_COLORS: Record<Verdict, string> = {
  supported: "#2ca02c",
  partly: "#f0ad4e",
  "not found": "#c8ccd4",
};

/** The claims × hubs grid: a square per verdict, outlined where the claim names the hub. */
export function VerdictGrid({
  title,
  hubs,
  claims,
  verdictNames,
  claimedNote,
  testId,
}: {
  title: string;
  hubs: string[];
  claims: { label: string; cells: { verdict: Verdict; claimed: boolean }[] }[];
  verdictNames: Record<Verdict, string>;
  claimedNote: string;
  testId?: string;
}) {
  const label = 260;
  const col = 70;
  const rowH = 22;
  const head = 26;
  const legendH = 30;
  const width = label + hubs.length * col + 10;
  const height = head + claims.length * rowH + legendH;
  return (
    <ChartFrame kind="verdicts" title={title} width={width} height={height} testId={testId}>
      {hubs.map((hub, h) => (
        <text key={hub} x={label + h * col + col / 2} y={16} textAnchor="middle">
          {hub}
        </text>
      ))}
      {claims.map((claim, r) => {
        const y = head + r * rowH;
        return (
          <g key={`${claim.label}-${r}`}>
            <text x={label - 8} y={y + 15} textAnchor="end">
              {claim.label.length > 22 ? `${claim.label.slice(0, 21)}…` : claim.label}
            </text>
            {claim.cells.map((cell, h) => (
              <rect
                key={h}
                x={label + h * col + col / 2 - 9}
                y={y + 3}
                width={18}
                height={16}
                fill={VERDICT_COLORS[cell.verdict]}
                stroke={cell.claimed ? "#1d2433" : "none"}
                strokeWidth={2}
              >
                <title>{`${claim.label} · ${hubs[h]}: ${verdictNames[cell.verdict]}`}</title>
              </rect>
            ))}
          </g>
        );
      })}
      {(Object.keys(VERDICT_COLORS) as Verdict[]).map((v, i) => (
        <g key={v}>
          <rect x={10 + i * 110} y={height - 20} width={12} height={12} fill={VERDICT_COLORS[v]} />
          <text x={26 + i * 110} y={height - 10}>
            {verdictNames[v]}
          </text>
        </g>
      ))}
      <rect
        x={10 + 3 * 110}
        y={height - 20}
        width={12}
        height={12}
        fill="none"
        stroke="#1d2433"
        strokeWidth={2}
      />
      <text x={26 + 3 * 110} y={height - 10}>
        {claimedNote}
      </text>
    </ChartFrame>
  );
}

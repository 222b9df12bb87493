/**
 * An UpSet chart as inline SVG: on top, how many terms each exact combination of hubs has; below, the
 * combination as filled dots joined by a line; on the left, how many terms each hub has in all. Plain
 * React SVG (no chart library): the same component draws in the app and, rendered to static markup,
 * in the self-contained report. Texts come in as props, so it needs no context.
 */
import { ChartFrame, HUB_COLORS } from "./chartFrame.tsx";
import type { SharedTerm } from "./terms.ts";
import type { UpSetData, UpSetIntersection } from "./upset.ts";

const COL = 30;
const ROW = 24;
const NAMES = 120;
const SET_BAR = 110;
const TOP = 130;

export function UpSet<R extends SharedTerm>({
  data,
  hubName,
  title,
  axis,
  onSelect,
  selected,
  testId,
}: {
  data: UpSetData<R>;
  hubName: (hubId: string) => string;
  title: string;
  /** Axis captions: the intersection bars and the set-size bars. */
  axis: { intersections: string; sets: string };
  onSelect?: (intersection: UpSetIntersection<R>) => void;
  selected?: string | null;
  testId?: string;
}) {
  const { sets, intersections } = data;
  const x0 = SET_BAR + NAMES;
  const width = x0 + Math.max(1, intersections.length) * COL + 10;
  const height = TOP + sets.length * ROW + 30;
  const maxI = Math.max(1, ...intersections.map((i) => i.rows.length));
  const maxS = Math.max(1, ...sets.map((s) => s.size));
  const rowY = (i: number) => TOP + i * ROW + ROW / 2;
  const colX = (i: number) => x0 + i * COL + COL / 2;
  return (
    <ChartFrame kind="upset" title={title} width={width} height={height} testId={testId}>
      <text x={x0} y={12} fill="#555">
        {axis.intersections}
      </text>
      {sets.map((s, i) => (
        <g key={s.hubId}>
          {i % 2 === 0 && <rect x={x0} y={TOP + i * ROW} width={width - x0} height={ROW} fill="#f4f5f7" />}
          <rect
            x={SET_BAR - 4 - (SET_BAR - 40) * (s.size / maxS)}
            y={rowY(i) - 7}
            width={(SET_BAR - 40) * (s.size / maxS)}
            height={14}
            fill={HUB_COLORS[i % HUB_COLORS.length]}
          />
          <text x={SET_BAR - 8 - (SET_BAR - 40) * (s.size / maxS)} y={rowY(i) + 4} textAnchor="end">
            {s.size}
          </text>
          <text x={SET_BAR + 6} y={rowY(i) + 4}>
            {hubName(s.hubId)}
          </text>
        </g>
      ))}
      <text x={4} y={height - 8} fill="#555">
        {axis.sets}
      </text>
      {intersections.map((inter, c) => {
        const key = inter.hubIds.join("|");
        const h = (TOP - 40) * (inter.rows.length / maxI);
        const ys = inter.hubIds.map((id) => rowY(sets.findIndex((s) => s.hubId === id)));
        const label = `${inter.hubIds.map(hubName).join(" + ")}: ${inter.rows.length}`;
        return (
          <g
            key={key}
            data-hubs={key}
            data-size={inter.rows.length}
            className={selected === key ? "upset-column selected" : "upset-column"}
            onClick={onSelect ? () => onSelect(inter) : undefined}
            style={onSelect ? { cursor: "pointer" } : undefined}
          >
            <title>{label}</title>
            <rect x={colX(c) - COL / 2} y={20} width={COL} height={height - 40} fill="transparent" />
            <rect
              x={colX(c) - 9}
              y={TOP - 8 - h}
              width={18}
              height={h}
              fill={selected === key ? "#ff7f0e" : "#3b4252"}
            />
            <text x={colX(c)} y={TOP - 12 - h} textAnchor="middle">
              {inter.rows.length}
            </text>
            {sets.map((s, r) => (
              <circle
                key={s.hubId}
                cx={colX(c)}
                cy={rowY(r)}
                r={6}
                fill={inter.hubIds.includes(s.hubId) ? "#3b4252" : "#d8dbe2"}
              />
            ))}
            {ys.length > 1 && (
              <line
                x1={colX(c)}
                x2={colX(c)}
                y1={Math.min(...ys)}
                y2={Math.max(...ys)}
                stroke="#3b4252"
                strokeWidth={2}
              />
            )}
          </g>
        );
      })}
    </ChartFrame>
  );
}

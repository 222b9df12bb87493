/**
 * What the patterns' SVG charts share: one colour per hub (in the hubs' order), the CJK font, and the
 * <svg> root with its size, accessible title and a `data-chart` kind the tests and the report read.
 */
import type { ReactNode } from "react";

export const HUB_COLORS = ["#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b"];

export const CHART_FONT = '"Noto Sans SC", sans-serif';

export function ChartFrame({
  kind,
  title,
  width,
  height,
  testId,
  children,
}: {
  kind: string;
  title: string;
  width: number;
  height: number;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <svg
      className={`chart ${kind}`}
      data-chart={kind}
      data-testid={testId}
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-label={title}
      fontFamily={CHART_FONT}
      fontSize={11}
    >
      <title>{title}</title>
      {children}
    </svg>
  );
}

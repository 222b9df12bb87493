/**
 * A side panel of the explorer that folds away to a narrow strip, so the canvas can have the window.
 * Its content stays mounted while folded (a filter list keeps what it loaded).
 */
import { useState, type ReactNode } from "react";
import { useT } from "../i18n.ts";

/** Below this window width the filter panel starts folded. */
const WIDE = 1200;

export function SidePanel({
  side,
  name,
  children,
  testId,
}: {
  side: "left" | "right";
  /** What the panel holds, for the toggle's label ("filters", "details"). */
  name: string;
  children: ReactNode;
  testId?: string;
}) {
  const t = useT();
  const [open, setOpen] = useState(() => side === "right" || window.innerWidth >= WIDE);
  const label = t(open ? "panelHide" : "panelShow").replace("{name}", name);
  // The arrow points where the panel goes: towards its edge to fold it, away to unfold it.
  const arrow = (side === "left") === open ? "‹" : "›";
  return (
    <div className={`side-panel ${side} ${open ? "open" : "folded"}`} data-testid={testId}>
      <button
        className="panel-toggle"
        onClick={() => setOpen(!open)}
        aria-expanded={open}
        aria-label={label}
        title={label}
      >
        {arrow}
      </button>
      <div className="side-panel-body" hidden={!open}>
        {children}
      </div>
    </div>
  );
}

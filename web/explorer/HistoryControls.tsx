/**
 * Undo and redo buttons for the explorer's one history (timeline.ts), titled with what they would
 * undo or redo, and the keys Ctrl/⌘+Z, Ctrl/⌘+Shift+Z and Ctrl+Y — unless the user is typing (the
 * search box and the console keep their own undo) or the explorer is not the view on screen.
 */
import { useEffect, type RefObject } from "react";
import { useLang, useT, type StringKey } from "../i18n.ts";
import { typing } from "./keys.ts";
import { LABEL_NAMES } from "./style.ts";
import type { Step, Timeline } from "./timeline.ts";

const KIND_KEYS: Record<string, StringKey> = {
  collapse: "stepCollapse",
  toggleHidden: "stepToggleHidden",
  showAll: "stepShowAll",
  togglePinned: "stepTogglePinned",
  toggleLabel: "stepToggleLabel",
  path: "stepPath",
  filter: "stepFilter",
  ego: "stepEgo",
  metric: "stepMetric",
};

export function HistoryControls({
  timeline,
  onUndo,
  onRedo,
  nameOf,
  scope,
}: {
  timeline: Timeline;
  onUndo: (step: Step) => void;
  onRedo: (step: Step) => void;
  /** A node's name as shown, or undefined when it is not loaded. */
  nameOf: (id: string) => string | undefined;
  /** The explorer's root: keys are ignored while it is hidden behind another view. */
  scope: RefObject<HTMLElement | null>;
}) {
  const t = useT();
  const lang = useLang();
  const last = timeline.past[timeline.past.length - 1];
  const next = timeline.future[0];

  const describe = (step: Step): string => {
    const { kind, subject } = step.label;
    const name = subject === undefined ? "" : (nameOf(subject) ?? LABEL_NAMES[subject]?.[lang] ?? subject);
    const key: StringKey =
      kind === "merged" ? (subject ? "stepMerged" : "stepAdded") : (KIND_KEYS[kind] ?? "stepAdded");
    return t(key).replace("{subject}", lang === "en" && name ? `“${name}”` : name);
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.defaultPrevented || typing(event))
        return;
      if (scope.current?.closest(".view-hidden")) return;
      const key = event.key.toLowerCase();
      const redo = (key === "z" && event.shiftKey) || (key === "y" && event.ctrlKey && !event.shiftKey);
      const undo = key === "z" && !event.shiftKey;
      if (!undo && !redo) return;
      event.preventDefault();
      if (undo && last) onUndo(last);
      if (redo && next) onRedo(next);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [last, next, onUndo, onRedo, scope]);

  const mod = navigator.platform.startsWith("Mac") ? "⌘" : "Ctrl+";
  return (
    <span className="history-controls" role="group" aria-label={`${t("undo")} / ${t("redo")}`}>
      <button
        className="secondary"
        onClick={() => last && onUndo(last)}
        disabled={!last}
        title={last ? `${t("undo")}: ${describe(last)} (${mod}Z)` : t("nothingToUndo")}
        data-testid="undo"
        data-step={last?.label.kind}
      >
        {t("undo")}
      </button>
      <button
        className="secondary"
        onClick={() => next && onRedo(next)}
        disabled={!next}
        title={next ? `${t("redo")}: ${describe(next)} (${mod}⇧Z)` : t("nothingToRedo")}
        data-testid="redo"
        data-step={next?.label.kind}
      >
        {t("redo")}
      </button>
    </span>
  );
}

/**
 * Path finding in the explorer: the two ends, the options, and the last search's outcome (paths, no
 * path, or why it failed), for the path panel to show. What a search found goes to the canvas through
 * the explorer's callbacks (merged as one step, the chosen path highlighted); a newer search makes an
 * older answer that arrives late irrelevant.
 */
import { useCallback, useRef, useState } from "react";
import { errorCode, ErrorCodes, isTimeout } from "../../graph/neo4jService.ts";
import { DEFAULT_PATH_OPTIONS } from "../data/pathOptions.ts";
import type { DataSource, GraphPath, PathOptions, PathResult } from "../data/types.ts";

export type PathOutcome =
  | { kind: "idle" }
  | { kind: "searching" }
  | { kind: "found"; result: PathResult; selected: number }
  /** No path within the hop limit that honours the options. */
  | { kind: "none" }
  | { kind: "failed"; reason: "timeout" | "lost" | "other"; detail: string };

export interface PathFinder {
  from: string | null;
  to: string | null;
  options: PathOptions;
  outcome: PathOutcome;
  /** Makes `id` the start (and forgets the end and what was found). */
  setFrom: (id: string) => void;
  /** Makes `id` the end and searches; with no start yet, makes it the start instead. */
  findTo: (id: string) => void;
  setOptions: (options: PathOptions) => void;
  /** Searches again between the same ends, with the options as they are now. */
  search: () => void;
  /** Highlights another of the paths found. */
  select: (index: number) => void;
  clear: () => void;
}

export interface PathCallbacks {
  /** Brings what the paths pass through onto the canvas. */
  onFound: (result: PathResult) => Promise<void>;
  /** Highlights one path and frames it, or clears the highlight (null). */
  onChoose: (path: GraphPath | null) => void;
}

/** Why a search failed, by Neo4j's error code (never by matching message text). */
export function failure(error: unknown): PathOutcome {
  const code = errorCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (isTimeout(error)) return { kind: "failed", reason: "timeout", detail };
  if (code === ErrorCodes.serviceUnavailable || code === "SessionExpired")
    return { kind: "failed", reason: "lost", detail };
  return { kind: "failed", reason: "other", detail };
}

export function usePathFinder(source: DataSource, callbacks: PathCallbacks): PathFinder {
  const [from, setFromId] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [options, setOptions] = useState<PathOptions>(DEFAULT_PATH_OPTIONS);
  const [outcome, setOutcome] = useState<PathOutcome>({ kind: "idle" });
  const seq = useRef(0);
  const { onFound, onChoose } = callbacks;

  const run = useCallback(
    async (start: string, end: string, wanted: PathOptions) => {
      const mine = ++seq.current;
      setOutcome({ kind: "searching" });
      try {
        const result = await source.shortestPath(start, end, wanted);
        if (mine !== seq.current) return;
        const first = result.paths[0];
        if (!first) {
          setOutcome({ kind: "none" });
          onChoose(null);
          return;
        }
        await onFound(result);
        if (mine !== seq.current) return;
        setOutcome({ kind: "found", result, selected: 0 });
        onChoose(first);
      } catch (e) {
        if (mine === seq.current) setOutcome(failure(e));
      }
    },
    [source, onFound, onChoose],
  );

  const setFrom = useCallback(
    (id: string) => {
      seq.current++;
      setFromId(id);
      setTo(null);
      setOutcome({ kind: "idle" });
      onChoose(null);
    },
    [onChoose],
  );

  const findTo = useCallback(
    (id: string) => {
      if (!from) {
        setFrom(id);
        return;
      }
      setTo(id);
      void run(from, id, options);
    },
    [from, options, run, setFrom],
  );

  const search = useCallback(() => {
    if (from && to) void run(from, to, options);
  }, [from, to, options, run]);

  const select = useCallback(
    (index: number) => {
      if (outcome.kind !== "found") return;
      const path = outcome.result.paths[index];
      if (!path) return;
      setOutcome({ ...outcome, selected: index });
      onChoose(path);
    },
    [outcome, onChoose],
  );

  const clear = useCallback(() => {
    seq.current++;
    setFromId(null);
    setTo(null);
    setOutcome({ kind: "idle" });
    onChoose(null);
  }, [onChoose]);

  return { from, to, options, outcome, setFrom, findTo, setOptions, search, select, clear };
}

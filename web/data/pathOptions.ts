/**
 * The options of path finding, their defaults and their check. Both data sources check the options
 * here before using them, so that a label or relationship type that reaches a query is always one of
 * graph/model.ts's names, whatever the URL or the UI sent.
 */
import {
  isLabel,
  isRelationType,
  RELATION_TYPE_NAMES,
  TAXONOMY_LABELS,
  type Label,
  type RelationType,
} from "../../graph/model.ts";
import type { PathOptions } from "./types.ts";

/** Longest path searched, in relationships: beyond it a "connection" no longer says anything. */
export const MAX_HOPS = 8;
/** Most paths asked for at once. */
export const MAX_PATHS = 5;

/**
 * Left out by default: the articles and publications (the editorial describes every hub) and the
 * taxonomy (every measure has a theme, an instrument and a stage), through which everything is two
 * hops apart and no path says anything.
 */
export const DEFAULT_EXCLUDED: readonly Label[] = ["Article", "Publication", ...TAXONOMY_LABELS];

export const DEFAULT_PATH_OPTIONS: PathOptions = { exclude: DEFAULT_EXCLUDED, types: null, k: 3 };

export interface CheckedPathOptions {
  exclude: Label[];
  /** Every allowed type, spelled out (all of them when the options said null). */
  types: RelationType[];
  k: number;
}

/** The options as model names, or an error that says which value is wrong. */
export function checkPathOptions(options: PathOptions): CheckedPathOptions {
  const exclude = options.exclude.map((label) => {
    if (!isLabel(label)) throw new Error(`checkPathOptions: "${label}" is not a label of the model`);
    return label;
  });
  const types =
    options.types === null
      ? [...RELATION_TYPE_NAMES]
      : options.types.map((type) => {
          if (!isRelationType(type))
            throw new Error(`checkPathOptions: "${type}" is not a relationship type of the model`);
          return type;
        });
  if (types.length === 0) throw new Error("checkPathOptions: no relationship type is allowed");
  if (!Number.isInteger(options.k) || options.k < 1 || options.k > MAX_PATHS)
    throw new Error(`checkPathOptions: k must be a whole number from 1 to ${MAX_PATHS}, got ${options.k}`);
  return { exclude: [...new Set(exclude)], types: [...new Set(types)], k: options.k };
}

/** Paths shortest first, then by their node ids, so that both sources list ties in one order. */
export function byLength(a: { nodes: string[] }, b: { nodes: string[] }): number {
  if (a.nodes.length !== b.nodes.length) return a.nodes.length - b.nodes.length;
  const [x, y] = [a.nodes.join("\u0000"), b.nodes.join("\u0000")];
  return x < y ? -1 : x > y ? 1 : 0;
}

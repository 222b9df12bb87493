/**
 * The graph indexed once for the pattern analyses, and ordering and rounding done as Cypher does
 * them, so that the TypeScript analyses give the saved queries' answers in the same order.
 */
import type { EntityEdge, EntityNode, GraphData } from "../data/types.ts";
// ---------------------------------------------------------------------------------------------
// Ordering and rounding as Cypher does them
// ---------------------------------------------------------------------------------------------

type Sortable = string | number | null | undefined;

/** Strings by code point, as Neo4j orders them (not by locale). */
function compareStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/** Cypher's ascending ORDER BY for one key: numbers before strings, null last. */
export function cypherCompare(a: Sortable, b: Sortable): number {
  const missingA = a === null || a === undefined;
  const missingB = b === null || b === undefined;
  if (missingA || missingB) return Number(missingA) - Number(missingB);
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "string" && typeof b === "string") return compareStrings(a, b);
  return typeof a === "number" ? -1 : 1;
}

/** Compares key lists left to right; a key wrapped as `{ desc: x }` sorts descending. */
export function byKeys<T>(keys: (item: T) => (Sortable | { desc: Sortable })[]): (x: T, y: T) => number {
  return (x, y) => {
    const kx = keys(x);
    const ky = keys(y);
    for (let i = 0; i < kx.length; i++) {
      const a = kx[i];
      const b = ky[i];
      const c =
        a !== null && typeof a === "object"
          ? -cypherCompare(a.desc, (b as { desc: Sortable }).desc)
          : cypherCompare(a, b as Sortable);
      if (c !== 0) return c;
    }
    return 0;
  };
}

/** Cypher's round(x, digits): half up, on the shortest decimal form of the double (BigDecimal.valueOf). */
export function roundHalfUp(value: number, digits: number): number {
  if (!Number.isFinite(value)) return value;
  const shift = (x: number, by: number) => {
    const [mantissa, exponent = "0"] = String(x).split("e");
    return Number(`${mantissa}e${Number(exponent) + by}`);
  };
  const rounded = Math.round(shift(Math.abs(value), digits));
  return Math.sign(value) * shift(rounded, -digits) || 0;
}

export const num = (value: unknown): number | null => (typeof value === "number" ? value : null);
export const str = (value: unknown): string | null => (typeof value === "string" ? value : null);

// ---------------------------------------------------------------------------------------------
// The graph, indexed once
// ---------------------------------------------------------------------------------------------

/** Nodes by id and label; distinct neighbours by relationship type, both ways. */
export class GraphIndex {
  readonly nodes = new Map<string, EntityNode>();
  private readonly labels = new Map<string, EntityNode[]>();
  private readonly out = new Map<string, Map<string, Set<string>>>();
  private readonly in = new Map<string, Map<string, Set<string>>>();
  private readonly pairs = new Map<string, EntityEdge[]>();

  constructor(data: GraphData) {
    for (const node of data.nodes) {
      this.nodes.set(node.id, node);
      const list = this.labels.get(node.label);
      if (list) list.push(node);
      else this.labels.set(node.label, [node]);
    }
    for (const edge of data.edges) {
      if (!this.nodes.has(edge.source) || !this.nodes.has(edge.target)) continue;
      GraphIndex.add(this.out, edge.type, edge.source, edge.target);
      GraphIndex.add(this.in, edge.type, edge.target, edge.source);
      const key = `${edge.source}\u0000${edge.target}`;
      this.pairs.set(key, [...(this.pairs.get(key) ?? []), edge]);
    }
  }

  /** The relationships from `source` to `target`, of any type. */
  edgesBetween(source: string, target: string): EntityEdge[] {
    return this.pairs.get(`${source}\u0000${target}`) ?? [];
  }

  private static add(map: Map<string, Map<string, Set<string>>>, type: string, key: string, value: string) {
    let byKey = map.get(type);
    if (!byKey) map.set(type, (byKey = new Map<string, Set<string>>()));
    let set = byKey.get(key);
    if (!set) byKey.set(key, (set = new Set()));
    set.add(value);
  }

  byLabel(label: string): EntityNode[] {
    return this.labels.get(label) ?? [];
  }

  node(id: string): EntityNode {
    const node = this.nodes.get(id);
    if (!node) throw new Error(`no entity ${id}`);
    return node;
  }

  private neighbours(
    map: Map<string, Map<string, Set<string>>>,
    id: string,
    types: string[],
    label?: string,
  ) {
    const out = new Set<string>();
    for (const type of types) {
      for (const other of map.get(type)?.get(id) ?? []) {
        if (!label || this.nodes.get(other)?.label === label) out.add(other);
      }
    }
    return [...out];
  }

  /** Distinct targets of `(id)-[:types]->(x:label)`. */
  targets(id: string, types: string[], label?: string): string[] {
    return this.neighbours(this.out, id, types, label);
  }

  /** Distinct sources of `(x:label)-[:types]->(id)`. */
  sources(id: string, types: string[], label?: string): string[] {
    return this.neighbours(this.in, id, types, label);
  }
}

/**
 * The inspector's relationship rows: each type and direction at a node with its count in the
 * database beside what of it is drawn. Pure, so that it can be tested without a browser.
 */
import type { EntityEdge, EntityNode, Evidence, RelationshipCount } from "../data/types.ts";

export interface DrawnNeighbour {
  edge: EntityEdge;
  id: string;
  node: EntityNode | undefined;
  /** The relationship's first quote, else the neighbour's own. */
  quote: Evidence | undefined;
}

export interface RelationshipRow {
  type: string;
  direction: "out" | "in";
  /** In the database; null while not known (still loading, or the query failed). */
  count: number | null;
  labels: string[];
  drawn: DrawnNeighbour[];
}

const keyOf = (type: string, direction: string) => `${direction} ${type}`;

export function relationshipRows(
  nodeId: string,
  nodes: ReadonlyMap<string, EntityNode>,
  edges: ReadonlyMap<string, EntityEdge>,
  counts: readonly RelationshipCount[] | null,
): RelationshipRow[] {
  const rows = new Map<string, RelationshipRow>();
  for (const c of counts ?? [])
    rows.set(keyOf(c.type, c.direction), { ...c, labels: [...c.labels], drawn: [] });
  const drawnOnly: RelationshipRow[] = [];
  for (const edge of edges.values()) {
    // A self-loop is both outgoing and incoming, as the database counts it.
    const directions = [
      ...(edge.source === nodeId ? (["out"] as const) : []),
      ...(edge.target === nodeId ? (["in"] as const) : []),
    ];
    for (const direction of directions) {
      const id = direction === "out" ? edge.target : edge.source;
      const node = nodes.get(id);
      const key = keyOf(edge.type, direction);
      let row = rows.get(key);
      if (!row) {
        row = { type: edge.type, direction, count: null, labels: [], drawn: [] };
        rows.set(key, row);
        drawnOnly.push(row);
      }
      row.drawn.push({ edge, id, node, quote: edge.evidence[0] ?? node?.evidence[0] });
      if (node && !row.labels.includes(node.label) && row.count === null) row.labels.push(node.label);
    }
  }
  for (const row of rows.values())
    row.drawn.sort((a, b) => (a.node?.name ?? a.id).localeCompare(b.node?.name ?? b.id, "zh"));
  // The database's order (most relationships first); types known only from the canvas after them.
  const known = [...rows.values()].filter((r) => !drawnOnly.includes(r));
  drawnOnly.sort((a, b) => b.drawn.length - a.drawn.length || a.type.localeCompare(b.type));
  return [...known, ...drawnOnly];
}

/** How many of a row's relationships are in the database but not drawn (0 while the count is unknown). */
export function notDrawn(row: RelationshipRow): number {
  return row.count === null ? 0 : Math.max(0, row.count - row.drawn.length);
}

/**
 * What the Cypher console does with a result, as pure functions: the graph in any column (nodes,
 * relationships and paths, also inside lists and maps), sortable and printable cell values, CSV and
 * JSON, the `$parameters` a query uses, and where a server error points in the query.
 */
import type { PlainNode, PlainRelationship, PlainValue, Row } from "../../graph/neo4jService.ts";
import { csvText } from "../files.ts";
import {
  toEntityEdge,
  toEntityNode,
  type EntityEdge,
  type EntityNode,
  type GraphData,
} from "../data/types.ts";

export const isNodeValue = (v: PlainValue): v is PlainNode =>
  typeof v === "object" && v !== null && !Array.isArray(v) && v.kind === "node" && "labels" in v;
export const isRelationshipValue = (v: PlainValue): v is PlainRelationship =>
  typeof v === "object" && v !== null && !Array.isArray(v) && v.kind === "relationship" && "type" in v;
const isPathValue = (
  v: PlainValue,
): v is { kind: "path"; nodes: PlainNode[]; relationships: PlainRelationship[] } =>
  typeof v === "object" && v !== null && !Array.isArray(v) && v.kind === "path" && Array.isArray(v.nodes);

/** A stored entity is known by its `id` property; anything else by its element id. */
function nodeKey(node: PlainNode): string {
  const id = node.properties.id;
  return typeof id === "string" ? id : node.elementId;
}

/** The model's label of a node (every stored entity also has the shared label `Entity`). */
export function mainLabel(node: PlainNode): string {
  return node.labels.find((l) => l !== "Entity") ?? node.labels[0] ?? "";
}

function toEntity(node: PlainNode): EntityNode {
  return toEntityNode(nodeKey(node), mainLabel(node), node.properties);
}

export interface ResultGraph extends GraphData {
  /** Element ids of relationship endpoints that no column returned (fetch them to draw the edges). */
  missing: string[];
}

/** Every node, relationship and path anywhere in the rows, as explorer entities. */
export function graphOf(rows: readonly Row[], extraNodes: readonly PlainNode[] = []): ResultGraph {
  const nodes = new Map<string, PlainNode>();
  const relationships = new Map<string, PlainRelationship>();
  const visit = (value: PlainValue, depth: number): void => {
    if (value === null || typeof value !== "object" || depth > 8) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
    } else if (isNodeValue(value)) {
      nodes.set(value.elementId, value);
    } else if (isRelationshipValue(value)) {
      relationships.set(value.elementId, value);
    } else if (isPathValue(value)) {
      for (const node of value.nodes) nodes.set(node.elementId, node);
      for (const rel of value.relationships) relationships.set(rel.elementId, rel);
    } else {
      for (const item of Object.values(value)) visit(item, depth + 1);
    }
  };
  for (const row of rows) for (const value of Object.values(row)) visit(value, 0);
  for (const node of extraNodes) nodes.set(node.elementId, node);

  const keyOf = new Map([...nodes.values()].map((n) => [n.elementId, nodeKey(n)]));
  const missing = new Set<string>();
  const edges: EntityEdge[] = [];
  for (const rel of relationships.values()) {
    const source = keyOf.get(rel.startNodeElementId);
    const target = keyOf.get(rel.endNodeElementId);
    if (source === undefined) missing.add(rel.startNodeElementId);
    if (target === undefined) missing.add(rel.endNodeElementId);
    if (source === undefined || target === undefined) continue;
    const id = typeof rel.properties.id === "string" ? rel.properties.id : rel.elementId;
    edges.push(toEntityEdge(id, rel.type, source, target, rel.properties));
  }
  return { nodes: [...nodes.values()].map(toEntity), edges, missing: [...missing] };
}

const collator = new Intl.Collator(["zh-CN", "en"], { numeric: true });

function rank(v: PlainValue): number {
  if (v === null) return 3;
  if (typeof v === "number" || typeof v === "bigint") return 0;
  if (typeof v === "boolean") return 1;
  return 2;
}

/** Orders cell values: numbers (big integers exactly), then booleans, then text; nulls last. */
export function compareValues(a: PlainValue, b: PlainValue): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) {
    const x = a as number | bigint;
    const y = b as number | bigint;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (ra === 1) return Number(a) - Number(b);
  if (ra === 3) return 0;
  return collator.compare(cellText(a), cellText(b));
}

function nodeText(node: PlainNode): string {
  const name = node.properties.name;
  return `(:${mainLabel(node)} ${typeof name === "string" ? name : node.elementId})`;
}

/** One line of text for a cell, for sorting, CSV and titles. */
export function cellText(value: PlainValue): string {
  if (value === null) return "null";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return String(value);
  if (Array.isArray(value)) return `[${value.map(cellText).join(", ")}]`;
  if (isNodeValue(value)) return nodeText(value);
  if (isRelationshipValue(value)) return `[:${value.type}]`;
  if (isPathValue(value)) {
    return value.nodes
      .map((n, i) => (i === 0 ? nodeText(n) : `-[:${value.relationships[i - 1]?.type ?? ""}]-${nodeText(n)}`))
      .join("");
  }
  return `{${Object.entries(value)
    .map(([k, v]) => `${k}: ${cellText(v)}`)
    .join(", ")}}`;
}

/** JSON with big integers as strings and the element ids kept (JSON.stringify throws on bigint). */
export function toJson(value: readonly Row[] | PlainValue, indent = 2): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v), indent);
}

/** CSV with a BOM so spreadsheet programs read the Chinese right; nested values as JSON. */
export function toCsv(keys: readonly string[], rows: readonly Row[]): string {
  const cell = (v: PlainValue) => (v === null ? "" : typeof v === "object" ? toJson(v, 0) : cellText(v));
  return csvText(
    keys,
    rows.map((row) => keys.map((k) => cell(row[k] ?? null))),
  );
}

/**
 * The `$name` parameters a query uses, in order of first use, ignoring strings, comments and
 * backquoted names (where a `$` is text, not a parameter).
 */
export function parametersOf(cypher: string): string[] {
  // One left-to-right pass, as a lexer would: a comment, a string or a backquoted name is consumed
  // whole (so `'http://x'` is a string, not a comment), and only $names outside them count.
  const tokens =
    /\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|\$`([^`]+)`|`[^`]*`|\$(\p{L}[\p{L}\p{N}_]*)/gu;
  const names: string[] = [];
  for (const match of cypher.matchAll(tokens)) {
    const name = match[1] ?? match[2];
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * Where a Neo4j error points in the query: the server writes "(line 2, column 5 (offset: 30))".
 * Returns the offset into the query text, or null when the message names no position.
 */
export function errorOffset(message: string, query: string): number | null {
  const offset = /\(offset:\s*(\d+)\)/.exec(message);
  if (offset) return Math.min(Number(offset[1]), query.length);
  const lc = /line (\d+), column (\d+)/.exec(message);
  if (!lc) return null;
  const lines = query.split("\n");
  const line = Math.min(Number(lc[1]), lines.length);
  const before = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0);
  return Math.min(before + Number(lc[2]) - 1, query.length);
}

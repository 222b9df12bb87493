/**
 * "Export what is shown": the nodes the explorer draws (those `isShown` keeps) and the edges between
 * them, as GEXF, GraphML and CSV. Pure functions of the render graph; the caller downloads the text.
 *
 * Every format carries the entity data — label, name, nameEn, aliases, sources, sections, the label's
 * properties and the evidence — with lists and objects as JSON text, so nothing is lost to a list
 * syntax. In GEXF and GraphML `label` means the drawn name (Gephi shows it), so there the entity's
 * label is called `type`, like an edge's. Those two formats also carry the drawing: GEXF in its viz
 * elements (position, size, colour), GraphML in the x, y, size, r, g, b keys that Gephi reads.
 *
 * GraphML is written here rather than by a package: graphology-graphml (0.5.2) only parses — its
 * writer is an unmerged pull request (graphology#550) — and no other maintained package writes
 * GraphML from graphology.
 */
import { write as writeGexfDocument } from "graphology-gexf";
import type { EntityEdge, EntityNode } from "../data/types.ts";
import { csvText } from "../files.ts";
import type { RenderEdge, RenderGraph, RenderNode } from "./renderGraph.ts";
import { escapeAttribute, escapeText, xmlSafe } from "./xmlText.ts";

/**
 * Whether the explorer shows a node. The entity is passed for predicates that need it (such as the
 * explorer's `makeVisibility`); a predicate of the id alone fits as well.
 */
export type IsShown = (id: string, entity: EntityNode) => boolean;
type Value = string | number | boolean;
/** One node's or edge's exported fields by column name; a missing value is left out. */
type Fields = Map<string, Value>;

interface ShownPart {
  nodes: { id: string; attributes: RenderNode }[];
  edges: { id: string; source: string; target: string; undirected: boolean; attributes: RenderEdge }[];
}

/** The shown nodes, and the edges whose two ends are shown (as GraphView's edge reducer draws them). */
function shownPart(graph: RenderGraph, isShown: IsShown): ShownPart {
  const part: ShownPart = { nodes: [], edges: [] };
  const kept = new Set<string>();
  graph.forEachNode((id, attributes) => {
    if (!isShown(id, attributes.entity)) return;
    kept.add(id);
    part.nodes.push({ id, attributes });
  });
  graph.forEachEdge((id, attributes, source, target, _sa, _ta, undirected) => {
    if (kept.has(source) && kept.has(target)) part.edges.push({ id, source, target, undirected, attributes });
  });
  return part;
}

// --- entity data -------------------------------------------------------------------------------

/** The columns every file has, in this order; then the properties (sorted), then TAIL. */
const ENTITY_HEAD = ["name", "nameEn", "aliases", "sources", "sections"];
const CSV_NODE_HEAD = ["id", "label", ...ENTITY_HEAD];
const CSV_EDGE_HEAD = ["id", "type", "source", "target", "sections"];
const GRAPHML_NODE_HEAD = ["label", "x", "y", "size", "r", "g", "b", "type", ...ENTITY_HEAD];
const GRAPHML_EDGE_HEAD = ["label", "r", "g", "b", "type", "sections"];
const TAIL = ["evidence"];
/** Names a property may not take (it is exported as `prop.<name>`): the fixed columns, GEXF's viz. */
const TAKEN = new Set([
  ...CSV_NODE_HEAD,
  ...CSV_EDGE_HEAD,
  ...GRAPHML_NODE_HEAD,
  ...TAIL,
  ...["z", "color", "shape", "thickness", "weight"],
]);

function json(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}

/** A property value as one field: scalars as they are, lists and objects as JSON, nothing for null. */
function fieldValue(value: unknown): Value | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "bigint") return value.toString();
  return json(value);
}

function addProps(fields: Fields, props: Record<string, unknown>): void {
  for (const key of Object.keys(props).sort()) {
    const value = fieldValue(props[key]);
    if (value !== undefined) fields.set(TAKEN.has(key) ? `prop.${key}` : key, value);
  }
}

function nodeData(entity: EntityNode, labelColumn: "label" | "type"): Fields {
  const fields: Fields = new Map<string, Value>([
    [labelColumn, entity.label],
    ["name", entity.name],
    ["nameEn", entity.nameEn],
    ["aliases", json(entity.aliases)],
    ["sources", json(entity.sources)],
    ["sections", json(entity.sections)],
  ]);
  addProps(fields, entity.props);
  fields.set("evidence", json(entity.evidence));
  return fields;
}

function edgeData(entity: EntityEdge): Fields {
  const fields: Fields = new Map<string, Value>([
    ["type", entity.type],
    ["sections", json(entity.sections)],
  ]);
  addProps(fields, entity.props);
  fields.set("evidence", json(entity.evidence));
  return fields;
}

/** Columns: the fixed head, then every other name any row has (sorted), then the fixed tail. */
function columnsOf(rows: readonly Fields[], head: readonly string[], tail: readonly string[]): string[] {
  const fixed = new Set([...head, ...tail]);
  const middle = new Set<string>();
  for (const row of rows) for (const name of row.keys()) if (!fixed.has(name)) middle.add(name);
  return [...head, ...[...middle].sort(), ...tail];
}

// --- GEXF --------------------------------------------------------------------------------------

/** GEXF 1.3, with hex colours; the writer's 1.2 output declares a misspelt viz namespace. */
export function toGexf(graph: RenderGraph, isShown: IsShown): string {
  const { nodes, edges } = shownPart(graph, isShown);
  const shown = graph.nullCopy();
  shown.replaceAttributes({ creator: "Talent Policy Graph · 人才政策图谱" });
  for (const { id, attributes } of nodes) shown.addNode(xmlSafe(id), attributes);
  for (const { id, source, target, undirected, attributes } of edges) {
    const [key, s, t] = [xmlSafe(id), xmlSafe(source), xmlSafe(target)];
    if (undirected) shown.addUndirectedEdgeWithKey(key, s, t, attributes);
    else shown.addDirectedEdgeWithKey(key, s, t, attributes);
  }
  return writeGexfDocument(shown, {
    version: "1.3",
    formatNode: (_id, a: RenderNode) => ({
      label: xmlSafe(a.label),
      viz: { color: a.color, size: a.size, x: a.x, y: a.y },
      attributes: xmlSafeObject(nodeData(a.entity, "type")),
    }),
    formatEdge: (_id, a: RenderEdge) => ({
      label: xmlSafe(a.entity.type),
      viz: { color: a.color, thickness: a.size },
      attributes: xmlSafeObject(edgeData(a.entity)),
    }),
  });
}

// --- GraphML -----------------------------------------------------------------------------------

type GraphmlType = "boolean" | "int" | "long" | "double" | "string";

/** The drawing's columns have fixed types: positions and sizes are real numbers even when whole. */
const DRAWING_TYPES = new Map<string, GraphmlType>([
  ["x", "double"],
  ["y", "double"],
  ["size", "double"],
  ["r", "int"],
  ["g", "int"],
  ["b", "int"],
]);

/** The narrowest GraphML type that holds every value of a column. */
function graphmlType(values: readonly Value[]): GraphmlType {
  if (values.every((v) => typeof v === "boolean")) return "boolean";
  if (!values.every((v): v is number => typeof v === "number")) return "string";
  if (!values.every((v) => Number.isSafeInteger(v))) return "double";
  return values.every((v) => v >= -0x80000000 && v <= 0x7fffffff) ? "int" : "long";
}

/** Red, green and blue of a #rgb or #rrggbb colour (the only form the explorer uses). */
function rgb(color: string): [number, number, number] | null {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color)?.[1];
  if (!hex) return null;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join("") : hex;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

function drawing(label: string, color: string, numbers: [string, number][]): Fields {
  const fields: Fields = new Map<string, Value>([["label", label], ...numbers]);
  const channels = rgb(color);
  if (channels) for (const [i, name] of ["r", "g", "b"].entries()) fields.set(name, channels[i]!);
  return fields;
}

interface GraphmlElement {
  open: string;
  close: string;
  fields: Fields;
}

/** Declares one typed <key> per column of the elements; returns the key id of each column name. */
function declareKeys(
  kind: "node" | "edge",
  elements: readonly GraphmlElement[],
  head: readonly string[],
  lines: string[],
): Map<string, string> {
  const ids = new Map<string, string>();
  const rows = elements.map((e) => e.fields);
  for (const name of columnsOf(rows, head, TAIL)) {
    const values = rows.flatMap((row) => (row.has(name) ? [row.get(name)!] : []));
    const id = `d${lines.length}`;
    const type = DRAWING_TYPES.get(name) ?? graphmlType(values);
    ids.set(name, id);
    lines.push(`  <key id="${id}" for="${kind}" attr.name="${escapeAttribute(name)}" attr.type="${type}"/>`);
  }
  return ids;
}

/** An element with its data; empty values are left out, as the GEXF writer leaves them out. */
function writeElement({ open, close, fields }: GraphmlElement, keyIds: Map<string, string>): string[] {
  const data = [...fields].flatMap(([name, value]) =>
    value === "" ? [] : [`      <data key="${keyIds.get(name)!}">${escapeText(String(value))}</data>`],
  );
  return [`    ${open}`, ...data, `    ${close}`];
}

export function toGraphml(graph: RenderGraph, isShown: IsShown): string {
  const { nodes, edges } = shownPart(graph, isShown);
  const edgeDefault = graph.type === "undirected" ? "undirected" : "directed";
  const nodeElements = nodes.map(({ id, attributes: a }) => ({
    open: `<node id="${escapeAttribute(id)}">`,
    close: "</node>",
    fields: new Map([
      ...drawing(a.label, a.color, [
        ["x", a.x],
        ["y", a.y],
        ["size", a.size],
      ]),
      ...nodeData(a.entity, "type"),
    ]),
  }));
  const edgeElements = edges.map(({ id, source, target, undirected, attributes: a }) => {
    const ends = `source="${escapeAttribute(source)}" target="${escapeAttribute(target)}"`;
    const direction = undirected === (edgeDefault === "undirected") ? "" : ` directed="${!undirected}"`;
    return {
      open: `<edge id="${escapeAttribute(id)}" ${ends}${direction}>`,
      close: "</edge>",
      fields: new Map([...drawing(a.entity.type, a.color, []), ...edgeData(a.entity)]),
    };
  });
  const keys: string[] = [];
  const nodeKeys = declareKeys("node", nodeElements, GRAPHML_NODE_HEAD, keys);
  const edgeKeys = declareKeys("edge", edgeElements, GRAPHML_EDGE_HEAD, keys);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"' +
      ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keys,
    `  <graph id="G" edgedefault="${edgeDefault}">`,
    ...nodeElements.flatMap((e) => writeElement(e, nodeKeys)),
    ...edgeElements.flatMap((e) => writeElement(e, edgeKeys)),
    "  </graph>",
    "</graphml>",
    "",
  ].join("\n");
}

// --- XML text ----------------------------------------------------------------------------------

function xmlSafeObject(fields: Fields): Record<string, Value> {
  return Object.fromEntries([...fields].map(([k, v]) => [k, typeof v === "string" ? xmlSafe(v) : v]));
}

// --- CSV ---------------------------------------------------------------------------------------

function csv(columns: readonly string[], rows: readonly Fields[]): string {
  return csvText(
    columns,
    rows.map((row) => columns.map((c) => (row.get(c) === undefined ? undefined : String(row.get(c))))),
  );
}

export function nodesCsv(graph: RenderGraph, isShown: IsShown): string {
  const rows = shownPart(graph, isShown).nodes.map(
    ({ id, attributes }) => new Map([["id", id], ...nodeData(attributes.entity, "label")]),
  );
  return csv(columnsOf(rows, CSV_NODE_HEAD, TAIL), rows);
}

export function edgesCsv(graph: RenderGraph, isShown: IsShown): string {
  const rows = shownPart(graph, isShown).edges.map(
    ({ id, source, target, attributes }) =>
      new Map<string, Value>([
        ["id", id],
        ["source", source],
        ["target", target],
        ...edgeData(attributes.entity),
      ]),
  );
  return csv(columnsOf(rows, CSV_EDGE_HEAD, TAIL), rows);
}

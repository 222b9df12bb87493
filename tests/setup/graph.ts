/** Helpers shared by tests that talk to the run's embedded Neo4j. */
import { inject } from "vitest";
import { GraphService } from "../../graph/neo4jService.ts";

export function testConfig() {
  const { uri, user, password } = inject("neo4j");
  return { uri, user, password };
}

export function testService(): GraphService {
  return GraphService.connect(testConfig());
}

/** A fingerprint of every knowledge node and relationship with all properties, order-independent. */
export async function fingerprint(service: GraphService): Promise<string> {
  const nodes = await service.read(
    "MATCH (n:Entity) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY id",
  );
  const rels = await service.read(
    "MATCH (a:Entity)-[r]->(b:Entity) RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props ORDER BY a, type, b, r.id",
  );
  const sort = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sort)
      : value && typeof value === "object"
        ? Object.fromEntries(
            Object.entries(value)
              .sort(([x], [y]) => x.localeCompare(y))
              .map(([k, v]) => [k, sort(v)]),
          )
        : value;
  const normalised = nodes.rows.map((r) => ({ ...r, labels: [...(r.labels as string[])].sort() }));
  return JSON.stringify(sort({ nodes: normalised, rels: rels.rows }));
}

import { describe, expect, it } from "vitest";
import { toEntityEdge, toEntityNode } from "../../web/data/types.ts";
import { onlySource, sourcesOf } from "../../web/patterns/sourceFilter.ts";

const ev = (source: string) =>
  JSON.stringify([{ quote: "q", source, section: "s", start: 0, end: 1, line: 1 }]);
const node = (id: string, label: string, source: string) =>
  toEntityNode(id, label, { name: id, evidence: ev(source) });

describe("facts of one source", () => {
  const data = {
    nodes: [
      node("hub:a", "Hub", "one"),
      node("measure:a", "Measure", "one"),
      node("measure:b", "Measure", "two"),
      node("theme:x", "Theme", "taxonomy"),
    ],
    edges: [
      toEntityEdge("r1", "ADOPTS", "hub:a", "measure:a", { evidence: ev("one") }),
      toEntityEdge("r2", "ADOPTS", "hub:a", "measure:b", { evidence: ev("two") }),
      toEntityEdge("r3", "BELONGS_TO", "measure:b", "theme:x", { evidence: ev("two") }),
    ],
  };

  it("lists the sources, not the taxonomy", () => {
    expect(sourcesOf(data)).toEqual(["one", "two"]);
  });

  it("keeps a source's relationships, their ends and the taxonomy", () => {
    const two = onlySource(data, "two");
    expect(two.edges.map((e) => e.id)).toEqual(["r2", "r3"]);
    // hub:a is defined by source one, but source two's relationship connects it.
    expect(two.nodes.map((n) => n.id).sort()).toEqual(["hub:a", "measure:b", "theme:x"]);
    expect(
      onlySource(data, "one")
        .nodes.map((n) => n.id)
        .sort(),
    ).toEqual(["hub:a", "measure:a", "theme:x"]);
  });
});

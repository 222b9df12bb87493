/** Every relationship type of the model has a name in both languages for the UI. */
import { describe, expect, it } from "vitest";
import { RELATION_TYPE_NAMES } from "../../graph/model.ts";
import { RELATION_NAMES, relationName } from "../../web/explorer/style.ts";

describe("relationship type names", () => {
  it("name every type of the model in Chinese and English", () => {
    expect(Object.keys(RELATION_NAMES).sort()).toEqual([...RELATION_TYPE_NAMES].sort());
    for (const type of RELATION_TYPE_NAMES) {
      expect(relationName(type, "zh")).toMatch(/[\u4e00-\u9fff]/u);
      expect(relationName(type, "en")).toMatch(/^[a-z ]+$/);
    }
  });
});

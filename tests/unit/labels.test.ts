/**
 * The explorer's canvas rules, without a canvas: which labels are drawn so that none overlap
 * (web/explorer/labels.ts), the camera ratio that frames a set of nodes (camera.ts), and a palette in
 * which no category looks dimmed (style.ts).
 */
import { describe, expect, it } from "vitest";
import { fitRatio, uniformInsets } from "../../web/explorer/camera.ts";
import {
  intersects,
  labelBox,
  labelPriority,
  pickLabels,
  TIER,
  type LabelBox,
} from "../../web/explorer/labels.ts";
import { colorOf, fade, LABEL_COLORS, LABEL_NAMES } from "../../web/explorer/style.ts";

const box = (key: string, x: number, y: number, width: number, priority: number, height = 16): LabelBox => ({
  key,
  x,
  y,
  width,
  height,
  priority,
});

function noneIntersect(boxes: readonly LabelBox[]): boolean {
  return boxes.every((a, i) => boxes.slice(i + 1).every((b) => !intersects(a, b)));
}

describe("pickLabels", () => {
  it("keeps the more important of two overlapping labels", () => {
    const kept = pickLabels([
      box("small", 0, 0, 100, 5),
      box("selected", 50, 8, 100, labelPriority(TIER.focus, 1)),
    ]);
    expect(kept.map((b) => b.key)).toEqual(["selected"]);
  });

  it("keeps labels that only touch, and all labels that do not meet", () => {
    const kept = pickLabels([box("a", 0, 0, 50, 1), box("b", 50, 0, 50, 1), box("c", 0, 16, 50, 1)]);
    expect(kept).toHaveLength(3);
  });

  it("ranks by tier before node size", () => {
    const bigHub = labelPriority(TIER.other, 26);
    const pathNode = labelPriority(TIER.path, 3);
    const neighbour = labelPriority(TIER.neighbour, 3);
    expect(pathNode).toBeGreaterThan(neighbour);
    expect(neighbour).toBeGreaterThan(bigHub);
    const kept = pickLabels([box("hub", 0, 0, 80, bigHub), box("n", 10, 4, 80, neighbour)]);
    expect(kept.map((b) => b.key)).toEqual(["n"]);
  });

  it("breaks ties by key, whatever the order of the candidates", () => {
    const boxes = [box("b", 0, 0, 40, 1), box("a", 10, 0, 40, 1)];
    expect(pickLabels(boxes).map((b) => b.key)).toEqual(["a"]);
    expect(pickLabels([...boxes].reverse()).map((b) => b.key)).toEqual(["a"]);
  });

  it("counts a key offered twice once, and skips empty or broken boxes", () => {
    const kept = pickLabels([
      box("x", 0, 0, 40, 1),
      box("x", 200, 0, 40, 9),
      box("empty", 400, 0, 0, 1),
      box("nan", Number.NaN, 0, 10, 1),
    ]);
    expect(kept.map((b) => [b.key, b.x])).toEqual([["x", 200]]);
  });

  it("leaves no two of a thousand random labels intersecting, and keeps many of them", () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const boxes = Array.from({ length: 1000 }, (_, i) =>
      box(`n${i}`, random() * 1400, random() * 800, 20 + random() * 200, random() * 30),
    );
    const kept = pickLabels(boxes);
    expect(noneIntersect(kept)).toBe(true);
    expect(kept.length).toBeGreaterThan(100);
    // Greedy by priority: every dropped label meets a kept one at least as important.
    const keptKeys = new Set(kept.map((b) => b.key));
    for (const dropped of boxes.filter((b) => !keptKeys.has(b.key)))
      expect(kept.some((k) => intersects(k, dropped) && k.priority >= dropped.priority)).toBe(true);
  });

  it("rejects a cell size that is not positive", () => {
    expect(() => pickLabels([], 0)).toThrow(/pickLabels/);
  });
});

describe("labelBox", () => {
  it("sits right of the node's disc and covers the text's height", () => {
    const b = labelBox("n", { x: 100, y: 50, size: 6 }, 80, 13, 1);
    expect(b.x).toBeLessThanOrEqual(109);
    expect(b.x + b.width).toBeGreaterThanOrEqual(189);
    expect(b.y).toBeLessThan(50 - 13 / 2);
    expect(b.y + b.height).toBeGreaterThan(50 + 13 / 3);
  });
});

describe("fitRatio", () => {
  const viewport = { width: 1000, height: 600 };
  const fifty = uniformInsets(50);

  it("zooms out until the wider side of the extent fits inside the insets", () => {
    // 1200 px wide at ratio 1 in a 1000 px canvas less 2 × 50 px: ratio 1200 / 900.
    expect(fitRatio({ halfWidth: 600, halfHeight: 10 }, viewport, fifty)).toBeCloseTo(1200 / 900);
    expect(fitRatio({ halfWidth: 10, halfHeight: 300 }, viewport, fifty)).toBeCloseTo(600 / 500);
    // A legend 100 px tall along the bottom leaves 400 px of height.
    expect(fitRatio({ halfWidth: 10, halfHeight: 300 }, viewport, { ...fifty, bottom: 150 })).toBeCloseTo(
      600 / 400,
    );
  });

  it("zooms in on a small extent, but not closer than minRatio", () => {
    expect(fitRatio({ halfWidth: 90, halfHeight: 50 }, viewport, fifty)).toBeCloseTo(0.2);
    expect(fitRatio({ halfWidth: 0, halfHeight: 0 }, viewport, fifty, { minRatio: 0.35 })).toBe(0.35);
  });

  it("refuses bounds that cannot hold", () => {
    expect(() => fitRatio({ halfWidth: 1, halfHeight: 1 }, viewport, fifty, { minRatio: 0 })).toThrow(
      /fitRatio/,
    );
  });
});

describe("palette", () => {
  const rgb = (hex: string) =>
    [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  /** CIELAB (D65), where a distance of about 2 is just noticeable. */
  const lab = (hex: string) => {
    const linear = rgb(hex).map((c) => {
      const v = c / 255;
      return v > 0.04045 ? ((v + 0.055) / 1.055) ** 2.4 : v / 12.92;
    }) as [number, number, number];
    const [r, g, b] = linear;
    const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
    const x = f((r * 0.4124 + g * 0.3576 + b * 0.1805) / 0.95047);
    const y = f(r * 0.2126 + g * 0.7152 + b * 0.0722);
    const z = f((r * 0.0193 + g * 0.1192 + b * 0.9505) / 1.08883);
    return [116 * y - 16, 500 * (x - y), 200 * (y - z)] as const;
  };
  const deltaE = (a: string, b: string) => {
    const [p, q] = [lab(a), lab(b)];
    return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
  };
  const colours = Object.values(LABEL_COLORS);

  it("gives every label a colour", () => {
    for (const label of Object.keys(LABEL_NAMES))
      expect(LABEL_COLORS[label], label).toMatch(/^#[0-9a-f]{6}$/);
  });

  it("gives the taxonomy labels real hues, not greys", () => {
    for (const label of ["Theme", "Instrument", "Stage"]) {
      const [r, g, b] = rgb(colorOf(label));
      expect(Math.max(r, g, b) - Math.min(r, g, b), label).toBeGreaterThan(60);
    }
  });

  it("keeps the categories apart from each other", () => {
    for (const [i, a] of colours.entries())
      for (const b of colours.slice(i + 1)) expect(deltaE(a, b), `${a} vs ${b}`).toBeGreaterThanOrEqual(30);
  });

  it("never uses a dimmed look as a category colour", () => {
    for (const colour of colours) {
      const [r, g, b] = rgb(colour);
      expect(Math.max(r, g, b) - Math.min(r, g, b), colour).toBeGreaterThan(50); // not grey
      expect(lab(colour)[0], colour).toBeLessThan(75); // not pale
      for (const other of colours)
        expect(deltaE(colour, fade(other)), `${colour} vs faded ${other}`).toBeGreaterThan(20);
    }
  });

  it("fades towards white and refuses what is not a colour", () => {
    expect(fade("#000000", 0.5)).toBe("#808080");
    expect(fade("#d62728", 0)).toBe("#d62728");
    expect(lab(fade("#2ca02c"))[0]).toBeGreaterThan(90);
    expect(() => fade("red")).toThrow(/fade/);
  });
});

/**
 * The fair comparison: the significance tests against hand-computed small examples, then on the seed
 * the shares and rates per 1,000 characters of each hub's own article, the differences flagged only
 * where text length does not explain them, the UpSet sets, the undirected centralities and the
 * editorial's claims with their verdicts and quotes per hub.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../importer/knowledgeBase.ts";
import { KNOWLEDGE_ROOT } from "../../importer/paths.ts";
import { buildSnapshot } from "../../importer/snapshot.ts";
import { SnapshotSource } from "../../web/data/snapshotSource.ts";
import type { GraphData } from "../../web/data/types.ts";
import { analyse, type Patterns } from "../../web/patterns/analysis.ts";
import { fairTable, hubRanking } from "../../web/patterns/fair.ts";
import { CENTRALITIES, medianOf, patternNetwork, rankBy } from "../../web/patterns/network.ts";
import {
  chiSquareSurvival,
  goodnessOfFit,
  holm,
  independenceTest,
  logGamma,
} from "../../web/patterns/stats.ts";
import { upsetData } from "../../web/patterns/upset.ts";

const ZGC = "hub:zhongguancun";
const ZJ = "hub:zhangjiang";
const QH = "hub:qianhai";

describe("the tests, by hand", () => {
  it("chi-square tail: df 2 is exp(-x/2); df 1 and 4 at their 5% points", () => {
    expect(chiSquareSurvival(6, 2)).toBeCloseTo(Math.exp(-3), 12);
    expect(chiSquareSurvival(0.5, 2)).toBeCloseTo(Math.exp(-0.25), 12);
    // qchisq(0.95, 1) = 3.841459, qchisq(0.95, 4) = 9.487729, qchisq(0.99, 44) = 68.70963
    expect(chiSquareSurvival(3.841459, 1)).toBeCloseTo(0.05, 6);
    expect(chiSquareSurvival(9.487729, 4)).toBeCloseTo(0.05, 6);
    expect(chiSquareSurvival(68.70963, 44)).toBeCloseTo(0.01, 6);
    expect(chiSquareSurvival(0, 3)).toBe(1);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(() => chiSquareSurvival(1, 0)).toThrow(/chiSquareSurvival/);
  });

  it("exact goodness of fit: (3, 0) at 1:1 has X² = 3 and p = 2/8", () => {
    // outcomes (3,0) (2,1) (1,2) (0,3), probabilities 1/8 3/8 3/8 1/8, X² 3, 1/3, 1/3, 3
    const test = goodnessOfFit([3, 0], [1, 1]);
    expect(test).toMatchObject({ statistic: 3, df: 1, method: "exact", expected: [1.5, 1.5] });
    expect(test.p).toBeCloseTo(0.25, 12);
    // the chi-square approximation: P(χ²₁ ≥ 3) = erfc(√1.5) = 0.0832645
    expect(test.pAsymptotic).toBeCloseTo(0.0832645, 6);
  });

  it("exact goodness of fit: (2, 1, 0) at 1:1:1 has X² = 2 and p = 21/27", () => {
    // 3 outcomes like (3,0,0): X² 6, 1/27 each; 6 like (2,1,0): X² 2, 3/27 each; (1,1,1): X² 0
    const test = goodnessOfFit([2, 1, 0], [1, 1, 1]);
    expect(test.statistic).toBeCloseTo(2, 12);
    expect(test.p).toBeCloseTo(21 / 27, 12);
    // probabilities need not add up to 1 (text lengths), only be proportional
    expect(goodnessOfFit([2, 1, 0], [2500, 2500, 2500]).p).toBeCloseTo(21 / 27, 12);
  });

  it("Monte Carlo for many outcomes agrees with the chi-square approximation near the null", () => {
    const test = goodnessOfFit([170, 160, 150, 160, 160], [1, 1, 1, 1, 1], { seed: 3 });
    expect(test.method).toBe("monte-carlo");
    expect(test.statistic).toBeCloseTo(1.25, 12);
    expect(test.pAsymptotic).toBeCloseTo(chiSquareSurvival(1.25, 4), 12);
    expect(Math.abs(test.p - test.pAsymptotic)).toBeLessThan(0.02);
  });

  it("independence: [[3,0],[0,3]] has X² = 6, asymptotic p = erfc(√3), permutation p ≈ 2/20", () => {
    const test = independenceTest(
      [
        [3, 0],
        [0, 3],
      ],
      { permutations: 4000, seed: 5 },
    )!;
    expect(test).toMatchObject({ statistic: 6, df: 1, rows: 2, columns: 2 });
    expect(test.pAsymptotic).toBeCloseTo(0.0143059, 6);
    // with the margins fixed, 2 of the C(6,3) = 20 tables are as extreme: Fisher's p = 0.1
    expect(Math.abs(test.pPermutation - 0.1)).toBeLessThan(0.02);
    expect(independenceTest([[1, 2]])).toBeNull();
  });

  it("Holm's adjustment", () => {
    expect(holm([0.01, 0.04, 0.03])).toEqual([0.03, 0.06, 0.06]);
    expect(holm([0.5, 0.9])).toEqual([1, 1]);
  });
});

let data: GraphData;
let p: Patterns;

beforeAll(async () => {
  const { kb, problems } = loadKnowledgeBase(KNOWLEDGE_ROOT);
  expect(problems).toEqual([]);
  const source = new SnapshotSource(JSON.parse(JSON.stringify(buildSnapshot(kb))));
  data = await source.everything();
  p = analyse(data, { documents: [await source.source("rczcyjdt-2020-07")] });
});

const themeRow = (zh: string) => fairTable(p, p.themes).rows.find((r) => r.row.theme.name === zh)!;

describe("a fair comparison of the seed", () => {
  it("measures each hub's own article: the section of the article that describes it alone", () => {
    expect(p.texts).toEqual([
      { hubId: ZGC, sections: ["rczcyjdt-2020-07#zhongguancun"], chars: 2500, via: "article" },
      { hubId: ZJ, sections: ["rczcyjdt-2020-07#zhangjiang"], chars: 4363, via: "article" },
      { hubId: QH, sections: ["rczcyjdt-2020-07#qianhai"], chars: 7561, via: "article" },
    ]);
  });

  it("shares and rates reverse the raw-count order of 国际人才引进", () => {
    const row = themeRow("国际人才引进");
    expect(row.cells.map((c) => c.count)).toEqual([8, 21, 23]);
    expect(hubRanking(row, "count")).toEqual([QH, ZJ, ZGC]);
    // 8/47, 21/61, 23/143 of each hub's measures
    expect(row.cells.map((c) => c.share)).toEqual([8 / 47, 21 / 61, 23 / 143]);
    expect(hubRanking(row, "share")).toEqual([ZJ, ZGC, QH]);
    expect(row.cells.map((c) => c.rate)).toEqual([(1000 * 8) / 2500, (1000 * 21) / 4363, (1000 * 23) / 7561]);
    expect(hubRanking(row, "rate")).toEqual([ZJ, ZGC, QH]);
    // and 前海's lead in counts is what its longer article explains: nothing flagged
    expect(row.cells.map((c) => c.flag)).toEqual([null, null, null]);
    expect(row.test!.pAdjusted).toBe(1);
  });

  it("flags only what text length does not explain", () => {
    const table = fairTable(p, p.themes);
    expect(table).toMatchObject({ baseline: "text", totals: [47, 61, 143], chars: [2500, 4363, 7561] });
    // 科技金融 by hand: 30 measures spread 2500 : 4363 : 7561 → 中关村 expects 30 × 2500 / 14424
    const finance = themeRow("科技金融");
    expect(finance.cells[0]!.expected).toBeCloseTo((30 * 2500) / 14424, 12);
    expect(finance.cells.map((c) => c.flag)).toEqual(["over", "under", null]);
    const flagged = table.rows
      .filter((r) => r.cells.some((c) => c.flag))
      .map((r) => [r.row.theme.name, r.cells.map((c) => c.flag)]);
    expect(flagged).toEqual([
      ["科技金融", ["over", "under", null]],
      ["区域人才合作", ["under", "under", "over"]],
      ["产学研合作", [null, "over", "under"]],
      ["资金资助与税收优惠", ["under", "under", "over"]],
    ]);
    // 法治环境, unique to 前海 with 11 measures, is not beyond its length after the adjustment
    expect(themeRow("法治环境").test).toMatchObject({ significant: false });
    expect(themeRow("法治环境").test!.p).toBeLessThan(0.01);
    // the mix of themes differs between the hubs: 22 × 2 degrees of freedom
    expect(table.independence).toMatchObject({ df: 44, permutations: 2000 });
    expect(table.independence!.pPermutation).toBeLessThan(0.001);
  });

  it("without the documents, the hubs' totals are the baseline and there is no rate", () => {
    const bare = analyse(data);
    expect(bare.texts.map((t) => t.chars)).toEqual([null, null, null]);
    const table = fairTable(bare, bare.themes);
    expect(table.baseline).toBe("total");
    expect(table.rows[0]!.cells.every((c) => c.rate === null)).toBe(true);
  });

  it("compares industries at a chosen level of their hierarchy", () => {
    const section = p.industries.map((r) => r.industry.name);
    expect(section).toContain("金融业");
    const byClass = analyse(data, { industryLevel: "class" }).industries.map((r) => r.industry.name);
    expect(byClass).toContain("第三产业");
    expect(byClass).not.toContain("金融业");
    expect(byClass.length).toBeLessThan(section.length);
    const named = analyse(data, { industryLevel: "named" }).industries;
    expect(named.length).toBeGreaterThan(section.length);
  });
});

describe("shared and unique as UpSet sets", () => {
  it("counts the themes of each exact combination of hubs", () => {
    const upset = upsetData([ZGC, ZJ, QH], p.themes);
    expect(upset.sets).toEqual([
      { hubId: ZGC, size: 16 },
      { hubId: ZJ, size: 20 },
      { hubId: QH, size: 23 },
    ]);
    expect(upset.intersections.map((i) => [i.hubIds, i.rows.length])).toEqual([
      [[ZGC, ZJ, QH], 15],
      [[ZJ, QH], 5],
      [[QH], 2],
      [[ZGC, QH], 1],
    ]);
  });
});

describe("centrality on the undirected hub × theme projection", () => {
  it("ranks each hub above the median, by every centrality", () => {
    for (const minHubs of [1, 2]) {
      const network = patternNetwork(p, { minHubs });
      expect(network.type).toBe("undirected");
      for (const centrality of CENTRALITIES) {
        const median = medianOf(network, centrality);
        for (const hub of [ZGC, ZJ, QH]) {
          expect(network.getNodeAttribute(hub, centrality), `${hub} ${centrality}`).toBeGreaterThan(median);
        }
      }
    }
    // by betweenness, the three hubs are the three most central nodes
    const ranked = rankBy(patternNetwork(p), "betweenness");
    expect(ranked.slice(0, 3).map((n) => [n.id, n.rank])).toEqual([
      [QH, 1],
      [ZJ, 2],
      [ZGC, 3],
    ]);
    expect(ranked[0]!.value).toBeCloseTo(0.4672, 3);
  });
});

describe("the editorial's claims against the evidence", () => {
  it("each of the five common denominators has a verdict per hub, with quotes outside the editorial", () => {
    const common = p.claims.filter((c) => c.kind === "common_denominator");
    expect(common.map((c) => c.claim.name.replace("科创中心发展措施的公约数：", "")).sort()).toEqual(
      [
        "产学研合作",
        "加强人才服务",
        "发挥人力资源中介、企业等的市场主体作用",
        "推动区域间人才合作",
        "构建良好创业创新生态",
      ].sort(),
    );
    for (const claim of common) {
      expect(claim.hubs.map((h) => h.hubId)).toEqual([ZGC, ZJ, QH]);
      for (const hub of claim.hubs) {
        expect(["supported", "partly", "not found"]).toContain(hub.support);
        expect(hub.claimed).toBe(true);
        const ids = hub.backing.flatMap((b) => b.ids);
        expect(ids.length > 0).toBe(hub.support !== "not found");
        for (const id of ids) {
          const quotes = p.nodes.get(id)!.evidence.filter((e) => e.section !== "editorial");
          expect(quotes.length, `${claim.claim.name} ${hub.hubId} ${id}`).toBeGreaterThan(0);
          expect(quotes[0]!.quote.length).toBeGreaterThan(0);
        }
      }
    }
    const verdicts = (zh: string) =>
      common.find((c) => c.claim.name.endsWith(zh))!.hubs.map((h) => h.support);
    expect(verdicts("产学研合作")).toEqual(["not found", "supported", "supported"]);
    expect(verdicts("推动区域间人才合作")).toEqual(["supported", "not found", "supported"]);
  });
});

/**
 * The canonical-knowledge rules of the validator (importer/canonical.ts and the alias check of the
 * loader), each broken on purpose in a copy of the mini knowledge root: the problem is reported with
 * its file and line, and the honest fix (a PART_OF link, an alias quote, notSameAs) silences it.
 */
import { execFile } from "node:child_process";
import { appendFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../importer/knowledgeBase.ts";
import { normalizeName } from "../../importer/canonical.ts";
import { PROJECT_ROOT } from "../../importer/paths.ts";
import { edit, miniRoot } from "../setup/fixtures.ts";

function problemsAfter(change: ((text: string) => string) | null, extra = ""): string[] {
  const { root, file } = miniRoot();
  if (change) edit(file, change);
  if (extra) appendFileSync(file, extra);
  return loadKnowledgeBase(root).problems.map((p) => `${p.line ?? ""} ${p.message}`);
}

/** Adds entities after the hub's entry of the mini file. */
const addEntities = (yaml: string) => (text: string) =>
  text.replace("  - id: region:demo-city\n", `${yaml}  - id: region:demo-city\n`);

const category = (id: string, name: string, quote: string, props = "") => `  - id: ${id}
    label: TalentCategory
    name: ${name}
    nameEn: ${id}
${props}    evidence: [${quote}]
`;

describe("canonical rules", () => {
  it("the mini root is canonical as it is", () => {
    expect(loadKnowledgeBase(miniRoot().root).problems).toEqual([]);
  });

  it("normalises names for comparison: quotation marks, title brackets, list commas", () => {
    expect(normalizeName("“高精尖缺”人才")).toBe(normalizeName("高、精、尖、缺人才"));
    expect(normalizeName("《张江科学城建设规划》")).toBe("张江科学城建设规划");
    expect(normalizeName("Silicon Valley")).toBe("siliconvalley");
  });

  it("reports two labels with one name, and notSameAs says they are different things", () => {
    const twin = `  - id: program:talent-apartments
    label: Program
    name: 人才公寓
    nameEn: Talent apartments programme
    evidence: [设立人才公寓2000套]
`;
    const problems = problemsAfter(addEntities(twin));
    expect(problems.join("\n")).toMatch(
      /likely duplicate: .*measure:test-park\/talent-apartments .*share the name "人才公寓"/,
    );
    expect(
      problemsAfter(
        addEntities(
          twin.replace(
            "    evidence:",
            "    notSameAs: [measure:test-park/talent-apartments]\n    evidence:",
          ),
        ),
      ),
    ).toEqual([]);
  });

  it("reports a category whose name contains another's unless PART_OF links them; places every category", () => {
    const broad = category(
      "talent:high-level",
      "高层次人才",
      "为高层次人才提供住房保障",
      "    props: { facet: level }\n",
    );
    const narrow = category("talent:high-level-housing", "住房保障高层次人才", "为高层次人才提供住房保障");
    const problems = problemsAfter(addEntities(broad + narrow)).join("\n");
    expect(problems).toMatch(
      /likely duplicate: TalentCategory talent:high-level-housing .*contains "高层次人才"/,
    );
    expect(problems).toMatch(
      /talent category talent:high-level-housing \(住房保障高层次人才\) is not placed in the hierarchy/,
    );
    const linked = problemsAfter(
      addEntities(broad + narrow),
      `  - type: PART_OF
    from: talent:high-level-housing
    to: talent:high-level
    evidence: [为高层次人才提供住房保障]
`,
    );
    expect(linked).toEqual([]);
  });

  it("a top-level category needs a facet", () => {
    const problems = problemsAfter(
      addEntities(category("talent:high-level", "高层次人才", "为高层次人才提供住房保障")),
    );
    expect(problems.join("\n")).toMatch(/talent:high-level \(高层次人才\) is not placed in the hierarchy/);
  });

  it("every region reaches a country", () => {
    const problems = problemsAfter((t) =>
      t.replace(
        "  - type: PART_OF\n    from: region:demo-city\n    to: region:demo-country\n    evidence: [示范市属示范国]\n",
        "",
      ),
    );
    expect(problems).toEqual([
      expect.stringMatching(/region:demo-city \(示范市\) does not reach a country by PART_OF/),
    ]);
  });

  it("every industry of a report sits under a section of a standard classification", () => {
    const industry = `  - id: industry:housing-services
    label: Industry
    name: 住房保障
    nameEn: Housing services
    evidence: [为高层次人才提供住房保障]
`;
    expect(problemsAfter(addEntities(industry)).join("\n")).toMatch(
      /industry industry:housing-services \(住房保障\) is not placed in a standard classification/,
    );
    const placed = problemsAfter(
      addEntities(industry),
      `  - type: PART_OF
    from: industry:housing-services
    to: industry:gbt/k-real-estate
    evidence: [为高层次人才提供住房保障]
`,
    );
    expect(placed).toEqual([]);
  });

  it("an alias must occur in a quote, or come with its own", () => {
    const problems = problemsAfter((t) =>
      t.replace("    name: 试验园区\n", "    name: 试验园区\n    aliases: [试验区]\n"),
    );
    expect(problems.join("\n")).toMatch(/hub:test-park: alias "试验区" does not occur in any quote/);
    const withQuote = problemsAfter((t) =>
      t.replace(
        "    name: 示范市\n",
        "    name: 示范市\n    aliases: [{ name: 示范国的城市, quote: 示范市属示范国 }]\n",
      ),
    );
    expect(withQuote.join("\n")).toMatch(/alias "示范国的城市" does not occur in its quote/);
    expect(
      problemsAfter((t) =>
        t.replace(
          "    name: 试验园区\n",
          "    name: 试验园区\n    aliases: [{ name: 园区, quote: 园区开通人才就诊绿色通道, section: services }]\n",
        ),
      ),
    ).toEqual([]);
  });

  it("policy names go without 《》 and a free-text relation must say why no typed one fits", () => {
    const policy = `  - id: policy:demo
    label: Policy
    name: 《示范简报》
    nameEn: Demo brief
    evidence: [试验园区人才简报]
`;
    expect(problemsAfter(addEntities(policy)).join("\n")).toMatch(
      /policy:demo: write the policy's name without 《》/,
    );
    const related = `  - type: RELATED_TO
    from: hub:test-park
    to: org:demo-university
    props: { relation: 共建 }
    evidence: [{ quote: 与示范大学共建人才培养基地, section: services }]
`;
    expect(problemsAfter(null, related).join("\n")).toMatch(
      /RELATED_TO hub:test-park → org:demo-university: props why/,
    );
  });
});

describe("npm run validate on the project's knowledge", () => {
  it("reports no likely duplicate and lists every free-text relation with why no type fits", async () => {
    const tsx = path.join(PROJECT_ROOT, "node_modules", ".bin", "tsx");
    const { stdout } = await promisify(execFile)(tsx, ["cli/tpg.ts", "validate"], {
      cwd: PROJECT_ROOT,
    });
    expect(stdout).toMatch(/^valid: \d+ nodes, \d+ relationships from 2 sources$/m);
    expect(stdout).toMatch(/^likely duplicates: 0$/m);
    const count = Number(/^free-text relations \(RELATED_TO\): (\d+)$/m.exec(stdout)?.[1]);
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(20);
    expect(stdout.match(/^ {6}why: .{20,}$/gm)).toHaveLength(count);
  });
});

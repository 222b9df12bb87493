/**
 * The rules that keep the knowledge base canonical — one node per real-world thing, every node placed
 * in its hierarchy — so that a new source cannot quietly reintroduce a synonym or an orphan:
 *
 * - likely duplicates: two entities whose names (or aliases) are equal once punctuation, quotation
 *   marks and brackets are ignored, whatever their labels; and, within one label of the named kinds,
 *   a name contained in another's when the two are not linked by any relationship (a child
 *   category is linked to its parent by PART_OF, so narrowing is not duplication);
 * - policy names are written without 《》 (the brackets are the text's typography, not the name);
 * - every region reaches a country by PART_OF;
 * - every talent category is either a top-level class with a `facet` or PART_OF another category;
 * - every industry of a report is PART_OF a section of a standard classification (taxonomy), or is
 *   an umbrella above one (a classification node is PART_OF it).
 *
 * `npm run validate` also lists the free-text relations (RELATED_TO) that remain, with why each one
 * has no typed relationship.
 */
import type { KnowledgeNode, KnowledgeRelation } from "./knowledgeBase.ts";
import type { Problem } from "./problems.ts";

/** Labels whose names are compared by containment as well as by equality. */
const CONTAINMENT_LABELS = new Set([
  "TalentCategory",
  "Industry",
  "Alliance",
  "Program",
  "Policy",
  "Region",
  "Hub",
]);

/** A name as compared: no whitespace, quotation marks, title or other brackets, list commas or dots; lower case. */
export function normalizeName(name: string): string {
  return name.replace(/[\s“”‘’"'《》〈〉「」『』【】·・、，,.。:：;；!！?？\-—–~～/]/gu, "").toLowerCase();
}

/** Without a bracketed gloss: 高校院所（技术转移联盟首批成员） → 高校院所. */
function withoutGloss(name: string): string {
  return name.replace(/[（(][^（）()]*[）)]$/u, "");
}

function at(node: KnowledgeNode) {
  return { file: node.file, line: node.line };
}

export function checkCanonical(nodes: KnowledgeNode[], relations: KnowledgeRelation[]): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const linked = new Set<string>();
  const parents = new Map<string, string[]>();
  for (const r of relations) {
    linked.add(`${r.from}|${r.to}`).add(`${r.to}|${r.from}`);
    if (r.type === "PART_OF") parents.set(r.from, [...(parents.get(r.from) ?? []), r.to]);
  }
  const distinct = (a: KnowledgeNode, b: KnowledgeNode) =>
    a.notSameAs.includes(b.id) || b.notSameAs.includes(a.id) || linked.has(`${a.id}|${b.id}`);

  problems.push(...likelyDuplicates(nodes, distinct));

  for (const node of nodes) {
    if (node.label === "Policy" && /[《》]/u.test(node.name)) {
      problems.push({
        ...at(node),
        message: `${node.id}: write the policy's name without 《》 ("${node.name}")`,
        hint: "the title brackets are typography; keep the quote verbatim, the name bare",
      });
    }
  }

  const children = new Map<string, string[]>();
  for (const [child, ps] of parents) for (const p of ps) children.set(p, [...(children.get(p) ?? []), child]);
  /** The entities of one label reached from `id` along PART_OF, up (parents) or down (children). */
  const reach = (id: string, label: string, links: Map<string, string[]>): KnowledgeNode[] => {
    const seen = new Set<string>();
    const stack = [id];
    while (stack.length > 0) {
      for (const next of links.get(stack.pop()!) ?? []) {
        if (seen.has(next) || byId.get(next)?.label !== label) continue;
        seen.add(next);
        stack.push(next);
      }
    }
    return [...seen].map((x) => byId.get(x)!);
  };
  const ancestors = (id: string, label: string) => reach(id, label, parents);
  const descendants = (id: string) => reach(id, "Industry", children);

  for (const node of nodes) {
    if (node.label === "Region" && node.props.kind !== "country") {
      if (!ancestors(node.id, "Region").some((r) => r.props.kind === "country")) {
        problems.push({
          ...at(node),
          message: `${node.id} (${node.name}) does not reach a country by PART_OF`,
          hint: "add PART_OF to the region that contains it (a city to its province, a province or SAR to its country)",
        });
      }
    }
    if (node.label === "TalentCategory" && node.props.facet === undefined) {
      if (ancestors(node.id, "TalentCategory").length === 0) {
        problems.push({
          ...at(node),
          message: `talent category ${node.id} (${node.name}) is not placed in the hierarchy`,
          hint: "add PART_OF to the broader category it narrows, or give a top-level class props.facet (level, origin, role, field, stage)",
        });
      }
    }
    if (node.label === "Industry" && node.props.scheme === undefined) {
      // placed under a classification node, or an umbrella above one (新兴产业 above 战略性新兴产业)
      const classified = (i: KnowledgeNode) => i.props.scheme !== undefined;
      if (!ancestors(node.id, "Industry").some(classified) && !descendants(node.id).some(classified)) {
        problems.push({
          ...at(node),
          message: `industry ${node.id} (${node.name}) is not placed in a standard classification`,
          hint: "add PART_OF to a section of importer/taxonomy/taxonomy.yaml (industry:gbt-… or industry:sei-…), directly or through a broader industry",
        });
      }
    }
  }
  return problems;
}

function likelyDuplicates(
  nodes: KnowledgeNode[],
  distinct: (a: KnowledgeNode, b: KnowledgeNode) => boolean,
): Problem[] {
  const problems: Problem[] = [];
  const candidates = nodes.filter((n) => n.label !== "Statistic");
  const normalised = new Map(
    candidates.map((n) => [
      n,
      [...new Set([n.name, ...n.aliases].map(normalizeName))].filter((x) => x.length > 0),
    ]),
  );
  const names = (n: KnowledgeNode) => normalised.get(n)!;
  const byName = new Map<string, KnowledgeNode[]>();
  for (const node of candidates) {
    for (const name of names(node)) {
      const list = byName.get(name) ?? [];
      if (!list.includes(node)) list.push(node);
      byName.set(name, list);
    }
  }
  const reported = new Set<string>();
  const report = (a: KnowledgeNode, b: KnowledgeNode, why: string) => {
    const key = [a.id, b.id].sort().join("|");
    if (reported.has(key) || distinct(a, b)) return;
    reported.add(key);
    problems.push({
      ...at(b),
      message: `likely duplicate: ${b.label} ${b.id} "${b.name}" and ${a.label} ${a.id} "${a.name}" (${a.file}:${a.line}) ${why}`,
      hint:
        a.label === b.label
          ? "merge them (keep one id, the other's name as an alias with its quote), link the narrower one by PART_OF, or list the other id under notSameAs"
          : "one thing has one label: keep the entity whose label fits and refer to it by id (or list the other id under notSameAs if they are different things)",
    });
  };
  for (const [name, list] of byName) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) report(list[i]!, list[j]!, `share the name "${name}"`);
    }
  }
  // a curator's bracketed gloss does not make a new thing: 高校院所（技术转移联盟首批成员） ~ 高校院所
  for (const node of candidates) {
    const bare = normalizeName(withoutGloss(node.name));
    if (bare === normalizeName(node.name)) continue;
    for (const other of byName.get(bare) ?? []) {
      if (other !== node) report(other, node, `is "${other.name}" with a bracketed gloss`);
    }
  }
  // containment within one label: 外籍高层次人才 contains 高层次人才
  const byLabel = new Map<string, KnowledgeNode[]>();
  for (const node of candidates) {
    if (!CONTAINMENT_LABELS.has(node.label)) continue;
    byLabel.set(node.label, [...(byLabel.get(node.label) ?? []), node]);
  }
  for (const list of byLabel.values()) {
    for (const a of list) {
      const short = normalizeName(a.name);
      if (short.length < 2) continue;
      for (const b of list) {
        if (a === b) continue;
        if (names(b).some((n) => n !== short && n.includes(short))) {
          report(a, b, `has a name that contains "${a.name}" and they are not linked`);
        }
      }
    }
  }
  return problems;
}

/** The free-text relations left in the knowledge base, for `npm run validate` to list. */
export function freeTextRelations(relations: KnowledgeRelation[]): KnowledgeRelation[] {
  return relations.filter((r) => r.type === "RELATED_TO");
}

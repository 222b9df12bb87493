/**
 * Places the accepted new entities in the knowledge base's hierarchies, so that a reviewed draft
 * stays canonical (importer/canonical.ts): a talent category under the broader category its name
 * contains (外籍高层次人才 → 高层次人才), an industry under the industry its name contains or else the
 * section of GB/T 4754-2017 its words point to, a region under the region its name contains, else
 * the nearest known region that contains it by GB/T 2260 (温州 → 浙江), else 中国 for a Chinese
 * administrative name. Each placement is a PART_OF that quotes the entity's own
 * clause and says why in the review summary; a talent category that contains no known one becomes a
 * top-level class with the facet its words suggest. What cannot be placed is left out, with a note,
 * and so is a second candidate with the name of one accepted above (one thing, one label).
 *
 * Word lists rather than a model: the placements are proposals shown to the reviewer, and a short
 * table of words is one that the reviewer can read and correct.
 */
import { normalizeName } from "../canonical.ts";
import { placeChain, placeOf } from "../extract/places.ts";
import type { KnowledgeBase } from "../knowledgeBase.ts";
import type { DraftEntity, DraftRelation } from "./draft.ts";

/** Talent-category facets by the words of the name, checked in this order. */
const FACET_WORDS: ReadonlyArray<[facet: string, words: readonly string[]]> = [
  ["origin", ["海外", "外籍", "外国", "境外", "港澳", "台湾", "国际", "留学", "归国", "华侨"]],
  ["stage", ["青年", "毕业生", "大学生", "学生", "研究生", "博士后", "青少年"]],
  ["level", ["高层次", "领军", "顶尖", "高端", "拔尖", "杰出", "院士", "紧缺", "急需"]],
  ["field", ["金融", "医学", "医疗", "卫生", "教育", "法律", "服务业", "农业", "文化"]],
  ["role", ["创新", "创业", "管理", "技术", "技能", "工程师", "专业", "科研", "研发", "企业家", "专家"]],
];

/** Sections of the industry classification (taxonomy ids) by the words of an industry's name. */
const SECTION_WORDS: ReadonlyArray<[id: string, words: readonly string[]]> = [
  ["industry:sei/4-bio", ["生物"]],
  ["industry:gbt/f-trade", ["电子商务", "电商", "贸易", "零售"]],
  [
    "industry:gbt/i-ict",
    [
      "信息",
      "软件",
      "互联网",
      "数字",
      "电子",
      "芯片",
      "半导体",
      "人工智能",
      "大数据",
      "云计算",
      "通信",
      "网络",
    ],
  ],
  ["industry:gbt/j-finance", ["金融", "保险", "银行", "证券", "投资", "基金"]],
  ["industry:gbt/q-health", ["医疗", "健康", "卫生", "医药"]],
  ["industry:gbt/c-manufacturing", ["制造", "装备", "材料", "汽车", "机械", "化工", "纺织", "器械"]],
  ["industry:gbt/p-education", ["教育", "培训"]],
  ["industry:gbt/r-culture", ["文化", "创意", "影视", "动漫", "体育", "传媒"]],
  ["industry:gbt/g-transport", ["物流", "交通", "运输", "航运"]],
  ["industry:gbt/l-business-services", ["商务", "咨询", "法律", "会计", "人力资源", "租赁"]],
  ["industry:gbt/n-environment", ["环保", "生态", "环境"]],
  ["industry:gbt/d-utilities", ["能源", "电力"]],
  ["industry:gbt/k-real-estate", ["房地产"]],
  ["industry:gbt/a-agriculture", ["农业", "渔业", "林业", "畜牧"]],
  ["industry:gbt/e-construction", ["建筑"]],
  ["industry:gbt/h-hospitality", ["旅游", "餐饮", "酒店"]],
  ["industry:gbt/m-research-services", ["科技", "研发", "技术服务", "检测"]],
];

/** A Chinese administrative name: a place in China when no containing region is known. */
const CHINESE_ADMINISTRATIVE = /(省|市|县|区|镇|乡|自治区|自治州|特别行政区)$/u;

export interface Placement {
  entities: DraftEntity[];
  relations: DraftRelation[];
  /** One line per placement or omission, for the review summary. */
  notes: string[];
}

interface Named {
  id: string;
  label: string;
  names: string[];
}

const HIERARCHY_LABELS = new Set(["TalentCategory", "Industry", "Region"]);

export function placeAccepted(
  accepted: { entities: DraftEntity[]; relations: DraftRelation[] },
  kb: KnowledgeBase,
): Placement {
  const known: Named[] = [
    ...kb.nodes.map((n) => ({ id: n.id, label: n.label, names: [n.name, ...n.aliases] })),
    ...accepted.entities.map((e) => ({ id: e.id, label: e.label, names: [e.name, ...e.aliases] })),
  ];
  const ids = new Set(known.map((k) => k.id));
  const country = kb.nodes.find(
    (n) => n.label === "Region" && n.props.kind === "country" && n.name === "中国",
  );
  const hasParent = (e: DraftEntity) =>
    accepted.relations.some(
      (r) =>
        r.type === "PART_OF" && r.from === e.id && known.some((k) => k.id === r.to && k.label === e.label),
    );
  const entities: DraftEntity[] = [];
  const relations: DraftRelation[] = [...accepted.relations];
  const notes: string[] = [];
  const left = new Set<string>();

  const seen = new Map<string, DraftEntity>();
  for (const entity of accepted.entities) {
    // one name, one thing: a second candidate of the same name (under another label) is left out
    const first = seen.get(normalizeName(entity.name));
    if (first) {
      left.add(entity.id);
      notes.push(
        `left out ${entity.id}: same name as ${first.label} ${first.id} accepted above (one thing, one label)`,
      );
      continue;
    }
    seen.set(normalizeName(entity.name), entity);
    if (!HIERARCHY_LABELS.has(entity.label) || hasParent(entity) || placedByProps(entity)) {
      entities.push(entity);
      continue;
    }
    const own = normalizeName(entity.name);
    const container = known
      .filter((k) => k.label === entity.label && k.id !== entity.id)
      .flatMap((k) => k.names.map((name) => ({ id: k.id, name: normalizeName(name) })))
      .filter((k) => k.name.length >= 2 && k.name !== own && own.includes(k.name))
      .sort((a, b) => b.name.length - a.name.length)[0];
    // a region the name does not place: the nearest place that contains it by GB/T 2260 and is known
    // (嘉兴 → 浙江, not straight to 中国)
    const division = !container && entity.label === "Region" ? divisionParent(entity.name, known) : null;
    const fallback = container || division ? null : fallbackParent(entity, ids, country?.id);
    const parent = container?.id ?? division?.id ?? (typeof fallback === "string" ? fallback : null);
    const quote = entity.evidence[0];
    if (parent && quote) {
      relations.push({
        type: "PART_OF",
        from: entity.id,
        to: parent,
        props: {},
        evidence: [quote],
        confidence: Math.min(entity.confidence, 0.5),
        why: container
          ? `placed by name: contains “${container.name}”`
          : division
            ? `placed by GB/T 2260: ${division.name} contains it`
            : `placed by the words of its name`,
      });
      entities.push(entity);
      const how = container ? "its name contains it" : division ? "GB/T 2260" : "by its words";
      notes.push(`placed ${entity.id} under ${parent} (${how})`);
    } else if (fallback && typeof fallback === "object") {
      entities.push({ ...entity, props: { ...entity.props, facet: fallback.facet } });
      notes.push(`placed ${entity.id} as a top-level talent category, facet ${fallback.facet} (check it)`);
    } else {
      left.add(entity.id);
      notes.push(
        `left out ${entity.id} (${entity.name}): no place in the ${entity.label} hierarchy; add it by hand with a PART_OF`,
      );
    }
  }
  return {
    entities,
    relations: relations.filter((r) => !left.has(r.from) && !left.has(r.to)),
    notes,
  };
}

/** The nearest known region that contains a place by GB/T 2260 (嘉兴 → 浙江 when 浙江 is known). */
function divisionParent(name: string, known: readonly Named[]): { id: string; name: string } | null {
  const place = placeOf(name);
  if (!place) return null;
  for (const ancestor of placeChain(place.name).slice(1)) {
    const hit = known.find(
      (k) => k.label === "Region" && k.names.some((n) => n === ancestor || placeOf(n)?.name === ancestor),
    );
    if (hit) return { id: hit.id, name: ancestor };
  }
  return null;
}

function placedByProps(entity: DraftEntity): boolean {
  if (entity.label === "Region") return entity.props.kind === "country";
  if (entity.label === "TalentCategory") return entity.props.facet !== undefined;
  return entity.props.scheme !== undefined;
}

/** A parent id by the words of the name, a facet for a talent category, or null. */
function fallbackParent(
  entity: DraftEntity,
  ids: ReadonlySet<string>,
  countryId: string | undefined,
): string | { facet: string } | null {
  const has = (words: readonly string[]) => words.some((w) => entity.name.includes(w));
  if (entity.label === "TalentCategory") {
    const facet = FACET_WORDS.find(([, words]) => has(words))?.[0];
    return facet ? { facet } : null;
  }
  if (entity.label === "Industry") {
    return SECTION_WORDS.find(([id, words]) => ids.has(id) && has(words))?.[0] ?? null;
  }
  return countryId && CHINESE_ADMINISTRATIVE.test(entity.name) ? countryId : null;
}

/**
 * What the layout and a few sentence patterns say: each section is an article; a section titled
 * after a place ("上海张江人才政策…研究") is about a hub; "呈现…特征" lists traits, "功能定位为…"
 * positionings, and "A、B、C 等 N 大产业/领域" industries.
 */
import type { Label } from "../../graph/model.ts";
import { mention, type Analysis, type Mention } from "./analysis.ts";
import { NAME_VERBS, POLICY_VERBS, SECTOR_TERMS } from "./lexicon.ts";
import { placeOf } from "./places.ts";
import type { TextView } from "./textView.ts";

export interface HubInfo {
  name: string;
  aliases: string[];
  city?: string;
  section: string;
}

const HUB_TOPIC = /^(.{2,12}?)(人才|的|政策|经验|研究|发展|调研|案例|模式|建设|创新|集聚|概况|简介)/u;
const HUB_SUFFIX = /(科技城|科学城|园区|新区|示范区|高新区|开发区|合作区|自贸区|片区)$/u;
const GENERIC_REST = /^(工业园区|科技园区|高新区|开发区|新区|园区|科技城|科学城|自贸区|示范区|合作区)$/u;

export function articleKind(title: string): "editorial" | "digest" | "article" {
  if (/卷首语|编者按|导读|前言|序言/u.test(title)) return "editorial";
  if (/汇编|资讯|时讯|简讯|快讯|速递|摘编|动态/u.test(title)) return "digest";
  return "article";
}

/** The hubs the sections are about, from their titles. */
export function findHubs(view: TextView): HubInfo[] {
  const hubs: HubInfo[] = [];
  for (const section of view.sections) {
    const title = section.title.replace(/\s+/gu, "");
    if (articleKind(title) !== "article") continue;
    const subject = HUB_TOPIC.exec(title)?.[1];
    if (!subject) continue;
    const lead = [4, 3, 2].map((n) => subject.slice(0, n)).find((p) => placeOf(p.replace(/[省市]$/u, "")));
    if (!lead && !HUB_SUFFIX.test(subject)) continue;
    const rest = lead ? subject.slice(lead.length) : subject;
    const core = rest.length >= 2 && !GENERIC_REST.test(rest) ? rest : subject;
    if (view.norm.split(core).length - 1 < 2) continue;
    const aliases = new Set<string>([subject]);
    const longer = new RegExp(
      `(?:[\\u4e00-\\u9fa5]{2,3}[省市])?${core}[^，。；、（）“”《》]{0,12}?(高科技园区|科技园区|科学城|高新区|自主创新示范区|示范区|合作区|科技城)`,
      "gu",
    );
    for (const m of view.norm.matchAll(longer)) {
      aliases.add(m[0]);
      aliases.add(m[0].replace(/^[\u4e00-\u9fa5]{2,3}[省市]/u, ""));
    }
    aliases.delete(core);
    hubs.push({
      name: core,
      aliases: [...aliases].filter((a) => a.startsWith(core) || a.endsWith(core) || a.includes(core)),
      ...(lead ? { city: lead.replace(/[省市]$/u, "") } : {}),
      section: section.id,
    });
  }
  return hubs;
}

/** Every place a hub's name or alias occurs. */
export function hubMentions(analysis: Analysis, hubs: readonly HubInfo[]): Mention[] {
  const out: Mention[] = [];
  const { view } = analysis;
  for (const hub of hubs) {
    const names = [...hub.aliases, hub.name].sort((a, b) => b.length - a.length);
    const taken: Array<[number, number]> = [];
    for (const name of names) {
      let at = view.norm.indexOf(name);
      while (at >= 0) {
        const end = at + name.length;
        if (!taken.some(([a, b]) => at < b && end > a)) {
          taken.push([at, end]);
          const s = view.sentences.findIndex((x) => at >= x.start && at < x.end);
          if (s >= 0) {
            out.push(
              mention(analysis, s, {
                label: "Hub",
                name: hub.name,
                aliases: name === hub.name ? hub.aliases : [name],
                start: at,
                end,
                props: hub.city ? { city: hub.city } : {},
                rule: "section-subject",
                confidence: 0.7,
              }),
            );
          }
        }
        at = view.norm.indexOf(name, end);
      }
    }
  }
  return out;
}

/** A chapter of a document (第三章 人才引进, 第二部分), not an article of its own. */
const CHAPTER_TITLE = /^第[一二三四五六七八九十百零〇\d]+(?:章|节|编|部分)/u;

/**
 * The articles of a periodical: each section one, named by its title. A policy document's sections
 * (its title, its chapters) are parts of one text, not articles.
 */
export function articleMentions(analysis: Analysis, policyText = false): Mention[] {
  const out: Mention[] = [];
  const { view } = analysis;
  if (view.sections.length < 2 || policyText) return out;
  for (const section of view.sections) {
    const title = section.title.replace(/\s+/gu, "");
    if (CHAPTER_TITLE.test(title)) continue;
    // the heading as the text writes it: the longest prefix of the title found in the section
    const s = view.sentences.findIndex((x) => x.section === section.id);
    if (s < 0) continue;
    const first = view.sentences[s]!;
    let quote = title;
    let at = -1;
    while (quote.length >= 2) {
      at = view.norm.indexOf(quote, first.start);
      if (at >= 0 && at < first.start + 200) break;
      quote = quote.slice(0, -1);
      at = -1;
    }
    if (at < 0) continue;
    const sentence = view.sentences.findIndex((x) => at >= x.start && at < x.end);
    out.push(
      mention(analysis, sentence, {
        label: "Article",
        name: title,
        start: at,
        end: at + quote.length,
        quoteStart: at,
        quoteEnd: at + quote.length,
        props: { kind: articleKind(title) },
        rule: "section",
        confidence: 0.9,
      }),
    );
  }
  return out;
}

/**
 * The pieces of a text between the separators outside quotes, titles and brackets (“…” 《…》 （…）):
 * 、 always, and 和/与 too when `splitAnd` (not at the text's first two or last two characters).
 * Pieces keep their raw text and offsets.
 */
export function topLevelPieces(
  text: string,
  offset: number,
  splitAnd = false,
): Array<{ text: string; start: number }> {
  const pieces: Array<{ text: string; start: number }> = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (c !== undefined && "“《（(".includes(c)) depth++;
    else if (c !== undefined && "”》）)".includes(c)) depth = Math.max(0, depth - 1);
    const and = splitAnd && depth === 0 && (c === "和" || c === "与") && i > from + 1 && i < text.length - 2;
    if (i === text.length || (depth === 0 && c === "、") || and) {
      pieces.push({ text: text.slice(from, i), start: offset + from });
      from = i + 1;
    }
  }
  return pieces;
}

/** Splits "A、B（…）与C" into its items with their offsets; a bracketed aside is left out of a name. */
export function listItems(
  text: string,
  offset: number,
  splitAnd = true,
): Array<{ name: string; start: number; end: number }> {
  return topLevelPieces(text, offset, splitAnd)
    .map((p) => ({
      name: p.text.replace(/（[^）]*）/gu, "").trim(),
      start: p.start,
      end: p.start + p.text.length,
    }))
    .filter((item) => item.name.length > 0);
}

/** What opens the items of an enumeration written out: 一是…二是…, 其一…, ①②③, ⑴⑵. */
const ITEM_ORDINAL =
  /^(?:[一二三四五六七八九十]是|其[一二三四五六七八九十][，、]?|首先|其次|再次|最后|[①-⑳⑴-⒇❶-❿])/u;
/** Punctuation that ends a clause: a name never holds it (a title's or a quotation's may). */
const CLAUSE_PUNCTUATION = /[，。；！？]/u;
/** Policy verbs that do not occur inside names (加强, 推动; not 创新, 服务): a list item opening with one acts. */
const ACTING_VERB = new RegExp(
  `^(?:${[...POLICY_VERBS]
    .filter((v) => v.length >= 2 && !NAME_VERBS.has(v))
    .sort((a, b) => b.length - a.length)
    .join("|")})`,
  "u",
);
/** Labels whose names come from a list frame and so may catch a clause instead of a name. */
const LISTED: ReadonlySet<Label> = new Set<Label>(["Industry", "Trait", "Positioning"]);
const NAMED: ReadonlySet<Label> = new Set<Label>([
  "Measure",
  "Statistic",
  "Policy",
  "Publication",
  "Article",
  "NewsItem",
]);

/**
 * An item of an enumeration that is a clause fragment rather than a name: it opens with an item
 * ordinal (一是…, ①…) or holds clause punctuation, or (for what list frames read: industries,
 * traits, positionings) it opens with an acting verb and goes on (加强人才队伍建设, not 开放).
 */
export function isListFragment(m: Mention): boolean {
  if (NAMED.has(m.label)) return false;
  const name = m.name.replace(/^[“"]/u, "");
  if (ITEM_ORDINAL.test(name) || CLAUSE_PUNCTUATION.test(name.replace(/《[^》]*》|“[^”]*”/gu, "")))
    return true;
  if (!LISTED.has(m.label)) return false;
  const verb = ACTING_VERB.exec(name);
  return !!verb && name.length - verb[0].length >= 2;
}

const TRAIT_PATTERNS: Array<{ re: RegExp; kind: "talent_structure" | "model_feature" | "advantage" }> = [
  { re: /呈现出?(.{2,90}?)(?:等)?(?:特征|特点)/gu, kind: "talent_structure" },
  { re: /以(.{2,40}?)为特征/gu, kind: "model_feature" },
  { re: /具有(.{2,40}?)的(?:独特|突出|比较|独有)?优势/gu, kind: "advantage" },
];

const POSITIONING_PATTERNS = [
  /功能定位(?:为|是)?[：:—]+(.{2,80}?)(?:[。；]|$)/gu,
  /以(.{4,60}?)为功能定位/gu,
  /第一个([^，。；、]{3,20})/gu,
  /(?:努力成为|建设成为|打造成为|定位为)(.{4,40}?)(?:[，。；]|$)/gu,
];

const POSITIONING_END = /(区|中心|高地|引擎|区域|地|城区|特区|基地|枢纽)$/u;

/**
 * The items of a positioning list: split at 、 and, where the part before it is a positioning of
 * its own (…的重要引擎和…的示范区域), at 和/与; leading punctuation (：深港合作先导区) is dropped.
 */
function positioningItems(text: string, offset: number) {
  const out: Array<{ name: string; start: number; end: number }> = [];
  for (const item of listItems(text, offset, false)) {
    const raw = item.name;
    if (raw !== text.slice(item.start - offset, item.end - offset)) {
      out.push(item);
      continue;
    }
    const lead = /^[：:—\s“]+/u.exec(raw)?.[0].length ?? 0;
    let from = lead;
    for (const m of raw.matchAll(/[和与]/gu)) {
      const left = raw.slice(from, m.index);
      if (left.length >= 3 && POSITIONING_END.test(left) && raw.length - m.index > 3) {
        out.push({ name: left, start: item.start + from, end: item.start + m.index });
        from = m.index + 1;
      }
    }
    out.push({ name: raw.slice(from), start: item.start + from, end: item.end });
  }
  return out;
}

export function patternMentions(analysis: Analysis): Mention[] {
  const out: Mention[] = [];
  analysis.view.sentences.forEach((sentence, s) => {
    for (const { re, kind } of TRAIT_PATTERNS) {
      for (const m of sentence.text.matchAll(re)) {
        const at = sentence.start + m.index + m[0].indexOf(m[1]!);
        for (const item of listItems(m[1]!, at)) {
          if (item.name.length < 2 || item.name.length > 14) continue;
          out.push(
            mention(analysis, s, {
              label: "Trait",
              name: item.name,
              start: item.start,
              end: item.end,
              props: { kind },
              rule: `trait:${kind}`,
              confidence: 0.55,
            }),
          );
        }
      }
    }
    if (sentence.heading && /优势$/u.test(sentence.text)) {
      const name = sentence.text.replace(/^(（[一二三四五六七八九十\d]+）|[一二三四五六七八九十\d]+、)/u, "");
      out.push(
        mention(analysis, s, {
          label: "Trait",
          name,
          start: sentence.end - name.length,
          end: sentence.end,
          props: { kind: "advantage" },
          rule: "trait:heading",
          confidence: 0.5,
        }),
      );
    }
    for (const re of POSITIONING_PATTERNS) {
      for (const m of sentence.text.matchAll(re)) {
        const at = sentence.start + m.index + m[0].indexOf(m[1]!);
        for (const item of positioningItems(m[1]!, at)) {
          if (item.name.length < 3 || item.name.length > 30 || !POSITIONING_END.test(item.name)) {
            continue;
          }
          out.push(
            mention(analysis, s, {
              label: "Positioning",
              name: item.name.replace(/^[“]|[”]$/gu, ""),
              start: item.start,
              end: item.end,
              rule: "positioning",
              confidence: 0.5,
            }),
          );
        }
      }
    }
  });
  return out;
}

const INDUSTRY_LIST =
  /((?:[^，。；：、“”]{2,14}、)+[^，。；：、“”]{2,20}?)(?:等[\d一二三四五六七八九十两]*大{0,2}|[\d一二三四五六七八九十两]+大{1,2})[^，。；、]{0,8}?(产业集群|产业|行业|领域|方向|集群)/gu;
/** "四大产业——A、B、C、D": the list after a count of industries and a dash or colon. */
const COUNTED_INDUSTRY_LIST =
  /[\d一二三四五六七八九十两]+大{1,2}(?:产业集群|产业|行业|领域|方向)(?:——|—|：|:)((?:[^，。；：、“”]{2,14}、)+[^，。；：、“”]{2,14}?)(?=为|等|[，。；]|$)/gu;
/** Tags that cannot begin an industry name: the verbs and particles that lead into a list. */
const LEAD_TAG = /^(p|d|c|r|u[a-z]*|m|q|f|ad|vd)$/u;
const LEAD_WORD = /(形成|聚焦|发展|面向|涵盖|集中|包括|主攻|攻关|引进|加强|致力|牵头|进军|拥有|具有|重点)/u;

function industryMention(
  analysis: Analysis,
  s: number,
  item: { name: string; start: number; end: number },
  rule: string,
  confidence: number,
): Mention {
  return mention(analysis, s, { label: "Industry", ...item, rule, confidence });
}

/** "生物医药、信息技术…等 9 大产业集群": each item an industry. */
export function industryListMentions(analysis: Analysis): Mention[] {
  const out: Mention[] = [];
  analysis.view.sentences.forEach((sentence, s) => {
    const tokens = analysis.tokens[s]!;
    const lists = [
      ...[...sentence.text.matchAll(INDUSTRY_LIST)].map((m) => ({ list: m[1]!, at: m.index })),
      ...[...sentence.text.matchAll(COUNTED_INDUSTRY_LIST)].map((m) => ({
        list: m[1]!,
        at: m.index + m[0].lastIndexOf(m[1]!),
      })),
    ];
    for (const m of lists) {
      const offset = sentence.start + m.at;
      const items = listItems(m.list, offset, false).flatMap((item) =>
        // split 和 between two items, not inside one (代谢与衰老疾病 stays whole), and 及 when the part
        // before it is a name of its own (新能源新材料及互联网金融; 科技及专业服务 shares its head)
        /和|[^、]{3}及/u.test(item.name) && !/[（]/u.test(item.name)
          ? listItems(
              analysis.view.norm
                .slice(item.start, item.end)
                .replace(/和/gu, "、")
                .replace(/(?<=[^、]{3})及/gu, "、"),
              item.start,
              false,
            )
          : [item],
      );
      const first = items[0];
      if (first) {
        // the first item starts after the words that lead into the list (已经形成, 致力于加强在)
        let at = first.start;
        const inside = tokens.filter((t) => t.start >= first.start && t.end <= first.end);
        const isLead = (t: (typeof inside)[number]) =>
          LEAD_TAG.test(t.tag) || LEAD_WORD.test(t.word) || POLICY_VERBS.has(t.word);
        // words that open the item and all lead into it (重点/发展 创新金融): the item starts after them
        // (but a verb that names things, after a lead word, opens the item: 重点发展/创新金融)
        let lead = 0;
        while (
          lead < inside.length - 1 &&
          isLead(inside[lead]!) &&
          !(lead > 0 && NAME_VERBS.has(inside[lead]!.word))
        )
          lead++;
        if (lead > 0) at = inside[lead - 1]!.end;
        else {
          for (let k = inside.length - 1; k >= 0; k--) {
            if (isLead(inside[k]!)) {
              at = inside[k]!.end;
              break;
            }
          }
        }
        first.name = analysis.view.norm.slice(at, first.end).replace(/（[^）]*）/gu, "");
        first.start = at;
      }
      for (const item of items) {
        if (
          item.name.length < 2 ||
          item.name.length > 10 ||
          /^[\d一二三四五六七八九十](?![A-Za-z])|[的了]/u.test(item.name)
        )
          continue;
        out.push(industryMention(analysis, s, item, "industry:list", 0.55));
      }
    }
  });
  return out;
}

const SECTORS_LONGEST_FIRST = [...SECTOR_TERMS].sort((a, b) => b.length - a.length);
/** A run of at least two items separated by 、 (what a list of sectors looks like). */
const ENUMERATION = /[^，。；：、“”（）]{1,16}(?:、[^，。；：、“”（）]{1,16})+/gu;

/**
 * Sectors in an enumeration ("精准引进金融科技、人工智能、大数据、芯片研发等…人才", "法律、会计、咨询、人力资源等专业
 * 服务机构") and before 类 ("电子信息类的初创型企业"): an enumeration counts when at least two of its items
 * (and at least half) are sector words; its first item may carry the words that lead into the list, its last one the
 * words after it, so those two are matched by their end and their start.
 */
export function sectorMentions(analysis: Analysis): Mention[] {
  const out: Mention[] = [];
  const push = (s: number, name: string, start: number, rule: string) =>
    out.push(industryMention(analysis, s, { name, start, end: start + name.length }, rule, 0.5));
  analysis.view.sentences.forEach((sentence, s) => {
    for (const m of sentence.text.matchAll(ENUMERATION)) {
      const parts = topLevelPieces(m[0], sentence.start + m.index);
      const hits: Array<{ name: string; at: number }> = [];
      parts.forEach(({ text: part, start: at }, k) => {
        const first = k === 0;
        const last = k === parts.length - 1;
        const term = SECTOR_TERMS.has(part)
          ? part
          : first
            ? SECTORS_LONGEST_FIRST.find((t) => t.length >= 2 && part.endsWith(t))
            : last
              ? SECTORS_LONGEST_FIRST.find((t) => t.length >= 2 && part.startsWith(t))
              : undefined;
        if (term) hits.push({ name: term, at: first ? at + part.length - term.length : at });
      });
      if (hits.length >= 2 && hits.length * 2 >= parts.length)
        for (const h of hits) push(s, h.name, h.at, "industry:sector-list");
    }
    for (const m of sentence.text.matchAll(/([\u4e00-\u9fa5A-Za-z0-9]{2,8})类(?=的|企业|项目|人才|产业)/gu)) {
      const term = SECTORS_LONGEST_FIRST.find((t) => t.length >= 2 && m[1]!.endsWith(t));
      if (term) push(s, term, sentence.start + m.index + m[1]!.length - term.length, "industry:sector-class");
    }
  });
  return out;
}

/**
 * The fields a research body works in: "之江实验室牵头建设智能科学与技术", "西湖实验室主攻代谢与衰老疾病和肿瘤
 * 机制研究两大领域", "湖畔实验室进军世界数据科学与应用领域". The body's head word, a focus verb, then the
 * fields up to the clause's end or 领域/方向; several fields joined by 和 are several.
 */
const FIELD_FOCUS =
  /(?:实验室|研究院|研究所|研究中心|学院|大学)(?:牵头建设|主攻|攻关|进军|聚焦|专注于?|深耕)(?:世界|全球|国际|国内)?([^，。；、“”]{2,40}?)(?:[\d一二三四五六七八九十两]+大)?(?:领域|方向)?(?=[，。；、]|$)/gu;

export function fieldMentions(analysis: Analysis): Mention[] {
  const out: Mention[] = [];
  analysis.view.sentences.forEach((sentence, s) => {
    for (const m of sentence.text.matchAll(FIELD_FOCUS)) {
      const at = sentence.start + m.index + m[0].indexOf(m[1]!);
      // the capture has no 、; split at 和 only, on the text as written (offsets stay exact)
      for (const item of splitAnd({ name: m[1]!, start: at, end: at + m[1]!.length })) {
        if (item.name.length < 2 || item.name.length > 12 || /[的了（）]/u.test(item.name)) continue;
        out.push(industryMention(analysis, s, item, "industry:field", 0.45));
      }
    }
  });
  return out;
}

/** "A和B": two items when both sides are long enough to be names (代谢与衰老疾病 stays one: 与 binds). */
function splitAnd(item: { name: string; start: number; end: number }) {
  const k = item.name.indexOf("和");
  if (k < 2 || item.name.length - k - 1 < 2) return [item];
  return [
    { name: item.name.slice(0, k), start: item.start, end: item.start + k },
    { name: item.name.slice(k + 1), start: item.start + k + 1, end: item.end },
  ];
}

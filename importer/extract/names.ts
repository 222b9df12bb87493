/**
 * Names found from their head word: a token ending in a head (…大学, …联盟, …计划, …人才, …工作站)
 * starts a name, which extends leftwards over the tokens before it until a word that cannot be part
 * of a name (punctuation, function words, the verbs that start a clause). Places come from the
 * gazetteer and from jieba's place tags; quoted “…” names are classified by their ending.
 */
import type { Label } from "../../graph/model.ts";
import { mention, type Analysis, type Mention } from "./analysis.ts";
import {
  centreIsCarrier,
  GENERIC_NAMES,
  HEAD_RULES,
  kindOfRule,
  LEADING_NOISE,
  NAME_STOP_VERBS,
  NAME_STOP_WORDS,
  NAME_VERBS,
  QUOTED_POLICY,
  QUOTED_PROGRAM,
  TALENT_COMPOUND,
  TALENT_VERBS,
  type HeadRule,
} from "./lexicon.ts";
import {
  ABBREVIATION_PLACE,
  kindOfSuffixed,
  PLACE_ABBREVIATIONS,
  placeOf,
  placePrefixLength,
  REGION_SUFFIX,
} from "./places.ts";
import type { Token } from "./segment.ts";

const RULES = [...HEAD_RULES].sort((a, b) => b.suffix.length - a.suffix.length);
/** 三大, 两个, 9大: counts, never part of a name. */
const COUNT_WORD = /^[一二三四五六七八九十两\d]+(大|个|家|项|所|批|国|方|地)$/u;
/** A clause verb at the start of a word (引进人才, 培养人才). */
const LEADING_VERB = new RegExp(
  `^(${[...NAME_STOP_VERBS]
    .filter((v) => v.length >= 2)
    .sort((a, b) => b.length - a.length)
    .join("|")})(?=.)`,
  "u",
);
/** A word that ends in a clause verb (全面实施, 不断加强) ends a name too. */
const STOP_VERB_END = new RegExp(`(${[...NAME_STOP_VERBS].filter((v) => v.length >= 2).join("|")})$`, "u");
/**
 * Tags that cannot be inside a name: prepositions, conjunctions, particles, pronouns, adverbs, numbers
 * (not zg: jieba's tag for a lone character it does not know, 前海/湾/zg, 核心/园/zg, is part of a name).
 */
const STOP_TAG = /^(p|c|u[a-z]*|r[a-z]*|d|m|mq|q|y|e|o|x|w|ad)$/u;
/** Tags of a noun that continues a compound: the token before it is not the head. */
const COMPOUND_TAG = /^(n|nz|nt|nr|ns|j|nrt|nrfg|l)$/u;
/** Words after 产业 that make it a modifier (产业创新, 产业聚集, 产业基金), not the head of an industry. */
const INDUSTRY_COMPOUND =
  /^(创新|聚集|集聚|发展|链|园|基金|化|升级|转型|布局|结构|政策|规划|人才|项目|平台|基地|合作|联盟|协同|资本|引导|投资|扶持|体系|生态|用地|空间|载体|能级|竞争力)/u;
/** Words after an industry that make a body or a place of it (…服务业中心, …产业基地, …产业园). */
const CARRIER_OF_INDUSTRY = /^(中心|基地|集聚区|园区|园|平台|示范区|小镇)$/u;
/** Levels of education that open "…及以上学历人员". */
const DEGREE = /^(博士|硕士|本科|大专|专科|研究生|中专|高中|学士)$/u;
/** Institutions whose name stays one even when a noun follows (上海理工大学 in 上海理工大学国家科技园). */
const OWNER_HEAD = /(大学|学院|研究院|研究所|科学院|医院|集团|政府)$/u;
const MAX_LENGTH: Partial<Record<Label, number>> = {
  TalentCategory: 12,
  Industry: 10,
  Carrier: 18,
  Program: 18,
  Region: 16,
};
const BAD_ENDINGS =
  /(总部|内部|全部|外部|局部|干部|[东西南北中]部|俱乐部|国际部|本部|分部|格局|布局|结局|当局|大局|全局|大厅|餐厅|展厅|政策中心|热点)$/u;

/** Web addresses in a sentence: never part of a name. */
function urlSpans(sentence: { start: number; text: string }): Array<[number, number]> {
  return [...sentence.text.matchAll(/https?:\/\/[\x21-\x7e]+/gu)].map((m) => [
    sentence.start + m.index,
    sentence.start + m.index + m[0].length,
  ]);
}

function isPunct(t: Token) {
  return t.tag === "x" && !/^[A-Za-z0-9]/u.test(t.word);
}

/** Head words of bodies: a list of two of them (浙江大学和浙江工业大学) is two names, not one. */
const BODY_HEAD = new RegExp(
  `(${HEAD_RULES.filter((r) => r.label === "Organization" || r.label === "Carrier")
    .map((r) => r.suffix)
    .join("|")})$`,
  "u",
);

/**
 * Whether the 和/与 at j joins two nouns inside one body's name: the words before it are nouns
 * opening with the body's place or parent (浙江省, 中国科学院) and none of them is a body itself.
 * Returns the index of the name's first token, or null.
 */
function bridgeLeft(tokens: Token[], j: number, head: number): number | null {
  if (tokens[head]!.end - tokens[j]!.end > 8 || j < 1 || BODY_HEAD.test(tokens[j - 1]!.word)) return null;
  let k = j - 1;
  let opener: number | null = null;
  for (; k >= 0 && tokens[j]!.start - tokens[k]!.start <= 14; k--) {
    const t = tokens[k]!;
    if (!/^(n|nz|nt|ns|j|vn|l)$/u.test(t.tag) || NAME_STOP_WORDS.has(t.word)) break;
    if (t.tag === "ns" || t.tag === "nt" || placeOf(t.word)) opener = k;
  }
  return opener;
}

/** The token that opens the quotation closed at `close` (“…”), within 15 tokens; null if none. */
function openingQuote(tokens: readonly Token[], close: number): number | null {
  for (let k = close - 1; k >= 0 && close - k < 16; k--) {
    if (tokens[k]!.word === "“") return k;
    if (tokens[k]!.word === "《") return null;
  }
  return null;
}

/** Extends a name leftwards from the head token at i; returns the index of its first token. */
function extendLeft(
  tokens: Token[],
  i: number,
  rule: HeadRule,
  text: string,
  urls: ReadonlyArray<[number, number]>,
  headStart = i,
): number {
  const label = rule.label;
  let first = headStart;
  const max = MAX_LENGTH[label] ?? 22;
  // a head token that is a whole name already (复旦大学) takes no verbs before it
  const wholeHead = tokens[i]!.end - tokens[headStart]!.start > rule.suffix.length + 1;
  for (let j = headStart - 1; j >= 0; j--) {
    const t = tokens[j]!;
    if (urls.some(([a, b]) => t.start < b && t.end > a)) break;
    // a 《title》 before a head word names a document, not part of a name (《X办法》政策解读)
    if (t.word === "》") break;
    // a conjunction jieba glued to the next word (和领军/nr): the name starts after it
    if (GLUED_CONJUNCTION.test(t.word) && /^n[rz]/u.test(t.tag)) {
      first = j;
      break;
    }
    if (t.word === "”") {
      // a quoted part inside the name: 国家“千人计划”专家
      const k = openingQuote(tokens, j);
      if (k === null) break;
      first = k;
      j = k;
      continue;
    }
    if (t.word.startsWith("以上") && tokens[j - 1]?.word === "及" && label === "TalentCategory") {
      // 硕士及以上学历人员 (jieba: 硕士/及/以上学历/人员; 本科 is even tagged a pronoun)
      // the degree opens the name: nothing before it belongs (员中/nz 本科及以上学历人员)
      const degree = DEGREE.test(tokens[j - 2]?.word ?? "");
      first = degree ? j - 2 : j - 1;
      if (degree) break;
      j = first;
      continue;
    }
    if ((t.word === "和" || t.word === "与") && label === "Organization") {
      // 浙江省人力资源和社会保障厅, 中国科学院苏州纳米技术与纳米仿生研究所: a conjunction inside a name
      const k = bridgeLeft(tokens, j, i);
      if (k === null) break;
      first = k;
      j = k;
      continue;
    }
    if (
      t.word === "）" &&
      label === "Region" &&
      placeOf(tokens[j - 1]?.word ?? "") &&
      tokens[j - 2]?.word === "（"
    ) {
      // a place in brackets inside a name: 中国（广东）自由贸易试验区
      first = j - 2;
      j = first;
      continue;
    }
    // a name of the same kind ends before this one: 自由贸易试验区 | 深圳前海蛇口自贸片区
    if (label === "Region" && /(区|省|市)$/u.test(t.word) && t.word.length >= 2) break;
    // a verb between two nouns is part of a compound noun: 住房/租赁/券计划, 人才/引进/落户新政 (but a
    // clause's verb after its subject is not: 前海/设立/分支机构, 科技城/建设/国际人才社区)
    const before = tokens[j - 1];
    // (a one-character verb is a motion or a relation between two things, not part of a name:
    // 毕业生/到/城乡社区)
    const sandwiched =
      t.tag === "v" &&
      t.word.length > 1 &&
      label !== "TalentCategory" &&
      label !== "Industry" &&
      before !== undefined &&
      /^(n|nz|j|vn)$/u.test(before.tag) &&
      (!NAME_STOP_VERBS.has(t.word) || before.word === "人才") &&
      /^(n|nz|vn|l)$/u.test(tokens[j + 1]?.tag ?? "");
    if (sandwiched) {
      if (tokens[i]!.end - t.start > max) break;
      first = j;
      continue;
    }
    if (isPunct(t) || NAME_STOP_WORDS.has(t.word) || STOP_TAG.test(t.tag) || COUNT_WORD.test(t.word)) break;
    // a line number (5/号线) is a name of its own, not the start of the next one
    if (/号线$/u.test(t.word)) break;
    // an unknown word jieba glued to a preposition (池在/nz 青山湖科技城, 投为/nz) ends the name too
    if (t.tag === "nz" && t.word.length === 2 && /[在为对向从由将把被于的]$/u.test(t.word)) break;
    // a verb with its adverb (大力发展/全面实施, tagged n or i by jieba) ends a name whatever its tag
    if (
      STOP_VERB_END.test(t.word) &&
      t.word.length > 2 &&
      (!t.tag.startsWith("n") || ADVERB_LEAD.test(t.word))
    )
      break;
    const previous = tokens[j - 1];
    const inCompound =
      previous !== undefined &&
      /^(n|nz|nt|ns|nr|j|vn|l)$/u.test(previous.tag) &&
      !NAME_STOP_WORDS.has(previous.word);
    if (
      NAME_STOP_VERBS.has(t.word) &&
      !(t.tag === "vn" && inCompound && label !== "TalentCategory" && label !== "Industry")
    )
      break;
    // time and direction words end an industry (从前/t 海产业, 以前/f 海产业: jieba's misreadings)
    if (label === "Industry" && /^(t|f)$/u.test(t.tag)) break;
    if (t.tag.startsWith("v")) {
      if (label === "TalentCategory") {
        if (!TALENT_VERBS.has(t.word)) break;
      } else if (t.tag !== "vn" && !NAME_VERBS.has(t.word)) {
        // other verbs belong to a name only right before a bare head: 生产力促进中心, 联合培养基地
        const near =
          headStart - j === 1 || tokens.slice(j + 1, headStart).every((u) => u.tag.startsWith("v"));
        if (wholeHead || !near || label === "Industry" || /企业|机构/u.test(rule.suffix)) break;
      }
    }
    if (label === "Industry" && (t.tag === "ns" || placeOf(t.word))) break;
    if (tokens[i]!.end - t.start > max) break;
    first = j;
  }
  // not the year of a date before the name (2018/年/示范区从业人员), nor the verb serving a category
  // (服务/高端人才 — 家政服务人员 keeps its 服务, which is not first)
  const opener = tokens[first]!;
  if (first < i && opener.word === "年" && /\d$/u.test(tokens[first - 1]?.word ?? "")) first++;
  else if (first < i && label === "TalentCategory" && opener.word === "服务" && /^v/u.test(opener.tag))
    first++;
  // never start inside an opening quote that is not closed within the name
  const name = text.slice(tokens[first]!.start, tokens[i]!.end);
  if (/^[”》]/u.test(name)) return first + 1;
  return first;
}

/** Drops noise from the left of a name (never from inside, so that it stays a verbatim span). */
function cleanName(raw: string): string {
  let name = raw.replace(LEADING_NOISE, "");
  if ((name.match(/[“《]/gu) ?? []).length !== (name.match(/[”》]/gu) ?? []).length) {
    const cut = Math.max(
      name.lastIndexOf("“"),
      name.lastIndexOf("”"),
      name.lastIndexOf("《"),
      name.lastIndexOf("》"),
    );
    name = name.slice(cut + 1);
  }
  return name;
}

function acceptable(name: string, rule: HeadRule): boolean {
  if (GENERIC_NAMES.has(name)) return false;
  if (name === rule.suffix && !rule.standalone) return false;
  if (name.length < (rule.min ?? 2) && !(rule.standalone && name === rule.suffix)) return false;
  if (BAD_ENDINGS.test(name)) return false;
  if (/^[的等和与及、，]/u.test(name)) return false;
  // a place (or a place's abbreviation) and a class word: 前海人才, 深港青年 stays (a real group)
  const place = name.match(/^(.{2,4}?)(人才|人员|企业|机构|产业|行业|平台|载体|园区)$/u);
  if (place && (placeOf(place[1]!) || /^(全国|全省|全市|国内)$/u.test(place[1]!))) return false;
  return true;
}

/**
 * A place's policies in general (张江人才政策, 上海张江人才政策, 人才新政): a reference to a body of policy,
 * not the name of one document or programme.
 */
function genericPolicy(name: string, hubNames: readonly string[]): boolean {
  const rest = name.slice(placePrefixLength(name, hubNames));
  return /^(人才|创新|科技|产业|相关|各项|优惠)?(新政|政策)$/u.test(rest);
}

/** Whether the tokens of a name, first to the head, are all common words: no place, no proper name. */
function commonWordsOnly(tokens: Token[], first: number, head: number): boolean {
  // one word: a common one (一流大学/l, 老年大学/l), not a name jieba knows (同济大学/nt)
  if (first === head) return /^(l|n|vn|a|b|i)$/u.test(tokens[head]!.tag);
  // several: none a place, a direction (南方/f 科技 大学) or a proper name
  return tokens
    .slice(first, head + 1)
    .every((t) => !/^(ns|nr|nrt|nrfg|nz|nt|j|x|f|s)$/u.test(t.tag) && placeOf(t.word) === null);
}

/**
 * Class nouns (研发机构, 高新技术企业) are entities of a text when it counts them (1700 余家研发机构)
 * or lists them beside others (高校院所、科技企业、科技中介), not whenever they are named.
 */
function countedOrListed(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 8), start);
  return /\d+(\.\d+)?[万千百]?(余|多)?[家所个]$|、$/u.test(before) || text[end] === "、";
}

/**
 * An institution named with its place or tagged as one (上海理工大学/nt, 北京市政府/nt) is a name of its own even when a
 * noun follows it: the noun phrase after it (国家科技园, 派出机构) is something it owns or runs.
 */
function ownerBefore(tokens: Token[], i: number, rule: HeadRule): boolean {
  if (rule.label !== "Organization" || !OWNER_HEAD.test(tokens[i]!.word)) return false;
  const place = (t: Token | undefined) => t !== undefined && (t.tag === "ns" || placeOf(t.word) !== null);
  // jieba's organisation tag on the whole token (上海理工大学/nt), or a place right before the head
  return tokens[i]!.tag === "nt" || place(tokens[i]) || (place(tokens[i - 1]) && tokens[i]!.word.length >= 2);
}

/** Evaluative or vague words that do not make a modifier use of 人才 a category (良好人才生态, 重大人才专项). */
const VAGUE_QUALIFIER =
  /^(良好|重大|不同|特色|相关|有关|各类|各种|全链条|链条|区域|区域间|目的|机构|国家级|国际化|多元|多层次|全方位|一流|高质量|新时代|时代|企业|产学研)$/u;

/**
 * A talent category used as a modifier (…人才队伍, …人员交流计划) is still named when a short qualifier
 * of its own comes before the head word: nouns and adjectives, no place (a place with 人才 is the
 * place's talent, not a kind of it) except a joined abbreviation (深港, 港澳), no quotation, nothing vague.
 */
function qualifiedCategory(tokens: Token[], nameStart: number, head: number): boolean {
  // the qualifiers are the name's tokens before the head (a hub cut off the name is not one)
  const qualifiers = tokens.slice(0, head).filter((t) => t.start >= nameStart);
  const headToken = tokens[head]!;
  const chars = qualifiers.reduce((n, t) => n + t.word.length, 0);
  if (chars > 8 || (qualifiers.length === 0 && headToken.word.length <= 2)) return false;
  return (
    qualifiers.every(
      (t) =>
        /^(n|nz|j|a|b|l|s)$/u.test(t.tag) ||
        (t.tag === "vn" && TALENT_VERBS.has(t.word)) ||
        (t.tag === "ns" && [...t.word].every((c) => PLACE_ABBREVIATIONS.has(c))),
    ) &&
    !qualifiers.some(
      (t) =>
        VAGUE_QUALIFIER.test(t.word) ||
        /[“”]/u.test(t.word) ||
        (placeOf(t.word) !== null && t.word.length > 2),
    )
  );
}

/**
 * The head rule a token ends, and the token its head word starts in: a head word jieba cuts in two
 * (保税/港区, 科技/城) is found across the last three tokens; the longest head wins.
 */
function headAt(tokens: Token[], i: number): { rule: HeadRule | undefined; headStart: number } {
  const token = tokens[i]!;
  // a one-character head inside a two-character word of its own is no head: 开局, 格局, 干部, 获奖
  // (公安局, 组织部 and a lone 局 are; so is a word jieba knows as a body, nt, or does not know, 社部/nz)
  const ownWord = token.word.length === 2 && !/^(nt|nz|j|zg|x)$/u.test(token.tag);
  let rule = RULES.find((r) => token.word.endsWith(r.suffix) && !(ownWord && r.suffix.length === 1));
  let headStart = i;
  let joined = tokens[i]!.word;
  for (let k = i - 1; k >= Math.max(0, i - 2); k--) {
    const t = tokens[k]!;
    if (isPunct(t) || t.end !== tokens[k + 1]!.start) break;
    joined = t.word + joined;
    const longer = RULES.find(
      (r) =>
        r.suffix.length > (rule?.suffix.length ?? 0) &&
        joined.endsWith(r.suffix) &&
        r.suffix.length > joined.length - t.word.length,
    );
    if (longer) {
      rule = longer;
      headStart = k;
    }
  }
  return { rule, headStart };
}

/** A stage or ceremony of an event: the event's name ends before it (…创新创业大赛 | 总决赛). */
const EVENT_PART = /^(总决赛|决赛|半决赛|复赛|初赛|颁奖|开幕式|闭幕式|启动仪式|签约仪式|启动会|发布会|路演)/u;

/** Adverbs of manner that open a verb phrase jieba may keep as one word: 大力发展, 全面实施, 加快建设. */
const ADVERB_LEAD = /^(大力|全面|积极|深入|切实|加快|进一步|不断|持续|着力|率先|稳步|有序|逐步|重点|优先)/u;

/** A conjunction jieba reads as the first character of a name (和领军/nr, 与华为/nz). */
const GLUED_CONJUNCTION = /^[和与及或]\p{Script=Han}/u;

/** A post held in a body: the name before it ends there (腾讯公司 | 董事长, 浙江大学 | 校长). */
const POSITION =
  /^(副?(董事长|总经理|总裁|主席|主任|校长|院长|所长|局长|厅长|部长|书记|秘书长|理事长|会长)|创始人|首席.{2,4}|教授|研究员|院士)$/u;

/** How the names of bodies end: 党中央, 中科院, 国务院, 发改委, 人社部, 科技厅, 新华社, 北大 … */
const BODY_END = /[会院所局厅部委办处校司行社团队站府署组室馆台央军党大]$/u;

function headMentions(analysis: Analysis, s: number, out: Mention[], hubNames: readonly string[]) {
  const tokens = analysis.tokens[s]!;
  const text = analysis.view.norm;
  const urls = urlSpans(analysis.view.sentences[s]!);
  tokens.forEach((token, i) => {
    const { rule, headStart } = headAt(tokens, i);
    if (!rule) {
      // a body jieba's dictionary knows as one (党中央/nt, 中科院/nt) though no head word marks it
      // (not a class or field jieba also tags nt: 科研院所, 国际化, 智能科学; nor a phrase that does not
      // end as bodies end, 新进展/nt)
      if (
        token.tag === "nt" &&
        token.word.length >= 3 &&
        placeOf(token.word) === null &&
        !/(化|院所|科学|技术)$/u.test(token.word) &&
        BODY_END.test(token.word)
      )
        out.push(
          mention(analysis, s, {
            label: "Organization",
            name: token.word,
            start: token.start,
            end: token.end,
            props: { kind: "other" },
            rule: "jieba:nt",
            confidence: 0.45,
          }),
        );
      return;
    }
    const next = tokens[i + 1];
    // 人才公寓公共服务信息平台: 公寓 is not the head here (but 浙江省政府/nt 印发/nz is)
    const compound =
      next !== undefined &&
      COMPOUND_TAG.test(next.tag) &&
      !POSITION.test(next.word) &&
      !GLUED_CONJUNCTION.test(next.word) &&
      !(rule.label === "Program" && EVENT_PART.test(next.word)) &&
      !NAME_STOP_WORDS.has(next.word) &&
      !NAME_STOP_VERBS.has(next.word) &&
      !COUNT_WORD.test(next.word) &&
      !ownerBefore(tokens, i, rule);
    // 人才办, 人才工作领导小组: 人才 names the office, no talent
    if (
      rule.label === "TalentCategory" &&
      /^(办(?!事|理|学|法)|工作领导小组|工作局|发展局|服务局)/u.test(text.slice(token.end))
    )
      return;
    const modifier =
      rule.label === "TalentCategory" &&
      next !== undefined &&
      (compound || TALENT_COMPOUND.test(text.slice(next.start, next.start + 4)));
    // …but a qualified category stays one inside a longer phrase: 医学人才队伍, 外籍紧缺人才职业清单,
    // 深港（前海）公职人员交流计划 (checked below, once the name is known)
    // an industry names the body or place it gives its name to: 生产性服务业中心, 现代服务业集聚区
    const industryOfBody =
      rule.label === "Industry" && next !== undefined && CARRIER_OF_INDUSTRY.test(next.word);
    if (compound && rule.label !== "TalentCategory" && !industryOfBody) return;
    // 国家工程/研究/中心, 人才专项/扶持/政策: a programme word before a verb and its noun qualifies them
    const after = tokens[i + 2];
    if (rule.label === "Program" && next && /^(v|vn)$/u.test(next.tag) && after && /^n/u.test(after.tag))
      return;
    if (
      rule.label === "Industry" &&
      next &&
      !industryOfBody &&
      INDUSTRY_COMPOUND.test(text.slice(next.start, next.start + 4))
    )
      return;
    if (urls.some(([a, b]) => token.start < b && token.end > a)) return;
    // a head word jieba joined to the verb before it (引进人才/l, 培养人才) is a category only after the
    // verb, and nothing before the verb belongs to it
    const led = rule.label === "TalentCategory" ? LEADING_VERB.exec(token.word)?.[0] : undefined;
    const verb = led && token.word.slice(led.length) === rule.suffix ? led : undefined;
    let first = verb ? i : extendLeft(tokens, i, rule, text, urls, headStart);
    // an adjective of one character jieba cut off the word it opens (新/时代) belongs to the name
    const glued = tokens[first - 1];
    if (
      !verb &&
      first < i &&
      glued?.tag === "a" &&
      glued.word.length === 1 &&
      glued.end === tokens[first]!.start
    )
      first--;
    // …and so does a quoted name right before it: “万亩千亿”新产业平台
    if (
      !verb &&
      first < i &&
      tokens[first - 1]?.word === "”" &&
      tokens[first - 1]!.end === tokens[first]!.start
    )
      first = openingQuote(tokens, first - 1) ?? first;
    const conjoined =
      first < i && GLUED_CONJUNCTION.test(tokens[first]!.word) && /^n[rz]/u.test(tokens[first]!.tag);
    const raw = text.slice(tokens[first]!.start + (verb?.length ?? 0) + (conjoined ? 1 : 0), token.end);
    let name = cleanName(raw);
    if (rule.label === "TalentCategory" || rule.label === "Industry") {
      // the hub an article is about is not part of a category: 前海博士 → 博士, 中关村人才 → (none)
      const hub = hubNames.find((h) => name.startsWith(h) && name.length > h.length);
      if (hub) name = name.slice(hub.length);
    }
    // 9大产业集群: the count's 大 is not part of the name
    if (/^大/u.test(name) && /[\d一二三四五六七八九十两]/u.test(text[token.end - name.length - 1] ?? ""))
      name = name.slice(1);
    if (!acceptable(name, rule)) return;
    if (rule.label === "Policy" && genericPolicy(name, hubNames)) return;
    if (modifier && !qualifiedCategory(tokens, token.end - name.length, i)) return;
    // …unless a place or the hub names whose they are (前海保险机构, 中关村科技企业)
    const owned = hubNames.some((h) => name.startsWith(h)) || placeOf(tokens[first]!.word) !== null;
    if (
      /^(企业|机构|社会组织)$/u.test(rule.suffix) &&
      !owned &&
      !countedOrListed(text, token.end - name.length, token.end)
    )
      return;
    // 市政府, 上级政府: a government without its place is a reference, not a name
    if (/^(人民政府|政府)$/u.test(rule.suffix) && !owned && placePrefixLength(name, hubNames) === 0) return;
    // 一流大学, 国际学校, 三级甲等医院: a class of schools or hospitals, no proper name in it (浙江大学,
    // 西湖/ns 大学, 复旦大学/nt have one)
    if (/^(大学|学校|医院)$/u.test(rule.suffix) && !owned && commonWordsOnly(tokens, first, i)) return;
    const start = token.end - name.length;
    let label = rule.label;
    let kind = kindOfRule(rule, name);
    if (rule.suffix === "中心" && centreIsCarrier(name)) label = "Carrier";
    if (
      rule.suffix === "中心" &&
      label === "Organization" &&
      !["hospital", "intermediary", "other"].includes(kind ?? "")
    ) {
      kind = "other";
    }
    const props: Record<string, unknown> = {};
    if (label === "Organization" || label === "Carrier") props.kind = kind ?? "other";
    if (label === "Region") props.kind = "area";
    // a place in brackets right after a body's name is part of it: 嘉善国际创新中心（上海）
    const located = /^（([\u4e00-\u9fa5]{2,6})）/u.exec(text.slice(token.end, token.end + 10));
    const where = label !== "TalentCategory" && located && placeOf(located[1]!) ? located[0] : "";
    out.push(
      mention(analysis, s, {
        label,
        name: name + where,
        aliases: where ? [name] : [],
        start,
        end: token.end + where.length,
        props,
        rule: modifier ? `head:${rule.suffix}:modifier` : `head:${rule.suffix}`,
        confidence: modifier ? 0.45 : (rule.confidence ?? 0.6),
      }),
    );
    // 复合型和高级管理人才: a distinguishing word joined by 和 shares the head (复合型人才)
    const joiner = tokens[first - 1];
    const shared = tokens[first - 2];
    if (
      label === "TalentCategory" &&
      joiner &&
      shared &&
      /^(和|与|及|或)$/u.test(joiner.word) &&
      shared.tag === "b" &&
      shared.word.length >= 2 &&
      !VAGUE_QUALIFIER.test(shared.word)
    ) {
      const head = /(人才|人员|人士)$/u.exec(name)?.[0];
      if (head)
        out.push(
          mention(analysis, s, {
            label,
            name: shared.word + head,
            start: shared.start,
            end: shared.end,
            rule: `head:${rule.suffix}:shared`,
            confidence: 0.45,
          }),
        );
    }
  });
}

function placeMentions(analysis: Analysis, s: number, out: Mention[]) {
  const tokens = analysis.tokens[s]!;
  const sentence = analysis.view.sentences[s]!;
  // 以色列（贝尔谢巴）: a country and, in brackets, a place in it
  for (const m of sentence.text.matchAll(/([\u4e00-\u9fa5]{2,5})（([\u4e00-\u9fa5]{2,6})）/gu)) {
    if (placeOf(m[1]!)?.kind !== "country" || placeOf(m[2]!)) continue;
    const start = sentence.start + m.index + m[1]!.length + 1;
    out.push(
      mention(analysis, s, {
        label: "Region",
        name: m[2]!,
        start,
        end: start + m[2]!.length,
        props: { kind: "city" },
        rule: "place:in-country",
        confidence: 0.55,
      }),
    );
  }
  tokens.forEach((t, i) => {
    const known = placeOf(t.word);
    if (known) {
      out.push(
        mention(analysis, s, {
          label: "Region",
          name: known.name,
          aliases: known.name === t.word ? [] : [t.word],
          start: t.start,
          end: t.end,
          props: { kind: known.kind },
          rule: "place:gazetteer",
          confidence: 0.8,
        }),
      );
      return;
    }
    if (t.tag !== "ns" || t.word.length < 2 || [...t.word].every((c) => PLACE_ABBREVIATIONS.has(c))) return;
    // 余杭/ns 区/n → 余杭区
    const next = tokens[i + 1];
    const joined = next && /^(新区|区|县|镇|乡)$/u.test(next.word) ? t.word + next.word : t.word;
    const end = joined === t.word ? t.end : next!.end;
    const suffixed = REGION_SUFFIX.test(joined) && joined.length >= 3 && !/城[市区]$/u.test(joined);
    const cue = /^(位于|地处|坐落于|落户|赴|来自)$/u.test(tokens[i - 1]?.word ?? "");
    const standalone = cue && (!next || !COMPOUND_TAG.test(next.tag));
    out.push(
      mention(analysis, s, {
        label: "Region",
        name: joined,
        start: t.start,
        end,
        props: { kind: suffixed ? kindOfSuffixed(joined) : "other" },
        rule: suffixed ? "place:suffix" : standalone ? "place:ns" : "place:ns-modifier",
        confidence: suffixed ? 0.65 : 0.4,
      }),
    );
  });
}

/**
 * Metro and rail lines: 深圳地铁1号线, and in a list after it 5号线, which takes the network's name
 * (深圳地铁5号线) as a reader would.
 */
function lineMentions(analysis: Analysis, s: number, out: Mention[]) {
  const sentence = analysis.view.sentences[s]!;
  for (const m of sentence.text.matchAll(
    /([\u4e00-\u9fa5]{2,4}(?:地铁|轨道交通|轻轨))(\d{1,2})号线((?:[、和]\d{1,2}号线)*)/gu,
  )) {
    // the network is named by its city: the longest place at the end of the words before 地铁
    const kind = /(地铁|轨道交通|轻轨)$/u.exec(m[1]!)![0];
    const before = m[1]!.slice(0, -kind.length);
    const city =
      [4, 3, 2].map((n) => before.slice(-n)).find((w) => w.length >= 2 && placeOf(w)) ?? before.slice(-2);
    const network = city + kind;
    const at = sentence.start + m.index + m[1]!.length - network.length;
    const first = `${network}${m[2]!}号线`;
    const lines = [{ name: first, start: at, end: at + first.length, aliases: [] as string[] }];
    const offset = sentence.start + m.index + m[1]!.length + m[2]!.length + 2;
    for (const more of m[3]!.matchAll(/[、和](\d{1,2})号线/gu)) {
      const start = offset + more.index + 1;
      const short = `${more[1]!}号线`;
      lines.push({ name: `${network}${short}`, start, end: start + short.length, aliases: [short] });
    }
    for (const line of lines)
      out.push(
        mention(analysis, s, {
          label: "Carrier",
          name: line.name,
          aliases: line.aliases,
          start: line.start,
          end: line.end,
          props: { kind: "other" },
          rule: "pattern:line",
          confidence: 0.6,
        }),
      );
  }
}

const ORGANIZATION_SUFFIXES = HEAD_RULES.filter((r) => r.label === "Organization" && r.suffix.length >= 2)
  .map((r) => r.suffix)
  .sort((a, b) => b.length - a.length);

/**
 * A joint body of several places named by their abbreviations: 沪苏浙皖“一市三省”科协 is the 科协 of
 * 上海市, 江苏省, 浙江省 and 安徽省 — one organisation per place, as a reader would list them.
 */
function jointBodyMentions(analysis: Analysis, s: number, out: Mention[]) {
  const sentence = analysis.view.sentences[s]!;
  const heads = ORGANIZATION_SUFFIXES.join("|");
  const re = new RegExp(`([${[...ABBREVIATION_PLACE.keys()].join("")}]{2,6})(“[^”]{2,8}”)?(${heads})`, "gu");
  for (const m of sentence.text.matchAll(re)) {
    const places = [...m[1]!].map((c) => ABBREVIATION_PLACE.get(c)!);
    // a body of two places may be one body (港澳研究院, 港澳台办公室): only a gloss that counts the
    // places (“一市三省”) or three places and more make it several
    if (new Set(places).size !== places.length || (!m[2] && places.length < 3)) continue;
    const start = sentence.start + m.index;
    const rule = HEAD_RULES.find((r) => r.suffix === m[3]);
    for (const place of places)
      out.push(
        mention(analysis, s, {
          label: "Organization",
          name: `${place}${m[3]!}`,
          start,
          end: start + m[0].length,
          props: { kind: kindOfRule(rule, `${place}${m[3]!}`) ?? "other" },
          rule: "joint-body",
          confidence: 0.45,
        }),
      );
  }
}

/** Classes of talent by letter or field: A类人才, A至E类人才, 研发类人才. */
function classMentions(analysis: Analysis, s: number, out: Mention[]) {
  const sentence = analysis.view.sentences[s]!;
  for (const m of sentence.text.matchAll(
    /(?:[A-Z](?:至|到|-|—|～)[A-Z]|[A-Z]|[\u4e00-\u9fa5]{2})类(?:人才|人员)/gu,
  )) {
    // not a determiner or a count before 类 (各类人才, 等三类人才)
    if (/[各这此该同两多几每门种大一二三四五六七八九十]类/u.test(m[0])) continue;
    const start = sentence.start + m.index;
    out.push(
      mention(analysis, s, {
        label: "TalentCategory",
        name: m[0],
        start,
        end: start + m[0].length,
        rule: "pattern:class",
        confidence: 0.55,
      }),
    );
  }
}

/** “…” names: programmes, policy packages, and anything ending in a head word. */
function quotedMentions(analysis: Analysis, s: number, out: Mention[]) {
  const sentence = analysis.view.sentences[s]!;
  const tokens = analysis.tokens[s]!;
  for (const m of sentence.text.matchAll(/“([^“”]{2,30})”/gu)) {
    const inner = m[1]!;
    if (/[的、，]|^[一二三四五六七八九十两\d]/u.test(inner)) continue;
    const start = sentence.start + m.index;
    const end = start + m[0].length;
    let label: Label | null = null;
    let props: Record<string, unknown> = {};
    if (QUOTED_POLICY.test(inner)) label = "Policy";
    else if (QUOTED_PROGRAM.test(inner)) label = "Program";
    else {
      const rule = RULES.find(
        (r) => inner.endsWith(r.suffix) && r.label !== "TalentCategory" && r.label !== "Industry",
      );
      if (rule && inner.length >= (rule.min ?? 3)) {
        label = rule.suffix === "中心" && centreIsCarrier(inner) ? "Carrier" : rule.label;
        const kind = kindOfRule(rule, inner);
        if (label === "Organization" || label === "Carrier") props = { kind: kind ?? "other" };
      }
    }
    if (!label) continue;
    // a place or 国家 right before the quote belongs to the name: 国家“千人计划”, 浙江省“万人计划”
    const before = tokens.filter((t) => t.end === start).at(-1);
    const prefixed =
      before && (before.tag === "ns" || placeOf(before.word) || /^(国家|省|市|区)$/u.test(before.word));
    const nameStart = prefixed ? before.start : start;
    const name = prefixed ? analysis.view.norm.slice(nameStart, end) : inner;
    out.push(
      mention(analysis, s, {
        label,
        name,
        aliases: prefixed ? [inner] : [],
        start: nameStart,
        end,
        props,
        rule: `quoted:${label}`,
        confidence: 0.75,
      }),
    );
  }
}

/**
 * jieba tags many words as places (归国, 深度, 宜居). A bare place word is kept only when the text
 * also has it with a suffix (浦东 beside 浦东新区), or after a word that introduces a place (位于).
 */
function keepPlaces(mentions: Mention[]): Mention[] {
  const suffixed = new Map<string, string>();
  for (const m of mentions) {
    if (m.rule === "place:suffix") suffixed.set(m.name.replace(REGION_SUFFIX, ""), m.name);
  }
  const out: Mention[] = [];
  for (const m of mentions) {
    if (m.rule !== "place:ns" && m.rule !== "place:ns-modifier") {
      out.push(m);
      continue;
    }
    const full = suffixed.get(m.name);
    if (full) out.push({ ...m, name: full, aliases: [m.name], rule: "place:alias", confidence: 0.55 });
    else if (m.rule === "place:ns") out.push(m);
  }
  return out;
}

export function nameMentions(analysis: Analysis, hubNames: readonly string[] = []): Mention[] {
  const out: Mention[] = [];
  const longestFirst = [...hubNames].sort((a, b) => b.length - a.length);
  analysis.view.sentences.forEach((_, s) => {
    headMentions(analysis, s, out, longestFirst);
    placeMentions(analysis, s, out);
    quotedMentions(analysis, s, out);
    lineMentions(analysis, s, out);
    classMentions(analysis, s, out);
    jointBodyMentions(analysis, s, out);
  });
  return keepPlaces(out);
}

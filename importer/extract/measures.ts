/**
 * Measures: a clause is a measure candidate when a policy verb governs it (实施, 设立, 给予, 支持 …)
 * near its start and it acts rather than describes (not "是…", "具有…", "以…为特征"). The clause,
 * stripped of connectors, is both its name and its quote; keyword rules classify it.
 */
import { mention, type Analysis, type Mention } from "./analysis.ts";
import { classify, type Classification } from "./classify.ts";
import { isAuthorLine } from "./documents.ts";
import { CLAUSE_LEAD, DESCRIPTIVE_CLAUSE, HEAD_RULES, POLICY_VERBS } from "./lexicon.ts";
import { listItems, topLevelPieces } from "./structure.ts";

export interface MeasureMention extends Mention {
  classification: Classification;
}

/** What ends a clause: Chinese punctuation, an ASCII comma between words, and 的同时 ("A的同时B"). */
const CLAUSE_SPLIT = /[，；：。！？]|,(?!\d)|的同时/gu;
/** Clauses that only report that a document was issued (a Policy fact, not a measure). */
const ISSUING = /(印发|出台|审议通过|发布|制定|签署|批复同意)(了)?《/u;
const MIN = 6;
const MAX_NAME = 40;
/** Clauses that state what the measure before them is for (purpose, result), not a new measure. */
const RESULT_CLAUSE =
  /^(实现|使|让|满足|形成|确保|助力|从而|进而|以便|以期|为.{0,24}(提供便利|创造条件|贡献|奠定)|推动.{0,12}(发展|建设|转型)|促进.{0,16}(发展|建设|融合|集聚)|打造.{0,12}(引擎|高地|品牌|生态|样板))/u;

/**
 * Clauses that frame rather than act: time and viewpoint adverbials (自…以来, 从…看, 历经…, 在…方面),
 * the topic phrase before a measure (围绕…), and lead-ins to a quote or a list (…强调, …包括); a
 * time clause (成功开发下游产品后), a principle (…的原则) and what a subject takes as its core or
 * means (以…为核心, 以…为载体).
 */
const FRAMING_CLAUSE =
  /^(自|从|随着|历经|围绕)|(以来|之后|以后|后|期间|看|方面|强调|指出|表示|体现为|表现为|包括|如下|为例)$|(的原则|的思路|的理念|的形式|的方式|为(特征|核心|主导|基础|目标|载体|重点|抓手|主线|导向|引领))$/u;
/**
 * A document's own framing: its purpose (为深入实施…战略, 为了加快…), and the formula that introduces or
 * closes its articles (现提出如下意见, 特制定本办法, 本意见自…起施行, 由…负责解释).
 */
const DOCUMENT_FRAME =
  /^为了?(进一步|深入|加快|全面|大力|更好地?|切实|积极|持续)?(实施|贯彻|落实|推进|推动|加快|加强|深化|促进|建设|打造|构建|提升|做好)|(如下|以下)(意见|措施|办法|规定|通知|政策|条款)|^(现|特)(提出|制定|印发)|^本(意见|办法|措施|规定|细则|通知|政策)|负责解释$/u;
/** Spans inside 《…》 and “…” of a text starting at `start`. */
function quotedSpans(body: string, start: number): Array<[number, number]> {
  return [...body.matchAll(/《[^》]*》|“[^”]*”/gu)].map((m) => [
    start + m.index,
    start + m.index + m[0].length,
  ]);
}

/**
 * Direct speech in a sentence: a quotation that runs over a clause boundary (“我们将进一步优化…，为…”),
 * or one after a verb of saying (表示：“…”). What someone says is reported, not decided by the text.
 */
function speechSpans(text: string): Array<[number, number]> {
  return [...text.matchAll(/“[^”]*”?/gu)]
    .filter(
      (m) =>
        /[，。；！？]/u.test(m[0]) ||
        /(表示|说|指出|介绍|强调|认为|坦言)[：:]?$/u.test(text.slice(0, m.index)),
    )
    .map((m) => [m.index, m.index + m[0].length]);
}

/** Adverbs and dates before a verb that tell what was done rather than decide it. */
const PAST_MARK = /(已经?|先后|曾经?|正式|相继|陆续|\d{4}年)/u;

/** A clause of saying before (…表示，…; …介绍说：…): what follows in the sentence is what was said. */
const SAYING = /(表示|介绍|说|坦言|透露|称)[，：:]/u;
/** A result counted (全市新引进大学生5.2万余人, 累计发放人才补贴3.6亿元): a figure, not a measure. */
const RESULT_COUNTED =
  /^(全[市省区县国年]|今年|去年|当年)?(新引进|新增|累计|共计|共|先后)[^，。；]*?[\d一二三四五六七八九十两百千万亿]+(\.\d+)?(余|多)?[万亿]?(人|名|家|个|项|元|亿元|万元|人次)$/u;
/** An event told as news: "…大赛总决赛在余杭区举行", "…推进会在湖州召开". */
const EVENT_TOLD = /(举行|召开|落幕|开幕|闭幕|揭晓|启幕|开赛|开班|开营)$/u;

/** Verbs that characterise a subject rather than act on something. */
const CHARACTERISING = new Set(["是", "呈现", "呈现出", "具有", "具备", "位于", "属于", "已具", "拥有"]);

/** A disposal (将/把 + object + verb) right before a clause body: the verb comes after its object. */
const DISPOSAL = /^[将把]|[将把]$/u;
/** The condition a grant opens with: 对…的, 针对…的, 凡…的. */
const CONDITION = /^(对|针对|凡|对于)/u;
/** Headings that title a study or an article, not a measure. */
const STUDY_HEADING = /(研究|分析|调研|报告|概况|简介|经验|综述)$/u;

export function measureMentions(analysis: Analysis): MeasureMention[] {
  const out: MeasureMention[] = [];
  const { view } = analysis;
  view.sentences.forEach((sentence, s) => {
    const text = sentence.text;
    if (/^\[\d+\]|^参考文献|https?:|【\d{4}-/u.test(text) || isAuthorLine(text)) return;
    if (sentence.heading && (/^[一二三四五六七八九十]+、/u.test(text) || STUDY_HEADING.test(text))) return;
    const tokens = analysis.tokens[s]!;
    const speech = speechSpans(text);
    let from = 0;
    let previous: MeasureMention | null = null;
    const ends = [...text.matchAll(CLAUSE_SPLIT), { index: text.length, 0: "" }];
    for (const separator of ends) {
      const i = separator.index;
      const raw = text.slice(from, i);
      const clauseStart = sentence.start + from;
      from = i + separator[0].length;
      const lead = CLAUSE_LEAD.exec(raw)?.[0] ?? "";
      const body = raw
        .slice(lead.length)
        .replace(/[”）]+$/u, (m) => (raw.includes("“") || raw.includes("（") ? m : ""));
      if (previous && RESULT_CLAUSE.test(body)) {
        // "…，实现产学研深度融合创新": the purpose of the measure before it, not a measure of its own
        previous.end = previous.quoteEnd = clauseStart + raw.length;
        continue;
      }
      previous = null;
      // "…部长张强表示，将为…提供服务": what a person says will be done is reported, not decided
      if (SAYING.test(text.slice(0, clauseStart - sentence.start))) continue;
      if (
        body.length < MIN ||
        speech.some(([a, b]) => from - separator[0].length > a && clauseStart - sentence.start < b) ||
        ISSUING.test(body) ||
        DESCRIPTIVE_CLAUSE.test(body) ||
        FRAMING_CLAUSE.test(body) ||
        DOCUMENT_FRAME.test(body) ||
        EVENT_TOLD.test(body) ||
        RESULT_COUNTED.test(body)
      )
        continue;
      const start = clauseStart + lead.length;
      out.push(...methodMeasures(analysis, s, raw, clauseStart));
      // "包括对A的企业减按…、对B的人才给予…、为C提供便利、将前海纳入…": one clause, several grants
      const pieces = openerSeries(body, start);
      for (const piece of pieces) {
        const made = consider(piece.text, piece.start, pieces.length > 1);
        if (made) previous = made;
      }
    }

    /** The measures of one clause (or one piece of a series); the last one made, or null. */
    function consider(body: string, start: number, piece: boolean): MeasureMention | null {
      const end = start + body.length;
      // a policy verb opening the clause is its verb whatever jieba tags it (壮大/a, 紧盯/z); a word
      // that opens with one counts too (优先发展/l); one before 的/型/性/式 is an attribute
      // ("完善的服务体系", "创新型组织"), one before a measure noun part of it ("规划面积"), not the
      // clause's verb
      // (not a word inside a title or a quotation: 《…合作区支持创新创业载体…细则》)
      const quoted = quotedSpans(body, start);
      const verb = tokens.find(
        (t) =>
          t.start >= start &&
          t.end <= end &&
          !/^([的型性式]|面积|规模|总量|总额|人数|数量|比例|比重|占比)/u.test(
            text.slice(t.end - sentence.start, end - sentence.start),
          ) &&
          !quoted.some(([a, b]) => t.start >= a && t.end <= b) &&
          (POLICY_VERBS.has(t.word) ||
            (t.word.length > 2 && VERB_START.test(t.word) && /^(v|l|i)$/u.test(t.tag))) &&
          (/^v|^vn$|^ad$|^d$|^l$|^i$/u.test(t.tag) || t.start === start),
      );
      if (!verb) return null;
      // "深港合作先导区、体制机制创新区、现代服务业集聚区": a list of things of one kind, no action
      const items = topLevelPieces(body, start);
      if (
        items.length >= 3 &&
        items.every((p) => p.text.at(-1) === body.at(-1) && !VERB_START.test(p.text) && !/\d/u.test(p.text))
      )
        return null;
      // "张江科学城建设", "园区高学历人才集聚": a verb that closes the clause after its subject is a
      // nominalisation (the name of an undertaking), not a decision
      if (verb.start > start && verb.end === end) return null;
      // the verb should govern the clause: near its start, not buried in a long noun phrase — except
      // after the condition that opens a grant ("对符合…规定的企业给予…", "对…的人才，免征…") or the
      // object a disposal puts first ("将高校毕业生…纳入…")
      const conditioned =
        (CONDITION.test(body) &&
          /[的者]/u.test(text.slice(start - sentence.start, verb.start - sentence.start))) ||
        DISPOSAL.test(text.slice(Math.max(0, start - sentence.start - 1), start - sentence.start + 1));
      if (verb.start - start > 12 && !conditioned) return null;
      // "A目前集聚了…", "B发布了…": a subject and a verb in the past narrate, they do not decide
      if (verb.start > start && text[verb.end - sentence.start] === "了") return null;
      // "上海市政府正式启动…", "国家先后赋予…", "现已设立…": what was done, told as history
      if (PAST_MARK.test(text.slice(start - sentence.start, verb.start - sentence.start))) return null;
      // "A是B…": a copula before the verb describes a subject
      if (tokens.some((t) => t.start >= start && t.start < verb.start && t.word === "是")) return null;
      // "科技创新中心是…策源地", "人才集聚结构呈现…": the verb inside the subject of a characterisation
      if (
        verb.start > start &&
        tokens.some((t) => t.start >= verb.end && t.end <= end && CHARACTERISING.has(t.word))
      )
        return null;
      let classification = classify(body);
      if (classification.guessed) {
        const wider = classify(text);
        if (!wider.guessed) classification = wider;
      }
      let last: MeasureMention | null = null;
      for (const part of piece ? [{ text: body, start }] : verbSeries(body, start)) {
        const partClass = part.text === body ? classification : classify(part.text);
        const own = partClass.guessed ? classification : partClass;
        const m = mention(analysis, s, {
          label: "Measure",
          name: part.text.length > MAX_NAME ? `${part.text.slice(0, MAX_NAME)}…` : part.text,
          start: part.start,
          end: part.start + part.text.length,
          quoteStart: part.start,
          quoteEnd: part.start + part.text.length,
          props: {},
          rule: sentence.heading
            ? "measure:heading"
            : piece || part.text !== body
              ? "measure:series"
              : "measure:clause",
          confidence: own.guessed ? 0.35 : sentence.heading ? 0.6 : 0.5,
        });
        last = { ...m, classification: own };
        out.push(last);
        out.push(...listMeasures(analysis, s, part.text, part.start, own));
      }
      return last;
    }
  });
  return out;
}

/** A policy verb of two or more characters at the start of a text. */
const VERB_START = new RegExp(
  `^(${[...POLICY_VERBS]
    .filter((v) => v.length >= 2)
    .sort((a, b) => b.length - a.length)
    .join("|")})`,
  "u",
);

/**
 * A clause that is a series of verb phrases joined by 、 ("实施A战略、鼓励设立B、支持C") is one measure
 * per phrase: a piece after a 、 that opens with a policy verb (outside quotes and brackets) starts a
 * new phrase, other pieces continue the phrase before them.
 */
export function verbSeries(body: string, start: number): Array<{ text: string; start: number }> {
  const parts = topLevelPieces(body, start);
  if (parts.length < 2) return [{ text: body, start }];
  // a piece that does not open with a verb continues the one before it (…管理总部、业务运营总部等)
  const merged = mergeSeries(parts, body, start, (p) => p.text.length >= 4 && VERB_START.test(p.text));
  return merged.length >= 2 && merged[0]!.text.length >= 4 ? merged : [{ text: body, start }];
}

/** What opens a grant in a series: a policy verb, a condition (对…的), a beneficiary (为…提供), a disposal (将…纳入). */
const OPENER = /^(对|针对|为|将|把)/u;

/**
 * A clause that is a series of grants joined by 、, where at least two pieces open with a policy verb
 * or an opener (对…, 为…, 将…): one piece per grant, pieces that do not open one continuing the grant
 * before them. Otherwise the clause is one piece.
 */
function openerSeries(body: string, start: number): Array<{ text: string; start: number }> {
  const pieces = topLevelPieces(body, start);
  const opens = (p: { text: string }) =>
    p.text.length >= 4 && (VERB_START.test(p.text) || OPENER.test(p.text));
  if (
    pieces.length < 2 ||
    pieces.filter(opens).length < 2 ||
    !pieces.slice(1).some((p) => OPENER.test(p.text))
  )
    return [{ text: body, start }];
  return mergeSeries(pieces, body, start, opens);
}

/** Pieces that do not open a phrase of their own continue the one before them. */
function mergeSeries(
  pieces: Array<{ text: string; start: number }>,
  body: string,
  start: number,
  opens: (p: { text: string }) => boolean,
): Array<{ text: string; start: number }> {
  const merged: Array<{ text: string; start: number }> = [];
  for (const p of pieces) {
    const last = merged.at(-1);
    if (last && !opens(p)) last.text = body.slice(last.start - start, p.start - start + p.text.length);
    else merged.push({ ...p });
  }
  return merged;
}

/** Items that are things (people, bodies, places), not actions: a list of them is not a list of measures. */
const THING = new RegExp(
  `(${HEAD_RULES.filter((r) => ["TalentCategory", "Organization", "Region", "Alliance"].includes(r.label))
    .map((r) => r.suffix)
    .join("|")})$`,
  "u",
);
/** The ways a measure is carried out: 通过A、B等方式. */
const METHOD_LIST = /通过((?:[^，；、]{2,10}、)+[^，；、]{2,10}?)等(?:方式|形式|途径|渠道|手段|举措)/u;
/** A list the clause's verb governs: 给予开办资助、运营经费资助…等 / 在A、B、C等方面 / 设立A、B和C五大模块. */
const GOVERNED_LIST =
  /(给予|给与|提供|集聚|涵盖|包括|设立|在|开展|加强|推进)((?:[^，；、]{2,10}、){2,}[^，；、]{2,14}?)(等|[\d一二三四五六七八九十两]+大|$)/u;

/**
 * A measure clause that lists what it gives or covers ("给予开办资助、运营经费资助、租金补贴等") is one
 * measure per item as well: texts and curators split such lists into separate measures.
 */
function listMeasures(
  analysis: Analysis,
  s: number,
  body: string,
  start: number,
  classification: Classification,
): MeasureMention[] {
  const m = GOVERNED_LIST.exec(body);
  if (!m) return [];
  const listStart = m.index + m[1]!.length;
  const items = listItems(m[2]!, start + listStart);
  // 加强在A、B等领域: a verb before 在 governs the field, not the items
  if (m[2]!.startsWith("在")) return [];
  // 提供健康、养老等服务: each item is a service (提供健康服务, 提供养老服务)
  const kind =
    m[3] === "等"
      ? (/^(服务|保障|便利)(?=$|[，。；、])/u.exec(body.slice(m.index + m[0].length))?.[0] ?? "")
      : "";
  if (items.length < 3 || items.some((i) => i.name.length > 12 || THING.test(i.name))) return [];
  return items.map((item) =>
    itemMeasure(
      analysis,
      s,
      `${m[1]}${item.name}${kind}`,
      item,
      [start, start + body.length],
      body,
      classification,
      "measure:list-item",
    ),
  );
}

/** One item of a clause's list as a measure of its own, quoted by the whole clause. */
function itemMeasure(
  analysis: Analysis,
  s: number,
  name: string,
  item: { name: string; start: number; end: number },
  [quoteStart, quoteEnd]: [number, number],
  body: string,
  classification: Classification,
  rule: string,
): MeasureMention {
  const own = classify(`${item.name} ${body}`);
  const mm = mention(analysis, s, {
    label: "Measure",
    name,
    start: item.start,
    end: item.end,
    quoteStart,
    quoteEnd,
    rule,
    confidence: 0.4,
  });
  return { ...mm, classification: own.guessed ? classification : own };
}

/** 通过直播带岗、驻点代招等方式: each way is a measure of its own, named as written. */
function methodMeasures(analysis: Analysis, s: number, body: string, start: number): MeasureMention[] {
  const method = METHOD_LIST.exec(body);
  if (!method) return [];
  const at = method.index + method[0].indexOf(method[1]!);
  const classification = classify(body);
  return listItems(method[1]!, start + at, false)
    .filter((item) => item.name.length >= 2 && !THING.test(item.name))
    .map((item) =>
      itemMeasure(
        analysis,
        s,
        item.name,
        item,
        [start, start + body.length],
        body,
        classification,
        "measure:method",
      ),
    );
}

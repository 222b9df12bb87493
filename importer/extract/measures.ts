/**
 * Measures: a clause is a measure candidate when a policy verb governs it (实施, 设立, 给予, 支持 …)
 * near its start and it acts rather than describes (not "是…", "具有…", "以…为特征"). The clause,
 * stripped of connectors, is both its name and its quote; keyword rules classify it.
 */
import { mention, type Analysis, type Mention } from "./analysis.ts";
import { classify, type Classification } from "./classify.ts";
import { isAuthorLine } from "./documents.ts";
import { CLAUSE_LEAD, DESCRIPTIVE_CLAUSE, HEAD_RULES, POLICY_VERBS } from "./lexicon.ts";
import { listItems } from "./structure.ts";

export interface MeasureMention extends Mention {
  classification: Classification;
}

const CLAUSE_SPLIT = /[，；：。！？]/u;
/** Clauses that only report that a document was issued (a Policy fact, not a measure). */
const ISSUING = /(印发|出台|审议通过|发布|制定|签署|批复同意)(了)?《/u;
const MIN = 6;
const MAX_NAME = 40;
/** Clauses that state what the measure before them is for (purpose, result), not a new measure. */
const RESULT_CLAUSE =
  /^(实现|使|让|满足|形成|确保|助力|从而|进而|以便|以期|为.{0,24}(提供便利|创造条件|贡献|奠定)|推动.{0,12}(发展|建设|转型)|促进.{0,16}(发展|建设|融合|集聚)|打造.{0,12}(引擎|高地|品牌|生态|样板))/u;

export function measureMentions(analysis: Analysis): MeasureMention[] {
  const out: MeasureMention[] = [];
  const { view } = analysis;
  view.sentences.forEach((sentence, s) => {
    const text = sentence.text;
    if (/^\[\d+\]|^参考文献|https?:|【\d{4}-/u.test(text) || isAuthorLine(text)) return;
    if (sentence.heading && /^[一二三四五六七八九十]+、/u.test(text)) return;
    const tokens = analysis.tokens[s]!;
    let from = 0;
    let previous: MeasureMention | null = null;
    for (let i = 0; i <= text.length; i++) {
      if (i < text.length && !CLAUSE_SPLIT.test(text[i]!)) continue;
      const raw = text.slice(from, i);
      const clauseStart = sentence.start + from;
      from = i + 1;
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
      if (body.length < MIN || ISSUING.test(body) || DESCRIPTIVE_CLAUSE.test(body)) continue;
      const start = clauseStart + lead.length;
      const end = start + body.length;
      const verb = tokens.find(
        (t) =>
          t.start >= start && t.end <= end && POLICY_VERBS.has(t.word) && /^v|^vn$|^ad$|^d$/u.test(t.tag),
      );
      if (!verb) continue;
      // the verb should govern the clause: near its start, not buried in a long noun phrase
      if (verb.start - start > 12) continue;
      let classification = classify(body);
      if (classification.guessed) {
        const wider = classify(text);
        if (!wider.guessed) classification = wider;
      }
      const m = mention(analysis, s, {
        label: "Measure",
        name: body.length > MAX_NAME ? `${body.slice(0, MAX_NAME)}…` : body,
        start,
        end,
        quoteStart: start,
        quoteEnd: end,
        props: {},
        rule: sentence.heading ? "measure:heading" : "measure:clause",
        confidence: classification.guessed ? 0.35 : sentence.heading ? 0.6 : 0.5,
      });
      previous = { ...m, classification };
      out.push(previous);
      out.push(...listMeasures(analysis, s, body, start, classification));
    }
  });
  return out;
}

/** Items that are things (people, bodies, places), not actions: a list of them is not a list of measures. */
const THING = new RegExp(
  `(${HEAD_RULES.filter((r) => ["TalentCategory", "Organization", "Region", "Alliance"].includes(r.label))
    .map((r) => r.suffix)
    .join("|")})$`,
  "u",
);
/** A list the clause's verb governs: 给予开办资助、运营经费资助…等 / 在A、B、C等方面 / 集聚A、B、C等要素. */
const GOVERNED_LIST =
  /(给予|给与|提供|集聚|涵盖|包括|设立|在|开展|加强|推进)((?:[^，；、]{2,10}、){2,}[^，；、]{2,12}?)(等|$)/u;

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
  if (items.length < 3 || items.some((i) => i.name.length > 12 || THING.test(i.name))) return [];
  return items.map((item) => {
    const own = classify(`${item.name} ${body}`);
    const mm = mention(analysis, s, {
      label: "Measure",
      name: `${m[1]}${item.name}`,
      start: item.start,
      end: item.end,
      quoteStart: start,
      quoteEnd: start + body.length,
      rule: "measure:list-item",
      confidence: 0.4,
    });
    return { ...mm, classification: own.guessed ? classification : own };
  });
}

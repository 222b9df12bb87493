/**
 * Figures: a number with its unit (1700 余家, 7.6 万, 超 2 万名, 15%, 9 成, 1/5, 三分之一, 三大…),
 * the qualifier the words around it give (约, 近, 超过, 以上, 不少于, 最高), the year the sentence
 * dates it by, and what it counts (the words before it in its clause).
 */
import { createRequire } from "node:module";
import { mention, type Analysis, type Mention } from "./analysis.ts";

/** nzh's decoder of Chinese numerals (一百二十 → 120, 三千五百 → 3500), loaded on first use. */
let decodeChinese: ((numeral: string) => number) | undefined;
function chineseNumeral(numeral: string): number {
  if (!decodeChinese) {
    const nzh = createRequire(import.meta.url)("nzh") as { cn: { decodeS(s: string): string | number } };
    // nzh reads 二 but not 两 (两亿, 两千)
    decodeChinese = (n) => Number(nzh.cn.decodeS(n.replace(/两/gu, "二")));
  }
  return decodeChinese(numeral);
}

/** A small count in Chinese numerals (七, 十二, 两): its value, or null when it is none. */
export function chineseNumber(text: string): number | null {
  if (!/^[一二两三四五六七八九十]{1,3}$/u.test(text)) return null;
  const value = chineseNumeral(text);
  return Number.isInteger(value) && value > 0 ? value : null;
}

const UNIT =
  "人次|人|名|家|个|项|所|件|位|套|亿元|万元|元|平方公里|公顷|公里|岁|周|天|小时|条|批|期|倍|类|部门|所|座|支|亿|万|千";
const NUMBER = new RegExp(
  `(约为|约达|约有|约|大约|将近|近|超过|超|逾|达到|达|不少于|至少|不超过|最高|最多|累计|共)?` +
    `(\\d+(?:\\.\\d+)?)(余|多)?(?:个(?=[万亿]))?(万|亿|千)?(余|多)?(${UNIT}|%|成)?(以上|左右|以下|之间)?`,
  "gu",
);
/** Chinese numerals with a place word (一百二十名, 三千五百万元, 两亿元), decoded by nzh. */
const CN_NUMBER = new RegExp(
  `(?<![第零一二两三四五六七八九十百千万亿])([零一二两三四五六七八九十百千万亿]*[百千万亿][零一二两三四五六七八九十百千万亿]*)(余|多)?(${UNIT})`,
  "gu",
);
/**
 * A count of the document's own parts — its articles (81 条, 人才新政 20 条) or measures (10 项措施) —
 * is how the text is laid out, not a figure of what it describes.
 */
const OWN_PARTS = /^(人才)?(新政|政策|措施|举措|条款|意见|规定|细则|办法)/u;
function countsOwnParts(unit: string, after: string): boolean {
  // (人才“20条”, “人才30条”: the count names a policy by its articles)
  if (unit === "条" || unit === "款") return OWN_PARTS.test(after) || /^([，。；、）”》]|$)/u.test(after);
  return unit === "项" && OWN_PARTS.test(after);
}
const FRACTION = /(\d+)\/(\d+)|([一二三四五六七八九十]+)分之([一二三四五六七八九十]+)/gu;
const CN_COUNT = /([二两三四五六七八九十]{1,2}|(?<!\d)\d{1,2})(大|个|家|项|部门|类|方面|中心|所|批)/gu;
/**
 * Durations: 为期一周, 历经近30年, 用5年时间 — a word that makes the number a span of time; not a time
 * frame ("近3年来", "5年内", "用3年时间内" is still a span).
 */
const DURATION =
  /(为期|历经近?|历时近?|经过近?|用)(\d{1,3}|[一二两三四五六七八九十]{1,3})(多)?(年|个月|周|天)(?!代|级|度|来|以来|内)/gu;
const CN_TENTHS = /(近|超过|超)?([一二三四五六七八九])成/gu;

function qualifierOf(before: string | undefined, after: string | undefined, approx: string | undefined) {
  if (before?.startsWith("约") || before === "大约" || after === "左右") return "about";
  if (before === "近" || before === "将近") return "nearly";
  if (before === "不少于" || before === "至少") return "at_least";
  if (before === "不超过" || before === "最高" || before === "最多" || after === "以下") return "at_most";
  if (before === "超过" || before === "超" || before === "逾" || approx || after === "以上") return "over";
  return "exact";
}

/** Numbers that are not figures: years, dates, ordinals, list markers, codes, page references. */
function isNotFigure(text: string, index: number, match: string, unit: string | undefined): boolean {
  const before = text.slice(Math.max(0, index - 1), index);
  const after = text.slice(index + match.length, index + match.length + 1);
  if (/[第\dA-Za-z./:：-]/u.test(before) || /^[年月日号届号线/:：.-]/u.test(after)) return true;
  if (!unit) return true;
  return false;
}

function yearOf(text: string): { year?: number; asOf?: string } {
  const asOf = /(截至|截止到?|到)((?:19|20)\d{2})年(?:底|末|\d{1,2}月)?/u.exec(text);
  if (asOf) return { year: Number(asOf[2]), asOf: asOf[0].replace(/^到/u, "") };
  const year = /((?:19|20)\d{2})年/u.exec(text);
  return year ? { year: Number(year[1]) } : {};
}

/** What the figure counts: the clause text before it, or after it when the number leads. */
function measureOf(clause: string, at: number, length: number): string {
  const before = clause
    .slice(0, at)
    .replace(/^(其中|截至|同时|目前|现有|拥有|共有|共|已|累计|此外|包括)+/u, "")
    .replace(/(约|大约|近|将近|超过|超|逾|达到|达|不少于|至少|不超过|最高|最多|累计|共|为|占|有|是)+$/u, "");
  if (before.length >= 2) return before.slice(-24);
  return (
    clause
      .slice(at + length)
      .replace(/^(以上|左右|的)/u, "")
      .slice(0, 24) || clause
  );
}

function clauseOf(text: string, at: number): [number, number] {
  let a = at;
  let b = at;
  while (a > 0 && !/[，。；：]/u.test(text[a - 1]!)) a--;
  while (b < text.length && !/[，。；：]/u.test(text[b]!)) b++;
  return [a, b];
}

/** Nouns that say what a bare 万/亿 counts, nearest first: persons or yuan (else nothing is added). */
const COUNTED_PEOPLE = /(人口|人员|人才|人数|学生|毕业生|从业者|职工|员工)[^，。；,;]*$/u;
const COUNTED_MONEY = /(薪|工资|收入|资金|经费|奖励|补贴|资助|投资|产值|营收|税)[^，。；,;]*$/u;

function impliedUnit(before: string): string {
  const people = COUNTED_PEOPLE.exec(before);
  const money = COUNTED_MONEY.exec(before);
  if (people && (!money || people.index > money.index)) return "人";
  if (money) return "元";
  return "";
}

export function statisticMentions(analysis: Analysis): Mention[] {
  const out: Mention[] = [];
  analysis.view.sentences.forEach((sentence, s) => {
    const text = sentence.text;
    if (/^\[\d+\]|https?:|相关链接/u.test(text)) return;
    const found: Array<{ at: number; length: number; value: number; unit: string; qualifier: string }> = [];
    for (const m of text.matchAll(NUMBER)) {
      const [whole, before, digits, approx1, scale, approx2, unitRaw, after] = m;
      if (
        isNotFigure(text, m.index + (before?.length ?? 0), whole.slice(before?.length ?? 0), unitRaw ?? scale)
      )
        continue;
      let value = Number(digits);
      let unit = `${scale ?? ""}${unitRaw ?? ""}`;
      if (unitRaw === "成") {
        value *= 10;
        unit = "%";
      }
      if (unit === "年" || !unit) continue;
      if (countsOwnParts(unit, text.slice(m.index + whole.length, m.index + whole.length + 6))) continue;
      // A bare 万/亿 names no unit of its own: what is counted is said just before it — people
      // (人口 43 万) or money (月薪 6 万, 资金 2 亿); a 缺口 (gap) may be either, and stays bare.
      if (!unitRaw && scale) unit += impliedUnit(text.slice(Math.max(0, m.index - 12), m.index));
      found.push({
        at: m.index,
        length: whole.length,
        value,
        unit,
        qualifier: qualifierOf(before, after, approx1 ?? approx2),
      });
    }
    for (const m of text.matchAll(CN_NUMBER)) {
      const [whole, numeral, approx, unitRaw] = m;
      // one place word alone is a name's, not a number (千人计划, 万人计划, 百人会)
      if (numeral!.length < 2) continue;
      // 千千万万, 万万: a manner of speaking, not a number
      if (/([百千万亿])\1/u.test(numeral!)) continue;
      if (countsOwnParts(unitRaw!, text.slice(m.index + whole.length, m.index + whole.length + 6))) continue;
      // the scale ends the numeral and opens the unit, as with digits: 两亿元 is 2 亿元, 三千五百万元 3500 万元
      const scaled = /[万亿]$/u.test(numeral!) && unitRaw !== "万" && unitRaw !== "亿";
      const value = chineseNumeral(scaled ? numeral!.slice(0, -1) : numeral!);
      if (!Number.isFinite(value) || value <= 0) continue;
      found.push({
        at: m.index,
        length: whole.length,
        value,
        unit: scaled ? `${numeral!.slice(-1)}${unitRaw!}` : unitRaw!,
        qualifier: qualifierOf(undefined, undefined, approx),
      });
    }
    for (const m of text.matchAll(FRACTION)) {
      const num = m[1] ? Number(m[1]) : chineseNumber(m[4]!);
      const den = m[2] ? Number(m[2]) : chineseNumber(m[3]!);
      if (!num || !den || (m[1] && /\d{4}\//u.test(text.slice(m.index - 1)))) continue;
      found.push({
        at: m.index,
        length: m[0].length,
        value: Number(((100 * num) / den).toFixed(2)),
        unit: "%",
        qualifier: "exact",
      });
    }
    for (const m of text.matchAll(CN_COUNT)) {
      // digits with a unit of their own were read above (9个, 21家); 9大 only here
      if (/\d/u.test(m[1]!) && m[2] !== "大") continue;
      const value = /\d/u.test(m[1]!) ? Number(m[1]) : chineseNumber(m[1]!);
      if (value === null || /[第是]/u.test(text[m.index - 1] ?? "")) continue;
      found.push({
        at: m.index,
        length: m[0].length,
        value,
        unit: m[2] === "大" || m[2] === "方面" || m[2] === "中心" ? "个" : m[2]!,
        qualifier: "exact",
      });
    }
    for (const m of text.matchAll(DURATION)) {
      const value = /\d/u.test(m[2]!) ? Number(m[2]) : chineseNumber(m[2]!);
      if (value === null) continue;
      const at = m.index + m[1]!.length;
      found.push({
        at,
        length: m[0].length - m[1]!.length,
        value,
        unit: m[4]!,
        qualifier: qualifierOf(m[1]!.endsWith("近") ? "近" : m[1], undefined, m[3]),
      });
    }
    for (const m of text.matchAll(CN_TENTHS)) {
      found.push({
        at: m.index,
        length: m[0].length,
        value: 10 * chineseNumber(m[2]!)!,
        unit: "%",
        qualifier: qualifierOf(m[1], undefined, undefined),
      });
    }
    const dated = yearOf(text);
    for (const f of found) {
      let [ca, cb] = clauseOf(text, f.at);
      // a figure in a list of figures (90多所高校、400多家科研院所、…) is quoted by its own item
      const others = found.filter((g) => g !== f && g.at >= ca && g.at < cb);
      if (others.length) {
        let a = f.at;
        let b = f.at + f.length;
        while (a > ca && text[a - 1] !== "、") a--;
        while (b < cb && text[b] !== "、") b++;
        const isolates = !others.some((g) => g.at >= a && g.at < b);
        if (isolates && (text[a - 1] === "、" || text[b] === "、")) [ca, cb] = [a, b];
      }
      const measure = measureOf(text.slice(ca, cb), f.at - ca, f.length);
      const start = sentence.start + f.at;
      const props: Record<string, unknown> = {
        value: f.value,
        unit: f.unit,
        measure,
        measureEn: "",
        qualifier: f.qualifier,
        ...dated,
      };
      out.push(
        mention(analysis, s, {
          label: "Statistic",
          name: `${measure}：${f.value}${f.unit}`,
          start,
          end: start + f.length,
          quoteStart: sentence.start + ca,
          quoteEnd: sentence.start + cb,
          props,
          rule: "figure",
          confidence: 0.6,
        }),
      );
    }
  });
  return out;
}

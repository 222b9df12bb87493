/**
 * Documents and people: 《title》 names (policy documents, or publications when they are periodicals,
 * reports or items of a reference list), the reference list itself ([2] 作者.题名[J].刊名,年…) and
 * the "本文由…研究助理 X 整理" author line.
 */
import { mention, type Analysis, type Mention } from "./analysis.ts";
import { POLICY_TITLE, PUBLICATION_TITLE, SHORT_POLICY_REFERENCE } from "./lexicon.ts";
import { placeOf } from "./places.ts";

type Level = "national" | "provincial" | "municipal" | "district" | "hub" | "other";

/** The government level a document's name implies. */
export function levelOf(written: string): Level | undefined {
  // a party committee's document is at its place's level (中共浙江省委… → provincial)
  const name = written.replace(/^(?:中共|中国共产党)(?!中央)/u, "");
  if (/^(国务院|国家|中共中央|全国|中组部|人社部|科技部|教育部)/u.test(name)) return "national";
  const place = /^([\u4e00-\u9fa5]{2,4}?)(省|市|区|县)?/u.exec(name);
  const known = place ? placeOf(place[1]!) : null;
  if (known?.kind === "province" || /^[\u4e00-\u9fa5]{2,3}省/u.test(name)) return "provincial";
  if (known?.kind === "city" || /^[\u4e00-\u9fa5]{2,3}市/u.test(name)) return "municipal";
  if (/^[\u4e00-\u9fa5]{2,4}(区|县)/u.test(name)) return "district";
  return undefined;
}

/** Year and month a sentence dates its document by: "2016 年 5 月，…出台了《…》". */
function dateBefore(text: string): { year?: number; date?: string } {
  const all = [...text.matchAll(/((?:19|20)\d{2})年(?:(\d{1,2})月)?(?:(\d{1,2})日)?/gu)];
  const last = all.at(-1);
  if (!last) return {};
  const year = Number(last[1]);
  const month = last[2] ? String(Number(last[2])).padStart(2, "0") : undefined;
  const day = last[3] ? String(Number(last[3])).padStart(2, "0") : undefined;
  return { year, ...(month ? { date: day ? `${year}-${month}-${day}` : `${year}-${month}` } : {}) };
}

function isReference(text: string) {
  return /^\[\d+\]/u.test(text);
}

export function documentMentions(analysis: Analysis): Mention[] {
  const out: Mention[] = [];
  const { view } = analysis;
  let inReferences = false;
  let lastSection = "";
  view.sentences.forEach((sentence, s) => {
    if (sentence.section !== lastSection) inReferences = false;
    lastSection = sentence.section;
    if (/^参考文献/u.test(sentence.text)) inReferences = true;
    const reference = inReferences || isReference(sentence.text);
    for (const m of sentence.text.matchAll(/《([^《》]{2,80})》/gu)) {
      const inner = m[1]!;
      const start = sentence.start + m.index;
      const end = start + m[0].length;
      if (SHORT_POLICY_REFERENCE.test(inner)) continue;
      const publication = reference || (PUBLICATION_TITLE.test(inner) && !POLICY_TITLE.test(inner));
      const props: Record<string, unknown> = {};
      if (!publication) {
        const level = levelOf(inner);
        if (level) props.level = level;
        Object.assign(props, dateBefore(sentence.text.slice(0, m.index)));
      }
      out.push(
        mention(analysis, s, {
          label: publication ? "Publication" : "Policy",
          name: inner,
          start,
          end,
          props,
          rule: publication ? "title:publication" : "title:policy",
          confidence: publication || POLICY_TITLE.test(inner) ? 0.85 : 0.6,
          ...(reference ? { quoteStart: start, quoteEnd: end } : {}),
        }),
      );
    }
    if (isReference(sentence.text)) referenceMentions(analysis, s, out);
    authorMentions(analysis, s, out);
    titledPersonMentions(analysis, s, out);
  });
  return out;
}

/** [2]甘春开.题名[J].刊名,2019,17(04):17-26.  /  [3]题名[D].作者.学校,2007 */
function referenceMentions(analysis: Analysis, s: number, out: Mention[]) {
  const sentence = analysis.view.sentences[s]!;
  const text = sentence.text;
  const journal =
    /^\[\d+\]([\u4e00-\u9fa5]{2,4})[.．]([^[]{4,60})\[([JDMCR])\][.．]([^,，]+)[,，]((?:19|20)\d{2})/u.exec(
      text,
    );
  const thesis =
    /^\[\d+\]([^[]{4,60})\[([DM])\][.．]([\u4e00-\u9fa5]{2,4})[.．]([^,，]+)[,，]((?:19|20)\d{2})/u.exec(
      text,
    );
  const at = (part: string) => sentence.start + text.indexOf(part);
  // The two forms differ in order only: journal [author, title, kind, venue, year], thesis
  // [title, kind, author, venue, year].
  const parts = journal
    ? {
        author: journal[1]!,
        title: journal[2]!,
        venue: journal[4]!,
        year: journal[5]!,
        rule: "reference:journal",
      }
    : thesis
      ? {
          author: thesis[3]!,
          title: thesis[1]!,
          venue: thesis[4]!,
          year: thesis[5]!,
          rule: "reference:thesis",
        }
      : null;
  if (!parts) return;
  const { author, title, venue, year, rule } = parts;
  out.push(
    mention(analysis, s, {
      label: "Publication",
      name: title,
      start: at(title),
      end: at(title) + title.length,
      props: { authors: author, venue, year: Number(year) },
      rule,
      confidence: 0.8,
    }),
    mention(analysis, s, {
      label: "Person",
      name: author,
      start: at(author),
      end: at(author) + author.length,
      props: { role: "作者" },
      rule: "reference:author",
      confidence: 0.7,
    }),
  );
}

/** （本文由浙江省人才发展研究院研究助理 周梦飞分析整理） */
function authorMentions(analysis: Analysis, s: number, out: Mention[]) {
  const sentence = analysis.view.sentences[s]!;
  const m =
    /由(.{2,30}?)(研究助理|助理研究员|副研究员|研究员|记者|编辑|通讯员|博士|教授)( ?)([\u4e00-\u9fa5]{2,3}?)(分析|归纳|编译|编写|撰写|执笔)?整理/u.exec(
      sentence.text,
    );
  if (!m) return;
  const [, org, role, space, person] = m;
  const orgStart = sentence.start + m.index + 1;
  const personStart = orgStart + org!.length + role!.length + space!.length;
  out.push(
    mention(analysis, s, {
      label: "Person",
      name: person!,
      start: personStart,
      end: personStart + person!.length,
      props: { role: role! },
      rule: "author-line",
      confidence: 0.8,
    }),
  );
}

/** Titles written after a name (习近平总书记, 李兰娟院士, 马化腾董事长). */
const PERSON_TITLE =
  /^(总书记|主席|总理|部长|省长|市长|书记|院士|教授|研究员|董事长|总经理|总裁|创始人|校长|院长|（个人）|团队|同志)/u;
/** The same titles written before a name (院士李兰娟, 董事长马化腾, 教授张某): the title ends where the name starts. */
const TITLE_BEFORE =
  /(院士|教授|研究员|董事长|总经理|总裁|创始人|校长|院长|所长|书记|主席|市长|省长|部长|局长|厅长|主任|秘书长|理事长|会长)$/u;

/** The hundred commonest Chinese surnames: a word jieba does not know (李兰娟/nz) that opens with one may be a name. */
const SURNAMES = new Set(
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤",
);

/**
 * A person's name with a title after or before it: 习近平总书记, 李兰娟（个人）, 张建锋团队, 院士李兰娟,
 * 董事长马化腾 — or alone in the first field of a list's row (张伟 浙江大学 教授) — a word jieba tags as
 * a name (nr), or an unknown two- or three-character word (nz) that opens with a common surname.
 */
function titledPersonMentions(analysis: Analysis, s: number, out: Mention[]) {
  const { norm } = analysis.view;
  const tokens = analysis.tokens[s]!;
  for (const [k, token] of tokens.entries()) {
    // a surname jieba cut off its given name (吴/nr 朝晖/n) is read with it
    const given = tokens[k + 1];
    const split =
      token.word.length === 1 &&
      SURNAMES.has(token.word) &&
      given !== undefined &&
      given.start === token.end &&
      /^\p{Script=Han}{1,2}$/u.test(given.word);
    const t = split
      ? { word: token.word + given.word, tag: "nr", start: token.start, end: given.end }
      : token;
    const named = /^nr/u.test(t.tag) || (t.tag === "nz" && SURNAMES.has(t.word[0]!));
    if (!named || t.word.length < 2 || t.word.length > 3) continue;
    const after = PERSON_TITLE.exec(norm.slice(t.end, t.end + 4));
    // (a title before the name is in its sentence: 教授 ending the row above is not this name's)
    const from = Math.max(analysis.view.sentences[s]!.start, t.start - 3);
    const before = after ? null : TITLE_BEFORE.exec(norm.slice(from, t.start));
    const title = after ?? before;
    // …or a row of a list (张伟 浙江大学 教授): a name alone in the first column
    const column =
      !title &&
      norm[t.end] === " " &&
      (t.start === analysis.view.sentences[s]!.start || /[ 、，：.．]/u.test(norm[t.start - 1] ?? ""));
    if (!title && !column) continue;
    const role = title ? title[1]!.replace(/[（）]/gu, "") : "个人";
    out.push(
      mention(analysis, s, {
        label: "Person",
        name: t.word,
        start: t.start,
        end: t.end,
        props: role === "个人" ? {} : { role },
        rule: title ? "person:titled" : "person:list-row",
        confidence: title ? 0.5 : 0.45,
      }),
    );
  }
}

/** Whether a sentence names its section's author ("本文由…整理"). */
export function isAuthorLine(text: string): boolean {
  return /由.{2,30}整理/u.test(text);
}

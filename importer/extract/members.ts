/**
 * Bodies named in lists whose frame says what the items are, so that they are named even without a
 * head word of their own (腾讯, 外事, 妈湾):
 * - an alliance or a platform's founders and members ("该联盟由中兴通讯、腾讯、…等多家知名企业和科研机构共同
 *   组建", "联盟首批成员主要由国际知名猎头机构、…和科技中介等40家单位组成");
 * - the departments a measure brings together ("整合公安、外专、外事等部门职能");
 * - hyponym lists, where the class noun after 等 gives the label ("大铲湾、妈湾和蛇口港等港口",
 *   "北京大学、清华大学等高校").
 * An item that is a place, a number or a clause is left out.
 */
import type { Label } from "../../graph/model.ts";
import { mention, type Analysis, type Mention } from "./analysis.ts";
import { HEAD_RULES, kindOfRule, type CarrierKind, type OrgKind } from "./lexicon.ts";
import { placeOf } from "./places.ts";
import { listItems } from "./structure.ts";

const ITEM = "[^，。；：“”（）]{2,16}";
const LIST = `(${ITEM}(?:、${ITEM})+)`;
/** 由A、B、C等(40家单位|多家知名企业和科研机构)(共同)?(发起|组建|组成) */
const FOUNDERS = new RegExp(
  `由${LIST}等(?:[^，。；]{0,16}?)(?:共同|联合)?(?:发起|组建|组成|成立|创办|设立)`,
  "gu",
);
/** A、B、C等(N个)?部门|单位: bodies of the state or members, by the noun the list ends in. */
const BODIES = new RegExp(`${LIST}等(?:[\\d一二三四五六七八九十]+[个家])?(部门|单位|机关)`, "gu");
/** A、B和C等(N个)?CLASS — not the 等 of 高等, 同等, 平等, 对等. */
const HYPONYMS = new RegExp(
  `${LIST.replace("(?:、", "(?:[、和及与]")}(?<![高同平对])等(?:[\\d一二三四五六七八九十多余]+[个家所座])?([^，。；、]{2,6})`,
  "gu",
);

/** Class nouns that say what the items of a list before them are. */
const CLASSES: Array<{ re: RegExp; label: "Carrier" | "Organization"; kind: CarrierKind | null }> = [
  { re: /^(港口|港区|机场|码头|口岸)/u, label: "Carrier", kind: "other" },
  { re: /^(园区|产业园|科技园|孵化器|众创空间|创新载体|创业载体|载体)/u, label: "Carrier", kind: "park" },
  { re: /^(高校|大学|院校|高等院校)/u, label: "Organization", kind: null },
  { re: /^(科研院所|研究机构|研发机构|科研机构)/u, label: "Organization", kind: null },
  { re: /^(企业|公司|龙头企业|知名企业)/u, label: "Organization", kind: null },
];

const ORG_RULES = HEAD_RULES.filter((r) => r.label === "Organization").sort(
  (a, b) => b.suffix.length - a.suffix.length,
);

/** An organisation's kind: from its own head word, else from the list's frame or class noun. */
function kindOf(name: string, frame: string): OrgKind {
  const kind = kindOfRule(
    ORG_RULES.find((r) => name.endsWith(r.suffix)),
    name,
  );
  if (kind) return kind as OrgKind;
  if (/^(部门|机关)$/u.test(frame)) return "government";
  if (/中介/u.test(name)) return "intermediary";
  if (/^(高校|大学|院校|高等院校)/u.test(frame)) return "university";
  return /院所|高校|研究|科研/u.test(name + frame) ? "research_institute" : "enterprise";
}

/** Tags of words that make an item a clause, not a name: prepositions, particles, conjunctions, pronouns. */
const CLAUSE_TAG = /^(p|u[a-z]*|c|r[a-z]*)$/u;
/** Tags and words that lead into a list: the verb or preposition before its first item (整合/公安, 由/中兴通讯). */
const LEAD_TAG = /^(p|c|v|d|r[a-z]*|u[a-z]*|ad)$/u;

type Item = { name: string; start: number; end: number };

/**
 * The list's items as names: the first item starts after the last word that leads into the list
 * (judged on jieba's tokens, so a character inside a name — 国有资本 — is never cut), and items that
 * are places, numbers or clauses are dropped.
 */
function names(analysis: Analysis, s: number, items: Item[]): Item[] {
  const tokens = analysis.tokens[s]!;
  const within = (item: Item) => tokens.filter((t) => t.start >= item.start && t.end <= item.end);
  const first = items[0];
  if (first) {
    const lead = within(first)
      .slice(0, -1)
      .filter((t) => LEAD_TAG.test(t.tag))
      .at(-1);
    if (lead) {
      first.name = analysis.view.norm.slice(lead.end, first.end);
      first.start = lead.end;
    }
  }
  return items.filter(
    (item) =>
      item.name.length >= 2 &&
      item.name.length <= 16 &&
      item.name === analysis.view.norm.slice(item.start, item.end) &&
      placeOf(item.name) === null &&
      !/^[\d一二三四五六七八九十]/u.test(item.name) &&
      !within(item).some((t) => CLAUSE_TAG.test(t.tag)),
  );
}

function push(
  analysis: Analysis,
  s: number,
  out: Mention[],
  item: Item,
  label: Label,
  kind: string,
  rule: string,
) {
  out.push(
    mention(analysis, s, {
      label,
      name: item.name,
      start: item.start,
      end: item.end,
      props: { kind },
      rule,
      confidence: rule.startsWith("members:") ? 0.5 : 0.45,
    }),
  );
}

export function memberListMentions(analysis: Analysis): Mention[] {
  const out: Mention[] = [];
  analysis.view.sentences.forEach((sentence, s) => {
    const lists = [
      ...[...sentence.text.matchAll(FOUNDERS)].map((m) => ({ m, frame: "founders" })),
      ...[...sentence.text.matchAll(BODIES)].map((m) => ({ m, frame: m[2]! })),
    ];
    for (const { m, frame } of lists) {
      const at = sentence.start + m.index + m[0].indexOf(m[1]!);
      for (const item of names(analysis, s, listItems(m[1]!, at)))
        push(analysis, s, out, item, "Organization", kindOf(item.name, frame), `members:${frame}`);
    }
  });
  return out;
}

export function hyponymMentions(analysis: Analysis): Mention[] {
  const out: Mention[] = [];
  analysis.view.sentences.forEach((sentence, s) => {
    for (const m of sentence.text.matchAll(HYPONYMS)) {
      const cls = CLASSES.find((c) => c.re.test(m[2]!));
      if (!cls) continue;
      const noun = cls.re.exec(m[2]!)![0];
      const at = sentence.start + m.index + m[0].indexOf(m[1]!);
      for (const item of names(analysis, s, listItems(m[1]!, at))) {
        const kind = cls.kind ?? kindOf(item.name, noun);
        push(analysis, s, out, item, cls.label, kind, `hyponym:${noun}`);
      }
    }
  });
  return out;
}

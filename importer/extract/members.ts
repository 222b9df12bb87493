/**
 * Bodies named in lists: an alliance or a platform's founders and members ("该联盟由中兴通讯、腾讯、…等
 * 多家知名企业和科研机构共同组建", "联盟首批成员主要由国际知名猎头机构、…和科技中介等40家单位组成") and the
 * departments a measure brings together ("整合公安、外专、外事等部门职能"). The list's frame says the
 * items are organisations, so they are named even without a head word (腾讯, 外事); an item that is
 * a place, a quotation or a clause is left out.
 */
import type { OrgKind } from "./lexicon.ts";
import { HEAD_RULES } from "./lexicon.ts";
import { mention, type Analysis, type Mention } from "./analysis.ts";
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

const ORG_RULES = HEAD_RULES.filter((r) => r.label === "Organization").sort(
  (a, b) => b.suffix.length - a.suffix.length,
);

function kindOf(name: string, frame: string): OrgKind {
  const rule = ORG_RULES.find((r) => name.endsWith(r.suffix));
  const kind = typeof rule?.kind === "function" ? rule.kind(name) : rule?.kind;
  if (kind) return kind as OrgKind;
  if (frame === "部门" || frame === "机关") return "government";
  if (/中介/u.test(name)) return "intermediary";
  return /院所|高校/u.test(name) ? "research_institute" : "enterprise";
}

/** An item that is not a body: a place, a number, a clause (with 的 or a verb phrase), too short. */
function acceptableItem(name: string): boolean {
  return (
    name.length >= 2 &&
    name.length <= 16 &&
    placeOf(name) === null &&
    !/^[\d一二三四五六七八九十]/u.test(name) &&
    !/[的了在对是将为把]/u.test(name)
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
      const items = listItems(m[1]!, at);
      // the first item of a BODIES list may carry the words before it (整合公安, 成员主要由国际…): drop them
      const first = items[0];
      if (first && frame !== "founders") {
        const lead = /^(整合|协调|联合|会同|组织|包括|涉及|牵头)|^.*由/u.exec(first.name);
        if (lead) {
          first.name = first.name.slice(lead[0].length);
          first.start += lead[0].length;
        }
      }
      for (const item of items) {
        if (!acceptableItem(item.name) || item.name !== analysis.view.norm.slice(item.start, item.end))
          continue;
        out.push(
          mention(analysis, s, {
            label: "Organization",
            name: item.name,
            start: item.start,
            end: item.end,
            props: { kind: kindOf(item.name, frame) },
            rule: `members:${frame}`,
            confidence: 0.5,
          }),
        );
      }
    }
  });
  return out;
}

/** Class nouns that say what the items of a list before them are: "大铲湾、妈湾和蛇口港等港口". */
const CLASSES: Array<{ re: RegExp; label: "Carrier" | "Organization"; kind: string }> = [
  { re: /^(港口|港区|机场|码头|口岸)/u, label: "Carrier", kind: "other" },
  { re: /^(园区|产业园|科技园|孵化器|众创空间|创新载体|创业载体|载体)/u, label: "Carrier", kind: "park" },
  { re: /^(高校|大学|院校|高等院校)/u, label: "Organization", kind: "university" },
  { re: /^(科研院所|研究机构|研发机构|科研机构)/u, label: "Organization", kind: "research_institute" },
  { re: /^(企业|公司|龙头企业|知名企业)/u, label: "Organization", kind: "enterprise" },
];
const HYPONYMS = new RegExp(
  `${LIST.replace("(?:、", "(?:[、和及与]")}(?<![高同平对])等(?:[\\d一二三四五六七八九十多余]+[个家所座])?([^，。；、]{2,6})`,
  "gu",
);

/**
 * Hyponym lists ("A、B和C等港口", "北京大学、清华大学等高校"): the class noun after 等 gives the items'
 * label, so items without a head word of their own (妈湾, 腾讯) are still named.
 */
export function hyponymMentions(analysis: Analysis): Mention[] {
  const out: Mention[] = [];
  analysis.view.sentences.forEach((sentence, s) => {
    for (const m of sentence.text.matchAll(HYPONYMS)) {
      const cls = CLASSES.find((c) => c.re.test(m[2]!));
      if (!cls) continue;
      const at = sentence.start + m.index + m[0].indexOf(m[1]!);
      const items = listItems(m[1]!, at);
      const first = items[0];
      if (first) {
        // the first item starts after the words that lead into the list (。大铲湾, 如北京大学)
        const lead = /^.*(?:[如像即是有在对为和与及由以]|包括|例如|比如|拥有|依托|吸引|引进|支持)/u.exec(
          first.name,
        );
        if (lead && lead[0].length < first.name.length) {
          first.name = first.name.slice(lead[0].length);
          first.start += lead[0].length;
        }
      }
      for (const item of items) {
        if (!acceptableItem(item.name) || item.name !== analysis.view.norm.slice(item.start, item.end))
          continue;
        out.push(
          mention(analysis, s, {
            label: cls.label,
            name: item.name,
            start: item.start,
            end: item.end,
            props: { kind: cls.label === "Organization" ? kindOf(item.name, "") : cls.kind },
            rule: `hyponym:${cls.re.exec(m[2]!)![0]}`,
            confidence: 0.45,
          }),
        );
      }
    }
  });
  return out;
}

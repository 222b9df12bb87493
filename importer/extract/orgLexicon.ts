/**
 * Enterprises, universities and other bodies named without a head word (腾讯, 华为, 北师大): the
 * words HanLP's own dictionaries (inside its Maven Central jar) tag as organisations, derived once
 * into a cache that is not committed (hanlp.ts) and read without a JVM afterwards. A word of that
 * list in running text is an Organization when jieba's segmentation has it as whole tokens, and when
 * HanLP has no ordinary-word reading of it (现代, 大众, 唱片 are also tagged as companies).
 */
import type { ORGANIZATION_KINDS } from "../../graph/model.ts";
import { mention, type Analysis, type Mention } from "./analysis.ts";
import { hanlpLexicon, SetupError } from "./hanlp.ts";
import { HEAD_RULES, kindOfRule } from "./lexicon.ts";
import { placeOf } from "./places.ts";

type OrgKind = (typeof ORGANIZATION_KINDS)[number];

export interface OrgWord {
  word: string;
  kind: OrgKind;
  /** HanLP's organisation nature of the word (ntc, ntu, nt …). */
  nature: string;
}

/** HanLP's natures of an organisation and the kind each names (nt says only "an organisation"). */
export const NATURE_KIND: Record<string, OrgKind | undefined> = {
  ntc: "enterprise",
  ntcf: "enterprise",
  ntcb: "enterprise",
  ntch: "enterprise",
  ntu: "university",
  nts: "school",
  nth: "hospital",
  nto: "government",
};
/** Natures that are names too (proper nouns, places, persons, abbreviations): they do not make a word ordinary. */
const NAME_NATURE = /^(nt[a-z]*|nz|nr[a-z]*|ns[a-z]*|j|nx)$/u;
const ORGANIZATION_HEADS = HEAD_RULES.filter((r) => r.label === "Organization").sort(
  (a, b) => b.suffix.length - a.suffix.length,
);

/**
 * The kind of a body HanLP tags plain nt: from its head word when it has one (北京大学 → university),
 * a university's short form ends in 大 (北师大, 哈工大).
 */
function kindOfNt(word: string): OrgKind {
  if (/大$/u.test(word)) return "university";
  const rule = ORGANIZATION_HEADS.find((r) => word.endsWith(r.suffix));
  const kind = kindOfRule(rule, word) as OrgKind | undefined;
  return kind ?? "other";
}

/**
 * The usable entries of HanLP's organisation words: two characters or more, not a place, and no
 * ordinary-word reading (a noun, verb, adjective, time, institution word) seen more than once.
 */
export function organizationWords(
  natures: ReadonlyMap<string, ReadonlyMap<string, number>>,
): Map<string, OrgWord> {
  const out = new Map<string, OrgWord>();
  for (const [word, tags] of natures) {
    if (word.length < 2 || !/^[\u4e00-\u9fff]+$/u.test(word) || placeOf(word)) continue;
    const ordinary = [...tags].filter(([n]) => !NAME_NATURE.test(n)).reduce((sum, [, f]) => sum + f, 0);
    if (ordinary > 1) continue;
    const org = [...tags].filter(([n]) => n.startsWith("nt")).sort((a, b) => b[1] - a[1]);
    if (org.length === 0) continue;
    const specific = org.find(([n]) => NATURE_KIND[n]);
    const nature = specific?.[0] ?? org[0]![0];
    out.set(word, { word, nature, kind: NATURE_KIND[nature] ?? kindOfNt(word) });
  }
  return out;
}

let cached: Map<string, OrgWord> | undefined;

/**
 * The organisation lexicon, once per process. Deriving it needs Java and Maven the first time; when
 * either is missing the lexicon is empty and a line on stderr says why.
 */
export function organizationLexicon(): ReadonlyMap<string, OrgWord> {
  if (cached) return cached;
  try {
    cached = organizationWords(hanlpLexicon());
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;
    console.error(`organisation lexicon not available (HanLP): ${error.message.split("\n")[0]}`);
    cached = new Map();
  }
  return cached;
}

/** The longest lexicon word made of whole tokens (one to three) starting at each token. */
export function lexiconMentions(analysis: Analysis, lexicon: ReadonlyMap<string, OrgWord>): Mention[] {
  const out: Mention[] = [];
  if (lexicon.size === 0) return out;
  analysis.tokens.forEach((tokens, s) => {
    for (let i = 0; i < tokens.length; i++) {
      let found: { entry: OrgWord; last: number } | undefined;
      let word = "";
      for (let k = i; k < Math.min(tokens.length, i + 3); k++) {
        if (k > i && tokens[k]!.start !== tokens[k - 1]!.end) break;
        word += tokens[k]!.word;
        const entry = lexicon.get(word);
        if (entry) found = { entry, last: k };
      }
      if (!found) continue;
      out.push(
        mention(analysis, s, {
          label: "Organization",
          name: found.entry.word,
          start: tokens[i]!.start,
          end: tokens[found.last]!.end,
          props: { kind: found.entry.kind },
          rule: `lexicon:hanlp-${found.entry.nature}`,
          confidence: 0.55,
        }),
      );
      i = found.last;
    }
  });
  return out;
}

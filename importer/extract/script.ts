/**
 * Traditional-character documents (香港, 澳门, 台湾): detection, and a simplified reading of them for
 * the extractor's rules, jieba and the place data, which are all written in simplified characters.
 *
 * Detection: the share of Han characters that OpenCC's traditional → simplified conversion
 * (`opencc-js`, Hong Kong and Taiwan variants → standard traditional → mainland simplified) changes.
 * A simplified text changes almost none (著 in a fixed phrase), a traditional one a third or more.
 *
 * The simplified reading keeps every character at its index, so that a span found in it is the same
 * span of the text as written and quotes are cut from the original (the validator looks them up in
 * source.txt verbatim): only the variant and character dictionaries are used, whose entries map a
 * phrase to one of the same number of characters (checked on every call; a text that would change
 * length is converted character by character instead). The regional phrase dictionaries (軟體 →
 * 软件, 伊利諾 → 伊利諾伊) are left out because they change length. A character whose simplified
 * form lies outside the Basic Multilingual Plane (勣 → 𪟝, rare characters only) keeps its written
 * form, so that UTF-16 indices stay aligned too. The corner brackets of traditional typography
 * (「」『』) are read as the quotation marks the rules know (“”‘’).
 *
 * Names: a draft entity is named as the source writes it (澳門大學; textView.ts writtenName), and so
 * are its aliases. The simplified form is not added as an alias: the knowledge base requires every
 * alias to occur in a quote of its entity (knowledgeBase.ts), and the quotes are traditional.
 * Resolution compares names in simplified characters instead (resolve.ts), so 澳門大學 still finds a
 * knowledge-base entity named 澳门大学. Ids are made from the simplified reading (the same as the
 * same text in simplified characters would get); property values the rules derive (a statistic's
 * unit, a measure's description) are in the simplified reading too.
 */
import { ConverterFactory, type ConverterFunction } from "opencc-js/core";
import { from, to } from "opencc-js/preset/t2cn";

/** Share of Han characters changed by the conversion above which a text is read as traditional. */
export const TRADITIONAL_SHARE = 0.05;

const HAN = /\p{Script=Han}/u;
const BRACKETS: Readonly<Record<string, string>> = { "「": "“", "」": "”", "『": "‘", "』": "’" };

let converter: ConverterFunction | undefined;

function convert(text: string): string {
  converter ??= ConverterFactory(from.hk!, from.tw!, to.cn!);
  return converter(text);
}

/**
 * The text in simplified characters, index for index (same UTF-16 length, each code unit at the
 * same place as in `text`).
 */
export function toSimplified(text: string): string {
  const written = [...text];
  let converted = [...convert(text)];
  if (converted.length !== written.length) converted = written.map((c) => convert(c));
  let out = "";
  for (let i = 0; i < written.length; i++) {
    const c = written[i]!;
    const s = converted[i]!;
    out += BRACKETS[c] ?? (s.length === c.length ? s : c);
  }
  return out;
}

/** The share (0–1) of the text's Han characters that differ in its simplified reading. */
export function traditionalShare(text: string, simplified = toSimplified(text)): number {
  let han = 0;
  let changed = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (!HAN.test(c)) continue;
    han++;
    if (simplified[i] !== c) changed++;
  }
  return han === 0 ? 0 : changed / han;
}

export interface ScriptReading {
  script: "simplified" | "traditional";
  /** The text to analyse: the simplified reading of a traditional text, else the text itself. */
  text: string;
}

/** Reads a text as written in simplified or traditional characters, with what the rules should analyse. */
export function readScript(text: string): ScriptReading {
  const simplified = toSimplified(text);
  return traditionalShare(text, simplified) >= TRADITIONAL_SHARE
    ? { script: "traditional", text: simplified }
    : { script: "simplified", text };
}

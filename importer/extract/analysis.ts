/**
 * What the rules share: the text view, its sentences segmented once, and the mention type every rule
 * produces (a name found at a place in the normalised text, with the clause that quotes it).
 */
import type { Label } from "../../graph/model.ts";
import type { Segmenter, Token } from "./segment.ts";
import type { Sentence, TextView } from "./textView.ts";

export interface Mention {
  label: Label;
  name: string;
  /** Normalised-text span of the name itself. */
  start: number;
  end: number;
  /** Normalised-text span of the evidence quote (the clause stating it). */
  quoteStart: number;
  quoteEnd: number;
  sentence: number;
  props: Record<string, unknown>;
  aliases: string[];
  rule: string;
  confidence: number;
}

export interface Analysis {
  view: TextView;
  /** Tokens of each sentence, offsets into the normalised text. */
  tokens: Token[][];
}

export function analyse(view: TextView, segmenter: Segmenter): Analysis {
  const tokens = view.sentences.map((s) =>
    segmenter.tag(s.text).map((t) => ({ ...t, start: t.start + s.start, end: t.end + s.start })),
  );
  return { view, tokens };
}

const CLAUSE_END = /[，。；：！？]/u;
const MAX_QUOTE = 80;

/** The clause of a sentence around a span: what a quote for it should be. */
export function clauseAround(sentence: Sentence, start: number, end: number): [number, number] {
  const text = sentence.text;
  let a = start - sentence.start;
  let b = end - sentence.start;
  while (a > 0 && !CLAUSE_END.test(text[a - 1]!)) a--;
  while (b < text.length && !CLAUSE_END.test(text[b]!)) b++;
  if (b < text.length && /[。；！？]/u.test(text[b]!) === false && b - a < 6) {
    // a very short clause ("其中") reads better with the next one
    b++;
    while (b < text.length && !CLAUSE_END.test(text[b]!)) b++;
  }
  if (b - a > MAX_QUOTE) {
    const mid = (start + end) / 2 - sentence.start;
    a = Math.max(a, Math.floor(mid - MAX_QUOTE / 2));
    b = Math.min(b, a + MAX_QUOTE);
  }
  return [sentence.start + a, sentence.start + b];
}

export function mention(
  analysis: Analysis,
  sentence: number,
  fields: Omit<Mention, "quoteStart" | "quoteEnd" | "sentence" | "aliases" | "props"> &
    Partial<Pick<Mention, "aliases" | "props" | "quoteStart" | "quoteEnd">>,
): Mention {
  const s = analysis.view.sentences[sentence]!;
  const [qa, qb] =
    fields.quoteStart !== undefined && fields.quoteEnd !== undefined
      ? [fields.quoteStart, fields.quoteEnd]
      : clauseAround(s, fields.start, fields.end);
  return { aliases: [], props: {}, ...fields, quoteStart: qa, quoteEnd: qb, sentence };
}

/** Normalised name for comparisons: no whitespace, quotes or title marks, ASCII brackets. */
export function normName(name: string): string {
  return name
    .replace(/[\s《》“”"'‘’「」]/gu, "")
    .replace(/（/gu, "(")
    .replace(/）/gu, ")")
    .toLowerCase();
}

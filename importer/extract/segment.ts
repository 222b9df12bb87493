/**
 * Word segmentation and part-of-speech tags with jieba (`@node-rs/jieba`, its default dictionary),
 * plus an optional user dictionary so that names the knowledge base already knows (and taxonomy
 * terms) come out as one token instead of being cut into pieces.
 */
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict";
import { TAXONOMY_LABELS, type Label } from "../../graph/model.ts";
import type { KnowledgeBase } from "../knowledgeBase.ts";

export interface Token {
  word: string;
  tag: string;
  /** Offsets into the string that was segmented. */
  start: number;
  end: number;
}

export interface UserWord {
  word: string;
  tag: string;
}

export interface Segmenter {
  tag(text: string): Token[];
  /** How many user-dictionary words were loaded (0 without a knowledge base). */
  readonly userWords: number;
  /** A segmenter that also knows these words (the names a document establishes for itself). */
  extend(words: readonly UserWord[]): Segmenter;
}

/** jieba's tags for the labels, so user words keep a useful part of speech. */
const LABEL_TAG: Partial<Record<Label, string>> = {
  Region: "ns",
  Hub: "ns",
  Organization: "nt",
  Alliance: "nt",
};

/** Names long enough to be words but short enough not to be sentences (measures, statistics). */
const SEGMENTABLE = (name: string) => name.length >= 2 && name.length <= 16 && !/[，。；：\s]/u.test(name);

/**
 * The user dictionary a knowledge base gives: names and aliases of its entities except measures and
 * statistics (whose "names" are paraphrases), and the taxonomy terms.
 */
export function userWordsFrom(kb: KnowledgeBase): UserWord[] {
  const words = new Map<string, string>();
  for (const node of kb.nodes) {
    if (node.label === "Measure" || node.label === "Statistic") continue;
    const tag = LABEL_TAG[node.label] ?? (TAXONOMY_LABELS.includes(node.label) ? "n" : "nz");
    for (const name of [node.name, ...node.aliases]) {
      const word = name.replace(/[《》“”"]/gu, "");
      if (SEGMENTABLE(word) && !words.has(word)) words.set(word, tag);
    }
  }
  return [...words].map(([word, tag]) => ({ word, tag }));
}

/** A character that makes a word a number or an amount. */
const NUMERAL = /[\d０-９一二三四五六七八九十百千万亿两几半余多数整第个]/u;

let base: Jieba | undefined;
/** Instances with user words, by their word list. */
const instances = new Map<string, Jieba>();

function tokens(jieba: Jieba, text: string, userTags: ReadonlyMap<string, string>): Token[] {
  const out: Token[] = [];
  let at = 0;
  for (const { word, tag } of jieba.tag(text, true)) {
    // jieba returns the text cut into consecutive pieces; find each to be safe about offsets.
    const start = text.startsWith(word, at) ? at : text.indexOf(word, at);
    if (start < 0) continue;
    // jieba tags some unknown Chinese words "x" like punctuation; they are names more often than not
    // and some words without a numeral "m" like a number (港澳台/m); those are names too
    // a user word keeps its own tag (jieba may keep its dictionary's: 前海/f)
    const fixed =
      userTags.get(word) ??
      ((tag === "x" && /[\u4e00-\u9fff]/u.test(word)) || (tag === "m" && !NUMERAL.test(word)) ? "nz" : tag);
    // 人才队伍, 人才需求, 人才培养 are one word to jieba; the category's head 人才 is cut off so that
    // the words before it (医学人才队伍) can name a category
    // (a user word, 人才新政, stays whole)
    const talent =
      /^人才[\u4e00-\u9fff]{2}$/u.test(word) && /^(n|l|vn|nz)$/u.test(fixed) && !userTags.has(word);
    if (talent) {
      out.push({ word: "人才", tag: "n", start, end: start + 2 });
      out.push({ word: word.slice(2), tag: fixed, start: start + 2, end: start + word.length });
    } else out.push({ word, tag: fixed, start, end: start + word.length });
    at = start + word.length;
  }
  return out;
}

/**
 * A segmenter with jieba's default dictionary and, if given, user words (loaded once, at a high
 * frequency so that they win over the default cut). Without user words the shared default instance
 * is reused.
 */
export function createSegmenter(userWords: readonly UserWord[] = []): Segmenter {
  let jieba: Jieba;
  if (userWords.length === 0) {
    base ??= Jieba.withDict(dict);
    jieba = base;
  } else {
    const key = userWords.map((w) => `${w.word}/${w.tag}`).join(" ");
    let cached = instances.get(key);
    if (!cached) {
      cached = Jieba.withDict(dict);
      const lines = userWords.map((w) => `${w.word.replace(/\s+/gu, "")} 100000 ${w.tag}`).join("\n");
      cached.loadDict(Buffer.from(`${lines}\n`, "utf8"));
      // a process extracting many documents keeps a few instances, not one per document
      if (instances.size >= 8) instances.delete(instances.keys().next().value!);
      instances.set(key, cached);
    }
    jieba = cached;
  }
  const userTags = new Map(userWords.map((w) => [w.word.replace(/\s+/gu, ""), w.tag]));
  return {
    tag: (text) => tokens(jieba, text, userTags),
    userWords: userWords.length,
    extend: (words) => {
      const known = new Set(userWords.map((w) => w.word));
      const more = words.filter((w) => SEGMENTABLE(w.word) && !known.has(w.word));
      return more.length ? createSegmenter([...userWords, ...more]) : createSegmenter(userWords);
    },
  };
}

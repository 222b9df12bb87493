/**
 * How much of each source the evidence covers: per section, the share of (non-whitespace) characters
 * inside at least one quote, and the sentences no quote touches — the curator's to-do list.
 */
import type { KnowledgeBase } from "./knowledgeBase.ts";

export interface SectionCoverage {
  source: string;
  section: string;
  covered: number;
  total: number;
  uncovered: { line: number; text: string }[];
  /** Runs of at least `minGap` unquoted characters inside quoted sentences. */
  gaps: { line: number; text: string }[];
}

export function coverage(kb: KnowledgeBase, minGap = 12): SectionCoverage[] {
  const out: SectionCoverage[] = [];
  for (const source of kb.sources) {
    const hit = new Uint8Array(source.text.length);
    for (const item of [...kb.nodes, ...kb.relations]) {
      for (const e of item.evidence) if (e.source === source.id) hit.fill(1, e.start, e.end);
    }
    for (const section of source.sections) {
      let covered = 0;
      let total = 0;
      const uncovered: SectionCoverage["uncovered"] = [];
      const gaps: SectionCoverage["gaps"] = [];
      let gap = "";
      let gapStart = section.start;
      const closeGap = () => {
        if ([...gap].length >= minGap) {
          gaps.push({ line: source.text.slice(0, gapStart).split("\n").length, text: gap });
        }
        gap = "";
      };
      let sentenceStart = section.start;
      let sentenceHit = false;
      let sentenceChars = 0;
      for (let i = section.start; i < section.end; i++) {
        const c = source.text[i]!;
        const blank = /\s/u.test(c);
        if (!blank) {
          total++;
          sentenceChars++;
          if (hit[i]) {
            covered++;
            sentenceHit = true;
            closeGap();
          } else {
            if (gap === "") gapStart = i;
            gap += c;
          }
        }
        const ends = c === "。" || c === "；" || c === "！" || c === "？" || i === section.end - 1;
        if (ends) {
          const text = source.text.slice(sentenceStart, i + 1).replace(/\s+/gu, "");
          if (!sentenceHit && sentenceChars >= 6) {
            const line = source.text.slice(0, sentenceStart).split("\n").length;
            uncovered.push({ line, text });
          }
          sentenceStart = i + 1;
          sentenceHit = false;
          sentenceChars = 0;
        }
      }
      closeGap();
      out.push({ source: source.id, section: section.id, covered, total, uncovered, gaps });
    }
  }
  return out;
}

/**
 * Numbered headings as document structure. A heading that names a body of policy ("（一）人才政策")
 * is a Policy whose measures are everything under it; its numbered sub-headings that have their own
 * sub-headings ("1、构建多层次人才政策支撑体系") are the policy's pillars, Policies too.
 */
import { mention, type Analysis, type Mention } from "./analysis.ts";
import type { HubInfo } from "./structure.ts";

export interface Scope {
  policy: Mention;
  /** Normalised-text span the heading governs. */
  start: number;
  end: number;
  parent?: Mention;
}

const LEVELS: Array<[RegExp, number]> = [
  [/^[一二三四五六七八九十]{1,3}、/u, 1],
  [/^（[一二三四五六七八九十]{1,3}）/u, 2],
  [/^\d{1,2}、/u, 3],
  [/^（\d{1,2}）/u, 4],
];

export function headingLevel(text: string): { level: number; marker: string } | null {
  for (const [re, level] of LEVELS) {
    const m = re.exec(text);
    if (m) return { level, marker: m[0] };
  }
  return null;
}

export function headingPolicies(analysis: Analysis, hubs: readonly HubInfo[]): Scope[] {
  const { view } = analysis;
  const headings = view.sentences
    .map((s, index) => ({ s, index, h: s.heading ? headingLevel(s.text) : null }))
    .filter((x): x is typeof x & { h: NonNullable<typeof x.h> } => x.h !== null);
  const scopeEnd = (k: number) => {
    const { s, h } = headings[k]!;
    const next = headings.slice(k + 1).find((o) => o.h.level <= h.level || o.s.section !== s.section);
    const sectionEnd = view.sentences.filter((x) => x.section === s.section).at(-1)!.end;
    return next && next.s.section === s.section ? next.s.start : sectionEnd;
  };
  const scopes: Scope[] = [];
  headings.forEach(({ s, index, h }, k) => {
    const title = s.text.slice(h.marker.length);
    if (!/政策$/u.test(title) || /相关|及/u.test(title)) return;
    const hub = hubs.find((x) => x.section === s.section);
    const name = title.length <= 4 && hub ? `${hub.name}${title}` : title;
    const end = scopeEnd(k);
    const policy = mention(analysis, index, {
      label: "Policy",
      name,
      start: s.start + h.marker.length,
      end: s.end,
      quoteStart: s.start,
      quoteEnd: s.end,
      props: hub ? { level: "hub" } : {},
      rule: "heading:policy",
      confidence: 0.5,
    });
    scopes.push({ policy, start: s.end, end });
    // its pillars: sub-headings one level down that have sub-headings of their own
    headings.forEach((sub, j) => {
      if (j <= k || sub.s.start >= end || sub.h.level <= h.level) return;
      const child = headings[j + 1];
      if (!child || child.h.level <= sub.h.level || child.s.start >= end) return;
      const pillarEnd = scopeEnd(j);
      const pillar = mention(analysis, sub.index, {
        label: "Policy",
        name: sub.s.text.slice(sub.h.marker.length),
        start: sub.s.start + sub.h.marker.length,
        end: sub.s.end,
        quoteStart: sub.s.start,
        quoteEnd: sub.s.end,
        props: hub ? { level: "hub" } : {},
        rule: "heading:pillar",
        confidence: 0.45,
      });
      scopes.push({ policy: pillar, start: sub.s.end, end: pillarEnd, parent: policy });
    });
  });
  return scopes;
}

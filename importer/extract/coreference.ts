/**
 * Short forms of a name within one document. A text names a body in full and, before or after,
 * without its place: 中关村国家人力资源服务联盟 / 国家人力资源服务联盟, 深圳前海蛇口自贸片区 /
 * 前海蛇口自贸片区, 嘉兴市人民政府 / 嘉兴市政府, 中共绍兴市委 / 绍兴市委. Such candidates are one
 * entity: the shorter name becomes an alias of the full one. A short form is merged only when exactly
 * one longer name of the same label ends with it after a run of places (or of the document's hubs);
 * two places' bodies sharing a short form (杭州… and 宁波…国际人才服务中心) stay apart.
 */
import type { Label } from "../../graph/model.ts";
import { normName, type Mention } from "./analysis.ts";
import type { Candidate } from "./candidates.ts";
import { placePrefixLength } from "./places.ts";

/** Labels of named things a text shortens (not categories: 国际金融人才 is not 金融人才). */
const SHORTENED: readonly Label[] = ["Organization", "Carrier", "Alliance", "Program", "Policy", "Region"];

/** The same name written two ways: 中共X市委 / X市委, X市人民政府 / X市政府. */
function variant(name: string): string {
  return normName(name)
    .replace(/^中共/u, "")
    .replace(/人民政府$/u, "政府");
}

const firstAt = (c: Candidate) => Math.min(...c.mentions.map((m) => m.start));

export function mergeShortForms(
  candidates: Candidate[],
  of: Map<Mention, Candidate>,
  hubNames: readonly string[],
): Candidate[] {
  const merged = new Set<Candidate>();
  const absorb = (host: Candidate, c: Candidate) => {
    host.mentions.push(...c.mentions);
    for (const m of c.mentions) of.set(m, host);
    for (const a of [c.name, ...c.aliases])
      if (a !== host.name && !host.aliases.includes(a)) host.aliases.push(a);
    host.confidence = Math.max(host.confidence, c.confidence);
    merged.add(c);
  };
  const named = candidates.filter((c) => SHORTENED.includes(c.label));
  // the same name written two ways: the earlier writing hosts
  const byVariant = new Map<string, Candidate>();
  for (const c of [...named].sort((a, b) => firstAt(a) - firstAt(b))) {
    const key = `${c.label}|${variant(c.name)}`;
    const host = byVariant.get(key);
    if (host) absorb(host, c);
    else byVariant.set(key, c);
  }
  // a short form after its full name
  const hosts = named.filter((c) => !merged.has(c));
  for (const c of hosts) {
    const short = variant(c.name);
    if (short.length < 4 || merged.has(c)) continue;
    const longer = hosts.filter((l) => {
      if (l === c || l.label !== c.label || merged.has(l)) return false;
      const long = variant(l.name);
      if (long.length <= short.length || !long.endsWith(short)) return false;
      return placePrefixLength(long, hubNames) === long.length - short.length;
    });
    if (longer.length === 1) absorb(longer[0]!, c);
  }
  return candidates.filter((c) => !merged.has(c));
}

/** The words before a figure's value in its name (…天使投资人：2万名 → 天使投资人 …). */
const subjectOf = (c: Candidate) => normName(c.name.split("：")[0] ?? "");

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/**
 * A figure restated: the same value and unit said again of the same thing (an editorial sums up what
 * an article reports: 天使投资人超2万名 twice, 就业人员平均年龄32岁 twice). Two figures are one when
 * their value and unit agree and the words right before them end alike for at least four characters.
 */
export function mergeRestatedFigures(candidates: Candidate[], of: Map<Mention, Candidate>): Candidate[] {
  const merged = new Set<Candidate>();
  const figures = candidates.filter((c) => c.label === "Statistic");
  for (const [k, a] of figures.entries()) {
    if (merged.has(a)) continue;
    for (const b of figures.slice(k + 1)) {
      if (merged.has(b) || a.props.value !== b.props.value || a.props.unit !== b.props.unit) continue;
      if (commonSuffix(subjectOf(a), subjectOf(b)) < 4) continue;
      a.mentions.push(...b.mentions);
      for (const m of b.mentions) of.set(m, a);
      a.confidence = Math.max(a.confidence, b.confidence);
      merged.add(b);
    }
  }
  return candidates.filter((c) => !merged.has(c));
}

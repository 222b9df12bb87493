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

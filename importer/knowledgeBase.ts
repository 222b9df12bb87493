/**
 * Loads every source and knowledge file and validates them together: schema, labels and property
 * types, unique ids, references, relation label rules, taxonomy terms and evidence quotes. All
 * problems are collected so the user sees every one of them in a single run.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import {
  ID_PREFIX,
  isLabel,
  isRelationType,
  LABEL_PROPS,
  MEASURE_CLASSIFICATION,
  RELATION_TYPES,
  TAXONOMY_LABELS,
  type Evidence,
  type Label,
  type RelationType,
} from "../graph/model.ts";
import { readKnowledgeFile, type EvidenceInput, type KnowledgeFile } from "./knowledgeFile.ts";
import { checkCanonical, normalizeName } from "./canonical.ts";
import type { Problem } from "./problems.ts";
import { loadSource, locateQuote, type SourceDoc } from "./sourceText.ts";

export type { Evidence };

export interface KnowledgeNode {
  id: string;
  label: Label;
  name: string;
  nameEn: string;
  aliases: string[];
  props: Record<string, unknown>;
  evidence: Evidence[];
  sources: string[];
  /** Entities the curator says are different things despite similar names. */
  notSameAs: string[];
  file: string;
  line: number;
}

export interface KnowledgeRelation {
  id: string;
  type: RelationType;
  from: string;
  to: string;
  props: Record<string, unknown>;
  evidence: Evidence[];
  sources: string[];
  file: string;
  line: number;
}

export interface KnowledgeBase {
  sources: SourceDoc[];
  nodes: KnowledgeNode[];
  relations: KnowledgeRelation[];
}

export interface LoadResult {
  kb: KnowledgeBase;
  problems: Problem[];
}

/** Where sources live: the taxonomy and one folder per report, each with a source.yaml. */
export function sourceFolders(root: string): string[] {
  const folders = [path.join(root, "taxonomy")];
  const reports = path.join(root, "sources");
  for (const name of readdirSync(reports).sort()) {
    const dir = path.join(reports, name);
    if (statSync(dir).isDirectory()) folders.push(dir);
  }
  return folders;
}

export function relationId(type: string, from: string, to: string, key?: string): string {
  return [from, type, to, ...(key ? [key] : [])].join("|");
}

export interface LoadOptions {
  /**
   * Check the canonical-knowledge rules (importer/canonical.ts: duplicates, hierarchies; aliases found
   * in quotes). On by default; off only for gold annotations of the extractor's evaluation, which
   * mark what a text says rather than a curated knowledge base.
   */
  canonical?: boolean;
}

export function loadKnowledgeBase(root: string, cwd = process.cwd(), options: LoadOptions = {}): LoadResult {
  const canonical = options.canonical ?? true;
  const display = (file: string) => {
    const relative = path.relative(cwd, file);
    return relative && !relative.startsWith("..") ? relative : file;
  };
  const problems: Problem[] = [];
  const sources = new Map<string, SourceDoc>();
  const files: KnowledgeFile[] = [];

  for (const dir of sourceFolders(root)) {
    const source = loadSource(dir, display);
    if (Array.isArray(source)) {
      problems.push(...source);
      continue;
    }
    if (sources.has(source.id)) {
      problems.push({
        file: display(path.join(dir, "source.yaml")),
        message: `source id "${source.id}" is used by another folder`,
      });
    }
    sources.set(source.id, source);
    for (const name of readdirSync(dir).sort()) {
      // Drafts (draft.yaml, *.draft.yaml) are the extractor's candidates, not knowledge: `npm run review` turns them into knowledge files.
      if (!name.endsWith(".yaml") || name === "source.yaml" || /(?:^|\.)draft\.yaml$/.test(name)) continue;
      const file = path.join(dir, name);
      const read = readKnowledgeFile(readFileSync(file), display(file));
      if (Array.isArray(read)) problems.push(...read);
      else files.push(read);
    }
  }

  const nodes = new Map<string, KnowledgeNode>();
  const relations = new Map<string, KnowledgeRelation>();
  const proveAll = (
    kf: KnowledgeFile,
    items: EvidenceInput[],
    at: ReadonlyArray<string | number>,
  ): Evidence[] => {
    const source = sources.get(kf.source);
    if (!source) return [];
    const out: Evidence[] = [];
    items.forEach((item, i) => {
      const quote = typeof item === "string" ? item : item.quote;
      const prefer = typeof item === "string" ? kf.section : (item.section ?? kf.section);
      const located = locateQuote(source, quote, prefer);
      if (!located) {
        problems.push({
          file: kf.file,
          line: kf.lineOf([...at, "evidence", i]),
          message: `quote not found in source "${source.id}": ${quote}`,
          hint: `copy the clause verbatim from ${display(source.textFile)} (whitespace and line breaks are ignored; punctuation is not)`,
        });
        return;
      }
      out.push({ source: source.id, quote, ...located });
    });
    return out;
  };

  for (const kf of files) {
    const source = sources.get(kf.source);
    if (!source) {
      problems.push({
        file: kf.file,
        line: kf.lineOf(["source"]),
        message: `unknown source "${kf.source}"`,
        hint: `use the id from the source.yaml beside the file (${[...sources.keys()].join(", ")})`,
      });
      continue;
    }
    if (!source.sections.some((s) => s.id === kf.section)) {
      problems.push({
        file: kf.file,
        line: kf.lineOf(["section"]),
        message: `unknown section "${kf.section}" of source "${source.id}"`,
        hint: `sections: ${source.sections.map((s) => s.id).join(", ")}`,
      });
    }
    kf.entities.forEach((e, i) => {
      const at = ["entities", i];
      const line = kf.lineOf(at) ?? 0;
      if (!isLabel(e.label)) {
        problems.push({
          file: kf.file,
          line: kf.lineOf([...at, "label"]),
          message: `unknown label "${e.label}" for ${e.id}`,
          hint: `labels: ${Object.keys(LABEL_PROPS).join(", ")}`,
        });
        return;
      }
      const prefix = ID_PREFIX[e.label];
      if (!e.id.startsWith(`${prefix}:`)) {
        problems.push({
          file: kf.file,
          line: kf.lineOf([...at, "id"]),
          message: `id "${e.id}" of a ${e.label} must start with "${prefix}:"`,
        });
      }
      if (TAXONOMY_LABELS.includes(e.label) && source.kind !== "taxonomy") {
        problems.push({
          file: kf.file,
          line,
          message: `${e.label} nodes belong to the taxonomy; ${e.id} is defined in a report's file`,
          hint: "add the term to importer/taxonomy/taxonomy.yaml (and its definition to taxonomy.md)",
        });
      }
      const props = LABEL_PROPS[e.label].safeParse(e.props);
      if (!props.success) {
        for (const issue of props.error.issues) {
          problems.push({
            file: kf.file,
            line: kf.lineOf([...at, "props", ...issue.path.map(String)]),
            message: `${e.id}: props.${issue.path.join(".") || ""} ${issue.message}`.replace(
              "props. ",
              "props ",
            ),
            hint: `${e.label} properties are listed in importer/KNOWLEDGE.md`,
          });
        }
      }
      const previous = nodes.get(e.id);
      if (previous) {
        problems.push({
          file: kf.file,
          line: kf.lineOf([...at, "id"]),
          message: `duplicate id "${e.id}" (first defined at ${previous.file}:${previous.line})`,
          hint: "an entity is defined once; refer to it by id from other files",
        });
        return;
      }
      const evidence = proveAll(kf, e.evidence, at);
      // An alias given with its quote adds that quote to the entity's evidence.
      const aliasQuotes = e.aliases.flatMap((a) =>
        typeof a === "string" ? [] : [{ quote: a.quote, ...(a.section ? { section: a.section } : {}) }],
      );
      const aliasEvidence = proveAll(kf, aliasQuotes, at).filter(
        (ev) => !evidence.some((x) => x.quote === ev.quote && x.start === ev.start),
      );
      const aliases = e.aliases.map((a) => (typeof a === "string" ? a : a.name).trim());
      const all = [...evidence, ...aliasEvidence];
      e.aliases.forEach((a, i) => {
        const alias = aliases[i]!;
        const quotes = typeof a === "string" ? all.map((ev) => ev.quote) : [a.quote];
        if (canonical && !quotes.some((q) => normalizeName(q).includes(normalizeName(alias)))) {
          problems.push({
            file: kf.file,
            line: kf.lineOf([...at, "aliases", i]),
            message: `${e.id}: alias "${alias}" does not occur in ${typeof a === "string" ? "any quote of the entity" : "its quote"}`,
            hint: `give the alias with the clause that uses it: { name: ${alias}, quote: … }`,
          });
        }
      });
      nodes.set(e.id, {
        id: e.id,
        label: e.label,
        name: e.name.trim(),
        nameEn: e.nameEn.trim(),
        aliases: [...new Set(aliases)].filter((a) => a !== e.name.trim()),
        props: props.success ? props.data : e.props,
        evidence: all,
        sources: [...new Set(all.map((ev) => ev.source))],
        notSameAs: e.notSameAs,
        file: kf.file,
        line,
      });
    });
  }

  for (const kf of files) {
    if (!sources.has(kf.source)) continue;
    kf.relations.forEach((r, i) => {
      const at = ["relations", i];
      const line = kf.lineOf(at) ?? 0;
      if (!isRelationType(r.type)) {
        problems.push({
          file: kf.file,
          line: kf.lineOf([...at, "type"]),
          message: `unknown relation type "${r.type}"`,
          hint: `types: ${Object.keys(RELATION_TYPES).join(", ")}`,
        });
        return;
      }
      const spec = RELATION_TYPES[r.type];
      for (const end of ["from", "to"] as const) {
        const node = nodes.get(r[end]);
        const allowed: readonly Label[] = spec[end];
        if (!node) {
          problems.push({
            file: kf.file,
            line: kf.lineOf([...at, end]),
            message: `${r.type}.${end}: "${r[end]}" does not resolve to any entity`,
            hint: "define the entity or fix the id (ids are case-sensitive)",
          });
        } else if (!allowed.includes(node.label)) {
          problems.push({
            file: kf.file,
            line: kf.lineOf([...at, end]),
            message: `${r.type} cannot ${end === "from" ? "start at" : "end at"} a ${node.label} (${r[end]})`,
            hint: `${r.type} goes ${spec.from.join("|")} → ${spec.to.join("|")}; pick another type or RELATED_TO with a relation prop`,
          });
        }
      }
      const props = spec.props.safeParse(r.props);
      if (!props.success) {
        for (const issue of props.error.issues) {
          problems.push({
            file: kf.file,
            line: kf.lineOf([...at, "props"]),
            message: `${r.type} ${r.from} → ${r.to}: props ${issue.path.join(".")} ${issue.message}`,
            hint: "relation properties are listed in importer/KNOWLEDGE.md",
          });
        }
      }
      const id = relationId(r.type, r.from, r.to, r.key);
      const evidence = proveAll(kf, r.evidence, at);
      const previous = relations.get(id);
      if (previous) {
        // The same fact stated in several sections (say the editorial and a hub article) is one
        // relationship with the evidence of each; texts that differ are kept side by side.
        const merged = mergeProps(previous.props, props.success ? props.data : r.props);
        if (typeof merged === "string") {
          problems.push({
            file: kf.file,
            line: kf.lineOf([...at, "props"]),
            message: `${r.type} ${r.from} → ${r.to} is also at ${previous.file}:${previous.line} with ${merged}`,
            hint: "make the values agree, or give each relation a distinct `key` if they are different facts",
          });
          return;
        }
        previous.props = merged;
        previous.evidence = [...previous.evidence, ...evidence];
        previous.sources = [...new Set([...previous.sources, ...evidence.map((ev) => ev.source)])];
        return;
      }
      relations.set(id, {
        id,
        type: r.type,
        from: r.from,
        to: r.to,
        props: props.success ? props.data : r.props,
        evidence,
        sources: [...new Set(evidence.map((ev) => ev.source))],
        file: kf.file,
        line,
      });
    });
  }

  checkMeasures(nodes, relations, problems);
  if (canonical) problems.push(...checkCanonical([...nodes.values()], [...relations.values()]));

  return {
    kb: { sources: [...sources.values()], nodes: [...nodes.values()], relations: [...relations.values()] },
    problems,
  };
}

/** Merges the props of one relation stated twice; returns a description of a conflict instead. */
function mergeProps(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
): Record<string, unknown> | string {
  const out = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const mine = out[key];
    if (mine === undefined || mine === value) out[key] = value;
    else if (typeof mine === "string" && typeof value === "string") {
      out[key] = mine.split("；").includes(value) ? mine : `${mine}；${value}`;
    } else return `${key} = ${JSON.stringify(mine)} there and ${JSON.stringify(value)} here`;
  }
  return out;
}

function checkMeasures(
  nodes: Map<string, KnowledgeNode>,
  relations: Map<string, KnowledgeRelation>,
  problems: Problem[],
) {
  const outgoing = new Map<string, Set<RelationType>>();
  for (const r of relations.values()) {
    const types = outgoing.get(r.from) ?? new Set<RelationType>();
    types.add(r.type);
    outgoing.set(r.from, types);
  }
  for (const node of nodes.values()) {
    if (node.label !== "Measure") continue;
    const missing = MEASURE_CLASSIFICATION.filter((c) => !outgoing.get(node.id)?.has(c.type));
    if (missing.length > 0) {
      problems.push({
        file: node.file,
        line: node.line,
        message: `Measure ${node.id} is not classified: missing ${missing.map((m) => `${m.type} → ${m.to}`).join(", ")}`,
        hint: "every measure needs a theme, a policy instrument subtype and a talent-chain stage (ids in importer/taxonomy/taxonomy.yaml)",
      });
    }
  }
}

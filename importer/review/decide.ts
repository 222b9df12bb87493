/**
 * The reviewer's decisions on a plan — taken from command-line options or asked item by item — and
 * what they amount to: the entities to define and the relations to add, with every endpoint
 * rewritten to the id it ends up with (an existing entity's, a merged near-duplicate's target).
 */
import { relationId } from "../knowledgeBase.ts";
import type { DraftEntity, DraftRelation } from "./draft.ts";
import { formatEntity, formatRelation, type EntityItem, type Plan, type RelationItem } from "./plan.ts";

export type EntityDecision = { action: "accept" } | { action: "reject" } | { action: "merge"; into: string };

export interface Decisions {
  entities: Map<string, EntityDecision>;
  relations: Map<string, boolean>;
  /** English names typed in during the review, by entity key. */
  names: Map<string, string>;
}

export interface OptionChoice {
  /** "all", a list of keys (e3, r2) and ids, or null for everything above minConfidence. */
  accept: "all" | string[] | null;
  minConfidence: number;
  near: "merge" | "keep" | "skip";
}

const empty = (): Decisions => ({ entities: new Map(), relations: new Map(), names: new Map() });

export function decideByOptions(plan: Plan, choice: OptionChoice): Decisions {
  const decisions = empty();
  const list = Array.isArray(choice.accept) ? new Set(choice.accept) : null;
  const listsRelations = plan.relations.some((item) => list && listed(list, item));
  for (const item of plan.entities) {
    if (item.kind === "existing") continue;
    const wanted =
      item.entity.confidence >= choice.minConfidence &&
      (!list || list.has(item.key) || list.has(item.entity.id));
    let decision: EntityDecision = { action: wanted ? "accept" : "reject" };
    if (wanted && item.kind === "near-duplicate") {
      if (choice.near === "merge") decision = { action: "merge", into: item.similar[0]!.id };
      else if (choice.near === "skip") decision = { action: "reject" };
    }
    decisions.entities.set(item.key, decision);
  }
  for (const item of plan.relations) {
    const wanted =
      item.relation.confidence >= choice.minConfidence && (!list || !listsRelations || listed(list, item));
    decisions.relations.set(item.key, wanted);
  }
  return decisions;
}

function listed(list: Set<string>, item: RelationItem): boolean {
  const r = item.relation;
  return list.has(item.key) || list.has(relationId(r.type, r.from, r.to, r.key));
}

export type Ask = (question: string) => Promise<string>;

/**
 * Asks about every undecided item: y / n / a (accept all remaining) / q (stop; the rest is not
 * accepted); for a near-duplicate m (use the existing id; m2 for the second candidate) or k (keep
 * as a new entity). Relations whose endpoints were turned down are not asked about.
 */
export async function decideInteractively(
  plan: Plan,
  known: ReadonlySet<string>,
  ask: Ask,
  print: (text: string) => void,
): Promise<Decisions> {
  const decisions = empty();
  let all = false;
  let stop = false;
  const choose = async (lines: string[], prompt: string, valid: RegExp): Promise<string> => {
    print(lines.join("\n"));
    for (;;) {
      const answer = (await ask(prompt)).trim().toLowerCase();
      if (valid.test(answer)) return answer;
      print("  type one of the letters in brackets");
    }
  };
  for (const item of plan.entities) {
    if (item.kind === "existing") continue;
    if (stop) {
      decisions.entities.set(item.key, { action: "reject" });
      continue;
    }
    if (item.kind === "near-duplicate") {
      const max = Math.min(item.similar.length, 9);
      const answer = await choose(
        formatEntity(item),
        `  [m]erge into ${item.similar[0]!.id}${max > 1 ? ` (m1…m${max})` : ""} / [k]eep as new / [n]o / [q]uit: `,
        new RegExp(`^(m[1-${max}]?|k|n|q)$`),
      );
      if (answer === "q") stop = true;
      if (answer.startsWith("m")) {
        decisions.entities.set(item.key, {
          action: "merge",
          into: item.similar[Number(answer.slice(1) || 1) - 1]!.id,
        });
      } else decisions.entities.set(item.key, { action: answer === "k" ? "accept" : "reject" });
    } else {
      const answer = all
        ? "y"
        : await choose(formatEntity(item), "  accept? [y]es / [n]o / [a]ll remaining / [q]uit: ", /^[ynaq]$/);
      if (answer === "a") all = true;
      if (answer === "q") stop = true;
      decisions.entities.set(item.key, { action: answer === "y" || answer === "a" ? "accept" : "reject" });
    }
    const decision = decisions.entities.get(item.key);
    if (decision?.action === "accept" && item.entity.nameEn.trim() === "" && !all) {
      const name = (await ask(`  English name for ${item.entity.name} (Enter to leave it empty): `)).trim();
      if (name) decisions.names.set(item.key, name);
    }
  }
  const resolve = endpoints(plan, decisions, known);
  for (const item of plan.relations) {
    const { from, to } = item.relation;
    if (stop || resolve(from) === null || resolve(to) === null) {
      decisions.relations.set(item.key, false);
      continue;
    }
    const answer = all
      ? "y"
      : await choose(formatRelation(item), "  accept? [y]es / [n]o / [a]ll remaining / [q]uit: ", /^[ynaq]$/);
    if (answer === "a") all = true;
    if (answer === "q") stop = true;
    decisions.relations.set(item.key, answer === "y" || answer === "a");
  }
  return decisions;
}

/**
 * Where a relation endpoint ends up: a draft entity's id when it is accepted, the knowledge-base
 * id of an existing or merged one, a knowledge-base id as it is; null when it is not accepted.
 */
export function endpoints(plan: Plan, decisions: Decisions, known: ReadonlySet<string>) {
  const items = new Map<string, EntityItem>(plan.entities.map((i) => [i.entity.id, i]));
  return (id: string): string | null => {
    const item = items.get(id);
    if (!item) return known.has(id) ? id : null;
    if (item.kind === "existing") return item.target!;
    const decision = decisions.entities.get(item.key);
    if (decision?.action === "merge") return decision.into;
    return decision?.action === "accept" ? item.entity.id : null;
  };
}

export interface Accepted {
  entities: DraftEntity[];
  relations: DraftRelation[];
  dropped: Array<{ key: string; reason: string }>;
}

export function collectAccepted(plan: Plan, decisions: Decisions, known: ReadonlySet<string>): Accepted {
  const resolve = endpoints(plan, decisions, known);
  const entities = plan.entities
    .filter((i) => i.kind !== "existing" && decisions.entities.get(i.key)?.action === "accept")
    .map((i) => ({ ...i.entity, nameEn: decisions.names.get(i.key) ?? i.entity.nameEn }));
  const relations: DraftRelation[] = [];
  const dropped: Accepted["dropped"] = [];
  for (const item of plan.relations) {
    if (!decisions.relations.get(item.key)) continue;
    const from = resolve(item.relation.from);
    const to = resolve(item.relation.to);
    if (from === null || to === null) {
      const missing = [from === null ? item.relation.from : null, to === null ? item.relation.to : null];
      dropped.push({ key: item.key, reason: `${missing.filter(Boolean).join(" and ")} not accepted` });
      continue;
    }
    relations.push({ ...item.relation, from, to });
  }
  return { entities, relations, dropped };
}

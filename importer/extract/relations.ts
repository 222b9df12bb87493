/**
 * Relation candidates between candidate entities, from where their mentions stand: in one clause or
 * sentence with a cue word between them (印发 → ISSUED_BY, 位于 → LOCATED_IN, 发起/成员 → MEMBER_OF),
 * one name inside the other (浙江省科技厅 LOCATED_IN 浙江), or in a passage about something (a hub
 * ADOPTS the measures of its article); documentRelations.ts adds what the structure gives. Only
 * types and label pairs graph/model.ts allows are kept (RelationContext.add checks).
 */
import type { Label, RelationType } from "../../graph/model.ts";
import type { Mention } from "./analysis.ts";
import type { Candidate, CandidateSet } from "./candidates.ts";
import { parentPlaceOf } from "./places.ts";
import { articleRelations, establishments, newsRelations, scopeRelations } from "./documentRelations.ts";
import { headerRelations } from "./header.ts";
import {
  ACTOR,
  createContext,
  itemActor,
  type RelationCandidate,
  type RelationContext,
} from "./relationContext.ts";

export type { RelationCandidate } from "./relationContext.ts";

const SUBJECT_OF_FIGURE: readonly Label[] = [
  "Hub",
  "Region",
  "Organization",
  "Carrier",
  "Program",
  "Industry",
];
const COUNTED: readonly Label[] = ["TalentCategory", "Organization", "Carrier", "Industry"];

/** A mention and what stands around it in its sentence. */
interface Site {
  c: Candidate;
  m: Mention;
  /** Mentions of the sentence, and those before this one. */
  here: Mention[];
  before: Mention[];
  sentenceStart: number;
  sentenceText: string;
}

const quoteOf = (m: Mention): [number, number] => [m.quoteStart, m.quoteEnd];

/** Themes, instrument, stage; whom it targets; who adopts it; which policy includes it. */
function measureRelations(ctx: RelationContext, { c, m, here, before, sentenceStart }: Site) {
  const { add, cand, conf, both } = ctx;
  const q = quoteOf(m);
  const cls = c.classification;
  if (!cls) return;
  const confidence = c.confidence;
  for (const to of cls.themes)
    add({ type: "BELONGS_TO", from: c, to, quote: q, confidence, why: "classify:theme-keywords" });
  for (const to of cls.instruments) {
    add({ type: "HAS_INSTRUMENT", from: c, to, quote: q, confidence, why: "classify:instrument-keywords" });
  }
  for (const to of cls.stages)
    add({ type: "AT_STAGE", from: c, to, quote: q, confidence, why: "classify:stage-keywords" });
  // its clause, or its whole sentence when the sentence holds no other measure
  const alone = here.filter((o) => o.label === "Measure").length <= 1;
  const span = alone ? [sentenceStart, Infinity] : q;
  for (const t of here.filter(
    (o) => o.label === "TalentCategory" && o.start >= span[0]! && o.end <= span[1]!,
  )) {
    add({
      type: "TARGETS",
      from: c,
      to: cand(t),
      quote: q,
      confidence: conf(c, cand(t), 0.8),
      why: "same-clause",
    });
  }
  const item = ctx.newsOf(m);
  const subject = before.find((o) => ACTOR.includes(o.label) && o.start - sentenceStart < 12);
  const actor = subject ? cand(subject) : item ? itemActor(ctx, item.item) : ctx.currentHub[m.sentence];
  if (actor) {
    add({
      type: "ADOPTS",
      from: actor,
      to: c,
      quote: subject ? both(subject, m) : q,
      confidence: conf(c, actor, subject ? 0.75 : 0.6),
      why: subject ? "sentence-subject" : item ? "news-actor" : "section-hub",
    });
  }
  const source = [...before].reverse().find((o) => o.label === "Policy" || o.label === "Program");
  if (source) {
    const from = cand(source);
    add({
      type: "INCLUDES",
      from,
      to: c,
      quote: both(source, m),
      confidence: conf(c, from, 0.6),
      why: "same-sentence",
    });
  }
  if (item) {
    const titled = (ctx.bySentence.get(item.item.sentence) ?? []).filter(
      (o) => o.start < item.titleEnd && (o.label === "Policy" || o.label === "Program"),
    );
    for (const p of titled) {
      add({
        type: "INCLUDES",
        from: cand(p),
        to: c,
        quote: q,
        confidence: conf(c, cand(p), 0.55),
        why: "news-item",
      });
    }
  }
}

/** Who issued a document (…印发《》) and who carries it out (落实/实施…). */
function documentRelationsOf(ctx: RelationContext, { c, m, before, sentenceStart }: Site) {
  const { add, cand, conf, both, set } = ctx;
  const norm = set.analysis.view.norm;
  const issuer = /(印发|出台|制定|发布|审议通过|签署|批复同意|颁布)/u.exec(
    norm.slice(sentenceStart, m.start),
  );
  if (issuer) {
    const verbAt = sentenceStart + issuer.index;
    const bodies = before.filter(
      (x) => x.end <= verbAt && (x.label === "Organization" || x.label === "Region"),
    );
    for (const o of bodies) {
      // 浙江省政府 issues, not the 浙江 inside its name
      if (
        o.label === "Region" &&
        bodies.some((x) => x.label === "Organization" && x.start <= o.start && x.end >= o.end)
      )
        continue;
      add({
        type: "ISSUED_BY",
        from: c,
        to: cand(o),
        quote: both(o, m),
        confidence: conf(c, cand(o), 0.7),
        why: "issuing-verb",
      });
    }
  }
  if (!/(落实|实施|执行|贯彻|推进)$/u.test(norm.slice(Math.max(sentenceStart, m.start - 4), m.start))) return;
  const actor = before.find((o) => ACTOR.includes(o.label) && o.start - sentenceStart < 12);
  const hub = actor ? cand(actor) : ctx.currentHub[m.sentence];
  if (hub) {
    const quote = actor ? both(actor, m) : quoteOf(m);
    add({
      type: "IMPLEMENTS",
      from: hub,
      to: c,
      quote,
      confidence: conf(c, hub, 0.6),
      why: "implementing-verb",
    });
  }
}

/** Whose figure it is (the subject before it, the news item's actor, the passage's hub) and what it counts. */
function statisticRelations(ctx: RelationContext, { c, m, here, before }: Site) {
  const { add, cand, conf, both } = ctx;
  const subject = [...before].reverse().find((o) => SUBJECT_OF_FIGURE.includes(o.label));
  const item = ctx.newsOf(m);
  const owner = subject ? cand(subject) : item ? itemActor(ctx, item.item) : ctx.currentHub[m.sentence];
  if (owner) {
    add({
      type: "HAS_STATISTIC",
      from: owner,
      to: c,
      quote: subject ? both(subject, m) : quoteOf(m),
      confidence: conf(c, owner, subject ? 0.6 : 0.5),
      why: subject ? "preceding-subject" : "section-hub",
    });
  }
  // what it counts: the categories, bodies, carriers or industries of its clause (a listed group
  // for "N 大…" counts)
  const counted = here.filter(
    (o) => o !== m && o.start >= m.quoteStart && o.end <= m.quoteEnd && COUNTED.includes(o.label),
  );
  for (const o of counted.slice(0, 8)) {
    add({
      type: "CONCERNS",
      from: c,
      to: cand(o),
      quote: quoteOf(m),
      confidence: conf(c, cand(o), 0.5),
      why: "same-clause",
    });
  }
}

/** Places: a place at the start of a name, "X 位于 Y", a district right after its city. */
function placeRelations(ctx: RelationContext, { c, m, here, before }: Site) {
  const { add, cand, conf, both, set } = ctx;
  if (["Organization", "Carrier", "Alliance", "Policy", "Program"].includes(c.label)) {
    // 浙江省科技厅 → 浙江, 前海博士后科研工作站 → 前海
    const inside = here.find(
      (o) => o.start === m.start && o.end < m.end && (o.label === "Region" || o.label === "Hub"),
    );
    if (inside) {
      const type: RelationType = c.label === "Policy" || c.label === "Program" ? "ISSUED_BY" : "LOCATED_IN";
      add({
        type,
        from: c,
        to: cand(inside),
        quote: quoteOf(m),
        confidence: conf(c, cand(inside), 0.65),
        why: "name-prefix",
      });
    }
  }
  if (["Hub", "Organization", "Carrier", "Alliance"].includes(c.label)) {
    if (/^(位于|地处|坐落)/u.test(set.analysis.view.norm.slice(m.end, m.end + 3))) {
      const near = here.filter(
        (o) => o.start > m.end && o.start - m.end < 20 && (o.label === "Region" || o.label === "Hub"),
      );
      const place = near.at(-1);
      if (place) {
        add({
          type: "LOCATED_IN",
          from: c,
          to: cand(place),
          quote: both(m, place),
          confidence: conf(c, cand(place), 0.75),
          why: "located-verb",
        });
      }
    }
  }
  if (c.label === "Region") {
    // 上海市浦东新区
    const outer = [...before].reverse().find((o) => o.label === "Region" && o.end === m.start);
    if (outer) {
      add({
        type: "PART_OF",
        from: c,
        to: cand(outer),
        quote: both(outer, m),
        confidence: conf(c, cand(outer), 0.7),
        why: "place-in-place",
      });
      return;
    }
    // 萧山区 … 杭州: a division and the one GB/T 2260 puts it in, both named in the sentence
    const parent = parentPlaceOf(c.name);
    const inParent = parent
      ? here.find((o) => o.label === "Region" && o !== m && cand(o).name === parent)
      : undefined;
    if (inParent) {
      add({
        type: "PART_OF",
        from: c,
        to: cand(inParent),
        quote: both(m, inParent),
        confidence: conf(c, cand(inParent), 0.6),
        why: "place-in-division",
      });
    }
  }
}

/** Carriers, alliances, traits, positionings, industries and programme-defined categories. */
function groupRelations(ctx: RelationContext, site: Site, section: string) {
  const { c, m, here, before, sentenceText, sentenceStart } = site;
  const { add, cand, conf, both, set } = ctx;
  const hub = ctx.currentHub[m.sentence];
  const hubSection = ctx.hubOfSection.get(section);
  if (c.label === "Carrier" && hub && hubSection) {
    add({
      type: "HAS_CARRIER",
      from: hub,
      to: c,
      quote: quoteOf(m),
      confidence: conf(c, null, 0.5),
      why: "section-hub",
    });
  }
  if (c.label === "Alliance") {
    if (/(发起|组建|成员|加入|共同|组成|构成)/u.test(sentenceText)) {
      for (const o of here.filter((x) => x.label === "Organization")) {
        add({
          type: "MEMBER_OF",
          from: cand(o),
          to: c,
          quote: both(o, m),
          confidence: conf(c, cand(o), 0.55),
          why: "membership-cue",
        });
      }
    }
    const founded = /(发起成立|成立|组建|设立)$/u.test(
      set.analysis.view.norm.slice(Math.max(sentenceStart, m.start - 4), m.start),
    );
    const actor = before.find((o) => ACTOR.includes(o.label));
    if (founded && actor) {
      add({
        type: "ESTABLISHES",
        from: cand(actor),
        to: c,
        quote: both(actor, m),
        confidence: conf(c, cand(actor), 0.6),
        why: "founding-verb",
      });
    }
  }
  if ((c.label === "Trait" || c.label === "Positioning" || c.label === "Industry") && hub) {
    const named = [...before].reverse().find((o) => o.label === "Hub");
    const owner = named ? cand(named) : hub;
    const type: RelationType =
      c.label === "Trait" ? "HAS_TRAIT" : c.label === "Positioning" ? "HAS_POSITIONING" : "FOCUSES_ON";
    if (c.label !== "Industry" || named || hubSection) {
      const quote = named ? both(named, m) : quoteOf(m);
      add({
        type,
        from: owner,
        to: c,
        quote,
        confidence: conf(c, owner, 0.55),
        why: named ? "same-sentence" : "section-hub",
      });
    }
  }
  if (["Measure", "Carrier", "Organization", "Program", "Policy", "Alliance"].includes(c.label)) {
    for (const o of here.filter(
      (x) => x.label === "Industry" && x.start >= m.quoteStart && x.end <= m.quoteEnd,
    )) {
      add({
        type: "FOCUSES_ON",
        from: c,
        to: cand(o),
        quote: both(m, o),
        confidence: conf(c, cand(o), 0.5),
        why: "same-clause",
      });
    }
  }
  if (c.label === "TalentCategory") {
    // 国家“千人计划”专家 is recognised by 国家“千人计划”
    const program = here.find((o) => o.label === "Program" && o.start >= m.start && o.end <= m.end);
    if (program) {
      add({
        type: "RECOGNIZED_BY",
        from: c,
        to: cand(program),
        quote: quoteOf(m),
        confidence: conf(c, cand(program), 0.7),
        why: "name-contains-programme",
      });
    }
  }
}

/**
 * A person named with a post in a body (腾讯公司董事长马化腾, 浙江大学校长吴朝晖): the body right before
 * the post, nothing between them; in a row of a list, the body in the field after the name.
 */
function personRelations(ctx: RelationContext, { c, m, here, before }: Site) {
  const text = ctx.set.analysis.view.norm;
  const role = c.props.role;
  if (typeof role !== "string") {
    // a row of a list: the person's body in the next field (张伟 浙江大学 教授)
    const next = here.find((o) => o.label === "Organization" && o.start === m.end + 1);
    if (next && text[m.end] === " ")
      ctx.add({
        type: "AFFILIATED_WITH",
        from: c,
        to: ctx.cand(next),
        quote: ctx.both(m, next),
        confidence: ctx.conf(c, ctx.cand(next), 0.6),
        why: "list-row",
      });
    return;
  }
  const body = [...before].reverse().find((o) => o.label === "Organization");
  if (!body || text.slice(body.end, m.start) !== role) return;
  ctx.add({
    type: "AFFILIATED_WITH",
    from: c,
    to: ctx.cand(body),
    props: { role },
    quote: ctx.both(body, m),
    confidence: ctx.conf(c, ctx.cand(body), 0.7),
    why: "post-in-body",
  });
}

export function findRelations(set: CandidateSet): RelationCandidate[] {
  const ctx = createContext(set);
  const { view } = set.analysis;
  for (const c of set.candidates) {
    for (const m of c.mentions) {
      const here = ctx.bySentence.get(m.sentence) ?? [];
      const sentence = view.sentences[m.sentence]!;
      const site: Site = {
        c,
        m,
        here,
        before: here.filter((o) => o.end <= m.start),
        sentenceStart: sentence.start,
        sentenceText: sentence.text,
      };
      if (c.label === "Measure") measureRelations(ctx, site);
      if (c.label === "Policy" || c.label === "Program") documentRelationsOf(ctx, site);
      if (c.label === "Statistic") statisticRelations(ctx, site);
      placeRelations(ctx, site);
      groupRelations(ctx, site, sentence.section);
      if (c.label === "Person") personRelations(ctx, site);
    }
  }
  scopeRelations(ctx);
  headerRelations(ctx, set.headerMentions);
  establishments(ctx);
  newsRelations(ctx);
  articleRelations(ctx);
  return ctx.relations();
}

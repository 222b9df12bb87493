/**
 * Relations the document's structure gives: a policy heading INCLUDES the measures under it; "X、Y
 * 共同建立 Z" ESTABLISHES; a news item REPORTS what its title names and MENTIONS the rest; an article
 * is PART_OF the issue, DESCRIBES its hub and is AUTHORED_BY the person its last line names.
 */
import { RELATION_TYPES, type Label } from "../../graph/model.ts";
import type { Mention } from "./analysis.ts";
import type { Candidate } from "./candidates.ts";
import { isAuthorLine } from "./documents.ts";
import { ACTOR, itemActor, type RelationContext } from "./relationContext.ts";

export function scopeRelations(ctx: RelationContext) {
  const { set, add, conf } = ctx;
  for (const scope of set.scopes) {
    const policy = set.of.get(scope.policy);
    if (!policy) continue;
    const parent = scope.parent && set.of.get(scope.parent);
    const q: [number, number] = [scope.policy.quoteStart, scope.policy.quoteEnd];
    if (parent)
      add({ type: "PART_OF", from: policy, to: parent, quote: q, confidence: 0.5, why: "sub-heading" });
    for (const c of set.candidates) {
      if (c.label !== "Measure") continue;
      const x = c.mentions.find((y) => y.start >= scope.start && y.start < scope.end);
      if (!x) continue;
      add({
        type: "INCLUDES",
        from: policy,
        to: c,
        quote: [x.quoteStart, x.quoteEnd],
        confidence: conf(c, policy, 0.6),
        why: "under-heading",
      });
    }
  }
}

const ESTABLISHING = /(建设|打造|设立|建立|成立|组建|共建|发起成立|创建)/gu;
const ESTABLISHED: readonly Label[] = ["Carrier", "Alliance", "Organization", "Program"];

/** "X、Y 共同建立 Z": the bodies before an establishing verb establish what its clause names after it. */
export function establishments(ctx: RelationContext) {
  const { set, add, bySentence, cand } = ctx;
  set.analysis.view.sentences.forEach((sentence, s) => {
    const here = bySentence.get(s) ?? [];
    for (const v of sentence.text.matchAll(ESTABLISHING)) {
      const at = sentence.start + v.index;
      const rest = sentence.text.slice(v.index).search(/[，。；]/u);
      const clauseEnd = rest < 0 ? sentence.end : at + rest;
      const subjects = here.filter((o) => o.end <= at && ACTOR.includes(o.label)).slice(-4);
      const objects = here.filter(
        (o) => o.start >= at && o.start < clauseEnd && ESTABLISHED.includes(o.label),
      );
      for (const subject of subjects) {
        for (const object of objects) {
          if (subject.start <= object.start && object.end <= subject.end) continue;
          add({
            type: "ESTABLISHES",
            from: cand(subject),
            to: cand(object),
            quote: [Math.min(subject.quoteStart, subject.start), Math.max(object.quoteEnd, object.end)],
            confidence: 0.45,
            why: "establishing-verb",
          });
        }
      }
    }
  });
}

export function newsRelations(ctx: RelationContext) {
  const { set, add, bySentence, cand } = ctx;
  const reportable: readonly Label[] = RELATION_TYPES.REPORTS.to;
  for (const n of set.news) {
    const item = set.of.get(n.item);
    if (!item) continue;
    const inside = [...bySentence.values()]
      .flat()
      .filter((m) => m.start >= n.start && m.end <= n.end && m !== n.item);
    const place = inside.find((m) => m.start < n.titleEnd && m.label === "Region");
    const actor = place ? cand(place) : itemActor(ctx, n.item);
    for (const m of inside) {
      const c = cand(m);
      if (c.label === "Statistic" || c.label === "NewsItem") continue;
      const inTitle = m.start < n.titleEnd;
      const quote: [number, number] = [m.quoteStart, m.quoteEnd];
      if (actor && (c.label === "Policy" || c.label === "Program")) {
        add({ type: "IMPLEMENTS", from: actor, to: c, quote, confidence: 0.45, why: "news-actor" });
      }
      const reports = reportable.includes(c.label) && (inTitle || c.label === "Measure");
      add({
        type: reports ? "REPORTS" : "MENTIONS",
        from: item,
        to: c,
        quote,
        confidence: Number((Math.min(c.confidence, 0.8) * (inTitle ? 0.9 : 0.7)).toFixed(2)),
        why: inTitle ? "news-title" : "news-body",
      });
    }
  }
}

export function articleRelations(ctx: RelationContext) {
  const { set, add, bySentence, cand, hubOfSection } = ctx;
  const { view } = set.analysis;
  const issue = set.candidates.find(
    (c) =>
      c.label === "Publication" &&
      c.mentions.some((m) => /本期|本刊/u.test(view.norm.slice(m.start - 3, m.start))),
  );
  for (const article of set.candidates.filter((c) => c.label === "Article")) {
    const m = article.mentions[0]!;
    const section = view.sentences[m.sentence]!.section;
    const q: [number, number] = [m.quoteStart, m.quoteEnd];
    if (issue)
      add({ type: "PART_OF", from: article, to: issue, quote: q, confidence: 0.6, why: "section-of-issue" });
    if (article.props.kind === "digest") {
      for (const n of set.news) {
        const item = set.of.get(n.item);
        if (!item || view.sentences[n.item.sentence]!.section !== section) continue;
        const quote: [number, number] = [n.item.quoteStart, n.item.quoteEnd];
        add({ type: "MENTIONS", from: article, to: item, quote, confidence: 0.6, why: "digest-item" });
      }
    }
    const hub = hubOfSection.get(section);
    if (hub)
      add({ type: "DESCRIBES", from: article, to: hub, quote: q, confidence: 0.7, why: "section-subject" });
    view.sentences.forEach((sentence, s) => {
      if (sentence.section !== section) return;
      const here = bySentence.get(s) ?? [];
      if (!hub) {
        for (const h of here.filter((x) => x.label === "Hub")) {
          const quote: [number, number] = [h.quoteStart, h.quoteEnd];
          add({ type: "DESCRIBES", from: article, to: cand(h), quote, confidence: 0.5, why: "hub-named" });
        }
      }
      if (isAuthorLine(sentence.text))
        authorRelations(ctx, article, here, [sentence.start, sentence.end], issue);
    });
  }
}

/** "本文由 ORG 研究助理 PERSON 整理": who wrote the article, where they work, who publishes the issue. */
function authorRelations(
  ctx: RelationContext,
  article: Candidate,
  here: readonly Mention[],
  quote: [number, number],
  issue: Candidate | undefined,
) {
  const { add, cand } = ctx;
  const person = here.find((x) => x.label === "Person");
  const org = here.find((x) => x.label === "Organization");
  if (person) {
    add({
      type: "AUTHORED_BY",
      from: article,
      to: cand(person),
      props: { role: "整理" },
      quote,
      confidence: 0.75,
      why: "author-line",
    });
  }
  if (person && org) {
    const role = cand(person).props.role;
    add({
      type: "AFFILIATED_WITH",
      from: cand(person),
      to: cand(org),
      ...(typeof role === "string" ? { props: { role } } : {}),
      quote,
      confidence: 0.7,
      why: "author-line",
    });
  }
  if (issue && org)
    add({ type: "PUBLISHED_BY", from: issue, to: cand(org), quote, confidence: 0.4, why: "author-line" });
}

/**
 * HanLP's reading of a document used as a signal on the rules' mentions, not as an oracle (on its own
 * it reads 万余人 and 于是便 as persons): an organisation read from its head word is kept, and
 * trusted more, when HanLP tags the span as an organisation, and dropped when HanLP reads a clause
 * inside it (a class word after a copula or a verb: 产业技术创新联盟是企业); a person is trusted
 * more when HanLP tags the same span as a person's name (HanLP's cut of names is too noisy to drop
 * one on); the companies, universities, schools and hospitals of HanLP's dictionaries that the
 * organisation lexicon accepts (orgLexicon.ts: no ordinary-word reading) become organisations.
 */
import { mention, type Analysis, type Mention } from "./analysis.ts";
import type { HanlpSpan } from "./hanlp.ts";
import { NATURE_KIND, type OrgWord } from "./orgLexicon.ts";

/** A copula or 有 makes a clause of any words (…联盟是企业). */
const COPULA = /^(vshi|vyou)$/u;
/**
 * Other verbs make a clause unless they stand right before the head word (专营机构, 促进中心 are
 * nouns); a verb used as a noun (vn) never does.
 */
const CLAUSE_VERB = /^(v|vf|vx)$/u;
const PERSON = /^nr[fj]?$/u;

/** HanLP's words, sorted by start, with a lookup of those inside or across a span. */
class SpanIndex {
  private readonly spans: readonly HanlpSpan[];
  constructor(spans: readonly HanlpSpan[]) {
    this.spans = [...spans].sort((a, b) => a.start - b.start);
  }
  /** The first word ending after `at`. */
  private from(at: number): number {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid]!.end <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  /** The words that overlap [start, end). */
  overlapping(start: number, end: number): HanlpSpan[] {
    const out: HanlpSpan[] = [];
    for (let i = this.from(start); i < this.spans.length && this.spans[i]!.start < end; i++)
      out.push(this.spans[i]!);
    return out;
  }
}

export interface SignalStats {
  confirmed: number;
  dropped: number;
  added: number;
}

/** The mentions adjusted by HanLP's reading, and HanLP's known organisations added as mentions. */
export function applyHanlpSignal(
  analysis: Analysis,
  mentions: readonly Mention[],
  spans: readonly HanlpSpan[],
  lexicon: ReadonlyMap<string, OrgWord>,
  stats: SignalStats = { confirmed: 0, dropped: 0, added: 0 },
): Mention[] {
  const index = new SpanIndex(spans);
  const out: Mention[] = [];
  for (const m of mentions) {
    const words = index.overlapping(m.start, m.end);
    if (m.label === "Organization" && m.rule.startsWith("head:")) {
      // HanLP's organisation word (or the run of its words) ending where the name ends
      const tagged = words.some(
        (w) => w.nature.startsWith("nt") && w.end === m.end && w.start <= m.start + 1,
      );
      if (tagged) {
        stats.confirmed++;
        out.push({ ...m, confidence: Math.min(0.95, m.confidence + 0.1) });
        continue;
      }
      const inner = words.filter((w) => w.start >= m.start && w.end < m.end);
      const head = words.at(-1);
      const clause = inner.some(
        (w) => COPULA.test(w.nature) || (CLAUSE_VERB.test(w.nature) && w.end !== head?.start),
      );
      if (clause) {
        stats.dropped++;
        continue;
      }
    }
    if (m.label === "Person") {
      const exact = words.some((w) => w.start === m.start && w.end === m.end && PERSON.test(w.nature));
      if (exact) {
        stats.confirmed++;
        out.push({ ...m, confidence: Math.min(0.95, m.confidence + 0.1) });
        continue;
      }
    }
    out.push(m);
  }
  // the organisations HanLP's dictionaries know, where no rule read an organisation
  const orgs = out.filter((m) => m.label === "Organization");
  for (const w of spans) {
    // (a company, a school or a hospital: nto, a government body, is too loose a tag to add one)
    const kind = w.nature === "nto" ? undefined : NATURE_KIND[w.nature];
    if (!kind || !lexicon.has(w.word)) continue;
    if (orgs.some((m) => m.start < w.end && w.start < m.end)) continue;
    const s = analysis.view.sentences.findIndex(
      (x) => x.start <= w.start && w.end <= x.start + x.text.length,
    );
    if (s < 0) continue;
    stats.added++;
    out.push(
      mention(analysis, s, {
        label: "Organization",
        name: w.word,
        start: w.start,
        end: w.end,
        props: { kind },
        rule: `hanlp:${w.nature}`,
        confidence: 0.5,
      }),
    );
  }
  return out;
}

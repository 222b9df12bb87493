/**
 * Dated news items, as digests print them: a title on its own, then "【2020-07-06】body…", then
 * "相关链接：URL". Each item is a NewsItem named by its title, with its date and link.
 */
import { mention, type Analysis, type Mention } from "./analysis.ts";

export interface NewsSpan {
  /** Index of the NewsItem mention in the returned list. */
  item: Mention;
  /** Normalised-text span of the whole item: title, body and link. */
  start: number;
  end: number;
  titleEnd: number;
}

const DATE = /【((?:19|20)\d{2})-(\d{2})-(\d{2})】/gu;
const LINK = /(?:相关链接|原文链接|链接|来源)[：:](https?:\/\/[\x21-\x7e]+)/u;

export function newsItems(analysis: Analysis): NewsSpan[] {
  const { view } = analysis;
  const items: NewsSpan[] = [];
  const dates = [...view.norm.matchAll(DATE)];
  dates.forEach((d, k) => {
    const at = d.index;
    // the title: the sentences right before the date, back to the previous item or a heading block
    const s = view.sentences.findIndex((x) => x.end === at);
    if (s < 0) return;
    let first = s;
    const previousEnd = k > 0 ? dates[k - 1]!.index : 0;
    while (
      first > 0 &&
      view.sentences[first - 1]!.end > previousEnd &&
      view.sentences[first - 1]!.section === view.sentences[s]!.section &&
      !LINK.test(view.sentences[first - 1]!.text) &&
      !/[。！？]$/u.test(view.sentences[first - 1]!.text) &&
      !view.sentences[first - 1]!.heading &&
      s - first < 2
    ) {
      first--;
    }
    const titleStart = view.sentences[first]!.start;
    const title = view.norm.slice(titleStart, at);
    if (title.length < 4 || title.length > 150 || LINK.test(title)) return;
    const nextDate = dates[k + 1]?.index ?? view.norm.length;
    const body = view.norm.slice(at, nextDate);
    const link = LINK.exec(body);
    const end = link ? at + link.index + link[0].length : Math.min(nextDate, at + body.length);
    const props: Record<string, unknown> = { date: `${d[1]}-${d[2]}-${d[3]}` };
    if (link) props.url = link[1];
    const item = mention(analysis, first, {
      label: "NewsItem",
      name: title,
      start: titleStart,
      end: at + d[0].length,
      quoteStart: titleStart,
      quoteEnd: at + d[0].length,
      props,
      rule: "news:dated-item",
      confidence: 0.9,
    });
    items.push({ item, start: titleStart, end, titleEnd: at });
  });
  return items;
}

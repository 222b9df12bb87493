/**
 * The printable report of the comparison: a standalone HTML file (no script, its own print styles)
 * with the summary of what the hubs share and what is unique, what Zhejiang could adopt, every table,
 * and every claim cited — a numbered note with the verbatim quote, its source section and line.
 * All text is escaped; nothing from the data becomes markup.
 */
import type { EntityNode } from "../data/types.ts";
import type { Lang } from "../i18n.ts";
import type { Patterns } from "./analysis.ts";
import { bothNames, propText, type Table } from "./common.tsx";
import { allTables, termOf, type TermRow } from "./tables.ts";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Measures shown per hub under one term in the report (the tables hold all counts). */
const PER_HUB = 3;

class Citations {
  readonly notes: string[] = [];
  private readonly index = new Map<string, number>();

  /** The note number of an entity's first quote (one note per quote, reused). */
  cite(entity: EntityNode): string {
    const evidence = entity.evidence[0];
    if (!evidence) return "";
    const key = `${evidence.source}:${evidence.start}`;
    let n = this.index.get(key);
    if (n === undefined) {
      this.notes.push(
        `“${escapeHtml(evidence.quote)}” — ${escapeHtml(evidence.source)} · ${escapeHtml(evidence.section)} · line ${evidence.line}`,
      );
      n = this.notes.length;
      this.index.set(key, n);
    }
    return `<sup><a href="#note-${n}">[${n}]</a></sup>`;
  }
}

function tableHtml(table: Table): string {
  const head = table.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join("");
  const body = table.rows
    .map((row) => `<tr>${row.map((v) => `<td>${escapeHtml(String(v))}</td>`).join("")}</tr>`)
    .join("\n");
  return `<section class="table"><h3>${escapeHtml(table.title)}</h3><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></section>`;
}

/** `fontCss`: @font-face rules for the CJK web font (see fontFaceCss), so Chinese shows without a system font. */
export function buildReport(
  patterns: Patterns,
  lang: Lang,
  options: { generated?: Date; fontCss?: string } = {},
): string {
  const generated = options.generated ?? new Date();
  // A rule cannot close the style element: "</" is only ever written escaped.
  const fontCss = (options.fontCss ?? "").replaceAll("</", "<\\/");
  const zh = lang === "zh";
  const say = (chinese: string, english: string) => escapeHtml(zh ? chinese : english);
  const citations = new Citations();
  const hubName = (id: string) => escapeHtml(bothNames(patterns.nodes.get(id)!));
  const allHubs = patterns.hubs.length;

  /** A term with, per hub, a few of its measures and their citations (and what follows, e.g. news). */
  const term = (
    row: Pick<TermRow, "hubIds" | "byHub">,
    t: Pick<EntityNode, "name" | "nameEn">,
    after = "",
  ) => {
    const perHub = row.hubIds
      .map((hubId) => {
        const ids = row.byHub[hubId]!;
        const items = ids
          .slice(0, PER_HUB)
          .map((id) => patterns.nodes.get(id)!)
          .map((e) => `${escapeHtml(e.name)}${citations.cite(e)}`)
          .join("；");
        const more = ids.length > PER_HUB ? ` … (+${ids.length - PER_HUB})` : "";
        return `<li><b>${hubName(hubId)}</b> (${ids.length}): ${items}${more}</li>`;
      })
      .join("");
    return `<li><b>${escapeHtml(bothNames(t))}</b><ul>${perHub}</ul>${after}</li>`;
  };
  const group = (title: string, rows: TermRow[]) =>
    `<h4>${title} (${rows.length})</h4>${rows.length ? `<ul>${rows.map((r) => term(r, termOf(r))).join("")}</ul>` : "<p>—</p>"}`;

  const dimensions: [string, TermRow[]][] = [
    [say("政策主题", "Policy themes"), patterns.themes],
    [say("人才类别", "Talent categories"), patterns.categories],
    [say("载体类型", "Carrier kinds"), patterns.carrierKinds],
  ];
  const sharedSections = dimensions
    .map(([title, rows]) => {
      const present = rows.filter((r) => r.hubCount > 0);
      const all = present.filter((r) => r.hubCount === allHubs);
      const unique = patterns.hubs.map((h) =>
        group(
          `${say("仅", "Only at ")}${hubName(h.id)}`,
          present.filter((r) => r.hubCount === 1 && r.hubIds[0] === h.id),
        ),
      );
      return `<section><h3>${title}</h3>${group(say("各地共有", "Shared by all hubs"), all)}${unique.join("")}</section>`;
    })
    .join("\n");

  const gaps = patterns.zhejiang.rows
    .filter((r) => r.coverage === "hubs only")
    .sort((a, b) => b.hubCount - a.hubCount);
  const both = patterns.zhejiang.rows.filter((r) => r.coverage === "both");
  const lensTerm = (r: (typeof gaps)[number], withNews: boolean) => {
    const news = withNews
      ? r.news
          .slice(0, PER_HUB)
          .map((n) => patterns.nodes.get(n.newsId)!)
          .map((e) => `${escapeHtml(e.name)}${citations.cite(e)}`)
          .join("；")
      : "";
    return term(r, r.theme, news ? `<p>${say("浙江资讯", "Zhejiang news")}: ${news}</p>` : "");
  };

  const similarity = patterns.similarity
    .map(
      (s) =>
        `<li>${hubName(s.hubA)} ↔ ${hubName(s.hubB)}: ${say("主题", "themes")} ${s.themes.ratio} = ${s.themes.rounded}, ${say("人才类别", "categories")} ${s.categories.ratio} = ${s.categories.rounded}, ${say("载体类型", "carrier kinds")} ${s.carrierKinds.ratio} = ${s.carrierKinds.rounded}</li>`,
    )
    .join("");

  const supportWord = (support: string) =>
    ({
      supported: say("有证据", "supported"),
      partly: say("部分有证据", "partly"),
      "not found": say("未见证据", "not found"),
    })[support] ?? support;
  const claims = patterns.claims
    .map((c) => {
      const perHub = c.hubs
        .filter((h) => h.claimed)
        .map((h) => {
          const behind = [...new Set(h.backing.flatMap((b) => b.ids))].slice(0, PER_HUB);
          const cites = behind.map((id) => citations.cite(patterns.nodes.get(id)!)).join("");
          return `${hubName(h.hubId)} ${supportWord(h.support)}${cites}`;
        })
        .join("；");
      const gap =
        c.gaps.length > 0
          ? ` <strong>${say("论断与证据不符", "claim exceeds the evidence")}: ${c.gaps.map(hubName).join("、")}</strong>`
          : "";
      return `<li>${escapeHtml(zh ? c.claim.name : c.claim.nameEn || c.claim.name)}${citations.cite(c.claim)} — ${perHub}${gap}</li>`;
    })
    .join("");

  const statistics = patterns.statistics
    .filter((r) => r.reason === null)
    .map((r) => {
      const s = r.statistic;
      return `<li>${escapeHtml(r.topic)} · ${hubName(r.hubId)}: ${escapeHtml(`${propText(s.props.value)}${propText(s.props.unit)}`)}${citations.cite(s)}</li>`;
    })
    .join("");

  const gapsHtml = gaps.map((r) => lensTerm(r, false)).join("");
  const bothHtml = both.map((r) => lensTerm(r, true)).join("");
  const tables = allTables(patterns, lang).map(tableHtml).join("\n");
  // Last: every citation above has registered its note.
  const notes = citations.notes.map((n, i) => `<li id="note-${i + 1}">${n}</li>`).join("\n");

  return `<!doctype html>
<html lang="${zh ? "zh-CN" : "en"}">
<head>
<meta charset="utf-8">
<title>${say("科创中心人才政策共同模式报告", "Shared talent-policy patterns of the hubs")}</title>
<style>
${fontCss}
body { font-family: "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 2em auto; max-width: 60em; color: #1d2433; line-height: 1.55; }
h1 { font-size: 1.6em; } h2 { border-bottom: 1px solid #ccc; margin-top: 2em; }
table { border-collapse: collapse; font-size: 0.85em; margin: 0.5em 0 1.5em; }
th, td { border: 1px solid #ccc; padding: 2px 6px; text-align: left; }
sup a { text-decoration: none; }
ol.notes { font-size: 0.85em; }
@media print { a { color: inherit; } section.table { break-inside: avoid; } }
</style>
</head>
<body>
<h1>${say("科创中心人才政策共同模式报告", "Shared talent-policy patterns of the hubs")}</h1>
<p>${say("科创中心", "Hubs")}: ${patterns.hubs.map((h) => hubName(h.id)).join("、")} · ${say("生成于", "generated")} ${escapeHtml(generated.toISOString().slice(0, 10))} · ${say("每条结论均附原文引文（见文末注释）。", "Every claim cites the source (see the notes at the end).")}</p>
<h2>${say("论断与证据", "Claims against the evidence")}</h2>
<p>${say("卷首语的概括性论断与各中心自身章节所示证据的对照。", "The editorial's synthesising claims against what each hub's own article shows.")}</p>
<ul>${claims}</ul>
<h2>${say("共有与独有", "Shared and unique")}</h2>
${sharedSections}
<h2>${say("浙江可借鉴之处", "What Zhejiang could adopt")}</h2>
<h3>${say("科创中心已有、浙江资讯尚未涉及的主题", "Hub themes the Zhejiang news does not touch yet")} (${gaps.length})</h3>
<ul>${gapsHtml}</ul>
<h3>${say("科创中心与浙江均已涉及的主题", "Themes present in the hubs and in Zhejiang")} (${both.length})</h3>
<ul>${bothHtml}</ul>
<h2>${say("相似度", "Similarity")}</h2>
<ul>${similarity}</ul>
<h2>${say("可比的统计数据", "Comparable figures")}</h2>
<ul>${statistics}</ul>
<h2>${say("表格", "Tables")}</h2>
${tables}
<h2>${say("注释（原文引文）", "Notes (quotes from the source)")}</h2>
<ol class="notes">
${notes}
</ol>
</body>
</html>
`;
}

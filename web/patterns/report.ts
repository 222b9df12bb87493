/**
 * The report of the comparison: one self-contained HTML file (no script, no request: the font comes
 * in as @font-face rules with data: URLs, the charts as inline SVG) with a summary written from the
 * analyses — what all hubs share, what is distinctive for each and whether text length explains it,
 * which of the editorial's claims the evidence supports — then the charts, the fair tables, the
 * claims, the shared and unique terms, the regional lens, the similarity and the comparable figures.
 * Every number links to the group of entities behind it, and every entity to its verbatim quote
 * with source, section and line (the notes at the end). Headings come from the data.
 *
 * All text is escaped; nothing from the data becomes markup. The charts are React components
 * rendered to static markup, which escapes their text too.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { EntityNode } from "../data/types.ts";
import { translate, type Lang, type StringKey } from "../i18n.ts";
import type { Patterns } from "./analysis.ts";
import { GroupedBars, VerdictGrid } from "./charts.tsx";
import { bothNames, propText, type Table } from "./common.tsx";
import { fairTable, formatP, formatValue, pText, type FairTable } from "./fair.ts";
import { medianOf, patternNetwork, rankBy } from "./network.ts";
import { allTables, termOf, type TermRow } from "./tables.ts";
import type { SharedTerm } from "./terms.ts";
import { UpSet } from "./UpSet.tsx";
import { upsetData } from "./upset.ts";

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

/** Entities shown per hub under one term in the lists (every one is in the linked group). */
const PER_HUB = 3;

/** The notes: one per quote, numbered in order of first citation. */
class Citations {
  readonly notes: string[] = [];
  private readonly index = new Map<string, number>();

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

/** Groups of entities behind a number; a number links to its group, the group to the notes. */
class Groups {
  private readonly groups: { title: string; ids: string[] }[] = [];
  private readonly index = new Map<string, number>();

  /** `value` as a link to the group of `ids` (plain when there are none). */
  link(value: string | number, ids: readonly string[], title: string): string {
    const text = escapeHtml(String(value));
    if (ids.length === 0) return text;
    const key = `${title}\u0000${ids.join("\u0000")}`;
    let n = this.index.get(key);
    if (n === undefined) {
      this.groups.push({ title, ids: [...ids] });
      n = this.groups.length;
      this.index.set(key, n);
    }
    return `<a class="num" href="#g-${n}">${text}</a>`;
  }

  html(nodes: ReadonlyMap<string, EntityNode>, citations: Citations): string {
    return this.groups
      .map((g, i) => {
        const items = g.ids
          .map((id) => nodes.get(id))
          .filter((e): e is EntityNode => e !== undefined)
          .map((e) => `${escapeHtml(e.name)}${citations.cite(e)}`)
          .join("；");
        return `<li id="g-${i + 1}"><b>${escapeHtml(g.title)}</b> (${g.ids.length}): ${items}</li>`;
      })
      .join("\n");
  }
}

export interface ReportOptions {
  generated?: Date;
  /** @font-face rules for the CJK font (data: URLs for a file that travels). */
  fontCss?: string;
  /** Names of the data files written beside the report, listed in it. */
  dataFiles?: readonly string[];
}

const svg = (element: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(element);

export function buildReport(patterns: Patterns, lang: Lang, options: ReportOptions = {}): string {
  const generated = options.generated ?? new Date();
  // A rule cannot close the style element: "</" is only ever written escaped.
  const fontCss = (options.fontCss ?? "").replaceAll("</", "<\\/");
  const zh = lang === "zh";
  const say = (chinese: string, english: string) => escapeHtml(zh ? chinese : english);
  const p = (key: StringKey) => escapeHtml(translate(lang, key));
  const citations = new Citations();
  const groups = new Groups();
  const node = (id: string) => patterns.nodes.get(id)!;
  const plainName = (e: Pick<EntityNode, "name" | "nameEn">) => (!zh && e.nameEn ? e.nameEn : e.name);
  const name = (e: Pick<EntityNode, "name" | "nameEn">) => escapeHtml(plainName(e));
  const hubName = (id: string) => escapeHtml(bothNames(node(id)));
  const hubShort = (id: string) => plainName(node(id));
  const list = (items: string[]) => items.join(zh ? "、" : ", ");
  const hubs = patterns.hubs;
  const allHubs = hubs.length;
  const hubList = list(hubs.map((h) => name(h)));
  const region = patterns.zhejiang.regionIds.map((id) => patterns.nodes.get(id)).find(Boolean);
  const regionName = region ? name(region) : escapeHtml(patterns.zhejiang.region);
  const count = (row: SharedTerm, hubId: string, term: string) =>
    groups.link(row.byHub[hubId]!.length, row.byHub[hubId]!, `${term} · ${hubShort(hubId)}`);

  // ---- the fair comparison of each dimension
  const dimensions: { key: string; title: string; rows: TermRow[] }[] = [
    { key: "theme", title: say("政策主题", "Policy themes"), rows: patterns.themes },
    { key: "category", title: say("人才类别", "Talent categories"), rows: patterns.categories },
    { key: "industry", title: say("产业", "Industries"), rows: patterns.industries },
    { key: "carrierKind", title: say("载体类型", "Carrier kinds"), rows: patterns.carrierKinds },
  ];
  const fair = new Map(dimensions.map((d) => [d.key, fairTable(patterns, d.rows)]));
  const themeFair = fair.get("theme") as FairTable<TermRow>;

  // ---- summary
  const sharedThemes = patterns.themes.filter((r) => r.hubCount === allHubs && allHubs > 1);
  const presentThemes = patterns.themes.filter((r) => r.hubCount > 0);
  const sharedSentence = `${say(`全部 ${allHubs} 个科创中心（`, `All ${allHubs} hubs (`)}${hubList}${say(`）共有 ${sharedThemes.length} 个政策主题（共 ${presentThemes.length} 个）：`, `) share ${sharedThemes.length} of the ${presentThemes.length} policy themes: `)}${list(
    sharedThemes.slice(0, 8).map((r) => {
      const term = plainName(r.theme);
      return `${escapeHtml(term)} (${hubs.map((h) => count(r, h.id, term)).join("/")})`;
    }),
  )}${sharedThemes.length > 8 ? " …" : ""}${say("。", ".")}`;

  const distinctive = hubs
    .map((hub, h) => {
      const over = dimensions.flatMap((d) =>
        fair
          .get(d.key)!
          .rows.filter((r) => r.cells[h]!.flag === "over")
          .map((r) => ({ d, r })),
      );
      const unique = patterns.themes.filter((r) => r.hubCount === 1 && r.hubIds[0] === hub.id);
      const overText = over.length
        ? list(
            over.slice(0, 6).map(({ r }) => {
              const term = plainName(termOf(r.row));
              const cell = r.cells[h]!;
              return `${escapeHtml(term)}（${count(r.row, hub.id, term)} ${say("项", "measures")}, ${escapeHtml(formatValue(cell.share, "share"))}${cell.rate === null ? "" : `, ${escapeHtml(formatValue(cell.rate, "rate"))}/1000`}, ${escapeHtml(pText(r.test!.pAdjusted))}）`;
            }),
          )
        : say("没有一项超出篇幅所能解释的程度", "no term beyond what text length explains");
      const uniqueText = unique.length
        ? `${say("；仅此一地有的主题：", "; themes no other hub has: ")}${list(unique.map((r) => `${name(r.theme)} (${count(r, hub.id, plainName(r.theme))})`))}`
        : "";
      return `<li><b>${hubName(hub.id)}</b>${say("：高于篇幅所能解释的——", ": more than its text length explains — ")}${overText}${uniqueText}${say("。", ".")}</li>`;
    })
    .join("");
  const ind = themeFair.independence;
  const independence = ind
    ? `${say("各地政策主题构成是否相同（卡方独立性检验，置换法）：", "Do the hubs differ in their mix of themes (chi-square test of independence, permutation)? ")}χ² = ${ind.statistic.toFixed(1)}, df = ${ind.df}, ${escapeHtml(pText(ind.pPermutation))}${ind.pPermutation < themeFair.alpha ? say("，差异显著。", ": they do.") : say("，差异不显著。", ": not significantly.")}`
    : "";
  const verdict = (support: string) =>
    ({
      supported: say("有证据", "supported"),
      partly: say("部分有证据", "partly supported"),
      "not found": say("未见证据", "not found"),
    })[support] ?? escapeHtml(support);
  const claimedCells = patterns.claims.flatMap((c) => c.hubs.filter((h) => h.claimed));
  const bySupport = (s: string) => claimedCells.filter((h) => h.support === s).length;
  const claimsSentence = `${say(`报告的 ${patterns.claims.length} 条概括性论断共涉及 ${claimedCells.length} 处“论断—科创中心”：`, `The report's ${patterns.claims.length} synthesising claims name ${claimedCells.length} claim–hub pairs: `)}${bySupport("supported")} ${verdict("supported")}, ${bySupport("partly")} ${verdict("partly")}, ${bySupport("not found")} ${verdict("not found")}${say("。", ".")}`;
  const gaps = patterns.claims
    .filter((c) => c.gaps.length > 0)
    .map(
      (c) =>
        `<li>${name(c.claim)}${citations.cite(c.claim)}: ${list(
          c.gaps.map((g) => {
            const h = c.hubs.find((x) => x.hubId === g)!;
            const backed = h.backing.filter((b) => b.ids.length > 0);
            const ids = [...new Set(backed.flatMap((b) => b.ids))];
            return `${hubName(g)} ${verdict(h.support)} (${groups.link(`${backed.length}/${c.items.length}`, ids, `${plainName(c.claim)} · ${hubShort(g)}`)})`;
          }),
        )}</li>`,
    )
    .join("");
  const lensRows = patterns.zhejiang.rows.filter((r) => r.hubCount > 0);
  const followed = lensRows.filter((r) => r.inNews);
  const lensSentence = region
    ? `${regionName}${say(`在资讯中遵循了科创中心 ${lensRows.length} 个主题中的 ${followed.length} 个；尚未出现：`, ` follows ${followed.length} of the hubs' ${lensRows.length} themes in its news; not yet: `)}${list(lensRows.filter((r) => !r.inNews).map((r) => name(r.theme))) || "—"}${say("。", ".")}`
    : "";

  // ---- charts
  const hubLabels = hubs.map((h) => plainName(h));
  const shareRows = themeFair.rows
    .filter((r) => r.row.hubCount > 1)
    .sort((a, b) => b.row.total - a.row.total)
    .slice(0, 14);
  const sharesChart = svg(
    createElement(GroupedBars, {
      title: `${translate(lang, "norm_share")} · ${zh ? "政策主题" : "Policy themes"}`,
      hubs: hubLabels,
      rows: shareRows.map((r) => ({
        label: plainName(termOf(r.row)),
        values: r.cells.map((c) => c.share),
        flags: r.cells.map((c) => c.flag),
      })),
      format: (v: number) => formatValue(v, "share"),
      testId: "chart-shares",
    }),
  );
  const upsetChart = svg(
    createElement(UpSet, {
      data: upsetData(
        hubs.map((h) => h.id),
        patterns.themes,
      ),
      hubName: hubShort,
      title: `${translate(lang, "upsetTitle")} · ${zh ? "政策主题" : "Policy themes"}`,
      axis: { intersections: translate(lang, "upsetIntersections"), sets: translate(lang, "upsetSets") },
      testId: "chart-upset",
    }),
  );
  const verdictChart = svg(
    createElement(VerdictGrid, {
      title: zh ? "论断与证据" : "Claims against the evidence",
      hubs: hubLabels,
      claims: patterns.claims.map((c) => ({
        label: plainName(c.claim),
        cells: c.hubs.map((h) => ({ verdict: h.support, claimed: h.claimed })),
      })),
      verdictNames: {
        supported: zh ? "有证据" : "supported",
        partly: zh ? "部分有证据" : "partly",
        "not found": zh ? "未见证据" : "not found",
      },
      claimedNote: zh ? "论断提及该地" : "claimed for the hub",
      testId: "chart-claims",
    }),
  );
  const network = patternNetwork(patterns, { seed: 1, minHubs: Math.min(2, allHubs) });
  const ranked = rankBy(network, "betweenness").slice(0, 12);
  const median = medianOf(network, "betweenness");
  const centralityChart = svg(
    createElement(GroupedBars, {
      title: `${translate(lang, "c_betweenness")} (${translate(lang, "median")} ${median.toFixed(3)})`,
      hubs: [translate(lang, "c_betweenness")],
      rows: ranked.map((n) => ({ label: plainName(n.attributes), values: [n.value] })),
      format: (v: number) => v.toFixed(3),
      testId: "chart-centrality",
    }),
  );

  // ---- the fair tables
  const fairHtml = dimensions
    .map((d) => {
      const table = fair.get(d.key)!;
      if (table.rows.length === 0) return "";
      const head = `<tr><th>${d.title}</th>${table.hubIds.map((id, h) => `<th>${hubName(id)} (${say("合计", "total")} ${table.totals[h]}${table.chars[h] === null ? "" : ` · ${table.chars[h]} ${say("字", "chars")}`})</th>`).join("")}<th>${p("pTerm")}</th></tr>`;
      const body = table.rows
        .map((r) => {
          const term = plainName(termOf(r.row));
          const cells = r.cells
            .map((c) => {
              const flag = c.flag ? ` <b class="flag ${c.flag}">${c.flag === "over" ? "▲" : "▼"}</b>` : "";
              return `<td>${c.count === 0 ? "·" : `${count(r.row, c.hubId, term)} · ${escapeHtml(formatValue(c.share, "share"))}${c.rate === null ? "" : ` · ${escapeHtml(formatValue(c.rate, "rate"))}`}${flag}`}</td>`;
            })
            .join("");
          return `<tr><th>${escapeHtml(term)}</th>${cells}<td>${r.test ? escapeHtml(formatP(r.test.pAdjusted)) : "–"}</td></tr>`;
        })
        .join("\n");
      const t = table.independence;
      return `<section><h3>${d.title}</h3><table class="fair"><thead>${head}</thead><tbody>${body}</tbody></table><p class="small">${p("testIndependence")}: ${t ? `χ² = ${t.statistic.toFixed(1)}, df = ${t.df}, ${escapeHtml(pText(t.pPermutation))} (${t.permutations}), ${say("渐近", "asymptotic")} ${escapeHtml(pText(t.pAsymptotic))}` : p("testNone")}</p></section>`;
    })
    .join("\n");

  // ---- claims in full
  const claims = patterns.claims
    .map((c) => {
      const perHub = c.hubs
        .map((h) => {
          const backed = h.backing.filter((b) => b.ids.length > 0);
          const ids = [...new Set(backed.flatMap((b) => b.ids))];
          const ratio = groups.link(
            `${backed.length}/${c.items.length}`,
            ids,
            `${plainName(c.claim)} · ${hubShort(h.hubId)}`,
          );
          return `${hubName(h.hubId)} ${verdict(h.support)} ${ratio}${h.claimed ? "" : ` (${say("论断未提及", "not claimed")})`}`;
        })
        .join("；");
      const gap = c.gaps.length
        ? ` <strong>${say("论断与证据不符", "claim exceeds the evidence")}: ${c.gaps.map(hubName).join("、")}</strong>`
        : "";
      return `<li>${name(c.claim)}${citations.cite(c.claim)} — ${perHub}${gap}</li>`;
    })
    .join("\n");

  // ---- shared and unique, by dimension
  const termItem = (row: TermRow) => {
    const term = plainName(termOf(row));
    const perHub = row.hubIds
      .map((hubId) => {
        const ids = row.byHub[hubId]!;
        const items = ids
          .slice(0, PER_HUB)
          .map((id) => `${escapeHtml(node(id).name)}${citations.cite(node(id))}`)
          .join("；");
        return `<li><b>${hubName(hubId)}</b> (${count(row, hubId, term)}): ${items}${ids.length > PER_HUB ? " …" : ""}</li>`;
      })
      .join("");
    return `<li><b>${escapeHtml(bothNames(termOf(row)))}</b><ul>${perHub}</ul></li>`;
  };
  const shared = dimensions
    .map((d) => {
      const present = d.rows.filter((r) => r.hubCount > 0);
      const groupOf = (title: string, rows: TermRow[]) =>
        `<h4>${title} (${rows.length})</h4>${rows.length ? `<ul>${rows.map(termItem).join("")}</ul>` : "<p>—</p>"}`;
      const all = groupOf(
        say("各地共有", "Shared by all hubs"),
        present.filter((r) => r.hubCount === allHubs),
      );
      const own = hubs
        .map((h) =>
          groupOf(
            `${say("仅", "Only at ")}${hubName(h.id)}`,
            present.filter((r) => r.hubCount === 1 && r.hubIds[0] === h.id),
          ),
        )
        .join("");
      return `<section><h3>${d.title}</h3>${all}${own}</section>`;
    })
    .join("\n");

  // ---- the regional lens
  const lensTable = `<table class="fair"><thead><tr><th>${say("政策主题", "Theme")}</th>${hubs.map((h) => `<th>${hubName(h.id)}</th>`).join("")}<th>${regionName}</th></tr></thead><tbody>${lensRows
    .map((r) => {
      const term = plainName(r.theme);
      const newsIds = r.news.map((n) => n.newsId);
      return `<tr><th>${escapeHtml(term)}</th>${hubs.map((h) => `<td>${r.byHub[h.id]!.length ? count(r, h.id, term) : "·"}</td>`).join("")}<td>${r.inNews ? groups.link(r.news.length, newsIds, `${term} · ${plainName(region ?? { name: patterns.zhejiang.region, nameEn: "" })}`) : say("尚未出现", "not yet")}</td></tr>`;
    })
    .join("\n")}</tbody></table>`;
  const lensItems = patterns.zhejiang.items
    .map(
      (item) =>
        `<li>${escapeHtml(item.date)} ${name(node(item.newsId))}${citations.cite(node(item.newsId))} — ${list(item.themeIds.map((t) => name(node(t))))} (${groups.link(item.reportedIds.length, item.reportedIds, plainName(node(item.newsId)))})</li>`,
    )
    .join("\n");

  // ---- similarity and figures
  const similarity = patterns.similarity
    .map(
      (s) =>
        `<li>${hubName(s.hubA)} ↔ ${hubName(s.hubB)}: ${say("主题", "themes")} ${escapeHtml(s.themes.ratio)} = ${s.themes.rounded}, ${say("人才类别", "categories")} ${escapeHtml(s.categories.ratio)} = ${s.categories.rounded}, ${say("载体类型", "carrier kinds")} ${escapeHtml(s.carrierKinds.ratio)} = ${s.carrierKinds.rounded}</li>`,
    )
    .join("");
  const statistics = patterns.statistics
    .filter((r) => r.reason === null)
    .map((r) => {
      const s = r.statistic;
      return `<li>${escapeHtml(r.topic)} · ${hubName(r.hubId)}: ${groups.link(`${propText(s.props.value)}${propText(s.props.unit)}`, [s.id], `${r.topic} · ${hubShort(r.hubId)}`)}${citations.cite(s)}</li>`;
    })
    .join("");
  const dataFiles = (options.dataFiles ?? []).map((f) => `<li>${escapeHtml(f)}</li>`).join("");

  // Last: every link above has registered its group, and every group its notes.
  const groupsHtml = groups.html(patterns.nodes, citations);
  const notes = citations.notes.map((n, i) => `<li id="note-${i + 1}">${n}</li>`).join("\n");
  const title = `${hubList}${say("：人才政策共同模式", ": shared talent-policy patterns")}`;

  return `<!doctype html>
<html lang="${zh ? "zh-CN" : "en"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
${fontCss}
body { font-family: "Noto Sans SC", sans-serif; margin: 2em auto; max-width: 62em; padding: 0 1em; color: #1d2433; line-height: 1.55; }
h1 { font-size: 1.6em; } h2 { border-bottom: 1px solid #ccc; margin-top: 2em; }
table { border-collapse: collapse; font-size: 0.85em; margin: 0.5em 0 1em; }
th, td { border: 1px solid #ccc; padding: 2px 6px; text-align: left; vertical-align: top; }
a.num { color: #1f5fa8; text-decoration: none; border-bottom: 1px dotted #1f5fa8; }
sup a { text-decoration: none; }
.flag.over { color: #c0392b; } .flag.under { color: #1f77b4; }
section.figure { margin: 1em 0; } p.caption { font-size: 0.85em; color: #555; margin-top: 0; }
svg.chart { max-width: 100%; height: auto; }
ol.notes, ol.groups { font-size: 0.85em; }
.small { font-size: 0.85em; }
@media print { a { color: inherit; } section { break-inside: avoid; } }
</style>
</head>
<body>
<h1>${title}</h1>
<p>${say("科创中心", "Hubs")}: ${hubs.map((h) => hubName(h.id)).join("、")} · ${say("生成于", "generated")} ${escapeHtml(generated.toISOString().slice(0, 10))} · ${say("每个数字都链接到其背后的实体，每个实体都附原文引文（见文末）。", "Every number links to the entities behind it, and every entity to its quote from the source (see the end).")}</p>
<h2 id="summary">${say("摘要", "Summary")}</h2>
<p>${sharedSentence}</p>
<p>${say("各地特色（按自身文本长度检验，Holm 校正）：", "What is distinctive for each hub (tested against its own text length, Holm-adjusted):")}</p>
<ul>${distinctive}</ul>
<p>${independence}</p>
<p>${claimsSentence}</p>
${gaps ? `<p>${say("证据不足以支持的论断：", "Where a claim says more than the evidence shows:")}</p><ul>${gaps}</ul>` : ""}
<p>${lensSentence}</p>
<p class="small">${p("testTerm")}</p>
<h2 id="charts">${say("图表", "Charts")}</h2>
<section class="figure">${sharesChart}<p class="caption">${say("各地在政策主题上的举措占比（至少两地有的主题；▲▼ 为篇幅无法解释的差异）", "Each hub's share of its measures by theme (themes of two hubs or more; ▲▼ differences text length does not explain)")}</p></section>
<section class="figure">${upsetChart}<p class="caption">${escapeHtml(translate(lang, "upsetHelp"))}</p></section>
<section class="figure">${verdictChart}<p class="caption">${say("报告的概括性论断与各地自身章节所示证据", "The report's synthesising claims against what each hub's own sections show")}</p></section>
<section class="figure">${centralityChart}<p class="caption">${p("projection")}</p></section>
<h2 id="fair">${say("公平比较：举措数 · 占比 · 每千字", "Fair comparison: counts · shares · per 1,000 characters")}</h2>
<p class="small">${p("normHelp")}</p>
${fairHtml}
<h2 id="claims">${say("论断与证据", "Claims against the evidence")}</h2>
<ul>${claims}</ul>
<h2 id="shared">${say("共有与独有", "Shared and unique")}</h2>
${shared}
<h2 id="lens">${regionName}${say("视角", " lens")}</h2>
<p>${escapeHtml(translate(lang, "lensFollows"))}</p>
${lensTable}
<ul>${lensItems}</ul>
<h2 id="similarity">${say("相似度", "Similarity")}</h2>
<ul>${similarity}</ul>
<h2 id="figures">${say("可比的统计数据", "Comparable figures")}</h2>
<ul>${statistics}</ul>
${dataFiles ? `<h2 id="data">${say("数据文件", "Data files")}</h2><ul>${dataFiles}</ul>` : ""}
<h2 id="groups">${say("数字背后的实体", "What stands behind each number")}</h2>
<ol class="groups">
${groupsHtml}
</ol>
<h2 id="notes">${say("注释（原文引文）", "Notes (quotes from the source)")}</h2>
<ol class="notes">
${notes}
</ol>
</body>
</html>
`;
}

/** The text of the report without its font: the characters the font must cover. */
export function reportText(patterns: Patterns, lang: Lang): string {
  return buildReport(patterns, lang, { generated: new Date(0) });
}

/** The report's data: every table (one CSV each) and the analyses as JSON. */
export function reportData(patterns: Patterns, lang: Lang): { tables: Table[]; json: unknown } {
  const tables = allTables(patterns, lang);
  const json = {
    hubs: patterns.hubs.map((h) => ({ id: h.id, name: h.name, nameEn: h.nameEn })),
    texts: patterns.texts,
    categoryLevel: patterns.categoryLevel,
    industryLevel: patterns.industryLevel,
    tables: tables.map((t) => ({
      id: t.id,
      title: t.title,
      rows: t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i]]))),
    })),
  };
  return { tables, json };
}

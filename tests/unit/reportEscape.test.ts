/**
 * The downloadable HTML report with hostile text in the data: names, English names, quotes and
 * section ids holding `<script>` or an attribute breakout come out as text, never as markup. The data
 * takes the app's own path: the seed's snapshot, rewritten, through SnapshotSource → analyse().
 */
import { describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../importer/knowledgeBase.ts";
import { KNOWLEDGE_ROOT } from "../../importer/paths.ts";
import { buildSnapshot } from "../../importer/snapshot.ts";
import { SnapshotSource } from "../../web/data/snapshotSource.ts";
import { analyse } from "../../web/patterns/analysis.ts";
import { buildReport, escapeHtml } from "../../web/patterns/report.ts";

const SCRIPT = '<script>alert("tpg")</script>';
const BREAKOUT = '"><img src=x onerror=alert(1)>';
const STYLE_END = "</style><script>alert(2)</script>";

interface SerializedNode {
  key: string;
  attributes: Record<string, unknown>;
}

/** Every hub, theme, measure and claim gets hostile names; every quote and section a hostile tail. */
async function hostilePatterns() {
  const { kb, problems } = loadKnowledgeBase(KNOWLEDGE_ROOT);
  expect(problems).toEqual([]);
  const snapshot = JSON.parse(JSON.stringify(buildSnapshot(kb))) as { nodes: SerializedNode[] };
  for (const node of snapshot.nodes) {
    const a = node.attributes;
    if (["Hub", "Theme", "Measure", "Claim", "TalentCategory", "NewsItem"].includes(String(a.label))) {
      a.name = `${String(a.name)}${SCRIPT}`;
      a.nameEn = `${String(a.nameEn)}${BREAKOUT}`;
    }
    a.evidence = (a.evidence as Record<string, unknown>[]).map((e) => ({
      ...e,
      quote: `${String(e.quote)}${STYLE_END}`,
      section: `${String(e.section)}${BREAKOUT}`,
    }));
  }
  return analyse(await new SnapshotSource(snapshot).everything());
}

/** The elements the report writes itself. */
const OWN_TAGS = new Set(
  // … and the elements of its inline SVG charts (React SVG rendered to static markup, text escaped)
  "html head meta title style body h1 h2 h3 h4 p ul ol li b strong sup a section table thead tbody tr th td svg g rect text circle line".split(
    " ",
  ),
);

/**
 * The tags in the output that the report does not write itself, or that carry an event handler.
 * Escaped text has no "<", so every "<" followed by a letter opens a real tag.
 */
function foreignTags(html: string): string[] {
  return [...html.matchAll(/<([a-zA-Z][\w-]*)[^>]*>/g)]
    .filter(([tag, name]) => !OWN_TAGS.has(name!.toLowerCase()) || /\son\w+\s*=/i.test(tag))
    .map(([tag]) => tag);
}

describe("the HTML report with hostile names", () => {
  it.each(["zh", "en"] as const)("(%s) writes them as text and holds no live tag", async (lang) => {
    const html = buildReport(await hostilePatterns(), lang, {
      generated: new Date("2024-01-02T00:00:00Z"),
      fontCss: "@font-face { font-family: x; src: url(data:,) } </style><b>outside</b>",
    });
    // The hostile text is there, escaped.
    expect(html).toContain(escapeHtml(SCRIPT));
    expect(html).toContain(escapeHtml(BREAKOUT));
    expect(html).toContain(escapeHtml(STYLE_END));
    // No tag or attribute the data could have opened: the report's own markup has neither.
    expect(foreignTags(html)).toEqual([]);
    // One style element, closed once: the font CSS cannot end it early.
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    // Hostile hub names reach the summary line, the claims and the notes, and each is escaped there.
    const summary = html.split("\n").find((l) => l.startsWith("<p>") && l.includes("2024-01-02"))!;
    expect(summary).toContain(escapeHtml(SCRIPT));
    const notes = html.slice(html.indexOf('<ol class="notes">'));
    expect(notes).toContain(escapeHtml(STYLE_END));
  });
});

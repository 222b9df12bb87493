/** Filters by hub, by theme, by source document and section; each list comes from the data, not from code. */
import { useEffect, useState } from "react";
import type { DataSource, EntityNode } from "../data/types.ts";
import { useLang, useT } from "../i18n.ts";
import type { Filters } from "./state.ts";
import { useSourceTitles } from "./useSourceTitles.ts";

const MAX_CHOICES = 60;

function Choices({
  title,
  options,
  chosen,
  onChange,
  testid,
}: {
  title: string;
  options: { id: string; name: string }[];
  chosen: readonly string[];
  onChange: (values: string[]) => void;
  testid: string;
}) {
  if (options.length === 0) return null;
  // Real data has a handful of hubs and a few dozen themes; a synthetic or huge graph must not
  // render tens of thousands of checkboxes (bench/render measured 21 s for 48,000).
  const shown = options.slice(0, MAX_CHOICES);
  return (
    <fieldset className="choices" data-testid={testid}>
      <legend>{title}</legend>
      {shown.map((o) => (
        <label key={o.id}>
          <input
            type="checkbox"
            value={o.id}
            checked={chosen.includes(o.id)}
            onChange={(e) =>
              onChange(e.target.checked ? [...chosen, o.id] : chosen.filter((c) => c !== o.id))
            }
          />
          {o.name}
        </label>
      ))}
      {options.length > shown.length && <p className="muted">+{options.length - shown.length}</p>}
    </fieldset>
  );
}

export function FilterPanel({
  source,
  filters,
  sections,
  onChange,
  onError,
}: {
  source: DataSource;
  filters: Filters;
  sections: string[];
  onChange: (key: keyof Filters, values: readonly string[]) => void;
  onError: (error: unknown) => void;
}) {
  const t = useT();
  const lang = useLang();
  const [lists, setLists] = useState<{ hubs: EntityNode[]; themes: EntityNode[] }>({ hubs: [], themes: [] });
  useEffect(() => {
    Promise.all([source.byLabel("Hub"), source.byLabel("Theme")]).then(
      ([hubs, themes]) => setLists({ hubs, themes }),
      onError,
    );
  }, [source, onError]);
  // Section ids are "<source>#<section>": the sources are what comes before the #.
  const sourceIds = [...new Set(sections.map((s) => s.split("#")[0]!))].sort();
  const titles = useSourceTitles(source, sourceIds, lang, onError);
  const name = (n: EntityNode) => (lang === "en" ? n.nameEn || n.name : n.name);
  return (
    <section className="filters" aria-label={t("filters")}>
      <h3>{t("filters")}</h3>
      <Choices
        title={t("filterHubs")}
        testid="filter-hubs"
        options={lists.hubs.map((h) => ({ id: h.id, name: name(h) }))}
        chosen={filters.hubs}
        onChange={(v) => onChange("hubs", v)}
      />
      <Choices
        title={t("filterThemes")}
        testid="filter-themes"
        options={lists.themes.map((h) => ({ id: h.id, name: name(h) }))}
        chosen={filters.themes}
        onChange={(v) => onChange("themes", v)}
      />
      <Choices
        title={t("filterSources")}
        testid="filter-sources"
        options={sourceIds.map((s) => ({ id: s, name: titles.source(s) }))}
        chosen={filters.sources}
        onChange={(v) => onChange("sources", v)}
      />
      <Choices
        title={t("filterSections")}
        testid="filter-sections"
        options={sections.map((s) => ({
          id: s,
          name:
            sourceIds.length > 1
              ? `${titles.source(s.split("#")[0]!)} · ${titles.section(s)}`
              : titles.section(s),
        }))}
        chosen={filters.sections}
        onChange={(v) => onChange("sections", v)}
      />
    </section>
  );
}

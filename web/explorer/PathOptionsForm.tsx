/**
 * The path panel's options: node types no path may pass through (the two ends excepted), the
 * relationship types it may use, and how many paths to find. Only names from graph/model.ts are
 * offered, so what the form sends is always a model name.
 */
import { LABELS, RELATION_TYPE_NAMES, RELATION_TYPES } from "../../graph/model.ts";
import { MAX_HOPS, MAX_PATHS } from "../data/pathOptions.ts";
import type { PathOptions } from "../data/types.ts";
import { useLang, useT } from "../i18n.ts";
import { colorOf, LABEL_NAMES } from "./style.ts";

export function PathOptionsForm({
  options,
  onChange,
}: {
  options: PathOptions;
  onChange: (next: PathOptions) => void;
}) {
  const t = useT();
  const lang = useLang();
  const excluded = new Set(options.exclude);
  const allowed = new Set(options.types ?? RELATION_TYPE_NAMES);
  const toggleLabel = (label: string) =>
    onChange({
      ...options,
      exclude: LABELS.filter((l) => (l === label ? !excluded.has(l) : excluded.has(l))),
    });
  const toggleType = (type: string) => {
    const types = RELATION_TYPE_NAMES.filter((x) => (x === type ? !allowed.has(x) : allowed.has(x)));
    onChange({ ...options, types: types.length === RELATION_TYPE_NAMES.length ? null : types });
  };
  const summary = t("pathSummary")
    .replace("{x}", String(excluded.size))
    .replace(
      "{t}",
      options.types === null
        ? t("pathAllRelationships")
        : t("pathSomeRelationships").replace("{n}", String(allowed.size)),
    )
    .replace("{k}", String(options.k));
  return (
    <details className="path-options" data-testid="path-options">
      <summary>
        {t("pathOptions")} <span className="muted">({summary})</span>
      </summary>
      <label className="path-k">
        {t("pathK")}{" "}
        <select
          value={options.k}
          onChange={(e) => onChange({ ...options, k: Number(e.target.value) })}
          data-testid="path-k"
        >
          {Array.from({ length: MAX_PATHS }, (_, i) => i + 1).map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      <p className="muted">{t("pathHopLimit").replace("{n}", String(MAX_HOPS))}</p>
      <fieldset className="choices path-exclude" data-testid="path-exclude">
        <legend>{t("pathExclude")}</legend>
        {LABELS.map((label) => (
          <label key={label}>
            <input type="checkbox" checked={excluded.has(label)} onChange={() => toggleLabel(label)} />
            <span className="dot" style={{ background: colorOf(label) }} />
            {LABEL_NAMES[label]?.[lang] ?? label}
          </label>
        ))}
      </fieldset>
      <fieldset className="choices path-types" data-testid="path-types">
        <legend>
          {t("pathTypes")}{" "}
          <button className="link" onClick={() => onChange({ ...options, types: null })}>
            {t("pathAllTypes")}
          </button>{" "}
          <button className="link" onClick={() => onChange({ ...options, types: [] })}>
            {t("pathNoTypes")}
          </button>
        </legend>
        {RELATION_TYPE_NAMES.map((type) => (
          <label key={type} title={RELATION_TYPES[type].description}>
            <input type="checkbox" checked={allowed.has(type)} onChange={() => toggleType(type)} />
            {type}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

/**
 * Readable names for source documents and their sections, so that filters and evidence lines show
 * 《人才政策研究动态》… · 上海张江… (or their English titles) rather than ids such as
 * `rczcyjdt-2020-07#zhangjiang`. Each document is asked for once per data source.
 */
import { useEffect, useState } from "react";
import type { DataSource, SourceDocument } from "../data/types.ts";
import type { Lang } from "../i18n.ts";

const cache = new WeakMap<DataSource, Map<string, Promise<SourceDocument>>>();

/**
 * A source document, asked of the data source once (titles and "show in source" share it; the text
 * is the largest thing the app loads). A failure is not kept, so the next call asks again.
 */
export function sourceDocument(source: DataSource, id: string): Promise<SourceDocument> {
  let docs = cache.get(source);
  if (!docs) cache.set(source, (docs = new Map<string, Promise<SourceDocument>>()));
  let doc = docs.get(id);
  if (!doc) {
    doc = source.source(id);
    doc.catch(() => docs.delete(id));
    docs.set(id, doc);
  }
  return doc;
}

export interface SourceTitles {
  /** A source id's title in the language; the id until it is known. */
  source: (id: string) => string;
  /** A "source#section" key's section title in the language; the section id until it is known. */
  section: (key: string) => string;
}

export function useSourceTitles(
  source: DataSource,
  sourceIds: readonly string[],
  lang: Lang,
  onError: (error: unknown) => void,
): SourceTitles {
  const [docs, setDocs] = useState<ReadonlyMap<string, SourceDocument>>(new Map());
  const wanted = [...new Set(sourceIds)].sort().join("\u0000");
  useEffect(() => {
    let cancelled = false;
    const ids = wanted ? wanted.split("\u0000") : [];
    Promise.all(ids.map((id) => sourceDocument(source, id))).then((list) => {
      if (!cancelled) setDocs(new Map(list.map((d) => [d.id, d])));
    }, onError);
    return () => {
      cancelled = true;
    };
  }, [source, wanted, onError]);
  const pick = (zh: string, en: string) => (lang === "en" ? en || zh : zh);
  return {
    source: (id) => {
      const doc = docs.get(id);
      return doc ? pick(doc.title, doc.titleEn) : id;
    },
    section: (key) => {
      const [id, section] = key.split("#");
      const found = docs.get(id ?? "")?.sections.find((s) => s.id === section);
      return found ? pick(found.title, found.titleEn) : (section ?? key);
    },
  };
}

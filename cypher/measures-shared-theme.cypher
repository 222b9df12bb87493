// title: 一个主题下各科创中心的举措
// title_en: Each hub's measures under one theme
// description: 一个政策主题（如三地共有的“医疗服务”）下，各科创中心采取的全部举措，附每项举措的第一条原文证据及证据条数，便于逐条比较。
// description_en: Under one policy theme (e.g. medical care, which all three hubs share), every measure each hub adopts, with its first verbatim evidence quote and its number of quotes, for a side-by-side reading.
// param: theme string = 医疗服务 | 主题 | Theme
MATCH (t:Theme)
WHERE t.name = $theme OR t.id = $theme OR $theme IN t.aliases OR toLower(t.nameEn) = toLower($theme)
MATCH (h:Hub)-[:ADOPTS]->(m:Measure)-[:BELONGS_TO]->(t)
WITH t, h, m, COUNT { MATCH (o:Hub) WHERE EXISTS { (o)-[:ADOPTS]->(:Measure)-[:BELONGS_TO]->(t) } } AS hubs
RETURN t.name AS theme,
       t.nameEn AS themeEn,
       hubs,
       h.name AS hub,
       h.nameEn AS hubEn,
       m.name AS measure,
       m.nameEn AS measureEn,
       head(split(head(split(split(m.evidence, '"quote":"')[1], '","')), '"}')) AS quote,
       size(split(m.evidence, '"quote":')) - 1 AS quotes
ORDER BY h.established, hub, measure

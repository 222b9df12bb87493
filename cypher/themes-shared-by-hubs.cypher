// title: 科创中心共有与独有的政策主题
// title_en: Themes shared by the hubs
// description: 每个政策主题下有哪些科创中心采取了举措：三地共有、两地共有或一地独有，附各科创中心的举措数；按科创中心数与举措总数排序。
// description_en: For each policy theme, which hubs adopt measures under it — shared by all, by two or by one hub — with each hub's number of measures; sorted by the number of hubs, then by measures.
MATCH (t:Theme)
OPTIONAL MATCH (h:Hub)-[:ADOPTS]->(m:Measure)-[:BELONGS_TO]->(t)
WITH t, h, count(DISTINCT m) AS n
ORDER BY h.established, h.name
WITH t, collect(CASE WHEN h IS NULL THEN null ELSE {hub: h.name, hubEn: h.nameEn, measures: n} END) AS perHub
WITH t, perHub, size(perHub) AS hubs, COUNT { MATCH (:Hub) } AS allHubs
RETURN t.name AS theme,
       t.nameEn AS themeEn,
       hubs,
       CASE WHEN hubs = 0 THEN '无' WHEN hubs = allHubs THEN '全部共有' WHEN hubs = 1 THEN '一地独有' WHEN hubs = 2 THEN '两地共有' ELSE hubs + '地共有' END AS shareZh,
       CASE WHEN hubs = 0 THEN 'none' WHEN hubs = allHubs THEN 'all' WHEN hubs = 1 THEN 'one' WHEN hubs = 2 THEN 'two' ELSE toString(hubs) END AS share,
       [p IN perHub | p.hub] AS hubNames,
       reduce(total = 0, p IN perHub | total + p.measures) AS measures,
       perHub
ORDER BY hubs DESC, measures DESC, t.order

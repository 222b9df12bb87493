// title: 各主题举措数（按科创中心）
// title_en: Measures by theme per hub
// description: 每个政策主题下，各科创中心采取的举措数量；按共享该主题的科创中心数排序。
// description_en: For each policy theme, how many measures each hub adopts; sorted by how many hubs share the theme.
MATCH (t:Theme)
OPTIONAL MATCH (h:Hub)-[:ADOPTS]->(m:Measure)-[:BELONGS_TO]->(t)
WITH t, h, count(DISTINCT m) AS n
WITH t, collect(CASE WHEN h IS NULL THEN null ELSE {hub: h.name, measures: n} END) AS perHub
RETURN t.name AS theme, t.nameEn AS themeEn, size(perHub) AS hubs, perHub
ORDER BY hubs DESC, t.order

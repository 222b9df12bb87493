// title: 多个科创中心共同面向的人才类别
// title_en: Talent categories several hubs target
// description: 被至少 minHubs 个科创中心的举措面向（TARGETS）的人才类别，附各科创中心面向该类别的举措数；按科创中心数和举措数排序。
// description_en: The talent categories that the measures of at least minHubs hubs target (TARGETS), with how many measures of each hub target them; sorted by the number of hubs, then of measures.
// param: minHubs integer = 2 | 最少科创中心数 | At least this many hubs
// param: level string = class | 人才类别层级（named 原文 / class 顶层类别 / all 含全部上位类） | Category level (named as in the text / class top-level classes / all with every broader category)
MATCH (h:Hub)-[:ADOPTS]->(m:Measure)-[:TARGETS]->(tc:TalentCategory)-[:PART_OF*0..]->(c:TalentCategory)
WHERE (($level = 'named' AND c = tc) OR ($level = 'class' AND NOT (c)-[:PART_OF]->(:TalentCategory)) OR $level = 'all')
WITH c, h, count(DISTINCT m) AS n
ORDER BY h.established, h.name
WITH c, collect({hub: h.name, hubEn: h.nameEn, measures: n}) AS perHub
WHERE size(perHub) >= $minHubs
RETURN c.name AS category,
       c.nameEn AS categoryEn,
       size(perHub) AS hubs,
       [p IN perHub | p.hub] AS hubNames,
       reduce(total = 0, p IN perHub | total + p.measures) AS measures,
       perHub
ORDER BY hubs DESC, measures DESC, category

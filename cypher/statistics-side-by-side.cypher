// title: 三地统计数据对照
// title_en: The hubs' figures side by side
// description: 三个科创中心的全部统计数据并列：同一对象（如“硕士及以上学历人员”“留学归国人员”）被两地以上统计时归为一个比较主题并排在前面，附数值、单位、换算后的数值与单位、年份和时点。comparable=true 时只列可比较的主题。
// description_en: Every figure of the three hubs side by side: figures that count the same thing (e.g. people with a master's degree or above, returned overseas students) at two or more hubs share a topic and come first, with value, unit, the value restated without 万/亿 (baseValue, baseUnit), year and as-of. comparable=true lists only those shared topics.
// param: comparable boolean = false | 只看可比较的主题 | Only comparable topics
MATCH (h:Hub)-[:HAS_STATISTIC]->(s:Statistic)
OPTIONAL MATCH (s)-[:CONCERNS]->(x)
OPTIONAL MATCH (x)<-[:CONCERNS]-(:Statistic)<-[:HAS_STATISTIC]-(other:Hub)
WITH h, s, x, count(DISTINCT other) AS hubs
ORDER BY hubs DESC, x.name
WITH h, s, head(collect(CASE WHEN hubs > 1 THEN {topic: x.name, topicEn: x.nameEn, hubs: hubs} END)) AS shared
WITH h, s, coalesce(shared, {topic: s.measure, topicEn: s.measureEn, hubs: 1}) AS t
WHERE NOT $comparable OR t.hubs > 1
RETURN t.topic AS topic,
       t.topicEn AS topicEn,
       t.hubs AS hubs,
       h.name AS hub,
       h.nameEn AS hubEn,
       s.measure AS metric,
       s.measureEn AS metricEn,
       s.value AS value,
       s.unit AS unit,
       s.baseValue AS baseValue,
       s.baseUnit AS baseUnit,
       s.year AS year,
       s.asOf AS asOf,
       s.qualifier AS qualifier
ORDER BY hubs DESC, topicEn, h.established, hub, metricEn

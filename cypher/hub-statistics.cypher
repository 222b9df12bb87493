// title: 科创中心统计数据
// title_en: A hub's figures
// description: 原文给出的一个科创中心的全部统计数据，含数值、单位、年份及其出处。
// description_en: Every figure the source gives for a hub, with value, unit, year and the quote it comes from.
// param: hub string = 中关村 | 科创中心 | Hub
MATCH (h:Hub)-[:HAS_STATISTIC]->(s:Statistic)
WHERE h.name = $hub OR $hub IN h.aliases OR toLower(h.nameEn) = toLower($hub)
RETURN s.measure AS measure, s.value AS value, s.unit AS unit, s.year AS year, s.qualifier AS qualifier,
       s.measureEn AS measureEn, s.evidence AS evidence
ORDER BY measure

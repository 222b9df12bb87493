// title: 各科创中心面向的人才类别
// title_en: Talent categories each hub targets
// description: 科创中心举措所面向的人才类别，及对应举措数。
// description_en: The talent categories a hub's measures target, with how many measures target each.
// param: hub string = 前海 | 科创中心 | Hub
MATCH (h:Hub)-[:ADOPTS]->(m:Measure)-[:TARGETS]->(c:TalentCategory)
WHERE h.name = $hub OR $hub IN h.aliases OR toLower(h.nameEn) = toLower($hub)
RETURN c.name AS category, c.nameEn AS categoryEn, count(DISTINCT m) AS measures
ORDER BY measures DESC, category

// title: 各科创中心面向的人才类别
// title_en: Talent categories each hub targets
// description: 科创中心举措所面向的人才类别，及对应举措数。
// description_en: The talent categories a hub's measures target, with how many measures target each.
// param: hub string = 前海 | 科创中心 | Hub
// param: level string = named | 人才类别层级（named 原文 / class 顶层类别 / all 含全部上位类） | Category level (named as in the text / class top-level classes / all with every broader category)
MATCH (h:Hub)-[:ADOPTS]->(m:Measure)-[:TARGETS]->(tc:TalentCategory)-[:PART_OF*0..]->(c:TalentCategory)
WHERE (h.name = $hub OR $hub IN h.aliases OR toLower(h.nameEn) = toLower($hub))
  AND (($level = 'named' AND c = tc) OR ($level = 'class' AND NOT (c)-[:PART_OF]->(:TalentCategory)) OR $level = 'all')
RETURN c.name AS category, c.nameEn AS categoryEn, count(DISTINCT m) AS measures
ORDER BY measures DESC, category

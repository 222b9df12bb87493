// title: 人才类别层级
// title_en: The talent-category hierarchy
// description: 每个顶层人才类别（按维度：层次、来源、角色、领域、阶段）及其下位类别，附别名与面向它们（含下位类别）的科创中心举措数。
// description_en: Every top-level talent category (by facet: level, origin, role, field, stage) with the categories below it, their aliases, and how many of each hub's measures target it or a category below it.
MATCH (c:TalentCategory)
WHERE NOT (c)-[:PART_OF]->(:TalentCategory)
CALL (c) {
  OPTIONAL MATCH (d:TalentCategory)-[:PART_OF*1..]->(c)
  WITH DISTINCT d ORDER BY d.name
  RETURN collect(d.name) AS below
}
CALL (c) {
  MATCH (h:Hub)-[:ADOPTS]->(m:Measure)-[:TARGETS]->(:TalentCategory)-[:PART_OF*0..]->(c)
  WITH h, count(DISTINCT m) AS measures ORDER BY h.established, h.name
  RETURN collect({hub: h.name, measures: measures}) AS perHub
}
RETURN c.facet AS facet,
       c.name AS category,
       c.nameEn AS categoryEn,
       c.aliases AS aliases,
       size(below) AS narrower,
       below,
       perHub
ORDER BY facet, size(perHub) DESC, narrower DESC, category

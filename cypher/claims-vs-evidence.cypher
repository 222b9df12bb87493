// title: 论断与证据对照
// title_en: Claims against the evidence
// description: 报告中概括性的论断（如卷首语所说三大科创中心的“公约数”、各中心的模式与经验）与各科创中心自身章节所示证据的对照：论断概括的每一项（主题、举措、特征、数据……），该科创中心是否有在论断所在章节以外被引用的对应实体，或属于该主题（BELONGS_TO）、促成该特征（CONTRIBUTES_TO）的举措。support 为 supported（每项都有）、partly（部分）或 not found；claimed 表示论断是否声称适用于该中心。
// description_en: Each synthesising claim of a report (the editorial's "common denominators" of the three hubs, each hub's model and experience) against what each hub's own sections show: for every item the claim sums up (theme, measure, trait, figure …), whether the hub has the item itself (the item, or the hub's link to it, quoted outside the claim's own section), or a measure belonging to it (BELONGS_TO, a theme) or contributing to it (CONTRIBUTES_TO, a trait), quoted outside the claim's own section. support is supported (every item), partly or not found; claimed says whether the claim says it holds for the hub.
MATCH (c:Claim)
MATCH (h:Hub)
CALL (c, h) {
  MATCH (c)-[:GENERALIZES]->(g)
  OPTIONAL MATCH (h)-[r:ADOPTS|HAS_TRAIT|HAS_STATISTIC|IMPLEMENTS|HAS_CARRIER|ESTABLISHES|FOCUSES_ON]->(x)
  WHERE (x = g AND (any(s IN x.sections WHERE NOT s IN c.sections) OR any(s IN r.sections WHERE NOT s IN c.sections)))
     OR ((x)-[:BELONGS_TO|CONTRIBUTES_TO]->(g) AND any(s IN x.sections WHERE NOT s IN c.sections))
  WITH g, count(DISTINCT x) AS backing
  ORDER BY [l IN labels(g) WHERE l <> 'Entity'][0], g.name, g.id
  RETURN count(g) AS items,
         sum(CASE WHEN backing > 0 THEN 1 ELSE 0 END) AS backed,
         collect(CASE WHEN backing > 0 THEN g.name END) AS backedItems
}
WITH c, h, items, backed, backedItems, EXISTS { (c)-[:HOLDS_FOR]->(h) } AS claimed,
     CASE c.kind
       WHEN 'common_denominator' THEN 0 WHEN 'model' THEN 1 WHEN 'resource' THEN 2
       WHEN 'structure' THEN 3 WHEN 'experience' THEN 4 ELSE 5
     END AS kindOrder
RETURN c.name AS claim,
       c.nameEn AS claimEn,
       c.kind AS kind,
       h.name AS hub,
       h.nameEn AS hubEn,
       claimed,
       items,
       backed,
       CASE WHEN items > 0 AND backed = items THEN 'supported' WHEN backed > 0 THEN 'partly' ELSE 'not found' END AS support,
       backedItems
ORDER BY kindOrder, claim, c.id, h.established, h.name

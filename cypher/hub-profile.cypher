// title: 科创中心概况
// title_en: Hub profile
// description: 一个科创中心的别名、模式、功能定位、特征，以及其举措、统计数据和载体的数量。
// description_en: A hub's aliases, model, positionings and traits, with how many measures, figures and carriers it has.
// param: hub string = 张江 | 科创中心 | Hub
MATCH (h:Hub)
WHERE h.name = $hub OR $hub IN h.aliases OR toLower(h.nameEn) = toLower($hub)
RETURN h.name AS hub,
       h.nameEn AS hubEn,
       h.aliases AS aliases,
       h.model AS model,
       [(h)-[:HAS_POSITIONING]->(p) | p.name] AS positionings,
       [(h)-[:HAS_TRAIT]->(t) | t.name] AS traits,
       COUNT { (h)-[:ADOPTS]->(:Measure) } AS measures,
       COUNT { (h)-[:HAS_STATISTIC]->(:Statistic) } AS statistics,
       COUNT { (h)-[:HAS_CARRIER]->(:Carrier) } AS carriers

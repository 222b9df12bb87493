// title: 举措涉及的载体、机构与资源
// title_en: What a measure builds, runs through and involves
// description: 一个科创中心的举措所建设（DEVELOPS）、依托（DELIVERED_THROUGH）、整合（INTEGRATES）或涉及（INVOLVES，附角色）的载体、机构、联盟与地区，附原文引文。
// description_en: The carriers, bodies, alliances and places a hub's measures build (DEVELOPS), run through (DELIVERED_THROUGH), bring together (INTEGRATES) or involve (INVOLVES, with the role), with the quote.
// param: hub string = 前海 | 科创中心 | Hub
MATCH (h:Hub)
WHERE h.name = $hub OR $hub IN h.aliases OR toLower(h.nameEn) = toLower($hub)
MATCH (h)-[:ADOPTS]->(m:Measure)-[r:DEVELOPS|DELIVERED_THROUGH|INTEGRATES|INVOLVES]->(x)
RETURN m.name AS measure,
       m.nameEn AS measureEn,
       type(r) AS link,
       r.role AS role,
       x.name AS target,
       x.nameEn AS targetEn,
       [l IN labels(x) WHERE l <> 'Entity'][0] AS label,
       r.quotes[0] AS quote
ORDER BY measure, link, target

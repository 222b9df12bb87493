// title: 科创中心独有的主题、人才类别与载体类型
// title_en: What only one hub has
// description: 只有该科创中心有举措的政策主题、只有它的举措面向的人才类别，以及只有它拥有的载体类型（不含“其他”），附相应举措或载体及其证据条数。
// description_en: The policy themes only this hub adopts measures under, the talent categories only its measures target, and the carrier kinds only it has (except "other"), with those measures or carriers and how many evidence quotes each has.
// param: hub string = 张江 | 科创中心 | Hub
// param: level string = class | 人才类别层级（named 原文 / class 顶层类别 / all 含全部上位类） | Category level (named as in the text / class top-level classes / all with every broader category)
MATCH (h:Hub)
WHERE h.name = $hub OR $hub IN h.aliases OR toLower(h.nameEn) = toLower($hub)
MATCH (h)-[:ADOPTS]->(m:Measure)-[:BELONGS_TO]->(t:Theme)
WHERE NOT EXISTS { MATCH (o:Hub)-[:ADOPTS]->(:Measure)-[:BELONGS_TO]->(t) WHERE o <> h }
WITH DISTINCT h, t, m
ORDER BY m.name
WITH h, t, collect({name: m.name, nameEn: m.nameEn, quotes: size(split(m.evidence, '"quote":')) - 1}) AS items
RETURN h.name AS hub, h.nameEn AS hubEn, '主题' AS dimension, 'theme' AS dimensionEn, t.name AS name,
       t.nameEn AS nameEn, size(items) AS count, items
ORDER BY count DESC, name
UNION ALL
MATCH (h:Hub)
WHERE h.name = $hub OR $hub IN h.aliases OR toLower(h.nameEn) = toLower($hub)
MATCH (h)-[:ADOPTS]->(m:Measure)-[:TARGETS]->(tc:TalentCategory)-[:PART_OF*0..]->(c:TalentCategory)
WHERE (($level = 'named' AND c = tc) OR ($level = 'class' AND NOT (c)-[:PART_OF]->(:TalentCategory)) OR $level = 'all')
  AND NOT EXISTS {
    MATCH (o:Hub)-[:ADOPTS]->(:Measure)-[:TARGETS]->(ot:TalentCategory)-[:PART_OF*0..]->(c)
    WHERE o <> h AND (($level = 'named' AND c = ot) OR ($level = 'class' AND NOT (c)-[:PART_OF]->(:TalentCategory)) OR $level = 'all')
  }
WITH DISTINCT h, c, m
ORDER BY m.name
WITH h, c, collect({name: m.name, nameEn: m.nameEn, quotes: size(split(m.evidence, '"quote":')) - 1}) AS items
RETURN h.name AS hub, h.nameEn AS hubEn, '人才类别' AS dimension, 'talent category' AS dimensionEn, c.name AS name,
       c.nameEn AS nameEn, size(items) AS count, items
ORDER BY count DESC, name
UNION ALL
MATCH (h:Hub)
WHERE h.name = $hub OR $hub IN h.aliases OR toLower(h.nameEn) = toLower($hub)
MATCH (h)-[:HAS_CARRIER|ESTABLISHES]->(c:Carrier)
WHERE NOT c.kind IN ['other', 'infrastructure']
  AND NOT EXISTS { MATCH (o:Hub)-[:HAS_CARRIER|ESTABLISHES]->(oc:Carrier) WHERE o <> h AND oc.kind = c.kind }
WITH DISTINCT h, c
ORDER BY c.name
WITH h, c.kind AS kind, collect({name: c.name, nameEn: c.nameEn, quotes: size(split(c.evidence, '"quote":')) - 1}) AS items
RETURN h.name AS hub, h.nameEn AS hubEn, '载体类型' AS dimension, 'carrier kind' AS dimensionEn,
       {park: '园区', platform: '平台', base: '基地', workstation: '工作站', incubator: '孵化器', community: '社区',
        fund_town: '基金小镇', service_center: '服务中心', lab_platform: '科研平台', infrastructure: '交通设施', other: '其他'}[kind] AS name,
       kind AS nameEn, size(items) AS count, items
ORDER BY count DESC, name

// title: 两个科创中心的共同点
// title_en: What two hubs share
// description: 两个科创中心都有举措的政策主题、都面向的人才类别，以及都拥有的载体类型（不含“其他”），附两地各自的举措数或载体数。
// description_en: The policy themes both hubs adopt measures under, the talent categories both target and the carrier kinds both have (except "other"), with each hub's number of measures or carriers.
// param: a string = 张江 | 科创中心甲 | First hub
// param: b string = 前海 | 科创中心乙 | Second hub
MATCH (ha:Hub) WHERE ha.name = $a OR $a IN ha.aliases OR toLower(ha.nameEn) = toLower($a)
MATCH (hb:Hub) WHERE hb.name = $b OR $b IN hb.aliases OR toLower(hb.nameEn) = toLower($b)
MATCH (ha)-[:ADOPTS]->(ma:Measure)-[:BELONGS_TO]->(t:Theme)
WITH ha, hb, t, count(DISTINCT ma) AS countA
MATCH (hb)-[:ADOPTS]->(mb:Measure)-[:BELONGS_TO]->(t)
WITH ha, hb, t, countA, count(DISTINCT mb) AS countB
RETURN ha.name AS hubA, hb.name AS hubB, '主题' AS dimension, 'theme' AS dimensionEn, t.name AS name,
       t.nameEn AS nameEn, countA, countB
ORDER BY countA + countB DESC, t.order
UNION ALL
MATCH (ha:Hub) WHERE ha.name = $a OR $a IN ha.aliases OR toLower(ha.nameEn) = toLower($a)
MATCH (hb:Hub) WHERE hb.name = $b OR $b IN hb.aliases OR toLower(hb.nameEn) = toLower($b)
MATCH (ha)-[:ADOPTS]->(ma:Measure)-[:TARGETS]->(c:TalentCategory)
WITH ha, hb, c, count(DISTINCT ma) AS countA
MATCH (hb)-[:ADOPTS]->(mb:Measure)-[:TARGETS]->(c)
WITH ha, hb, c, countA, count(DISTINCT mb) AS countB
RETURN ha.name AS hubA, hb.name AS hubB, '人才类别' AS dimension, 'talent category' AS dimensionEn, c.name AS name,
       c.nameEn AS nameEn, countA, countB
ORDER BY countA + countB DESC, name
UNION ALL
MATCH (ha:Hub) WHERE ha.name = $a OR $a IN ha.aliases OR toLower(ha.nameEn) = toLower($a)
MATCH (hb:Hub) WHERE hb.name = $b OR $b IN hb.aliases OR toLower(hb.nameEn) = toLower($b)
MATCH (ha)-[:HAS_CARRIER|ESTABLISHES]->(ca:Carrier), (hb)-[:HAS_CARRIER|ESTABLISHES]->(cb:Carrier)
WHERE ca.kind = cb.kind AND ca.kind <> 'other'
WITH ha, hb, ca.kind AS kind, count(DISTINCT ca) AS countA, count(DISTINCT cb) AS countB
RETURN ha.name AS hubA, hb.name AS hubB, '载体类型' AS dimension, 'carrier kind' AS dimensionEn,
       {park: '园区', platform: '平台', base: '基地', workstation: '工作站', incubator: '孵化器', community: '社区',
        fund_town: '基金小镇', service_center: '服务中心', lab_platform: '科研平台', other: '其他'}[kind] AS name,
       kind AS nameEn, countA, countB
ORDER BY countA + countB DESC, nameEn

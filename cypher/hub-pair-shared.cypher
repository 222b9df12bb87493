// title: 两个科创中心的共同点
// title_en: What two hubs share
// description: 两个科创中心都有举措的政策主题、都面向的人才类别，以及都拥有的载体类型（不含“其他”），附两地各自的举措数或载体数。
// description_en: The policy themes both hubs adopt measures under, the talent categories both target and the carrier kinds both have (except "other"), with each hub's number of measures or carriers.
// param: a string = 张江 | 科创中心甲 | First hub
// param: b string = 前海 | 科创中心乙 | Second hub
// param: level string = class | 人才类别层级（named 原文 / class 顶层类别 / all 含全部上位类） | Category level (named as in the text / class top-level classes / all with every broader category)
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
MATCH (ha)-[:ADOPTS]->(ma:Measure)-[:TARGETS]->(ta:TalentCategory)-[:PART_OF*0..]->(c:TalentCategory)
WHERE (($level = 'named' AND c = ta) OR ($level = 'class' AND NOT (c)-[:PART_OF]->(:TalentCategory)) OR $level = 'all')
WITH ha, hb, c, count(DISTINCT ma) AS countA
MATCH (hb)-[:ADOPTS]->(mb:Measure)-[:TARGETS]->(tb:TalentCategory)-[:PART_OF*0..]->(c)
WHERE (($level = 'named' AND c = tb) OR ($level = 'class' AND NOT (c)-[:PART_OF]->(:TalentCategory)) OR $level = 'all')
WITH ha, hb, c, countA, count(DISTINCT mb) AS countB
RETURN ha.name AS hubA, hb.name AS hubB, '人才类别' AS dimension, 'talent category' AS dimensionEn, c.name AS name,
       c.nameEn AS nameEn, countA, countB
ORDER BY countA + countB DESC, name
UNION ALL
MATCH (ha:Hub) WHERE ha.name = $a OR $a IN ha.aliases OR toLower(ha.nameEn) = toLower($a)
MATCH (hb:Hub) WHERE hb.name = $b OR $b IN hb.aliases OR toLower(hb.nameEn) = toLower($b)
MATCH (ha)-[:HAS_CARRIER|ESTABLISHES]->(ca:Carrier), (hb)-[:HAS_CARRIER|ESTABLISHES]->(cb:Carrier)
WHERE ca.kind = cb.kind AND NOT ca.kind IN ['other', 'infrastructure']
WITH ha, hb, ca.kind AS kind, count(DISTINCT ca) AS countA, count(DISTINCT cb) AS countB
RETURN ha.name AS hubA, hb.name AS hubB, '载体类型' AS dimension, 'carrier kind' AS dimensionEn,
       {park: '园区', platform: '平台', base: '基地', workstation: '工作站', incubator: '孵化器', community: '社区',
        fund_town: '基金小镇', service_center: '服务中心', lab_platform: '科研平台', infrastructure: '交通设施', other: '其他'}[kind] AS name,
       kind AS nameEn, countA, countB
ORDER BY countA + countB DESC, nameEn

// title: 一项政策带来了什么
// title_en: What a policy leads to
// description: 一份政策文件或政策包（连同其组成部分及其包含的人才计划）所包含的举措，这些举措的主题、政策工具和人才链环节（附举措数），它包含的人才计划、涉及的载体、面向的人才类别，以及发布机构和实施者。
// description_en: What a policy document or package leads to — together with its parts and the programmes it includes: its measures; their themes, policy instruments and talent-chain stages, each with its number of measures; the programmes it includes, the carriers involved and the talent categories targeted; who issued it and who implements it.
// param: policy string = 前海深港现代服务业合作区支持创新创业载体发展专项资金实施细则（试行） | 政策 | Policy
MATCH (p:Policy)
WHERE p.name = $policy OR p.id = $policy OR $policy IN p.aliases OR toLower(p.nameEn) = toLower($policy)
   OR replace(replace(p.name, '《', ''), '》', '') = $policy
OPTIONAL MATCH (part:Policy)-[:PART_OF*1..2]->(p)
WITH p, [p] + collect(DISTINCT part) AS pkg
OPTIONAL MATCH (q:Policy)-[:INCLUDES*1..2]->(m:Measure)
WHERE q IN pkg
WITH p, pkg, collect(DISTINCT m) AS measures
OPTIONAL MATCH (q:Policy)-[:INCLUDES]->(prog:Program)
WHERE q IN pkg
WITH p, pkg, measures, collect(DISTINCT prog) AS programmes
RETURN p.name AS policy,
       p.nameEn AS policyEn,
       p.year AS year,
       p.level AS level,
       [(p)-[:ISSUED_BY]->(o) | o.name] AS issuedBy,
       [(x)-[:IMPLEMENTS]->(p) | x.name] AS implementedBy,
       [q IN pkg WHERE q <> p | q.name] AS parts,
       size(measures) AS measureCount,
       [m IN measures | m.name] AS measures,
       COLLECT {
         UNWIND measures AS m
         MATCH (m)-[:BELONGS_TO]->(t:Theme)
         WITH t, count(DISTINCT m) AS n
         ORDER BY n DESC, t.order
         RETURN {theme: t.name, themeEn: t.nameEn, measures: n}
       } AS themes,
       COLLECT {
         UNWIND measures AS m
         MATCH (m)-[:HAS_INSTRUMENT]->(i:Instrument)-[:SUBTYPE_OF]->(type:Instrument)
         WITH type, i, count(DISTINCT m) AS n
         ORDER BY type.order, i.order
         RETURN {type: type.name, instrument: i.name, instrumentEn: i.nameEn, measures: n}
       } AS instruments,
       COLLECT {
         UNWIND measures AS m
         MATCH (m)-[:AT_STAGE]->(s:Stage)
         WITH s, count(DISTINCT m) AS n
         ORDER BY s.order
         RETURN {stage: s.name, stageEn: s.nameEn, measures: n}
       } AS stages,
       [prog IN programmes | prog.name] AS programmes,
       COLLECT {
         UNWIND pkg + programmes + measures AS x
         MATCH (x)--(c:Carrier)
         RETURN DISTINCT c.name
       } AS carriers,
       COLLECT {
         UNWIND pkg + programmes + measures AS x
         MATCH (x)-[:TARGETS]->(c:TalentCategory)
         WITH c, count(DISTINCT x) AS n
         ORDER BY n DESC, c.name
         RETURN {category: c.name, categoryEn: c.nameEn, targetedBy: n}
       } AS talentCategories

// title: 科创中心两两相似度
// title_en: How similar the hubs are
// description: 每两个科创中心之间的 Jaccard 相似度（共有项数 ÷ 两者合计的不同项数）：按举措所属的政策主题、举措面向的人才类别、拥有的载体类型（不含“其他”）分别计算，附共有的项和三者平均值。
// description_en: The Jaccard similarity of each pair of hubs (shared terms ÷ distinct terms of both) over the themes of their measures, the talent categories their measures target and the kinds of carrier they have (except "other"), with the shared terms and the mean of the three.
// param: level string = class | 人才类别层级（named 原文 / class 顶层类别 / all 含全部上位类） | Category level (named as in the text / class top-level classes / all with every broader category)
MATCH (a:Hub), (b:Hub)
WHERE a.id < b.id
WITH a, b,
     COLLECT { MATCH (a)-[:ADOPTS]->(:Measure)-[:BELONGS_TO]->(t:Theme) WITH DISTINCT t ORDER BY t.order RETURN t.name } AS themesA,
     COLLECT { MATCH (b)-[:ADOPTS]->(:Measure)-[:BELONGS_TO]->(t:Theme) WITH DISTINCT t ORDER BY t.order RETURN t.name } AS themesB,
     COLLECT { MATCH (a)-[:ADOPTS]->(:Measure)-[:TARGETS]->(tc:TalentCategory)-[:PART_OF*0..]->(c:TalentCategory) WHERE (($level = 'named' AND c = tc) OR ($level = 'class' AND NOT (c)-[:PART_OF]->(:TalentCategory)) OR $level = 'all') WITH DISTINCT c ORDER BY c.name RETURN c.name } AS categoriesA,
     COLLECT { MATCH (b)-[:ADOPTS]->(:Measure)-[:TARGETS]->(tc:TalentCategory)-[:PART_OF*0..]->(c:TalentCategory) WHERE (($level = 'named' AND c = tc) OR ($level = 'class' AND NOT (c)-[:PART_OF]->(:TalentCategory)) OR $level = 'all') WITH DISTINCT c ORDER BY c.name RETURN c.name } AS categoriesB,
     COLLECT { MATCH (a)-[:HAS_CARRIER|ESTABLISHES]->(k:Carrier) WHERE NOT k.kind IN ['other', 'infrastructure'] WITH DISTINCT k.kind AS kind ORDER BY kind RETURN kind } AS kindsA,
     COLLECT { MATCH (b)-[:HAS_CARRIER|ESTABLISHES]->(k:Carrier) WHERE NOT k.kind IN ['other', 'infrastructure'] WITH DISTINCT k.kind AS kind ORDER BY kind RETURN kind } AS kindsB
WITH a, b, themesA, themesB, categoriesA, categoriesB, kindsA, kindsB,
     [x IN themesA WHERE x IN themesB] AS sharedThemes,
     [x IN categoriesA WHERE x IN categoriesB] AS sharedCategories,
     [x IN kindsA WHERE x IN kindsB] AS sharedKinds
WITH a, b, sharedThemes, sharedCategories, sharedKinds,
     size(themesA) + size(themesB) - size(sharedThemes) AS themeUnion,
     size(categoriesA) + size(categoriesB) - size(sharedCategories) AS categoryUnion,
     size(kindsA) + size(kindsB) - size(sharedKinds) AS kindUnion
WITH a, b, sharedThemes, sharedCategories, sharedKinds,
     CASE themeUnion WHEN 0 THEN 0.0 ELSE toFloat(size(sharedThemes)) / themeUnion END AS themes,
     CASE categoryUnion WHEN 0 THEN 0.0 ELSE toFloat(size(sharedCategories)) / categoryUnion END AS categories,
     CASE kindUnion WHEN 0 THEN 0.0 ELSE toFloat(size(sharedKinds)) / kindUnion END AS kinds,
     themeUnion, categoryUnion, kindUnion
RETURN a.name AS hubA,
       a.nameEn AS hubAEn,
       b.name AS hubB,
       b.nameEn AS hubBEn,
       round(themes, 3) AS themeJaccard,
       size(sharedThemes) + '/' + themeUnion AS themeShare,
       round(categories, 3) AS categoryJaccard,
       size(sharedCategories) + '/' + categoryUnion AS categoryShare,
       round(kinds, 3) AS carrierKindJaccard,
       size(sharedKinds) + '/' + kindUnion AS carrierKindShare,
       round((themes + categories + kinds) / 3, 3) AS mean,
       sharedThemes,
       sharedCategories,
       sharedKinds AS sharedCarrierKinds
ORDER BY mean DESC, hubA, hubB

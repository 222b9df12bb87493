// title: 引用某段原文的实体与关系
// title_en: What cites a passage of the source
// description: 引文中包含给定文字的实体和关系（用 quotes 列表查询，无需解析 JSON），附该引文所在章节与位置。
// description_en: The entities and relationships whose quotes contain the given text (asked of the quotes lists, no JSON parsing), with the section and offset of the quote.
// param: text string = 三窗合一 | 原文片段 | Text in the quote
MATCH (n:Entity)
WHERE any(q IN n.quotes WHERE q CONTAINS $text)
WITH n, [i IN range(0, size(n.quotes) - 1) WHERE n.quotes[i] CONTAINS $text][0] AS i
RETURN 'node' AS kind, [l IN labels(n) WHERE l <> 'Entity'][0] AS type, n.name AS name, null AS target,
       n.quotes[i] AS quote, n.quoteSections[i] AS section, n.quoteStarts[i] AS start
UNION ALL
MATCH (a:Entity)-[r]->(b:Entity)
WHERE any(q IN r.quotes WHERE q CONTAINS $text)
WITH a, r, b, [i IN range(0, size(r.quotes) - 1) WHERE r.quotes[i] CONTAINS $text][0] AS i
RETURN 'relationship' AS kind, type(r) AS type, a.name AS name, b.name AS target,
       r.quotes[i] AS quote, r.quoteSections[i] AS section, r.quoteStarts[i] AS start

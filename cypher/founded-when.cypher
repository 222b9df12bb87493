// title: 谁在何时成立了什么
// title_en: Who founded what, and when
// description: 成立、建设或设立关系（ESTABLISHES）及其年份、月份，加上原文给出成立时间的实体（founded、foundedDate），附原文引文；按年份排序。
// description_en: Who founded, built or set up what (ESTABLISHES) with the year and month, and the entities whose founding date the text gives (founded, foundedDate), with the quote; by year.
MATCH (x:Entity)
WHERE x.founded IS NOT NULL OR x.foundedDate IS NOT NULL OR EXISTS { ()-[:ESTABLISHES]->(x) }
OPTIONAL MATCH (f)-[r:ESTABLISHES]->(x)
WITH x, r, f,
     coalesce(r.date, x.foundedDate, toString(coalesce(r.year, x.founded))) AS date
RETURN x.name AS entity,
       x.nameEn AS entityEn,
       [l IN labels(x) WHERE l <> 'Entity'][0] AS label,
       f.name AS founder,
       r.role AS role,
       coalesce(r.year, x.founded, toInteger(left(date, 4))) AS year,
       date,
       coalesce(r.quotes[0], x.quotes[0]) AS quote
ORDER BY year, date, entity, founder

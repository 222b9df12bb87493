// title: 地区层级
// title_en: Regions and what they are part of
// description: 每个地区沿 PART_OF 向上直到国家的路径（城市→省→中国；香港、澳门为特别行政区），以及该地区的科创中心和新闻数。
// description_en: Every region with its path up to its country by PART_OF (city → province → 中国; 香港 and 澳门 as special administrative regions), with the hubs located in it and the news items that name it.
MATCH (r:Region)
OPTIONAL MATCH path = (r)-[:PART_OF*1..6]->(c:Region {kind: 'country'})
WITH r, path ORDER BY length(path)
WITH r, head(collect(path)) AS path
RETURN r.name AS region,
       r.nameEn AS regionEn,
       r.kind AS kind,
       CASE WHEN path IS NULL THEN [r.name] ELSE [n IN nodes(path) | n.name] END AS chain,
       COUNT { (:Hub)-[:LOCATED_IN]->(r) } AS hubs,
       COUNT { (:NewsItem)-[:MENTIONS]->(r) } AS news
ORDER BY size(chain), chain[-1], region

// title: 浙江视角：资讯主题与三地主题对照
// title_en: The Zhejiang lens: news themes against the hubs' themes
// description: 对每个政策主题，列出在该主题下有举措的科创中心，以及发生在浙江（或 region 指定的地区及其下辖地区）的 2020 年 7 月人才资讯中报道内容属于该主题的条目数与标题；coverage 标出三地与浙江资讯是否都涉及。
// description_en: For each policy theme, the hubs that adopt measures under it, and how many of the July 2020 news items set in Zhejiang (or in the given region and the places within it) report something under it, with their titles; coverage says whether the hubs, the Zhejiang news, or both touch it.
// param: region string = 浙江 | 地区 | Region
MATCH (t:Theme)
OPTIONAL MATCH (h:Hub)-[:ADOPTS]->(m:Measure)-[:BELONGS_TO]->(t)
WITH t, h, count(DISTINCT m) AS n
ORDER BY h.established, h.name
WITH t, collect(CASE WHEN h IS NULL THEN null ELSE {hub: h.name, hubEn: h.nameEn, measures: n} END) AS perHub
OPTIONAL MATCH (news:NewsItem)-[:REPORTS]->(x)-[:BELONGS_TO]->(t)
WHERE EXISTS {
  MATCH (news)-[:MENTIONS]->(:Region)-[:PART_OF*0..3]->(r:Region)
  WHERE r.name = $region OR $region IN r.aliases OR toLower(r.nameEn) = toLower($region)
}
WITH t, perHub, news, count(DISTINCT x) AS reported
ORDER BY news.date
WITH t, perHub, collect(CASE WHEN news IS NULL THEN null ELSE {date: news.date, title: news.name, titleEn: news.nameEn, items: reported} END) AS newsItems
WITH t, perHub, newsItems, size(perHub) AS hubs, size(newsItems) AS news
RETURN t.name AS theme,
       t.nameEn AS themeEn,
       hubs,
       [p IN perHub | p.hub] AS hubNames,
       news,
       news > 0 AS inNews,
       CASE
         WHEN hubs > 0 AND news > 0 THEN '两者皆有'
         WHEN hubs > 0 THEN '仅科创中心'
         WHEN news > 0 THEN '仅资讯'
         ELSE '皆无'
       END AS coverageZh,
       CASE
         WHEN hubs > 0 AND news > 0 THEN 'both'
         WHEN hubs > 0 THEN 'hubs only'
         WHEN news > 0 THEN 'news only'
         ELSE 'neither'
       END AS coverage,
       perHub,
       newsItems
ORDER BY news DESC, hubs DESC, t.order

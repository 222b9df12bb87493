// title: 按城市与主题筛选人才资讯
// title_en: News items by city and theme
// description: 2020 年 7 月的人才资讯中，发生在某城市或地区（含其下辖地区，或地点含该名称）且涉及某主题的条目，附日期、标题、链接、提及的地区及其报道内容所属的主题。city 或 theme 填“全部”（或留空）即不限。
// description_en: The July 2020 news items set in a city or region (or a place within it, or whose place names it) that concern a theme, with date, title, link, the regions mentioned and the themes of what they report. Give 全部 / all (or nothing) for city or theme to not filter by it.
// param: city string = 杭州 | 城市或地区 | City or region
// param: theme string = 全部 | 主题 | Theme
MATCH (n:NewsItem)
WHERE $city IN ['', '全部', 'all', '*']
   OR n.place CONTAINS $city
   OR EXISTS {
        MATCH (n)-[:MENTIONS]->(:Region)-[:PART_OF*0..3]->(r:Region)
        WHERE r.name = $city OR $city IN r.aliases OR toLower(r.nameEn) = toLower($city)
      }
OPTIONAL MATCH (n)-[:REPORTS]->(x)-[:BELONGS_TO]->(t:Theme)
WITH n, t, count(DISTINCT x) AS items
ORDER BY items DESC, t.order
WITH n, collect(t) AS themes
WHERE $theme IN ['', '全部', 'all', '*']
   OR any(t IN themes WHERE t.name = $theme OR t.id = $theme OR $theme IN t.aliases OR toLower(t.nameEn) = toLower($theme))
RETURN n.date AS date,
       n.name AS title,
       n.nameEn AS titleEn,
       n.place AS place,
       [(n)-[:MENTIONS]->(r:Region) | r.name] AS regions,
       [t IN themes | t.name] AS themes,
       [t IN themes | t.nameEn] AS themesEn,
       n.url AS url
ORDER BY date, title

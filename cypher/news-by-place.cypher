// title: 按地区的人才资讯
// title_en: News items by place
// description: 2020 年 7 月人才资讯，按地点与日期排列，附其报道的举措数与链接。
// description_en: The July 2020 talent news items by place and date, with the number of measures each reports and its link.
MATCH (n:NewsItem)
RETURN n.place AS place, n.date AS date, n.name AS title, COUNT { (n)-[:REPORTS]->(:Measure) } AS measures, n.url AS url
ORDER BY place, date

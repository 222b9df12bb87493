// title: 三地统计数据对照
// title_en: The hubs' figures side by side
// description: 三个科创中心的全部统计数据并列。只有指标键（metric，同一指标、同一类人群，如 average-age/employees）和换算后的单位都相同、且都不是目标值的数据才互相比较（topic 为指标键，排在前面）；其余数据注明不可比较的原因：target（目标值）、unit（单位不同）、population（同一指标但人群不同）、unique（其他科创中心没有）。comparable=true 时只列可比较的数据。
// description_en: Every figure of the hubs side by side. Figures are compared only when they share a metric key (the same measure of the same kind of population, e.g. average-age/employees) and a base unit, and neither is a target (topic is then the metric key; these come first); every other figure says why not: target, unit (another unit), population (the same measure of another population) or unique (no other hub gives it). comparable=true lists only the comparable figures.
// param: comparable boolean = false | 只看可比较的数据 | Only comparable figures
MATCH (h:Hub)-[:HAS_STATISTIC]->(s:Statistic)
CALL (h, s) {
  OPTIONAL MATCH (o:Hub)-[:HAS_STATISTIC]->(t:Statistic)
  WHERE o <> h AND s.metric IS NOT NULL AND coalesce(t.target, false) = false
  RETURN count(DISTINCT CASE WHEN t.metric = s.metric AND t.baseUnit = s.baseUnit THEN o END) AS same,
         count(DISTINCT CASE WHEN t.metric = s.metric THEN o END) AS sameMetric,
         count(DISTINCT CASE WHEN split(t.metric, '/')[0] = split(s.metric, '/')[0] THEN o END) AS sameFamily
}
WITH h, s, same,
     CASE
       WHEN coalesce(s.target, false) THEN 'target'
       WHEN same > 0 THEN null
       WHEN sameMetric > 0 THEN 'unit'
       WHEN sameFamily > 0 THEN 'population'
       ELSE 'unique'
     END AS reason
WHERE NOT $comparable OR reason IS NULL
WITH h, s, reason,
     CASE WHEN reason IS NULL THEN s.metric ELSE s.measure END AS topic,
     CASE WHEN reason IS NULL THEN s.metric ELSE s.measureEn END AS topicEn,
     CASE WHEN reason IS NULL THEN same + 1 ELSE 1 END AS hubs
RETURN topic,
       topicEn,
       hubs,
       h.name AS hub,
       h.nameEn AS hubEn,
       s.measure AS metric,
       s.measureEn AS metricEn,
       s.value AS value,
       s.unit AS unit,
       s.baseValue AS baseValue,
       s.baseUnit AS baseUnit,
       s.year AS year,
       s.asOf AS asOf,
       s.qualifier AS qualifier,
       s.metric AS metricKey,
       s.population AS population,
       reason
ORDER BY hubs DESC, topicEn, h.established, hub, metricEn

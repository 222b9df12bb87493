// title: 政策由谁发布
// title_en: Who issued a policy
// description: 每份政策文件或人才计划的全部发布机构（ISSUED_BY），以及原文给出的发布机构总数（当原文只点名其中几个时）。
// description_en: Every issuer of each policy document or programme (ISSUED_BY), and the number of issuers the text gives when it names only some of them.
MATCH (p)-[r:ISSUED_BY]->(o)
WHERE p:Policy OR p:Program
WITH p, o, r ORDER BY o.name
WITH p, collect({issuer: o.name, issuerEn: o.nameEn, year: r.year, date: r.date}) AS issuers
OPTIONAL MATCH (p)-[:HAS_STATISTIC]->(s:Statistic)
WHERE s.unit IN ['个', '家'] AND (s.measure CONTAINS '部门' OR s.measure CONTAINS '单位' OR s.measure CONTAINS '机构')
RETURN p.name AS policy,
       p.nameEn AS policyEn,
       size(issuers) AS named,
       s.value AS issuersInText,
       issuers
ORDER BY policy

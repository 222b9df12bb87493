// title: 联盟及其成员
// title_en: Alliances and their members
// description: 每个联盟的成员及其角色。
// description_en: Every alliance with its members and their roles.
MATCH (a:Alliance)
OPTIONAL MATCH (o)-[r:MEMBER_OF]->(a)
WITH a, o, r ORDER BY o.name
RETURN a.name AS alliance, a.nameEn AS allianceEn, a.founded AS founded,
       collect(CASE WHEN o IS NULL THEN null ELSE {member: o.name, role: r.role} END) AS members
ORDER BY alliance

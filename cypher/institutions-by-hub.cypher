// title: 科创中心的机构与载体
// title_en: A hub's institutions and carriers
// description: 与一个科创中心直接相连的机构（Organization）和载体平台（Carrier）——拥有或建设（HAS_CARRIER、ESTABLISHES）、位于其中（LOCATED_IN、PART_OF）、运营或合作——以及运营其载体的机构，按类型分组并计数。
// description_en: The organisations and the carriers/platforms linked directly to a hub — it has or builds them (HAS_CARRIER, ESTABLISHES), they sit in it (LOCATED_IN, PART_OF), operate or cooperate — and the organisations that operate its carriers, grouped by kind with counts.
// param: hub string = 张江 | 科创中心 | Hub
MATCH (h:Hub)
WHERE h.name = $hub OR $hub IN h.aliases OR toLower(h.nameEn) = toLower($hub)
WITH h,
     [(h)-[r:HAS_CARRIER|ESTABLISHES|LOCATED_IN|PART_OF|OPERATES|COOPERATES_WITH]-(x)
      WHERE x:Organization OR x:Carrier | {node: x, via: type(r)}] +
     [(h)-[:HAS_CARRIER|ESTABLISHES]->(c:Carrier)<-[:OPERATES]-(x:Organization) | {node: x, via: 'OPERATES ' + c.name}] AS links
UNWIND links AS link
WITH h, link.node AS x, link.via AS via ORDER BY via
WITH h, x, collect(DISTINCT via) AS via
WITH h, x, via, CASE WHEN x:Carrier THEN 'Carrier' ELSE 'Organization' END AS type
ORDER BY x.name
WITH h, type, x.kind AS kind, collect({name: x.name, nameEn: x.nameEn, via: via}) AS items
RETURN h.name AS hub,
       h.nameEn AS hubEn,
       CASE type WHEN 'Carrier' THEN '载体' ELSE '机构' END AS type,
       type AS typeEn,
       CASE type
         WHEN 'Carrier' THEN {park: '园区', platform: '平台', base: '基地', workstation: '工作站', incubator: '孵化器',
                              community: '社区', fund_town: '基金小镇', service_center: '服务中心',
                              lab_platform: '科研平台', other: '其他'}[kind]
         ELSE {university: '高校', research_institute: '科研院所', laboratory: '实验室', enterprise: '企业',
               government: '政府机构', association: '协会', hospital: '医院', school: '学校', investor: '投资机构',
               intermediary: '中介机构', media: '媒体', other: '其他'}[kind]
       END AS kind,
       kind AS kindEn,
       size(items) AS count,
       items
ORDER BY typeEn, count DESC, kindEn

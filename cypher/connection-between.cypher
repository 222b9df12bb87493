// title: 两个实体之间的联系
// title_en: How two entities are connected
// description: 两个实体（按名称、别名、英文名或 id 查找）之间最多 6 步的全部最短路径：返回路径本身（可在图中绘出），以及途经的名称和关系类型。默认不经过主题、政策工具、人才链环节等分类节点（viaTaxonomy=true 则允许）。
// description_en: All shortest paths of at most 6 steps between two entities (found by name, alias, English name or id): the path itself, to draw, and the names and relationship types along it. By default paths do not pass through the taxonomy nodes (themes, instruments, stages); viaTaxonomy=true allows them.
// param: from string = 张江 | 起点 | From
// param: to string = 浙江 | 终点 | To
// param: viaTaxonomy boolean = false | 允许经过分类节点 | Allow paths through taxonomy nodes
MATCH (a:Entity)
WHERE a.name = $from OR a.id = $from OR $from IN a.aliases OR toLower(a.nameEn) = toLower($from)
MATCH (b:Entity)
WHERE b.name = $to OR b.id = $to OR $to IN b.aliases OR toLower(b.nameEn) = toLower($to)
WITH a, b WHERE a <> b
MATCH path = allShortestPaths((a)-[*..6]-(b))
WHERE all(x IN nodes(path) WHERE $viaTaxonomy OR x = a OR x = b OR NOT (x:Theme OR x:Instrument OR x:Stage))
WITH path, nodes(path) AS ns, relationships(path) AS rs
LIMIT 25
RETURN path,
       length(path) AS hops,
       [x IN ns | x.name] AS names,
       [x IN ns | x.nameEn] AS namesEn,
       [r IN rs | type(r)] AS relationships,
       reduce(route = ns[0].name, i IN range(0, size(rs) - 1) |
         route + CASE WHEN startNode(rs[i]) = ns[i] THEN ' -[' + type(rs[i]) + ']-> ' ELSE ' <-[' + type(rs[i]) + ']- ' END
         + ns[i + 1].name) AS route

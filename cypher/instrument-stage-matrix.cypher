// title: 政策工具 × 人才链环节矩阵
// title_en: Instrument × talent-chain stage matrix
// description: 每个科创中心的举措按政策工具类型（无上位工具的类型，如供给型、环境型、需求型）与人才链环节（图谱中的全部 Stage，按 order）交叉计数；stages 列出每个环节的举措数，一项举措可属多个工具与环节，total 为该工具类型下的不同举措数。工具类型与环节都取自图谱，新增的环节自动出现。
// description_en: Each hub's measures counted by policy-instrument type (instruments with no broader one: supply-side, environmental, demand-side) and by talent-chain stage (every Stage of the graph, by order); stages lists the measures at each stage, a measure may fall under several instruments and stages, and total is the number of distinct measures of that instrument type. Types and stages both come from the graph, so a new stage appears by itself.
MATCH (h:Hub), (type:Instrument)
WHERE NOT EXISTS { (type)-[:SUBTYPE_OF]->() }
OPTIONAL MATCH (h)-[:ADOPTS]->(m:Measure)-[:HAS_INSTRUMENT]->(:Instrument)-[:SUBTYPE_OF*0..1]->(type)
WITH h, type, collect(DISTINCT m) AS ms
CALL (ms) {
  MATCH (s:Stage)
  WITH s ORDER BY s.order, s.name
  RETURN collect({
    stage: s.name,
    stageEn: s.nameEn,
    id: s.id,
    measures: size([m IN ms WHERE EXISTS { (m)-[:AT_STAGE]->(s) }])
  }) AS stages
}
RETURN h.name AS hub,
       h.nameEn AS hubEn,
       type.name AS instrument,
       type.nameEn AS instrumentEn,
       stages,
       size(ms) AS total
ORDER BY h.established, hub, type.order

// title: 政策工具 × 人才链环节矩阵
// title_en: Instrument × talent-chain stage matrix
// description: 每个科创中心的举措按政策工具类型（供给型、环境型、需求型）与人才链环节（引才、育才、用才、留才）交叉计数；一项举措可属多个工具与环节，total 为该工具类型下的不同举措数。
// description_en: Each hub's measures counted by policy-instrument type (supply-side, environmental, demand-side) and talent-chain stage (attract, cultivate, use, retain); a measure may fall under several instruments and stages, and total is the number of distinct measures of that instrument type.
MATCH (h:Hub), (type:Instrument)
WHERE NOT EXISTS { (type)-[:SUBTYPE_OF]->() }
OPTIONAL MATCH (h)-[:ADOPTS]->(m:Measure)-[:HAS_INSTRUMENT]->(:Instrument)-[:SUBTYPE_OF*0..1]->(type)
WITH h, type, collect(DISTINCT m) AS ms
RETURN h.name AS hub,
       h.nameEn AS hubEn,
       type.name AS instrument,
       type.nameEn AS instrumentEn,
       size([m IN ms WHERE EXISTS { (m)-[:AT_STAGE]->(:Stage {id: 'stage:attract'}) }]) AS attract,
       size([m IN ms WHERE EXISTS { (m)-[:AT_STAGE]->(:Stage {id: 'stage:cultivate'}) }]) AS cultivate,
       size([m IN ms WHERE EXISTS { (m)-[:AT_STAGE]->(:Stage {id: 'stage:use'}) }]) AS use,
       size([m IN ms WHERE EXISTS { (m)-[:AT_STAGE]->(:Stage {id: 'stage:retain'}) }]) AS retain,
       size(ms) AS total
ORDER BY h.established, hub, type.order

/**
 * Rules and word lists for Chinese talent-policy text: which head words make a name an organisation,
 * an alliance, a programme, a talent category, a carrier or an industry; which words end a name when
 * reading leftwards from its head; the policy verbs that mark a measure. General domain knowledge
 * only — nothing here names an entity of a particular report.
 */
import type { CARRIER_KINDS, Label, ORGANIZATION_KINDS } from "../../graph/model.ts";

export type OrgKind = (typeof ORGANIZATION_KINDS)[number];
export type CarrierKind = (typeof CARRIER_KINDS)[number];

export interface HeadRule {
  suffix: string;
  label: Label;
  /** props.kind for organisations and carriers, decided from the whole name when a function. */
  kind?: OrgKind | CarrierKind | ((name: string) => OrgKind | CarrierKind);
  /** The head word alone is a complete name (院士, 博士后), not only a class word (人才). */
  standalone?: boolean;
  /** Minimum length of the whole name. */
  min?: number;
  confidence?: number;
}

const orgKindOfInstitution = (name: string): OrgKind =>
  /猎头|中介|人力资源|服务|测评|咨询|设计/u.test(name)
    ? "intermediary"
    : /投资|创投|基金|资本/u.test(name)
      ? "investor"
      : /研发|科研|研究/u.test(name)
        ? "research_institute"
        : /医疗|医院/u.test(name)
          ? "hospital"
          : /学校|教育|办学|培训/u.test(name)
            ? "school"
            : "other";

const centreKind = (name: string): OrgKind | CarrierKind =>
  /服务中心$/u.test(name)
    ? "service_center"
    : /(创新|科创|孵化|双创|创业)中心$/u.test(name)
      ? "platform"
      : /(工程|技术|研究)中心$/u.test(name)
        ? "lab_platform"
        : /医学中心$/u.test(name)
          ? "hospital"
          : /促进中心|转化中心|评估/u.test(name)
            ? "intermediary"
            : "other";

/** Whether a 中心 is run as a platform (a carrier) rather than being an institution. */
export function centreIsCarrier(name: string): boolean {
  return (
    /(服务|创新|科创|孵化|双创|创业|工程|技术|研究)中心$/u.test(name) && !/(大学|学院).+中心$/u.test(name)
  );
}

/** The kind a head rule gives a name (organisations and carriers), or undefined. */
export function kindOfRule(rule: HeadRule | undefined, name: string): OrgKind | CarrierKind | undefined {
  return typeof rule?.kind === "function" ? rule.kind(name) : rule?.kind;
}

/** A word list written as one space-separated string. */
function words(list: string): Set<string> {
  return new Set(list.split(/\s+/u).filter(Boolean));
}

/** Head words; names.ts tries the longest suffix first. */
export const HEAD_RULES: HeadRule[] = [
  // composite places
  { suffix: "自由贸易试验区", label: "Region", min: 9 },
  { suffix: "自贸片区", label: "Region", min: 6 },
  { suffix: "自贸区", label: "Region", min: 4 },
  // alliances and organisations
  { suffix: "联盟", label: "Alliance", min: 4, confidence: 0.75 },
  { suffix: "管理委员会", label: "Organization", kind: "government", min: 6 },
  { suffix: "人民政府", label: "Organization", kind: "government", min: 5 },
  {
    suffix: "有限公司",
    label: "Organization",
    kind: (n) => (/投资|创投|资本/u.test(n) ? "investor" : "enterprise"),
  },
  { suffix: "研究院", label: "Organization", kind: "research_institute", min: 4 },
  { suffix: "研究所", label: "Organization", kind: "research_institute", min: 4 },
  { suffix: "科学院", label: "Organization", kind: "research_institute", min: 4 },
  { suffix: "工程院", label: "Organization", kind: "research_institute", min: 4 },
  { suffix: "实验室", label: "Organization", kind: "laboratory", min: 4 },
  { suffix: "大学", label: "Organization", kind: "university", min: 4 },
  { suffix: "学院", label: "Organization", kind: "university", min: 4 },
  { suffix: "公学", label: "Organization", kind: "school", min: 4 },
  { suffix: "学校", label: "Organization", kind: "school", min: 4 },
  { suffix: "医院", label: "Organization", kind: "hospital", min: 4 },
  { suffix: "联合会", label: "Organization", kind: "association", min: 4 },
  { suffix: "协会", label: "Organization", kind: "association", min: 4 },
  { suffix: "学会", label: "Organization", kind: "association", min: 4 },
  { suffix: "科协", label: "Organization", kind: "association", min: 3 },
  { suffix: "理事会", label: "Organization", kind: "association", min: 5 },
  { suffix: "管委会", label: "Organization", kind: "government", min: 4 },
  { suffix: "委员会", label: "Organization", kind: "government", min: 5 },
  { suffix: "党工委", label: "Organization", kind: "government", min: 3, standalone: true },
  { suffix: "市委", label: "Organization", kind: "government", min: 3 },
  { suffix: "省委", label: "Organization", kind: "government", min: 3 },
  { suffix: "政府", label: "Organization", kind: "government", min: 3 },
  { suffix: "办公室", label: "Organization", kind: "government", min: 5 },
  { suffix: "人才办", label: "Organization", kind: "government", min: 3, standalone: true },
  { suffix: "厅", label: "Organization", kind: "government", min: 3 },
  { suffix: "局", label: "Organization", kind: "government", min: 3 },
  { suffix: "处", label: "Organization", kind: "government", min: 3 },
  { suffix: "署", label: "Organization", kind: "government", min: 3 },
  { suffix: "部", label: "Organization", kind: "government", min: 3 },
  { suffix: "集团", label: "Organization", kind: "enterprise", min: 4 },
  {
    suffix: "公司",
    label: "Organization",
    kind: (n) => (/投资|创投|基金/u.test(n) ? "investor" : "enterprise"),
    min: 4,
  },
  { suffix: "银行", label: "Organization", kind: "enterprise", min: 3 },
  { suffix: "机构", label: "Organization", kind: orgKindOfInstitution, min: 4, confidence: 0.45 },
  { suffix: "企业", label: "Organization", kind: "enterprise", min: 4, confidence: 0.4 },
  { suffix: "社会组织", label: "Organization", kind: "association", min: 5, confidence: 0.4 },
  { suffix: "分校", label: "Organization", kind: "university", min: 4 },
  { suffix: "校区", label: "Organization", kind: "university", min: 4 },
  { suffix: "工作组", label: "Organization", kind: "government", min: 4, confidence: 0.45 },
  // carriers (platforms and places); 中心 is decided by centreIsCarrier
  { suffix: "中心", label: "Organization", kind: centreKind, min: 4, confidence: 0.5 },
  { suffix: "工作站", label: "Carrier", kind: "workstation", min: 4 },
  { suffix: "孵化机构", label: "Carrier", kind: "incubator", min: 4, confidence: 0.45 },
  { suffix: "重点实验室", label: "Carrier", kind: "lab_platform", min: 5 },
  { suffix: "孵化器", label: "Carrier", kind: "incubator", min: 3, standalone: true },
  { suffix: "众创空间", label: "Carrier", kind: "incubator", standalone: true },
  { suffix: "基地", label: "Carrier", kind: "base", min: 4 },
  { suffix: "科技园", label: "Carrier", kind: "park", min: 3, standalone: true },
  { suffix: "产业园", label: "Carrier", kind: "park", min: 4 },
  { suffix: "创业园", label: "Carrier", kind: "park", min: 4 },
  { suffix: "园区", label: "Carrier", kind: "park", min: 4, confidence: 0.45 },
  { suffix: "小镇", label: "Carrier", kind: (n) => (/基金/u.test(n) ? "fund_town" : "park"), min: 4 },
  { suffix: "公寓", label: "Carrier", kind: "community", min: 4 },
  { suffix: "社区", label: "Carrier", kind: "community", min: 5 },
  { suffix: "窗口", label: "Carrier", kind: "service_center", min: 5 },
  { suffix: "综合体", label: "Carrier", kind: "platform", min: 4 },
  { suffix: "平台", label: "Carrier", kind: "platform", min: 5, confidence: 0.4 },
  { suffix: "服务网络", label: "Carrier", kind: "platform", min: 6 },
  { suffix: "科技城", label: "Carrier", kind: "park", min: 4 },
  // infrastructure a hub is built around (airports, ports, roads, lines, stations)
  { suffix: "机场", label: "Carrier", kind: "other", min: 4 },
  { suffix: "保税港区", label: "Carrier", kind: "park", min: 6 },
  // programmes
  { suffix: "计划", label: "Program", min: 4 },
  { suffix: "工程", label: "Program", min: 4 },
  { suffix: "专项", label: "Program", min: 4 },
  { suffix: "行动", label: "Program", min: 6, confidence: 0.45 },
  { suffix: "大赛", label: "Program", min: 4 },
  { suffix: "沙龙", label: "Program", min: 4 },
  { suffix: "论坛", label: "Program", min: 6, confidence: 0.45 },
  { suffix: "交流大会", label: "Program", min: 6 },
  { suffix: "博览会", label: "Program", min: 5 },
  { suffix: "交流会", label: "Program", min: 5, confidence: 0.45 },
  { suffix: "年会", label: "Program", min: 4 },
  { suffix: "大奖", label: "Program", min: 4 },
  { suffix: "奖", label: "Program", min: 4, confidence: 0.5 },
  // policies named without 《》
  { suffix: "新政", label: "Policy", min: 4, confidence: 0.5 },
  { suffix: "政策", label: "Policy", min: 8, confidence: 0.45 },
  { suffix: "规划", label: "Policy", min: 7, confidence: 0.45 },
  { suffix: "目录", label: "Policy", min: 5, confidence: 0.45 },
  // industries
  { suffix: "服务业", label: "Industry", min: 4 },
  { suffix: "制造业", label: "Industry", min: 4 },
  { suffix: "产业", label: "Industry", min: 4, confidence: 0.45 },
  { suffix: "行业", label: "Industry", min: 4, confidence: 0.45 },
  { suffix: "金融业", label: "Industry", min: 3, standalone: true },
  { suffix: "产业集群", label: "Industry", min: 5 },
  { suffix: "制造集群", label: "Industry", min: 5 },
  { suffix: "经济", label: "Industry", min: 4, confidence: 0.45 },
  // talent categories
  { suffix: "人才团队", label: "TalentCategory", min: 5 },
  { suffix: "人才", label: "TalentCategory", min: 4 },
  { suffix: "留学人员", label: "TalentCategory", standalone: true },
  { suffix: "人员", label: "TalentCategory", min: 4, confidence: 0.5 },
  { suffix: "人士", label: "TalentCategory", min: 4 },
  { suffix: "人群", label: "TalentCategory", min: 4 },
  { suffix: "专家", label: "TalentCategory", standalone: true },
  { suffix: "学者", label: "TalentCategory", standalone: true },
  { suffix: "院士", label: "TalentCategory", standalone: true },
  { suffix: "博士后", label: "TalentCategory", standalone: true },
  { suffix: "博士", label: "TalentCategory", standalone: true },
  { suffix: "科学家", label: "TalentCategory", standalone: true },
  { suffix: "导师", label: "TalentCategory", standalone: true },
  { suffix: "青少年", label: "TalentCategory", min: 4 },
  { suffix: "青年", label: "TalentCategory", min: 4 },
  { suffix: "毕业生", label: "TalentCategory", min: 4 },
  { suffix: "大学生", label: "TalentCategory", standalone: true },
  { suffix: "研究生", label: "TalentCategory", standalone: true },
  { suffix: "本科生", label: "TalentCategory", standalone: true },
  { suffix: "留学生", label: "TalentCategory", standalone: true },
  { suffix: "创业者", label: "TalentCategory", standalone: true },
  { suffix: "投资人", label: "TalentCategory", min: 4 },
  { suffix: "获得者", label: "TalentCategory", min: 4 },
  { suffix: "获奖者", label: "TalentCategory", min: 4 },
  { suffix: "入选者", label: "TalentCategory", min: 4 },
  { suffix: "经纪人", label: "TalentCategory", min: 4 },
  { suffix: "经理人", label: "TalentCategory", min: 4 },
  { suffix: "工程师", label: "TalentCategory", standalone: true },
  { suffix: "会计师", label: "TalentCategory", standalone: true },
  { suffix: "建筑师", label: "TalentCategory", standalone: true },
  { suffix: "律师", label: "TalentCategory", standalone: true },
  { suffix: "医师", label: "TalentCategory", min: 3 },
  { suffix: "医生", label: "TalentCategory", standalone: true },
  { suffix: "华侨", label: "TalentCategory", standalone: true },
  { suffix: "华人", label: "TalentCategory", min: 3 },
  { suffix: "居民", label: "TalentCategory", min: 4 },
  { suffix: "创业团队", label: "TalentCategory", standalone: true },
  { suffix: "创新团队", label: "TalentCategory", min: 4, standalone: true },
  { suffix: "科研团队", label: "TalentCategory", min: 4, standalone: true },
  { suffix: "外国人", label: "TalentCategory", standalone: true },
];

/** Words that end a name when reading leftwards from its head word (besides punctuation). */
export const NAME_STOP_WORDS = words(
  "等 和 与 及 以及 或 其中 包括 的 之 在 对 为 向 从 由 将 把 被 以 通过 依托 围绕 面向 聚焦 针对 按 按照 根据 其 该 这 此 各 各类 一批 一系列 相关 有关 " +
    "大量 众多 多家 多所 一流 首批 第二批 一个 了 是 有 为主 以上 以下 左右 近 超 达 主要 重点 现有 新 全市 全省 全区 全国 我省 我市 我国 同时 此外 并 还 也 都 已 " +
    "正 又 中 内 外 上 下 后 如 比如 例如 年度 最高奖 即 来 向 于 至 到 给",
);

/** Verbs that begin a measure clause; never part of a name. Also the policy verbs of measures. */
export const POLICY_VERBS = words(
  "实施 推行 建立 设立 开展 出台 给予 给与 提供 支持 鼓励 试点 推进 推动 建设 打造 构建 完善 引进 吸引 举办 成立 发布 制定 落实 开通 优化 搭建 创建 组建 启动 加快 " +
    "加强 加大 深化 探索 允许 放宽 提升 扶持 资助 补贴 奖励 减按 免征 培养 培育 集聚 聚集 引导 简化 争取 率先 整合 上线 印发 推广 健全 设置 聘请 强化 开辟 保障 解决 " +
    "遴选 评选 认定 指定 办理 招聘 签署 审议 共建 联合 发起 组织 设计 规划 壮大 发展 开放 创新 营造 改革 给 配套 表彰 颁发 揭牌 开园 签约 征集 推出 提出 要求 强调 " +
    "编制 紧盯 做好 建成 实现 促进 加速 拓展 关心 纳入 助力 当好 支撑 试行 降低 减少 赋予 配合 协调 跟踪 优先 开通 发放 统筹 对接 放开 承接 筹集 推荐 聘任 选拔 开发 " +
    "运用 探索推进 布局 突破 征收 减免 减半 享受",
);

/** Verbs that are common inside names (联合培养基地, 创新中心, 引导基金) and so never end one. */
export const NAME_VERBS = words(
  "联合 创新 促进 服务 培养 规划 设计 开放 引导 交流 孵化 创业 转化 研发 评估 测评",
);
/** Verbs that end a name (reading leftwards), on top of the policy verbs. */
export const NAME_STOP_VERBS = new Set([
  ...[...POLICY_VERBS].filter((v) => !NAME_VERBS.has(v)),
  ...words(
    "拥有 位于 成为 作为 属于 入驻 入选 入围 参与 加入 涵盖 包含 审议通过 通过 召开 举行 面向 吸纳 享受 担任 申报 获得 荣获 已有 集中 活跃 形成 呈现 达到 占 超过 " +
      "不少于 惠及 会同 直属 牵头 主攻 进军 攻关 携手 联手 依据 参加 建有 设有 发挥 坚持 创办 具备 适应 利用 借助 借鉴 满足 解答 协调 消除 推进 进行 实行 享有 取得 聘用 招用",
  ),
]);

/** Words after 人才 that make it a modifier (人才集聚, 人才引进), not the head of a category. */
export const TALENT_COMPOUND =
  /^(集聚|聚集|引进|发展|合作|服务|交流|使用|工作|培养|管理|流动|储备|溢出|需求|结构|政策|引用|居住|评价|激励|支撑|保障|队伍|资源|高地|环境|生态|特区|体制|机制|制度|安居|公寓|住房|码|金融|数据|画像|品牌|活动|项目|专项|计划|工程|平台|载体|基地|优势|战略|布局)/u;

/** Verbs a talent category may contain (创新创业人才, 留学归国人员, 急需紧缺人才). */
export const TALENT_VERBS = words("创新 创业 留学 归国 就业 从业 紧缺 急需 领军 拔尖 管理 引领 服务 研发");

/** Leading words dropped from names (quantifiers and determiners the left extension let through). */
export const LEADING_NOISE =
  /^([一二三四五六七八九十]是|[一二三四五六七八九十两\d]+(大|个|家|项|所|批)|(世界|全球|全国)?各地|各类|各种|一批|一系列|大批|更多|众多|相关|有关|广大|优秀的|现有|新引进的|新引进|新设立的|该|其|我国|我省|我市)/u;

/** Class words too generic to be an entity on their own, whatever precedes them in a list. */
export const GENERIC_NAMES = words(
  "人才 人员 人士 青年 团队 居民 人群 机构 企业 中心 平台 载体 基地 园区 计划 工程 行动 产业 行业 联盟 项目 政策 公寓 社区 窗口 相关人才 各类人才 人才团队 其他人才 " +
    "有关人才 本地人才 该联盟 联盟理事会 新兴产业 相关产业 主导产业 优势产业 相关企业 入驻企业 用人单位 产业集群 科技创新中心 全球科技创新中心 国际科技创新中心 创新中心 科创中心 研究中心",
);

/** Policy document names: what a 《title》 ending in one of these is. */
export const POLICY_TITLE =
  /(意见|通知|办法|规定|条例|规划|方案|决定|细则|计划|协议|政策|纲要|指南|措施|目录|若干|准则|章程|(2|二)\.?0版?|新政)(（[^）]{1,12}）)?$/u;
export const PUBLICATION_TITLE = /(动态|报|刊|杂志|期刊|年鉴|学报|报告|白皮书|蓝皮书|研究|调查|分析)$/u;
/** Abbreviated back-references to a document named before (《通知》, 《办法》). */
export const SHORT_POLICY_REFERENCE =
  /^(通知|意见|办法|规定|规划|方案|决定|细则|计划|协议|纲要|实施意见|实施方案)$/u;

/** Quoted “…” names: policy packages like “人才20条” and …新政. */
export const QUOTED_POLICY = /^(.{0,8}人才(新政)?\s*\d+\s*条|.{2,20}(新政|政策|方案|规划|意见|办法|目录))$/u;
export const QUOTED_PROGRAM = /(计划|工程|行动|专项|项目|大赛|年会|沙龙|活动|奖)$/u;

/** Sentence-initial connectors and subjects stripped from a measure clause. */
export const CLAUSE_LEAD =
  /^((同时|此外|另外|并且|并|还|也|且|而|但|但是|因此|所以|一方面|另一方面|其中|以及|进一步|积极|大力|全力|率先|努力|着力|重点|不断|持续|逐步|切实|通过|要|将|主要包括|包括)[，、]?|[一二三四五六七八九十]是|（[一二三四五六七八九十\d]+）|\([\d]+\)|[一二三四五六七八九十]+、|\d+[、.．](?!\d)|[①-⑳])+/u;

/** Clauses that describe rather than act: copulas and characterisations. */
export const DESCRIPTIVE_CLAUSE =
  /^(是|以.{1,30}为(特征|核心|主导|基础|目标|载体)|具有|具备|作为|成为|形成|呈现|拥有|第一个|位于|属于|这|该|此)/u;

/**
 * Sectors and fields as policy texts name them (the national economic classification's service and
 * industry names, the strategic emerging industries, the fields of the professional services). A
 * word from this list is an industry where the text lists sectors, not wherever it appears.
 */
export const SECTOR_TERMS = words(
  "人工智能 大数据 云计算 物联网 区块链 集成电路 芯片 半导体 软件 软件和信息服务 信息技术 新一代信息技术 电子信息 信息 数字经济 互联网 移动互联网 工业互联网 " +
    "通信 通讯 电信 5G 生物医药 生物技术 生命健康 医疗器械 医药 健康 大健康 精准医疗 新能源 新材料 新能源汽车 智能网联汽车 汽车 智能制造 高端装备 高端装备制造 " +
    "装备制造 航空航天 航空 海洋经济 节能环保 环保 绿色低碳 金融 金融科技 科技金融 创新金融 互联网金融 保险 证券 银行 期货 信托 融资租赁 创业投资 天使投资 " +
    "股权投资 私募 物流 现代物流 跨境电商 电子商务 会展 文化创意 数字创意 文化 旅游 法律 会计 审计 咨询 设计 工业设计 检验检测 人力资源 人力资源服务 知识产权 " +
    "建筑 建筑工程 房地产 总部经济 服务贸易 专业服务 商业服务 科技服务 信息服务 现代服务业 先进制造业 生产性服务业 机器人 量子信息 光电 光电子 智能终端 " +
    "新零售 纺织 化工 食品 时尚 数字安防 网络安全 信息安全",
);

/**
 * Keyword rules that classify a measure by theme, policy instrument (Rothwell & Zegveld subtypes)
 * and talent-chain stage. The keywords restate the definitions of the taxonomy terms
 * (importer/taxonomy/taxonomy.yaml) with their usual synonyms in policy text; the ids are the
 * taxonomy's, checked against it by the unit tests.
 */
export interface Rule {
  id: string;
  words: RegExp;
}

export const THEME_RULES: Rule[] = [
  { id: "theme:housing", words: /住房|公寓|租房|购房|安居|居住|房租|租赁|租金补贴|住宿|周转房/gu },
  { id: "theme:medical", words: /医疗|就医|诊疗|医院|健康|医保|医师|医学/gu },
  { id: "theme:education", words: /子女|入学|国际学校|学校|就读|教育资源|办学/gu },
  { id: "theme:entry-residence", words: /签证|居留|出入境|落户|工作许可|移民|就业证|入境|外国人/gu },
  {
    id: "theme:one-stop-service",
    words: /一站式|多证联办|联办|窗口|一窗|一口受理|一件事|一码|公共服务|服务体系|统一办理/gu,
  },
  { id: "theme:hr-services", words: /人力资源服务|猎头|人才中介|测评|人力资源机构|人力资源/gu },
  { id: "theme:workstations", words: /工作站|博士后/gu },
  {
    id: "theme:industry-academia",
    words: /产学研|高校|科研院所|校企|联合培养|技术转移|成果转化|大学科技园|学研/gu,
  },
  {
    id: "theme:incubation",
    words: /孵化|众创空间|科技园|创业园|加速器|载体|创业基地|物业费/gu,
  },
  { id: "theme:entrepreneurship", words: /创业|双创/gu },
  {
    id: "theme:tech-finance",
    words: /天使|风险投资|创投|基金|金融|信贷|融资|资本市场|上市|贷款|担保|股权|保险|银行|人民币|债券|三板/gu,
  },
  { id: "theme:funding-tax", words: /资助|奖励|补贴|税|资金|经费|奖金|配套|扶持|给予|开办费|租金/gu },
  {
    id: "theme:regional-cooperation",
    words: /深港|粤港澳|港澳|香港|澳门|内地|长三角|区域|跨境|两地|京津冀|一体化|协同|沪苏浙皖|联动|同城化/gu,
  },
  { id: "theme:legal-environment", words: /法律|法治|知识产权|仲裁|律师|司法|执法|法规|事务所|立法/gu },
  { id: "theme:international-talent", words: /海外|外籍|国际|外国|境外|留学|全球|华侨|外资/gu },
  { id: "theme:talent-training", words: /培养|培训|实习|见习|研究生|培育|技能|教育|人才队伍|实践基地/gu },
  { id: "theme:talent-evaluation", words: /评价|认定|资格|互认|职称|考试|评选|遴选|执业|考核/gu },
  {
    id: "theme:institutional-reform",
    words: /体制|机制|改革|先行先试|试点|制度|放宽|简化|审批|试验区|特区|突破|规范/gu,
  },
  {
    id: "theme:innovation-platforms",
    words:
      /实验室|研发机构|研究中心|创新平台|新型研发|工程中心|技术中心|科研|研发|研究院|综合体|产业集群|创新资源|要素/gu,
  },
  { id: "theme:living-environment", words: /生活|商业|文化|交通|宜居|环境|社区|配套设施/gu },
  { id: "theme:employment", words: /就业|招聘|岗位|用人单位|招用|求职|毕业生/gu },
  { id: "theme:talent-programs", words: /人才计划|计划|工程|入选|引才|专项|人才项目|万人|千人|百人/gu },
  { id: "theme:talent-organizations", words: /联盟|协会|学会|人才组织|沙龙|年会|交流活动/gu },
];

export const INSTRUMENT_RULES: Rule[] = [
  {
    id: "instrument:supply/talent-training",
    words: /培养|培训|教育|工作站|培育|研修|实习|见习|研究生|博士后/gu,
  },
  { id: "instrument:supply/funding", words: /资助|补贴|奖励|资金|经费|配套|奖金|扶持|万元|亿元/gu },
  {
    id: "instrument:supply/public-services",
    words: /住房|公寓|医疗|子女|入学|学校|落户|一站式|绿色通道|窗口|设施|安居|生活|交通|服务/gu,
  },
  {
    id: "instrument:supply/information",
    words: /信息|数据|数据库|发布|清单|目录|共享|画像|资讯|平台|智库|交流平台/gu,
  },
  {
    id: "instrument:environmental/tax-finance",
    words: /税|金融|基金|投资|融资|信贷|保险|担保|上市|创投|天使|贷款/gu,
  },
  {
    id: "instrument:environmental/regulation",
    words:
      /法律|法规|法治|知识产权|资格|认定|标准|规范|许可|准入|执业|互认|考核|立法|事务所|办法|签证|居留/gu,
  },
  {
    id: "instrument:environmental/institutional-reform",
    words: /改革|体制|机制|试点|先行先试|放宽|简化|审批|制度|联办|特区/gu,
  },
  {
    id: "instrument:environmental/target-planning",
    words: /规划|目标|战略|定位|行动方案|编制|布局|到20\d\d年|高地|引领|竞争力|聚焦/gu,
  },
  { id: "instrument:demand/procurement", words: /政府采购|购买服务|采购/gu },
  {
    id: "instrument:demand/outsourcing",
    words: /猎头|中介|人力资源服务|委托|市场化|外包|运营机构|专业机构/gu,
  },
  {
    id: "instrument:demand/overseas-exchange",
    words: /海外|国际|境外|外籍|港澳|交流|深港|跨境|外国|全球|专场|论坛|年会|合作/gu,
  },
  { id: "instrument:demand/demonstration", words: /示范|标杆|样板|试验区|先行区|特区|可复制|推广|先行/gu },
];

export const STAGE_RULES: Rule[] = [
  {
    id: "stage:attract",
    words:
      /引进|吸引|引才|招聘|落户|集聚|聚集|招引|引智|签证|居留|入境|新引进|来[^，。]{0,6}(工作|创业|发展)/gu,
  },
  { id: "stage:cultivate", words: /培养|培训|培育|教育|育才|实习|见习|研究生|博士后|工作站/gu },
  {
    id: "stage:use",
    words: /创业|创新|转化|评价|使用|就业|发挥|执业|项目|孵化|融资|投资|评选|认定|成果|产业|平台/gu,
  },
  {
    id: "stage:retain",
    words: /住房|公寓|安居|医疗|子女|生活|保障|留住|留才|配套|居住|绿色通道|保险|服务/gu,
  },
];

export interface Classification {
  themes: string[];
  instruments: string[];
  stages: string[];
  /** True when an axis fell back to its default for lack of any keyword. */
  guessed: boolean;
}

function best(rules: Rule[], text: string, max: number, ratio = 0.75): string[] {
  const scored = rules
    .map((r, order) => {
      let score = 0;
      for (const m of text.matchAll(r.words)) score += m[0].length >= 3 ? 1.5 : 1;
      return { id: r.id, score, order };
    })
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order);
  const top = scored[0]?.score ?? 0;
  return scored
    .filter((r) => r.score >= top * ratio)
    .slice(0, max)
    .map((r) => r.id);
}

const FALLBACK = {
  theme: "theme:institutional-reform",
  instrument: "instrument:environmental/institutional-reform",
  stage: "stage:use",
};

export function classify(text: string): Classification {
  const themes = best(THEME_RULES, text, 2);
  const instruments = best(INSTRUMENT_RULES, text, 1);
  const stages = best(STAGE_RULES, text, 1);
  return {
    themes: themes.length ? themes : [FALLBACK.theme],
    instruments: instruments.length ? instruments : [FALLBACK.instrument],
    stages: stages.length ? stages : [FALLBACK.stage],
    guessed: !themes.length || !instruments.length || !stages.length,
  };
}

/**
 * General extraction rules that keep word forms from passing for names or measures: they are what
 * issue 15 saw go wrong on published texts (news prose as measures, suffix junk as bodies, a verb
 * and its adverb inside a name). The sentences are written here only to exercise each rule.
 */
import { describe, expect, it } from "vitest";
import type { Label } from "../../graph/model.ts";
import { extractDraft } from "../../importer/extract/extract.ts";

function entities(text: string, label: Label): string[] {
  const d = extractDraft({
    sourceId: "t",
    text,
    sections: [{ id: "s", title: "测试", start: 0, end: text.length }],
    now: new Date("2024-01-01T00:00:00Z"),
  });
  return d.entities.filter((e) => e.label === label).map((e) => e.name);
}

describe("names", () => {
  it("takes no head word from inside a common two-character word (开局, 干部), nor jieba nt phrases that do not end as bodies do", () => {
    expect(entities("今年是“十三五”开局之年，全市人才工作取得新进展。", "Organization")).toEqual([]);
    expect(entities("选派优秀年轻干部到基层锻炼。", "Organization")).toEqual([]);
    // a lone 部 or a word jieba does not know still heads a body
    expect(entities("中组部、人社部、民政部联合发文。", "Organization")).toEqual(
      expect.arrayContaining(["人社部", "民政部"]),
    );
  });

  it("reads departments named 处 and 署 (Hong Kong's 入境事務處, 社會福利署), as written", () => {
    expect(entities("入境事務處、社會福利署、勞工處參與。", "Organization")).toEqual([
      "入境事務處",
      "社會福利署",
      "勞工處",
    ]);
  });

  it("splits two categories joined by 和 even where jieba glued it to the second (和领军/nr)", () => {
    expect(entities("引进培育顶尖人才和领军人才。", "TalentCategory")).toEqual(["顶尖人才", "领军人才"]);
    expect(entities("吸引世界各地高端人才来杭发展。", "TalentCategory")).toEqual(["高端人才"]);
  });

  it("ends a body's name before 会同 (市人力社保局会同有关部门)", () => {
    expect(entities("市委组织部、市人力社保局会同有关部门制定了本办法。", "Organization")).toEqual([
      "市委组织部",
      "市人力社保局",
    ]);
  });

  it("takes no class of schools or hospitals for a body, but every named one", () => {
    const orgs = entities(
      "引进一流大学和国际学校，建设三级甲等医院。西湖大学、南方科技大学、同济大学、杭州师范大学参加。",
      "Organization",
    );
    expect(orgs).toEqual(["西湖大学", "南方科技大学", "同济大学", "杭州师范大学"]);
  });

  it("ends a body's name before the post of a person in it, and affiliates the person", () => {
    const orgs = entities("腾讯公司董事长马化腾、浙江大学校长出席。", "Organization");
    expect(orgs).toEqual(expect.arrayContaining(["腾讯公司", "浙江大学"]));
    const d = extractDraft({ sourceId: "t", text: "腾讯公司董事长马化腾出席。", sections: [] });
    const id = (name: string) => d.entities.find((e) => e.name === name)?.id;
    expect(d.relations.filter((r) => r.type === "AFFILIATED_WITH")).toEqual([
      expect.objectContaining({ from: id("马化腾"), to: id("腾讯公司"), props: { role: "董事长" } }),
    ]);
  });

  it("finds persons after a post, also where jieba cut the surname off (吴/朝晖)", () => {
    expect(entities("区委常委、组织部部长张强表示，浙江大学校长吴朝晖出席。", "Person")).toEqual([
      "张强",
      "吴朝晖",
    ]);
  });

  it("keeps a quoted name that opens a carrier's name (“万亩千亿”新产业平台)", () => {
    expect(entities("围绕“万亩千亿”新产业平台集聚人才。", "Carrier")).toEqual(["“万亩千亿”新产业平台"]);
  });

  it("keeps a verb and its adverb out of names (大力发展, 全面实施)", () => {
    expect(entities("大力发展数字经济。", "Industry")).toEqual(["数字经济"]);
    expect(entities("全面实施人才服务政策创新。", "TalentCategory")).toEqual([]);
  });
});

describe("a policy document's own wording", () => {
  it("makes no measure of its purpose or its formulas, and reads its list numbers as numbers", () => {
    const text =
      "为深入实施人才强市战略，加快建设人才高地，现提出如下意见。\n" +
      "3.对新引进的顶尖人才，给予最高1亿元的综合资助。\n" +
      "本意见自2021年1月1日起施行，由市委人才办负责解释。";
    const measures = entities(text, "Measure");
    expect(measures).toContain("给予最高1亿元的综合资助");
    expect(measures.some((m) => /为深入实施|提出如下意见|施行|负责解释/u.test(m))).toBe(false);
    expect(entities("3.企业引进高级管理人才，给予奖励。", "Measure")).toContain("企业引进高级管理人才");
    // the talent office is a body, not a talent category
    expect(entities(text, "Organization")).toContain("市委人才办");
    expect(entities(text, "TalentCategory")).toEqual(["顶尖人才"]);
  });
});

describe("programmes", () => {
  it("are not a programme word qualifying a verb and its noun (国家工程研究中心, 专项扶持政策)", () => {
    const programs = (text: string) => entities(text, "Program");
    expect(programs("拥有国家工程研究中心27个。出台人才专项扶持政策。")).toEqual([]);
    expect(programs("实施国家“万人计划”。")).toEqual(["国家“万人计划”"]);
  });
});

describe("policies", () => {
  it("are not a place's policies in general (杭州市人才政策, 人才新政)", () => {
    const policies = (text: string) => entities(text, "Policy");
    expect(policies("杭州市人才政策和人才新政不断完善。")).toEqual([]);
    expect(policies("杭州市出台人才安居新政。")).toEqual(["人才安居新政"]);
    // a 政策解读 is about the 《document》 its title names, whose name ends at 》; its first heading is
    // not part of the title
    const qa =
      "《杭州市高层次人才分类认定办法》政策解读\n一、出台背景\n为深入贯彻落实人才强市战略，制定本办法。";
    expect(policies(qa)).toEqual(["杭州市高层次人才分类认定办法"]);
    // a package named by its articles is one
    expect(policies("“人才新政81条”出炉。")).toEqual(["人才新政81条"]);
    // a heading that only says "talent policy" names no policy either
    expect(policies("（一）人才政策\n对新引进人才给予住房补贴。")).toEqual([]);
  });
});

describe("figures", () => {
  const figures = (text: string) => entities(text, "Statistic");

  it("are not a manner of speaking (千千万万) nor a policy named by its articles (人才“20条”)", () => {
    expect(figures("在中关村千千万万创业者中，有人成功。")).toEqual([]);
    expect(figures("全面落实“人才20条”“人才30条”。")).toEqual([]);
  });

  it("restated of the same thing are one figure, of different things two", () => {
    const twoWan = (text: string) => figures(text).filter((f) => f.endsWith("2万名"));
    const restated =
      "中关村呈现专业化（天使投资人超2万名）特征。\n示范区拥有天使投资人超2万名，占全国的近八成。";
    expect(twoWan(restated)).toHaveLength(1);
    expect(twoWan("示范区拥有天使投资人超2万名，留学归国人员超2万名。")).toHaveLength(2);
  });

  it("said twice in the same words are one figure", () => {
    const text =
      "中组部、人社部、民政部等七部门印发通知。\n近日，中组部、人社部、民政部等七部门印发通知引导高校毕业生就业。";
    expect(figures(text)).toHaveLength(1);
  });
});

describe("short forms", () => {
  const draft = (text: string) => extractDraft({ sourceId: "t", text, sections: [] });

  it("are one entity with the full name: place dropped, 人民政府 written 政府, 中共 left out", () => {
    const d = draft(
      "嘉兴市人民政府和中共绍兴市委联合发文。嘉兴市政府、绍兴市委印发通知。浙江省人才发展研究院成立。人才发展研究院发布报告。",
    );
    const orgs = d.entities.filter((e) => e.label === "Organization");
    expect(orgs.map((e) => [e.name, e.aliases ?? []])).toEqual(
      expect.arrayContaining([
        ["嘉兴市人民政府", ["嘉兴市政府"]],
        ["中共绍兴市委", ["绍兴市委"]],
        ["浙江省人才发展研究院", ["人才发展研究院"]],
      ]),
    );
    expect(orgs).toHaveLength(3);
  });

  it("stay apart when two places' bodies share them", () => {
    const d = draft("杭州市人才服务中心和宁波市人才服务中心签约。人才服务中心将提供服务。");
    const names = d.entities.filter((e) => e.label === "Carrier").map((e) => e.name);
    expect(names).toEqual(
      expect.arrayContaining(["杭州市人才服务中心", "宁波市人才服务中心", "人才服务中心"]),
    );
  });
});

describe("columns", () => {
  it("keep names apart where spaces separate Chinese fields (a list of winners)", () => {
    const text = "张伟 浙江大学 教授\n王磊 杭州海康威视数字技术股份有限公司 研究员\n刘洋 西湖大学 研究员";
    expect(entities(text, "Organization")).toEqual([
      "浙江大学",
      "杭州海康威视数字技术股份有限公司",
      "西湖大学",
    ]);
    // the name in the first field is a person of that body
    expect(entities(text, "Person")).toEqual(["张伟", "王磊", "刘洋"]);
    const d = extractDraft({ sourceId: "t", text, sections: [] });
    const name = new Map(d.entities.map((e) => [e.id, e.name]));
    const affiliations = d.relations
      .filter((r) => r.type === "AFFILIATED_WITH")
      .map((r) => [name.get(r.from), name.get(r.to)]);
    expect(affiliations).toEqual([
      ["张伟", "浙江大学"],
      ["王磊", "杭州海康威视数字技术股份有限公司"],
      ["刘洋", "西湖大学"],
    ]);
  });
});

describe("measures", () => {
  const measures = (text: string) => entities(text, "Measure");

  it("are not what someone is quoted as saying", () => {
    expect(measures("市委组织部部长表示：“我们将进一步优化人才政策，为人才提供更好的服务。”")).toEqual([]);
    // the same words as the text's own decision are a measure
    expect(measures("进一步优化人才政策，为人才提供更好的服务。").length).toBeGreaterThan(0);
  });

  it("are not a verb read as an attribute or closing a nominal phrase", () => {
    expect(measures("园区具备完善的教育和医疗服务体系。")).toEqual([]);
    expect(measures("张江科学城建设")).toEqual([]);
    expect(measures("加快张江科学城建设。")).toEqual(["加快张江科学城建设"]);
  });

  it("are not news of an event nor what a person says will be done", () => {
    expect(measures("12月3日，第五届创新创业大赛总决赛在余杭区举行。")).toEqual([]);
    expect(measures("组织部部长表示，将为获奖项目落地提供全方位服务。")).toEqual([]);
    expect(measures("为获奖项目落地提供全方位服务。")).toEqual(["为获奖项目落地提供全方位服务"]);
    // the event is a programme all the same, named without the stage it reached
    expect(entities("第五届“创客天堂”创新创业大赛总决赛在余杭区举行。", "Program")).toEqual([
      "“创客天堂”创新创业大赛",
    ]);
  });

  it("are not a time clause, a principle, a subject's core, nor a verb inside a measure noun", () => {
    expect(measures("成功开发下游产品后，企业可申请资助。")).not.toContain("成功开发下游产品后");
    expect(measures("坚持优化环境、激发活力的原则。")).toEqual([]);
    expect(measures("园区以推动自主创新、转型发展为核心。")).toEqual([]);
    expect(measures("规划面积约94平方公里。")).toEqual([]);
    expect(measures("规划建设人才社区。")).toEqual(["规划建设人才社区"]);
  });

  it("are not a result counted (新引进大学生5.2万余人, 累计发放补贴3.6亿元), which is a figure", () => {
    const text = "全市新引进大学生5.2万余人。累计发放人才补贴3.6亿元，惠及人才1.2万名。";
    expect(measures(text)).toEqual([]);
    expect(entities(text, "Statistic").length).toBe(3);
    expect(entities(text, "TalentCategory")).toEqual(["大学生"]);
    expect(measures("新引进大学生给予生活补贴。")).toEqual(["新引进大学生给予生活补贴"]);
  });

  it("are the benefits a category may enjoy (可享受…补贴), as a 政策解读 answers", () => {
    expect(measures("答：认定的A类人才可享受最高800万元购房补贴。")).toEqual([
      "认定的A类人才可享受最高800万元购房补贴",
    ]);
  });

  it("name each item of a list of services as a service", () => {
    expect(measures("为人才提供健康、养老、文娱影视等服务。")).toEqual(
      expect.arrayContaining(["提供健康服务", "提供养老服务", "提供文娱影视服务"]),
    );
  });

  it("are not a list of things of one kind, nor a consequence drawn (而这种…)", () => {
    expect(measures("打造深港合作先导区、体制机制创新区、现代服务业集聚区。")).toEqual([
      "打造深港合作先导区、体制机制创新区、现代服务业集聚区",
    ]);
    expect(measures("前海定位为深港合作先导区、体制机制创新区、现代服务业集聚区。")).toEqual([]);
    expect(measures("而这种改变也将直接促进产学研更加高效地合作。")).toEqual([]);
  });

  it("are not a subject characterised (…是…, …呈现…) nor what was done, told as history", () => {
    expect(measures("科技创新中心是新知识、新技术、新产业的策源地。")).toEqual([]);
    expect(measures("人才集聚结构呈现高端化、国际化特征。")).toEqual([]);
    expect(measures("上海市政府正式启动科学城规划。")).toEqual([]);
    expect(measures("园区现已设立院士专家工作站。")).toEqual([]);
    // the same verbs deciding are measures
    expect(measures("启动科学城规划。")).toEqual(["启动科学城规划"]);
    expect(measures("设立院士专家工作站。")).toEqual(["设立院士专家工作站"]);
  });
});

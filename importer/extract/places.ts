/**
 * Places: China's administrative divisions from GB/T 2260 data (divisions.ts: provinces, cities,
 * districts and counties with their parents), and a small gazetteer of what that standard does not
 * cover — the special administrative regions, some countries and the economic areas talent-policy
 * texts talk about. Provinces and cities are named by their short forms (浙江, 杭州); the text's
 * 浙江省 / 杭州市 are read as aliases of them.
 */
import { divisionOf } from "./divisions.ts";

export type RegionKind = "country" | "province" | "city" | "district" | "sar" | "area" | "other";

const SARS = "香港 澳门";
const COUNTRIES =
  "中国 美国 英国 法国 德国 日本 韩国 俄罗斯 意大利 西班牙 荷兰 瑞士 瑞典 芬兰 挪威 丹麦 比利时 奥地利 爱尔兰 以色列 新加坡 马来西亚 泰国 越南 印度 印度尼西亚 菲律宾 澳大利亚 新西兰 加拿大 墨西哥 巴西 阿根廷 南非 埃及 沙特 阿联酋 土耳其 葡萄牙 希腊 波兰 捷克 匈牙利 乌克兰 哈萨克斯坦 巴基斯坦";
const AREAS =
  "长三角 珠三角 京津冀 粤港澳大湾区 大湾区 长江经济带 成渝 环渤海 硅谷 长三角地区 珠三角地区 海峡西岸 中西部 东北地区";

export const GAZETTEER = new Map<string, RegionKind>();
for (const name of SARS.split(" ")) GAZETTEER.set(name, "sar");
GAZETTEER.set("台湾", "province");
for (const name of COUNTRIES.split(" ")) GAZETTEER.set(name, "country");
for (const name of AREAS.split(" ")) GAZETTEER.set(name.replace(/地区$/u, ""), "area");

/** One-character abbreviations of provinces and cities: a word made only of them (深港, 沪苏浙皖) is a
 * pairing of places, not a place. */
export const PLACE_ABBREVIATIONS = new Set(
  "京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川蜀贵黔云滇陕甘青宁新藏桂蒙港澳台深杭甬穗",
);

/** The place each one-character abbreviation stands for, named as a body's name would open (上海市, 江苏省). */
export const ABBREVIATION_PLACE: ReadonlyMap<string, string> = new Map(
  (
    "京 北京市 津 天津市 沪 上海市 渝 重庆市 冀 河北省 晋 山西省 辽 辽宁省 吉 吉林省 黑 黑龙江省 苏 江苏省 浙 浙江省 皖 安徽省 " +
    "闽 福建省 赣 江西省 鲁 山东省 豫 河南省 鄂 湖北省 湘 湖南省 粤 广东省 琼 海南省 川 四川省 蜀 四川省 黔 贵州省 滇 云南省 " +
    "陕 陕西省 甘 甘肃省 青 青海省 桂 广西 蒙 内蒙古 藏 西藏 宁 宁夏 新 新疆 港 香港 澳 澳门 台 台湾 深 深圳市 杭 杭州市 甬 宁波市 穗 广州市"
  )
    .split(" ")
    .reduce<Array<[string, string]>>(
      (pairs, w, i, all) => (i % 2 ? pairs : [...pairs, [w, all[i + 1]!]]),
      [],
    ),
);

/** Abbreviations that mean the country. */
export const COUNTRY_ALIASES = new Set(["我国", "全国"]);

/** The short name and kind of a place name as written (浙江省 → 浙江, 杭州市 → 杭州), or null. */
export function placeOf(word: string): { name: string; kind: RegionKind } | null {
  const direct = GAZETTEER.get(word);
  if (direct) return { name: word, kind: direct };
  const division = divisionOf(word);
  if (division) return { name: division.name, kind: division.kind };
  const stem = word.replace(/(省|市|特别行政区|自治区|地区)$/u, "");
  if (stem !== word && stem.length >= 2) {
    const kind = GAZETTEER.get(stem);
    if (kind) return { name: stem, kind };
  }
  return null;
}

/**
 * The place a region belongs to by GB/T 2260 (余杭区 → 杭州, 杭州 → 浙江), by the name a region
 * takes; undefined for a province, a name the data hold twice (朝阳区) or a place outside the data.
 */
export function parentPlaceOf(name: string): string | undefined {
  return divisionOf(name)?.parent;
}

/** Place-name suffixes that make a ns-tagged word (or word pair) a region of its own. */
export const REGION_SUFFIX = /(新区|自贸区|自由贸易试验区|自贸片区|试验区|经济区|开发区|[省市区县镇乡])$/u;

export function kindOfSuffixed(name: string): RegionKind {
  if (/省$/u.test(name)) return "province";
  if (/市$/u.test(name)) return "city";
  if (/(新区|[区县镇乡])$/u.test(name) && !/(自贸区|试验区|经济区|开发区)$/u.test(name)) return "district";
  return "area";
}

/** 中国（广东）自由贸易试验区: the country, then the place in brackets. */
const COUNTRY_BRACKET = /^中国[（(]([^（）()]{2,8})[）)]/u;
/** The longest place name a name is looked up to open with (黑龙江省大兴安岭地区 is eleven). */
const LONGEST_PLACE = 12;

/**
 * The place a name opens with, as a region takes it (上海自贸试验区 → 上海, 杭州市人才服务中心 →
 * 杭州, 中国（广东）自由贸易试验区 → 广东, 余杭区… → 余杭区), or undefined. Only places whose
 * containment is known count: GB/T 2260 divisions, the special administrative regions, 台湾 and
 * countries; an economic area (长三角, 大湾区) has no borders in the data and one-character
 * abbreviations (沪, 粤) are not read, since they open ordinary words as well (新型, 青年, 宁可).
 */
export function leadingPlace(name: string): string | undefined {
  const bracket = COUNTRY_BRACKET.exec(name);
  if (bracket) {
    const inner = bracket[1]!;
    const place = placeOf(inner);
    if (place && place.kind !== "area" && place.kind !== "other") return place.name;
  }
  for (let n = Math.min(name.length, LONGEST_PLACE); n >= 2; n--) {
    const place = placeOf(name.slice(0, n));
    if (!place) continue;
    return place.kind === "area" || place.kind === "other" ? undefined : place.name;
  }
  return undefined;
}

/** A place and every place that contains it by GB/T 2260 (余杭区 → 杭州 → 浙江 → 中国). */
export function placeChain(place: string): string[] {
  const chain = [place];
  for (let parent = parentPlaceOf(place); parent && !chain.includes(parent); parent = parentPlaceOf(parent)) {
    chain.push(parent);
  }
  const top = chain.at(-1)!;
  const domestic = divisionOf(top) !== undefined || GAZETTEER.get(top) === "sar" || top === "台湾";
  if (domestic && top !== "中国") chain.push("中国");
  return chain;
}

/** Whether two places can be where one thing is: the same place, or one contains the other. */
export function placesCompatible(a: string, b: string): boolean {
  return placeChain(a).includes(b) || placeChain(b).includes(a);
}

/**
 * How many characters of a name are a run of places and of other given names (a hub's) at its start:
 * 上海张江人才政策 → 4 (上海, 张江), 深圳前海蛇口自贸片区 → 4 with 前海 given. Each piece is two to
 * LONGEST_PLACE characters, the longest first.
 */
export function placePrefixLength(name: string, names: readonly string[] = []): number {
  let at = 0;
  for (let cut = true; cut;) {
    cut = false;
    for (let n = Math.min(LONGEST_PLACE, name.length - at - 1); n >= 2; n--) {
      const piece = name.slice(at, at + n);
      if (placeOf(piece) || names.includes(piece)) {
        at += n;
        cut = true;
        break;
      }
    }
  }
  return at;
}

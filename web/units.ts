/**
 * Figures in the UI's language: Chinese keeps the text's own value and unit (4.97万人); English shows
 * the base value (the magnitude prefix resolved by the importer: 49,700) with an English unit, so
 * that no Chinese measure word is left in the English UI.
 */
import type { Lang } from "./i18n.ts";

const UNIT_EN: Record<string, string> = {
  人: "persons",
  名: "persons",
  位: "persons",
  家: "organisations",
  所: "institutions",
  个: "",
  项: "items",
  件: "items",
  元: "yuan",
  "%": "%",
  岁: "years of age",
  年: "years",
  周: "weeks",
  小时: "hours",
  平方公里: "km²",
  比例: "ratio",
  "期/月": "per month",
  "期/季度": "per quarter",
  "届/年": "per year",
};

export function unitEn(unit: string): string {
  return UNIT_EN[unit] ?? unit;
}

/** A figure's value and unit as the UI shows them. */
export function figureText(props: Record<string, unknown>, lang: Lang): string {
  const value = typeof props.value === "number" ? props.value : null;
  const unit = typeof props.unit === "string" ? props.unit : "";
  if (lang !== "en" || value === null) return `${value ?? ""}${unit}`;
  const base = typeof props.baseValue === "number" ? props.baseValue : value;
  const baseUnit = typeof props.baseUnit === "string" ? props.baseUnit : unit;
  const english = unitEn(baseUnit);
  const number = base.toLocaleString("en");
  return english === "%" ? `${number}%` : english ? `${number} ${english}` : number;
}

/**
 * Provisional English renderings for accepted entities that have none: the name in pinyin, word by
 * word (jieba's segmentation), capitalised — 未来科技城 → "Weilai Kejicheng". A knowledge file needs an
 * English name for every entity; a transliteration keeps the new source importable at once, and the
 * review lists them so they can be translated later.
 */
import { pinyin } from "pinyin-pro";
import { createSegmenter, type Segmenter } from "../extract/segment.ts";
import type { DraftEntity } from "./draft.ts";

let segmenter: Segmenter | null = null;

export function pinyinRendering(text: string): string {
  segmenter ??= createSegmenter();
  const plain = text
    .replace(/[《》“”‘’"]/g, "")
    .replace(/（/g, "(")
    .replace(/）/g, ")")
    .replace(/，|、/g, ",")
    .replace(/：/g, ":")
    .replace(/；/g, ";");
  return segmenter
    .tag(plain)
    .map((token) =>
      pinyin(token.word, { toneType: "none", type: "array", nonZh: "consecutive", v: true }).join(""),
    )
    .filter((word) => /\S/.test(word))
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(" ")
    .replace(/\s+([,.;:!?%)\]])/g, "$1")
    .replace(/([([])\s+/g, "$1")
    .trim();
}

/** Fills empty English names (and a figure's empty `measureEn`) in place; returns the ids it filled. */
export function fillEnglish(entities: DraftEntity[]): string[] {
  const filled: string[] = [];
  for (const entity of entities) {
    let changed = false;
    if (entity.nameEn.trim() === "") {
      entity.nameEn = pinyinRendering(entity.name);
      changed = true;
    }
    const props = entity.props;
    if (entity.label === "Statistic" && props.measureEn === "" && typeof props.measure === "string") {
      props.measureEn = pinyinRendering(props.measure);
      changed = true;
    }
    if (changed) filled.push(entity.id);
  }
  return filled;
}

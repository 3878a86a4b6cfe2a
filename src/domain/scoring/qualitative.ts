/**
 * Qualitative (定性) indicators: the 实际完成值 is one of three options, each with a score band (rules.md §4.4).
 *   达成年度指标                     0.8·W ≤ score ≤ W
 *   部分达成年度指标并具有一定效果     0.6·W ≤ score < 0.8·W
 *   未达成年度指标且效果较差           0   ≤ score < 0.6·W
 * Band edges are rounded to 2 dp [C-impl S8]. There is no automatic score inside a band ([U]): the
 * evaluator enters one and we validate it.
 */
import { compactLabel, trimTrailing } from "../text";
import type { QualitativeBand } from "../profiles/types";
import { QUALITATIVE_BANDS } from "../profiles/common";
import { EPS, fmt2, round2 } from "./round";

/** A band resolved for one weight. */
export interface BandRange {
  readonly band: QualitativeBand;
  /** Lowest allowed score (inclusive), 2 dp. */
  readonly min: number;
  /** Highest allowed score, 2 dp; inclusive only when `maxInclusive`. */
  readonly max: number;
  readonly maxInclusive: boolean;
}

/** Words that mean the same in option texts: 达到 ≡ 达成. */
function normalizeOption(text: string): string {
  return trimTrailing(compactLabel(text).replace(/达到/g, "达成"), "。.，,；;：:!！");
}

/**
 * The band of an 实际完成值 option text, matching the option or one of its aliases.
 * Exact match first; otherwise the weakest band whose option or alias occurs in the text wins,
 * so "未达成预期" is 未达成 (not 达成) and "部分达到目标" is 部分达成; "基本达到" is 达成 (no option of its own). Undefined
 * for other texts (有效, 是 …).
 */
export function findBand(text: string, bands: readonly QualitativeBand[] = QUALITATIVE_BANDS): QualitativeBand | undefined {
  const t = normalizeOption(text);
  if (t === "") return undefined;
  for (const b of bands) {
    if (normalizeOption(b.option) === t) return b;
    for (const a of b.aliases) if (normalizeOption(a) === t) return b;
  }
  const weakestFirst = [...bands].sort((a, b) => a.min - b.min);
  // A negated 达成 (没有达成, 不能达成) is the weakest band whatever else the text says.
  if (/(?:未|没有?|不能?|无法)达成/.test(t) && weakestFirst.length > 0) return weakestFirst[0];
  for (const b of weakestFirst) {
    const words = [b.option, ...b.aliases].map(normalizeOption).filter((w) => w.length >= 2);
    if (words.some((w) => t.includes(w))) return b;
  }
  return undefined;
}

/** The allowed score range of a band for a weight W (edges rounded to 2 dp). */
export function bandRange(band: QualitativeBand, weight: number): BandRange {
  return { band, min: round2(band.min * weight), max: round2(band.max * weight), maxInclusive: band.maxInclusive };
}

/** "[6, 8)" / "[8, 10]": a range as text. */
export function bandText(r: BandRange): string {
  return `[${fmt2(r.min)}, ${fmt2(r.max)}${r.maxInclusive ? "]" : ")"}`;
}

export type BandCheck =
  | { readonly ok: true; readonly range: BandRange }
  | { readonly ok: false; readonly range: BandRange; readonly reason: string; readonly reasonEn: string };

/** Whether an entered score lies in the band of the option for weight W (§4.4; W = 10, 部分达成 → [6, 8), 8 rejected). */
export function checkBandScore(score: number, band: QualitativeBand, weight: number): BandCheck {
  const range = bandRange(band, weight);
  const s = round2(score);
  const aboveMin = s >= range.min - EPS;
  const belowMax = range.maxInclusive ? s <= range.max + EPS : s < range.max - EPS;
  if (Number.isFinite(score) && aboveMin && belowMax) return { ok: true, range };
  return {
    ok: false,
    range,
    reason: `“${band.option}”的得分区间为${bandText(range)}，得分${fmt2(score)}不在区间内`,
    reasonEn: `the band for "${band.option}" is ${bandText(range)}; score ${fmt2(score)} is outside it`,
  };
}

/**
 * Suggested score of one indicator (三级指标) from its target T (年度指标值), actual X (实际完成值) and
 * weight W (分值), rules.md §4.3:
 *   正向 (≥ ＞)        X ≥ T → W; else W·X/T
 *   等于 (＝), T > 0   as 正向
 *   等于 (＝), T = 0   X ≤ 0 → W; else 0
 *   反向 (≤ ＜)        X ≤ T → W; linear-2t: W·(1 − (X−T)/T) up to 0 at 2T; ratio: W·T/X
 *   时限 (dates)       finished on or before the target date → W (earlier is better); later → manual
 * Negative actuals count as 0; scores are rounded to 2 dp and never exceed W (no bonus, §4.5).
 * ＞ is treated like ≥ and ＜ like ≤ [C-impl S8]. 定性 and 定量（其他） have no formula: the reason says so.
 */
import type { Profile } from "../profiles/types";
import type { ParsedDate, ParsedValue, Sign, SignFamily } from "../value/types";
import { signFamily } from "../value/sign";
import { round2 } from "./round";

/** Which formula produced a score. */
export type ScoreMethod = "positive" | "equal" | "equal-zero" | "reverse-linear-2t" | "reverse-ratio" | "reverse-zero" | "deadline";

/** Why no score could be computed. */
export type NoScoreCause =
  | "missing-weight" // 分值 blank, zero or unreadable
  | "missing-target" // 年度指标值 blank
  | "missing-actual" // 实际完成值 blank
  | "unreadable" // a value that is not a figure (or a date) where one is needed
  | "unit-mismatch" // target and actual in units that cannot be compared
  | "qualitative" // 定性: the evaluator scores inside a band (§4.4)
  | "manual" // 定量（其他） or a shape with no rule
  | "late"; // finished after the target date: points are lost, by how much is the evaluator's call

export type IndicatorScore =
  | {
      readonly ok: true;
      /** Suggested score, 2 dp, 0 ≤ score ≤ W. */
      readonly score: number;
      /**
       * 完成率: X/T for 正向/等于 (may exceed 1), T/X for 反向 (1 when X ≤ 0), 1 or 0 when T = 0 and for dates.
       * Not rounded.
       */
      readonly completion: number;
      readonly method: ScoreMethod;
    }
  | { readonly ok: false; readonly cause: NoScoreCause; readonly reason: string; readonly reasonEn: string };

export interface IndicatorInput {
  readonly target: ParsedValue;
  readonly actual: ParsedValue;
  /** 分值 / 权重 W. */
  readonly weight: number | undefined;
  /**
   * Scoring family. When omitted it comes from the target's sign; a bare figure with no sign is scored
   * as 等于 (the same as 正向 unless the target is 0); a qualitative target as 定性.
   */
  readonly family?: SignFamily;
}

/** Settings the formula reads. */
export type IndicatorSettings = Pick<Profile, "reverseFormula">;

/** Scoring family of a canonical sign (§2.2); one mapping for the parser and the scoring. */
export function familyOfSign(sign: Sign): SignFamily {
  return signFamily(sign);
}

/** The family to score a row with: explicit, else the target's sign, else 定性 for text, else 等于. */
export function resolveFamily(target: ParsedValue, explicit?: SignFamily): SignFamily {
  if (explicit) return explicit;
  if (target.sign) return familyOfSign(target.sign);
  if (target.kind === "qualitative") return "qualitative";
  return "equal";
}

function fail(cause: NoScoreCause, reason: string, reasonEn: string): IndicatorScore {
  return { ok: false, cause, reason, reasonEn };
}

function ok(score: number, weight: number, completion: number, method: ScoreMethod): IndicatorScore {
  // Rounded, then capped: a 分值 with more decimals than two (8.408) must not round up past itself.
  const s = Math.min(weight, round2(Math.min(weight, Math.max(0, score))));
  return { ok: true, score: s === 0 ? 0 : s, completion, method };
}

/** A comparable magnitude: percentages as fractions, money in 万元, other units as written. */
interface Magnitude {
  readonly value: number;
  readonly dimension: string;
}

function magnitude(v: ParsedValue): Magnitude | undefined {
  if (v.number === undefined || !Number.isFinite(v.number)) return undefined;
  if (v.unitKind === "money" && v.wan !== undefined && Number.isFinite(v.wan)) return { value: v.wan, dimension: "money" };
  if (v.unit === "%") return { value: v.number / 100, dimension: "ratio" };
  if (v.unit === "‰") return { value: v.number / 1000, dimension: "ratio" };
  return { value: v.number, dimension: v.unit ?? "" };
}

/**
 * Puts target and actual on one scale. A side without a unit takes the other side's unit
 * ("100%" against a bare 98). Counts (个/项/人 …) are compared as written; other differing units fail.
 */
function commonScale(target: ParsedValue, actual: ParsedValue): { t: number; x: number } | undefined {
  const mt = magnitude(target);
  const mx = magnitude(actual);
  if (!mt || !mx) return undefined;
  if (mt.dimension === mx.dimension) return { t: mt.value, x: mx.value };
  if (mt.dimension === "") return { t: target.number as number, x: actual.number as number };
  if (mx.dimension === "") return { t: target.number as number, x: actual.number as number };
  if (target.unitKind === "count" && actual.unitKind === "count") return { t: target.number as number, x: actual.number as number };
  return undefined;
}

/** A date as comparable numbers at the coarsest precision both sides have. */
function dateKey(d: ParsedDate, depth: number): number {
  const month = depth >= 2 ? d.month ?? 1 : 1;
  const day = depth >= 3 ? d.day ?? 1 : 1;
  return d.year * 10000 + month * 100 + day;
}

function dateDepth(d: ParsedDate): number {
  return d.month === undefined ? 1 : d.day === undefined ? 2 : 3;
}

/** 时限: finishing on or before the deadline (at the precision both give) is full marks; earlier is better. */
function scoreDeadline(target: ParsedDate, actual: ParsedDate, weight: number): IndicatorScore {
  const depth = Math.min(dateDepth(target), dateDepth(actual));
  if (dateKey(actual, depth) <= dateKey(target, depth)) return ok(weight, weight, 1, "deadline");
  return fail("late", "完成时间晚于指标值的时限，应扣分，扣分幅度需人工评定", "finished after the target date: points are lost, by how much is for the evaluator");
}

/**
 * Suggested score of one indicator (§4.3, §4.5), or the reason there is none.
 * Worked examples: ≥500 / 450 / W10 → 9; ≤90 / 99 / W8 → 7.2 (ratio: 7.27); ＝0 / 1 / W5 → 0.
 */
export function scoreIndicator(input: IndicatorInput, settings: IndicatorSettings): IndicatorScore {
  const { target, actual, weight } = input;
  if (weight === undefined || !Number.isFinite(weight) || weight <= 0) {
    return fail("missing-weight", "分值为空或不大于0，无法计分", "no weight (or not above 0): nothing to score");
  }
  const family = resolveFamily(target, input.family);
  if (family === "qualitative") {
    return fail("qualitative", "定性指标按完成档次人工打分（见档次区间）", "qualitative indicator: the evaluator scores inside the band of the option");
  }
  if (family === "other") {
    return fail("manual", "定量（其他）指标无计分公式，需人工打分", "定量（其他）: no formula, scored by hand");
  }
  if (target.kind === "empty") return fail("missing-target", "年度指标值为空，无法计分", "no target value: cannot score");
  if (actual.kind === "empty") return fail("missing-actual", "实际完成值为空，无法计分", "no actual value: cannot score");

  if (target.kind === "date" || actual.kind === "date") {
    if (target.kind === "date" && actual.kind === "date" && target.date && actual.date) {
      return scoreDeadline(target.date, actual.date, weight);
    }
    return fail("unreadable", "指标值与完成值一个是日期一个不是，无法比较", "one of target and actual is a date and the other is not: cannot compare");
  }
  if (target.kind !== "number" || target.number === undefined) {
    return fail("unreadable", `年度指标值“${target.raw}”不是数值，无法按公式计分`, `target "${target.raw}" is not a figure: no formula applies`);
  }
  if (actual.kind !== "number" || actual.number === undefined) {
    return fail("unreadable", `实际完成值“${actual.raw}”不是数值，无法按公式计分`, `actual "${actual.raw}" is not a figure: no formula applies`);
  }
  const scale = commonScale(target, actual);
  if (!scale) {
    return fail(
      "unit-mismatch",
      `指标值单位（${target.unit ?? "无"}）与完成值单位（${actual.unit ?? "无"}）不一致，无法计分`,
      `target unit (${target.unit ?? "none"}) and actual unit (${actual.unit ?? "none"}) differ: cannot score`,
    );
  }
  const t = scale.t;
  const x = Math.max(0, scale.x); // §4.3: X < 0 counts as 0 [C-impl S9]
  if (t < 0) return fail("unreadable", "年度指标值为负数，无法计分", "negative target: cannot score");

  if (family === "positive" || (family === "equal" && t > 0)) {
    const method: ScoreMethod = family === "positive" ? "positive" : "equal";
    if (t === 0) return ok(weight, weight, 1, method);
    const completion = x / t;
    return ok(x >= t ? weight : (weight * x) / t, weight, completion, method);
  }
  if (family === "equal") {
    // T = 0 (事故数 = 0): met or not.
    return x <= 0 ? ok(weight, weight, 1, "equal-zero") : ok(0, weight, 0, "equal-zero");
  }
  // 反向 (≤ ＜)
  if (t === 0) return x <= 0 ? ok(weight, weight, 1, "reverse-zero") : ok(0, weight, 0, "reverse-zero");
  const completion = x <= 0 ? 1 : t / x;
  if (x <= t) return ok(weight, weight, completion, settings.reverseFormula === "ratio" ? "reverse-ratio" : "reverse-linear-2t");
  if (settings.reverseFormula === "ratio") return ok((weight * t) / x, weight, completion, "reverse-ratio");
  if (x >= 2 * t) return ok(0, weight, completion, "reverse-linear-2t");
  return ok(weight * (1 - (x - t) / t), weight, completion, "reverse-linear-2t");
}

/**
 * Over-achievement (§4.5): how far beyond the target the actual is, as a fraction (0.5 = 50 % beyond),
 * for 正向 and 等于 families with T > 0; undefined otherwise or when not beyond.
 */
export function overAchievement(result: IndicatorScore, family: SignFamily): number | undefined {
  if (!result.ok) return undefined;
  if (family !== "positive" && family !== "equal") return undefined;
  if (result.method !== "positive" && result.method !== "equal") return undefined;
  const beyond = result.completion - 1;
  return beyond > 0 ? beyond : undefined;
}

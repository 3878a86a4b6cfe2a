/** Grade of a total score (rules.md §4.6, R5.4): 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below. */
import { GRADE_ALIASES, GRADE_BANDS } from "../profiles/common";
import type { CellValue } from "../grid";
import type { GradeBand } from "../profiles/types";
import { readNumber } from "../value/number";

export type Grade = "优" | "良" | "中" | "差";

export type GradeResult =
  | { readonly ok: true; readonly grade: Grade }
  | { readonly ok: false; readonly reason: string; readonly reasonEn: string };

/** Highest total a grade can be computed for (a 100-point form). */
export const MAX_SCORE = 100;

/**
 * Grade of a score. Rejects what is not a finite number in [0, 100] with a reason rather than guessing.
 * Bands are inclusive lower bounds, checked from the top.
 */
export function grade(score: number, bands: readonly GradeBand[] = GRADE_BANDS): GradeResult {
  if (typeof score !== "number" || !Number.isFinite(score)) {
    return { ok: false, reason: "分数不是有效数字", reasonEn: "score is not a number" };
  }
  if (score < 0) return { ok: false, reason: "分数不能为负", reasonEn: "score is negative" };
  // Totals carry 2 decimals; 100.004 is a rounding artefact, 100.5 is an error.
  if (score > MAX_SCORE + 0.005) return { ok: false, reason: `分数超过${MAX_SCORE}分`, reasonEn: `score above ${MAX_SCORE}` };
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  for (const b of sorted) if (score >= b.min) return { ok: true, grade: b.grade };
  return { ok: true, grade: "差" };
}

/**
 * Canonical grade of an entered grade text (良好 → 良); undefined when it is not a grade. Whitespace is dropped,
 * and a text ending in ")" or "）" loses everything from its first "(" or "（" ("良（82分）" → 良). Linear on any text.
 */
export function normalizeGrade(text: string, aliases: Readonly<Record<string, Grade>> = GRADE_ALIASES): Grade | undefined {
  let t = text.replace(/\s+/g, "");
  const last = t.charCodeAt(t.length - 1);
  if (last === 0x29 || last === 0xff09) {
    const open = t.search(/[（(]/);
    if (open >= 0) t = t.slice(0, open);
  }
  if (t === "优" || t === "良" || t === "中" || t === "差") return t;
  return Object.prototype.hasOwnProperty.call(aliases, t) ? aliases[t] : undefined;
}

/**
 * Grade of one cell as a host reads it: numbers and number-like text ("88.5", "７０") are graded. A percentage
 * ("95%", or 0.95 under a % format) is refused: a total is in points, and reading 95% as 0.95 would say 差.
 */
export function gradeCell(v: CellValue, numberFormat?: string | null): GradeResult {
  const n = readNumber(v, numberFormat);
  if (n && n.percent) {
    return { ok: false, reason: "总分应为分数，不是百分比", reasonEn: "a total is in points, not a percentage" };
  }
  return grade(n ? n.value : Number.NaN);
}

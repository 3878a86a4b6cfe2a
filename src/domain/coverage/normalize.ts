/**
 * Keys for joining a budget list (预算项目清单) with target tables (绩效目标表), rules.md §7 step 1–2.
 * Codes: trim, full-width → half-width, a leading `'` (Excel's text marker) dropped, and a loose
 * key for digit-only codes that lost their leading zeros when Excel stored them as numbers.
 * Names: half-width, no spaces, one kind of bracket, a trailing 项目 dropped; 一期/二期 stay distinct.
 */
import type { CellValue } from "../grid";
import { isCellError } from "../grid";
import { compactLabel, toHalfWidth } from "../text";
import { memoByText } from "../memo";

/** Text of a code as typed, whatever the cell held (a number keeps all its digits). */
function codeSource(v: CellValue | undefined): string {
  if (v === null || v === undefined || isCellError(v)) return "";
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return "";
    if (Number.isInteger(v)) return Math.abs(v) < 1e21 ? v.toFixed(0) : BigInt(v).toString();
    return String(v);
  }
  if (typeof v === "boolean") return "";
  return v;
}

const PLAIN_CODE = /^[0-9A-Z][0-9A-Z._-]*$/;
const DIGITS = /^\d+$/;

/**
 * Normalized 项目编码 (project code): half-width, no whitespace, no leading `'`, Latin upper-case.
 * Returns "" for a blank cell, an error value or a boolean.
 */
export function normalizeCode(v: CellValue | undefined): string {
  // Fast path: most codes are plain ASCII digits and capitals already.
  if (typeof v === "string" && PLAIN_CODE.test(v)) return v;
  const s = toHalfWidth(codeSource(v)).replace(/[\s\u00a0\u200b\ufeff]+/g, "");
  return s.replace(/^['‘’`]+/, "").toUpperCase();
}

/**
 * Loose key of a normalized code: for digit-only codes, the digits without leading zeros
 * ("001230001" and the number 1230001 both give "1230001"); undefined for any other code.
 * Two codes match loosely when their loose keys are equal, i.e. they differ only by leading zeros.
 */
export function looseCodeKey(normalized: string): string | undefined {
  if (normalized === "" || !DIGITS.test(normalized)) return undefined;
  let k = 0;
  while (k < normalized.length - 1 && normalized.charCodeAt(k) === 48) k++;
  return k === 0 ? normalized : normalized.slice(k);
}

/** True when two code cells match: equal after normalization, or differing only by leading zeros. */
export function codesMatch(a: CellValue | undefined, b: CellValue | undefined): boolean {
  const x = normalizeCode(a);
  const y = normalizeCode(b);
  if (x === "" || y === "") return false;
  if (x === y) return true;
  const lx = looseCodeKey(x);
  return lx !== undefined && lx === looseCodeKey(y);
}

/**
 * Normalized 项目名称 (project name) for matching: half-width, no whitespace, lower-case Latin,
 * all bracket kinds as ASCII parentheses, a trailing 项目 dropped (also before a final bracket
 * group: "道路改造项目（一期）" = "道路改造(一期)"). Phase words (一期, 二期 …) are kept.
 */
export function normalizeName(name: string | undefined): string {
  if (!name) return "";
  let s = compactLabel(name)
    .replace(/[【〔〖［[{]/g, "(")
    .replace(/[】〕〗］\]}]/g, ")")
    .replace(/^['‘’`]+/, "")
    .replace(/["“”'‘’]/g, "");
  // "…项目" or "…项目(一期)": drop that 项目, but never the whole name.
  s = s.replace(/(.)项目(\([^()]*\))?$/, (_m, before: string, tail: string | undefined) => before + (tail ?? ""));
  return s;
}

/** Normalized unit / department name (预算单位, 主管部门) for grouping and matching. */
export function normalizeUnit(unit: string | undefined): string {
  if (!unit) return "";
  return compactLabel(unit).replace(/[【〔[]/g, "(").replace(/[】〕\]]/g, ")");
}

/** The four budgets (四本预算), §6.2. */
export const FOUR_BUDGETS = ["一般公共预算", "政府性基金预算", "国有资本经营预算", "社会保险基金预算"] as const;
export type FourBudget = (typeof FOUR_BUDGETS)[number];

/** Label used for a blank group (department, budget type, expense type). */
export const UNCLASSIFIED = "未分类";

/**
 * 预算类型 as one of the 四本预算 when it is recognizably one, else the cleaned text, else 未分类.
 * 专项债券 counts as 政府性基金预算 when `specialBondAsFund` (§6.2, [U]).
 */
export function normalizeBudgetType(text: string | undefined, specialBondAsFund: boolean): string {
  const t = compactLabel(text ?? "");
  if (t === "") return UNCLASSIFIED;
  if (t.includes("社会保险") || t.includes("社保基金")) return "社会保险基金预算";
  if (t.includes("国有资本")) return "国有资本经营预算";
  if (t.includes("专项债")) return specialBondAsFund ? "政府性基金预算" : (text ?? "").trim();
  if (t.includes("政府性基金") || t.includes("基金预算") || t === "基金") return "政府性基金预算";
  if (t.includes("一般公共") || t === "公共预算" || t === "一般预算" || t === "公共财政预算") return "一般公共预算";
  return toHalfWidth(text ?? "").trim();
}

/** True when a 支出类型 text means 基本支出 (人员经费, 公用经费), §1.5 / §6.3. */
export function isBasicExpense(text: string | undefined): boolean {
  const t = compactLabel(text ?? "");
  if (t === "") return false;
  return t === "基本" || t.includes("基本支出") || t.includes("人员经费") || t.includes("公用经费");
}

/** True for a yes-flag cell (是否涉密 and similar): 是, Y, YES, TRUE, 1, 涉密, 保密, 机密, 秘密, 绝密. */
export function isYesFlag(v: CellValue | undefined): boolean {
  if (v === null || v === undefined || isCellError(v)) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v === 1;
  const t = compactLabel(v);
  if (t === "" || t.startsWith("否") || t.startsWith("非") || t.includes("不涉密")) return false;
  return (
    t === "是" ||
    t === "y" ||
    t === "yes" ||
    t === "true" ||
    t === "1" ||
    t === "√" ||
    t === "✓" ||
    /涉密|保密|机密|秘密|绝密/.test(t)
  );
}

/**
 * Memoizes a string normalization for one run (columns like 主管部门, 预算类型, 支出类型 repeat a
 * few values many times). The cache lives as long as the returned function.
 */
export function memoized<R>(fn: (s: string | undefined) => R): (s: string | undefined) => R {
  const byText = memoByText((s: string) => fn(s));
  let none: { v: R } | undefined;
  return (s) => {
    if (s !== undefined) return byText(s);
    if (!none) none = { v: fn(undefined) };
    return none.v;
  };
}

/**
 * Typed bodies of the JX custom functions (functions.ts holds only the JSDoc declarations that call these).
 * Each body converts Excel's arguments (args.ts), calls src/domain, and turns failures into Excel errors
 * (errors.ts). No rule of its own: scoring, parsing, coverage and checks come from the domain.
 */
import { SingleRowChecker } from "../domain/checks/single-row";
import { buildCodeSet, coverageBy, coverageRate, hasTarget, missingRows, readAmount, reductionRate } from "../domain/coverage";
import type { CellValue } from "../domain/grid";
import { isCellError } from "../domain/grid";
import { resolveProfile } from "../domain/profiles";
import { executionRate, executionScore, scoreIndicator } from "../domain/scoring";
import { normalizeSign, parseValue, readNumber, signFamily, type ParsedValue, type SignFamily } from "../domain/value";
import { alignTarget, parseActual, parseTarget } from "../domain/value/pair";
import {
  cellString,
  codeColumnOf,
  dropHeaderRow,
  isBlankValue,
  isListHeader,
  isOmitted,
  lift,
  toMatrix,
  trimRows,
  usedExtent,
  type Matrix,
  type Out,
} from "./args";
import { divError, jxError, numberOrError, passError, scoreErrorKind } from "./errors";

const NATIONAL = resolveProfile("national");

/** A list argument (codes, groups, amounts, a budget range) without its trailing blank rows. */
function listOf(arg: unknown): Matrix {
  return trimRows(toMatrix(arg));
}

/** What JX.MISSING returns when every budget line has a target: one cell, not an error. */
export const NONE_MISSING = "（无）全部有绩效目标 / none missing";

/** Header row of JX.COVERAGEBY (4 columns by count; 7 with amounts). */
export const COVERAGE_BY_HEADER = ["分组", "项目数", "已覆盖", "覆盖率", "金额", "已覆盖金额", "金额覆盖率"] as const;

// ---------------------------------------------------------------------------------------------------------
// Scoring: JX.SCORE, JX.COMPLETION, JX.EXECSCORE

interface Indicator {
  readonly target: ParsedValue;
  readonly actual: ParsedValue;
  readonly family?: SignFamily;
}

/** Target, actual and family of one position, or the error for an unreadable sign. */
function readIndicator(t: CellValue, x: CellValue, s: CellValue): Indicator | CustomFunctions.Error {
  const signText = cellString(s);
  let family: SignFamily | undefined;
  if (signText !== "") {
    const reading = normalizeSign(signText);
    if (reading === undefined) {
      return jxError("invalidValue", `计算符号“${signText}”无法识别（可用 ≥ ＞ ＝ ＜ ≤ 正向 反向 定性）`, `sign "${signText}" not recognized`);
    }
    family = signFamily(reading);
  }
  let target = parseTarget(t, signText);
  const actual = parseActual(x, target);
  target = alignTarget(target, t, signText, actual);
  return family === undefined ? { target, actual } : { target, actual, family };
}

/** JX.SCORE: suggested score (rules.md §4.3), element-wise. */
export function scoreCells(target: unknown, actual: unknown, weight: unknown, sign?: unknown): Out[][] {
  return lift([target, actual, weight, sign], { primary: [0, 1] }, ([t, x, w, s]) => {
    const ind = readIndicator(t, x, s);
    if (!("target" in ind)) return ind;
    const wr = readNumber(w);
    if (wr === undefined && !isBlankValue(w)) return jxError("invalidValue", `分值“${cellString(w)}”不是数字`, "weight is not a number");
    const r = scoreIndicator({ ...ind, weight: wr?.value }, NATIONAL);
    return r.ok ? r.score : jxError(scoreErrorKind(r.cause), r.reason, r.reasonEn);
  });
}

/** JX.COMPLETION: 完成率 X/T (T/X for 反向), element-wise; a fraction (format the cell as %). */
export function completionCells(target: unknown, actual: unknown, sign?: unknown): Out[][] {
  return lift([target, actual, sign], { primary: [0, 1] }, ([t, x, s]) => {
    const ind = readIndicator(t, x, s);
    if (!("target" in ind)) return ind;
    // The completion ratio does not depend on the weight: score against 1 point and keep the ratio.
    const r = scoreIndicator({ ...ind, weight: 1 }, NATIONAL);
    return r.ok ? r.completion : jxError(scoreErrorKind(r.cause), r.reason, r.reasonEn);
  });
}

/** A money figure of one cell, or the error saying why not (blank → undefined). */
function amountOf(v: CellValue, label: string, labelEn: string): number | undefined | CustomFunctions.Error {
  if (isBlankValue(v)) return undefined;
  const n = readAmount(v);
  if (n === undefined) return jxError("invalidValue", `${label}“${cellString(v)}”不是数字`, `${labelEn} is not a number`);
  return n;
}

function isError(v: unknown): v is CustomFunctions.Error {
  return typeof v === "object" && v !== null;
}

/** JX.EXECSCORE: 预算执行率得分 = B/A × 分值 (default 10), 2 dp, capped at 分值 (§4.2), element-wise. */
export function execScoreCells(budget: unknown, spent: unknown, points?: unknown): Out[][] {
  return lift([budget, spent, points], { primary: [0, 1] }, ([a, b, p]) => {
    const A = amountOf(a, "全年预算数", "budget (A)");
    if (isError(A)) return A;
    const B = amountOf(b, "全年执行数", "spending (B)");
    if (isError(B)) return B;
    let pts = NATIONAL.executionPoints;
    if (!isBlankValue(p)) {
      const pr = readNumber(p);
      if (pr === undefined || pr.percent || pr.value <= 0) return jxError("invalidValue", "分值应为大于0的数字", "points must be a number above 0");
      pts = pr.value;
    }
    const rate = executionRate(A, B);
    if (!rate.ok) {
      const kind = rate.cause === "zero-budget" ? "divisionByZero" : rate.cause === "missing" ? "notAvailable" : "invalidValue";
      return jxError(kind, rate.reason, rate.reasonEn);
    }
    return executionScore(rate.rate, pts, NATIONAL.capExecutionScore);
  });
}

// ---------------------------------------------------------------------------------------------------------
// JX.PARSE

function dateText(v: ParsedValue): string {
  const d = v.date;
  if (!d) return v.raw;
  const mm = d.month === undefined ? "" : `-${String(d.month).padStart(2, "0")}`;
  const dd = d.day === undefined || d.month === undefined ? "" : `-${String(d.day).padStart(2, "0")}`;
  return `${d.year}${mm}${dd}`;
}

/** The three cells JX.PARSE gives for one value: sign, number (or text / date), unit. */
function parsedCells(v: CellValue): [Out, Out, Out] {
  if (isCellError(v)) {
    const e = passError(v);
    return [e, e, e];
  }
  const p = parseValue(v);
  const sign = p.sign ?? p.signLabel ?? "";
  switch (p.kind) {
    case "empty":
      return ["", "", ""];
    case "number":
      return [sign, p.number ?? "", p.unit ?? ""];
    case "date":
      return [sign, dateText(p), "日期"];
    case "qualitative":
      return [sign, p.text ?? p.raw, ""];
    case "unreadable": {
      const why = p.problems.join("；") || "无法识别";
      const e = jxError("invalidValue", `指标值“${p.raw}”无法解析：${why}`, `value "${p.raw}" could not be read`);
      return [e, e, e];
    }
  }
}

/** JX.PARSE: each cell becomes three columns (符号, 数值 or text, 单位); trailing blank rows trimmed. */
export function parseCells(text: unknown): Out[][] {
  const m = listOf(text);
  const { rows, cols } = usedExtent(m);
  if (rows === 0) return [["", "", ""]];
  const out: Out[][] = new Array<Out[]>(rows);
  for (let r = 0; r < rows; r++) {
    const line: Out[] = [];
    for (let c = 0; c < cols; c++) line.push(...parsedCells(m[r][c] ?? null));
    out[r] = line;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Coverage: JX.HASTARGET, JX.MISSING, JX.COVERAGE, JX.COVERAGEBY, JX.REDUCTION

/** JX.HASTARGET: TRUE when the code has a target (one hash set for the whole target range). */
export function hasTargetCells(code: unknown, targetCodes: unknown): Out[][] {
  const set = buildCodeSet(listOf(targetCodes));
  return lift([code], { primary: [] }, ([c]) => hasTarget(c, set));
}

/** A grid value as a result cell: empty → "", a grid error → the same Excel error. */
function outValue(v: CellValue | undefined): Out {
  if (v === null || v === undefined) return "";
  if (isCellError(v)) return passError(v);
  return v;
}

/**
 * JX.MISSING: the budget rows whose code has no target, all their columns, in budget order. The code column is
 * the one titled 项目编码 (or …编码/代码) when the first row is a title row (which is then skipped), else the first.
 * `excluded` is a column parallel to the rows (是/涉密/基本支出 → left out). Nothing missing → one marker cell.
 */
export function missingCells(budgetRange: unknown, targetCodes: unknown, excluded?: unknown): Out[][] {
  let rows = listOf(budgetRange);
  let flags: Matrix | undefined = isOmitted(excluded) ? undefined : listOf(excluded);
  let codeColumn = 0;
  const titled = rows.length > 1 ? codeColumnOf(rows[0]) : undefined;
  if (titled !== undefined || (rows.length > 1 && rows[0].some(isListHeader))) {
    codeColumn = titled ?? 0;
    rows = rows.slice(1);
    if (flags && flags.length > 1) flags = flags.slice(1);
  }
  const flagColumn = flags ? flags.map((r) => r[0] ?? null) : undefined;
  const found = missingRows(rows, codeColumn, buildCodeSet(listOf(targetCodes)), flagColumn);
  if (found.length === 0) return [[NONE_MISSING]];
  const width = Math.max(1, usedExtent(found).cols);
  return found.map((row) => {
    const line = new Array<Out>(width);
    for (let c = 0; c < width; c++) line[c] = outValue(row[c]);
    return line;
  });
}

/** JX.COVERAGEBY's only data row when there is no budget line at all. */
export const NO_GROUPS = "（无项目）none";

const NO_LINES = ["没有可统计的项目（项目编码为空）", "no budget lines to count"] as const;
const NO_AMOUNT = ["项目金额合计为0，无法按金额计算覆盖率", "total amount is 0: no rate by amount"] as const;

/** JX.COVERAGE: share of budget codes that are covered, by count, or by amount when amounts are given. */
export function coverageCell(budgetCodes: unknown, coveredCodes: unknown, amounts?: unknown): Out {
  const withAmounts = !isOmitted(amounts);
  const lists = dropHeaderRow(withAmounts ? [listOf(budgetCodes), listOf(amounts)] : [listOf(budgetCodes)]);
  const rate = coverageRate(lists[0], buildCodeSet(listOf(coveredCodes)), withAmounts ? lists[1] : undefined);
  if (!Number.isNaN(rate)) return numberOrError(rate, NO_LINES[0], NO_LINES[1]);
  const why = withAmounts && !Number.isNaN(coverageRate(lists[0], [])) ? NO_AMOUNT : NO_LINES;
  return divError(why[0], why[1]);
}

/** JX.COVERAGEBY: a table with a header row: group, count, covered, rate [, amount, covered amount, amount rate]. */
export function coverageByCells(groups: unknown, budgetCodes: unknown, coveredCodes: unknown, amounts?: unknown): Out[][] {
  const withAmounts = !isOmitted(amounts);
  const lists = dropHeaderRow(
    withAmounts ? [listOf(groups), listOf(budgetCodes), listOf(amounts)] : [listOf(groups), listOf(budgetCodes)],
  );
  const rows = coverageBy(lists[0], lists[1], buildCodeSet(listOf(coveredCodes)), withAmounts ? lists[2] : undefined);
  const width = withAmounts ? 7 : 4;
  const out: Out[][] = [COVERAGE_BY_HEADER.slice(0, width)];
  for (const row of rows) {
    out.push(
      row.map((v, i): Out => {
        if (typeof v === "string") return v;
        if (i === 3) return numberOrError(v, "该组没有项目", "no lines in this group");
        if (i === 6) return numberOrError(v, "该组金额合计为0", "this group's amount is 0");
        return v;
      }),
    );
  }
  if (rows.length === 0) out.push([NO_GROUPS, ...new Array<Out>(width - 1).fill("")]);
  return out;
}

/** JX.REDUCTION: 审减率 (申报 − 核定) / 申报, element-wise. */
export function reductionCells(declared: unknown, approved: unknown): Out[][] {
  return lift([declared, approved], { primary: [0, 1] }, ([d, a]) => {
    const D = amountOf(d, "申报金额", "declared amount");
    if (isError(D)) return D;
    const A = amountOf(a, "核定金额", "approved amount");
    if (isError(A)) return A;
    if (D === undefined) return jxError("notAvailable", "申报金额为空", "declared amount is blank");
    if (A === undefined) return jxError("notAvailable", "核定金额为空", "approved amount is blank");
    return numberOrError(reductionRate(D, A), "申报金额为0，无法计算审减率", "declared amount is 0: no reduction rate");
  });
}

// ---------------------------------------------------------------------------------------------------------
// JX.CHECK

/** Distinct rows remembered by one JX.CHECK call (then it starts afresh). */
const CHECK_MEMO_LIMIT = 50_000;

/** The six cells as one key, unambiguous (each value tagged with its type and, for text, its length). */
function rowKey(cells: readonly CellValue[]): string {
  let k = "";
  for (const v of cells) {
    if (typeof v === "string") k += `s${v.length}:${v}`;
    else if (typeof v === "number") k += Object.is(v, -0) ? "n-0;" : `n${v};`;
    else if (typeof v === "boolean") k += v ? "T" : "F";
    else k += "_";
  }
  return k;
}

/**
 * JX.CHECK: the row's issues as "code 说明；…", "" when clean (national profile, row-level rules). One checker per
 * call: its walker, table and project are made once for the whole range, not once per row. A lone row's findings
 * depend on its six values alone (its cells are always named A1…F1), so a row repeated in the range (the same
 * 满意度 indicator under every project) is checked once.
 */
export function checkCells(level1: unknown, level2: unknown, name: unknown, target: unknown, unit: unknown, weight: unknown): Out[][] {
  const checker = new SingleRowChecker(NATIONAL);
  const seen = new Map<string, string>();
  return lift([level1, level2, name, target, unit, weight], { primary: [0, 1, 2, 3, 4, 5] }, (cells) => {
    const key = rowKey(cells);
    const known = seen.get(key);
    if (known !== undefined) return known;
    const [l1, l2, n, t, u, w] = cells;
    const text = checker
      .check({ level1: l1, level2: l2, name: n, target: t, unit: u, weight: w })
      .map((i) => `${i.code} ${i.message}`)
      .join("；");
    if (seen.size >= CHECK_MEMO_LIMIT) seen.clear();
    seen.set(key, text);
    return text;
  });
}

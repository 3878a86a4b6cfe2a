/**
 * Budget execution (预算执行率), rules.md §4.2:
 *   执行率 = 全年执行数 (B) / 全年预算数 (A); 得分 = 执行率 × 分值 (10), 2 dp, capped at 分值 (setting).
 *   A = 0 → no rate (error). 年度资金总额 must equal the sum of its 其中 rows.
 */
import { toHalfWidth } from "../text";
import type { Profile } from "../profiles/types";
import type { FundsBlock, FundsRow, Ref } from "../tables/model";
import { readNumber } from "../value/number";
import { EPS, round2 } from "./round";

export type RateResult =
  | { readonly ok: true; readonly rate: number }
  | { readonly ok: false; readonly cause: "zero-budget" | "negative" | "missing"; readonly reason: string; readonly reasonEn: string };

/** 执行率 B/A, unrounded. A = 0 (or blank) gives a reason instead (§4.2 [C-impl S14]). */
export function executionRate(budget: number | undefined, spent: number | undefined): RateResult {
  if (budget === undefined || spent === undefined || !Number.isFinite(budget) || !Number.isFinite(spent)) {
    return { ok: false, cause: "missing", reason: "全年预算数或全年执行数为空", reasonEn: "budget (A) or spending (B) is blank" };
  }
  if (budget === 0) {
    return { ok: false, cause: "zero-budget", reason: "全年预算数为0，无法计算执行率", reasonEn: "budget (A) is 0: no execution rate" };
  }
  if (budget < 0 || spent < 0) {
    return { ok: false, cause: "negative", reason: "预算数或执行数为负数", reasonEn: "negative budget or spending" };
  }
  return { ok: true, rate: spent / budget };
}

/** Execution score: rate × points, 2 dp; at most `points` when `cap` (B > A, §4.2 recommended), never below 0. */
export function executionScore(rate: number, points: number, cap: boolean): number {
  const raw = Math.max(0, rate) * points;
  const s = round2(cap ? Math.min(points, raw) : raw);
  return s === 0 ? 0 : s;
}

/** A figure in a funds cell; blank, "/" and "-" give undefined. */
export function refNumber(ref: Ref | undefined): number | undefined {
  if (!ref) return undefined;
  const n = readNumber(ref.value, ref.numberFormat)?.value;
  if (n !== undefined || typeof ref.value !== "string") return n;
  // An amount written with its money unit (4753.66万元 in a block headed 万元): the figure, in the block's unit.
  const m = AMOUNT_WITH_UNIT.exec(toHalfWidth(ref.value));
  return m ? readNumber(m[1], undefined)?.value : undefined;
}

/**
 * An amount written with its money unit (4753.66万元, 5.8万 in a block of 万元), or with a note of what it is made of in brackets after it
 * (854万(高标准农田建设400万元,示范建设295万元,畅通工程159万元), real 18): the leading figure.
 */
const AMOUNT_WITH_UNIT = /^\s*([+-]?\d[\d,]*(?:\.\d+)?)\s*(?:(?:万元|元|万(?=\(|\s*$))\s*)?(?:\([^()]*\)\s*)?$/;

/** Money columns that a 年度资金总额 row sums. */
export type FundsColumn = "initial" | "budget" | "spent";

export const FUNDS_COLUMNS: readonly FundsColumn[] = ["initial", "budget", "spent"];

export interface FundsSumCheck {
  readonly column: FundsColumn;
  /** The total row's figure (0 when its cell is blank). */
  readonly total: number;
  readonly totalRef?: Ref;
  /** Sum of the 其中 rows. */
  readonly partsSum: number;
  readonly agrees: boolean;
}

/**
 * 年度资金总额 against the sum of its 其中 rows, per money column (V14). Columns where no 其中 row has a
 * figure are skipped (nothing to compare); a blank total with filled parts disagrees.
 */
export function checkFundsTotal(block: FundsBlock, tolerance: number): FundsSumCheck[] {
  const total = block.rows.find((r) => r.kind === "total");
  const parts = block.rows.filter((r) => r.kind === "part");
  if (!total || parts.length === 0) return [];
  const out: FundsSumCheck[] = [];
  for (const column of FUNDS_COLUMNS) {
    const partsSum = partsFigure(block, column);
    if (partsSum === undefined) continue;
    const totalFigure = refNumber(total[column]);
    if (totalFigure === undefined && total[column] && CAPTION.test(total[column].text.replace(/\s/g, ""))) continue;
    const t = totalFigure ?? 0;
    if (totalFigure === undefined && partsSum === 0) continue;
    // Figures written to the 分 (1157.97 against a part of 1157.9) differ by less than the profile's tolerance and
    // still disagree: the tolerance covers the rounding the figures show, no more (half a unit of each one's last
    // written decimal), so 20 = 12 + 8.4 is rounding and 1157.97 ≠ 1157.9 is not.
    let shown = halfLastUnit(total[column]);
    for (const r of parts) shown += halfLastUnit(r[column]);
    out.push({
      column,
      total: t,
      ...(total[column] ? { totalRef: total[column] } : {}),
      partsSum,
      agrees: totalFigure !== undefined && Math.abs(t - partsSum) <= Math.min(tolerance, shown) + EPS,
    });
  }
  return out;
}

/** Half a unit of the last decimal a figure is written with (0.005 for 1157.97, 0.5 for 20); 0 for a blank cell. */
function halfLastUnit(ref: Ref | undefined): number {
  if (!ref || refNumber(ref) === undefined) return 0;
  const written = typeof ref.value === "number" ? String(ref.value) : toHalfWidth(ref.text);
  const m = /\d\.(\d+)/.exec(written);
  if (/e/i.test(written)) return 0;
  return 0.5 * 10 ** -(m ? m[1].length : 0);
}

/** The funds row that carries the execution score: the 年度资金总额 row, else the only row. */
export function scoringFundsRow(block: FundsBlock): FundsRow | undefined {
  return block.rows.find((r) => r.kind === "total") ?? (block.rows.length === 1 ? block.rows[0] : undefined);
}

export interface ExecutionResult {
  readonly row: FundsRow;
  /** A and B used (A from the 其中 rows when the total row's A is blank or 0 and the parts have one). */
  readonly budget?: number;
  readonly spent?: number;
  /** Points of the part: the 分值 on the row, else the block title's "(10分)", else the profile's. */
  readonly points: number;
  readonly rate: RateResult;
  /** Suggested score, when the rate is known. */
  readonly score?: number;
  /** What the sheet says. */
  readonly enteredScore?: number;
}

/** Σ of a column's figures over the 其中 rows (12 significant digits); undefined when none has one. */
function partsFigure(block: FundsBlock, column: FundsColumn): number | undefined {
  let sum = 0;
  let any = false;
  const outline = outlineTops(block.rows);
  for (const r of block.rows) {
    if (r.kind !== "part" || (outline && !isOutlineTop(r))) continue;
    const n = refNumber(r[column]);
    if (n === undefined) continue;
    sum += n;
    any = true;
  }
  if (!any) return undefined;
  return Number.isInteger(sum) && Math.abs(sum) < 1e12 ? sum : Number(sum.toPrecision(12));
}

/** A 其中 row that heads a group of others: (一)财政拨款小计 over 1、一般公共预算, 2、政府性基金 (real 86). */
const OUTLINE_TOP = /^[(（][一二三四五六七八九十]{1,3}[)）]|^[一二三四五六七八九十]{1,3}[、.．]|小计/;

function isOutlineTop(row: FundsRow): boolean {
  return OUTLINE_TOP.test(row.label.text.trim());
}

/**
 * Whether the 其中 rows are an outline of groups and their items (each group a 小计 of the items under it): the total
 * is then the sum of the groups, and adding the items too would count each amount twice.
 */
function outlineTops(rows: readonly FundsRow[]): boolean {
  let tops = 0;
  let items = 0;
  for (const r of rows) {
    if (r.kind !== "part") continue;
    if (isOutlineTop(r)) tops++;
    else items++;
  }
  return tops > 0 && items > 0;
}

/** A money cell of the total row holding the column's caption (年度资金总额 | 金额(万元), real 86): no figure given. */
const CAPTION = /^(?:金额|资金|数额|预算数|执行数)?[(（]?(?:万元|元)[)）]?$|^金额$/;

/** Execution rate and score of a funds block (§4.2). Undefined when there is no row to score. */
export function scoreExecution(
  block: FundsBlock,
  profile: Pick<Profile, "executionPoints" | "capExecutionScore">,
): ExecutionResult | undefined {
  const row = scoringFundsRow(block);
  if (!row) return undefined;
  // No 全年预算数 column (年初预算数(A) | 全年执行数(B), real table 16): the 年初预算数 is A.
  let budget = row.budget === undefined && !block.rows.some((r) => r.budget !== undefined) ? refNumber(row.initial) : refNumber(row.budget);
  let spent = refNumber(row.spent);
  // Published forms often leave the total row at 0 or blank while the 其中 rows are filled (§4.2):
  // the rate still follows from the parts (budget.total-mismatch reports the total row).
  if (row.kind === "total") {
    const pa = partsFigure(block, "budget");
    const pb = partsFigure(block, "spent");
    if ((budget === undefined || budget === 0) && pa !== undefined && pa > 0) {
      budget = pa;
      if (spent === undefined || spent === 0) spent = pb ?? spent;
    }
  }
  const printed = refNumber(row.points);
  const points =
    // A printed 分值 beyond any score (1e308) is not points: the title's or the profile's is used instead.
    printed !== undefined && printed > 0 && printed <= 1e6
      ? printed
      : block.titlePoints !== undefined && block.titlePoints > 0 && block.titlePoints <= 1e6
        ? block.titlePoints
        : profile.executionPoints;
  const rate = executionRate(budget, spent);
  const entered = refNumber(row.score);
  return {
    row,
    ...(budget !== undefined ? { budget } : {}),
    ...(spent !== undefined ? { spent } : {}),
    points,
    rate,
    ...(rate.ok ? { score: executionScore(rate.rate, points, profile.capExecutionScore) } : {}),
    ...(entered !== undefined ? { enteredScore: entered } : {}),
  };
}

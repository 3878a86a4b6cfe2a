/**
 * Funds block (项目资金 / 预算执行情况), rules.md §4.2: budget.total-mismatch (年度资金总额 against its 其中
 * rows), budget.zero-budget, budget.rate-mismatch (entered 执行率 against B/A, at the precision shown),
 * budget.score-mismatch (entered 得分 against 执行率 × 分值), budget.low-execution (< 90 % with no reason).
 */
import { list, say, text, type MessageValue } from "../catalog";
import type { FundsRow, Ref } from "../tables/model";
import { isScored } from "../tables/model";
import { rateAgrees, readingText, scoreAgrees } from "../scoring/compare";
import { checkFundsTotal, executionRate, executionScore, FUNDS_COLUMNS, type FundsColumn, refNumber, scoreExecution } from "../scoring/execution";
import { fmt2, fmtPercent } from "../scoring/round";
import { isNotApplicableMark, readNumber, type NumberReading } from "../value/number";
import type { Check } from "./types";
import { toHalfWidth } from "../text";
import { isTemplateInstruction } from "./instructions";

function fmtAmount(n: number): string {
  return String(Number(n.toPrecision(12)));
}

function hasText(ref: Ref | undefined): boolean {
  return !!ref && ref.text.trim() !== "" && !isNotApplicableMark(ref.value) && !isNotApplicableMark(ref.text);
}

/** The first money cell of a block whose text holds figures but reads as no one amount (not blank, not "/"). */
function unreadableAmount(rows: readonly FundsRow[]): { row: FundsRow; column: FundsColumn; ref: Ref } | undefined {
  for (const row of rows) {
    for (const column of FUNDS_COLUMNS) {
      const ref = row[column];
      if (!ref || typeof ref.value !== "string" || !/\d/.test(ref.text) || isNotApplicableMark(ref.text)) continue;
      if (refNumber(ref) === undefined && TWO_AMOUNTS.test(toHalfWidth(ref.text))) return { row, column, ref };
    }
  }
  return undefined;
}

/** Two amounts run together with no word between them (854万854万, 30 30). */
const TWO_AMOUNTS = /^\s*\d[\d,.]*(?:\s*(?:万元|万|元)\s*|\s+)\d[\d,.]*\s*(?:万元|万|元)?/;

/** A printed 执行率 as a fraction: a percentage as read, a plain number above 1.5 as percentage points (97.8 → 0.978). */
function printedFraction(reading: NumberReading): number {
  return reading.percent || reading.value <= 1.5 ? reading.value : reading.value / 100;
}

/** A reason that says something: not blank, not "/", and not the template's instruction or scoring method. */
function hasReason(ref: Ref | undefined): boolean {
  return hasText(ref) && !isTemplateInstruction((ref as Ref).text);
}

function rowLabel(row: FundsRow): string {
  return row.label.text.replace(/[:：]$/, "") || (row.kind === "total" ? "年度资金总额" : "其中");
}

/** A deviation's reason that speaks of the money (尾款, 结余, 未支付, 预算 …): it explains a low execution rate too. */
const MONEY_REASON = /资金|预算|尾款|结余|结转|未付|未支付|支付|拨付|支出|执行率|节约|招标|限价/;

/** A figure in a money cell, 0 for a blank one; undefined when the cell holds text that is not a figure. */
function moneyOrZero(ref: Ref | undefined): number | undefined {
  if (!ref || ref.text.trim() === "") return 0;
  return refNumber(ref);
}

/**
 * The adjustment a funds block shows: the total row's 年初 against its 全年, or, when the total row is 0 or blank in
 * both, the first 其中 row whose two differ. Undefined when no row shows both figures or none changed.
 */
function adjustment(rows: readonly FundsRow[], total: FundsRow | undefined, tolerance: number): { initial: number; budget: number; at: Ref } | undefined {
  const changed = (row: FundsRow): { initial: number; budget: number; at: Ref } | undefined => {
    if (!row.initial || !row.budget) return undefined;
    const a0 = refNumber(row.initial);
    const a = refNumber(row.budget);
    if (a0 === undefined || a === undefined || a0 < 0 || a < 0) return undefined;
    return Math.abs(a - a0) > tolerance + 1e-9 ? { initial: a0, budget: a, at: row.budget } : undefined;
  };
  if (total && total.initial && total.budget) {
    const a0 = moneyOrZero(total.initial);
    const a = moneyOrZero(total.budget);
    if (a0 === undefined || a === undefined) return undefined;
    if (a0 !== 0 || a !== 0) return changed(total);
  } else if (total) return undefined;
  for (const row of rows) {
    if (row.kind !== "part") continue;
    const c = changed(row);
    if (c) return c;
  }
  return undefined;
}

export const budget: Check = {
  id: "budget",
  codes: ["budget.total-mismatch", "budget.zero-budget", "budget.rate-mismatch", "budget.score-mismatch", "budget.low-execution", "budget.adjustment-unexplained"],
  // The funds block (项目资金 / 预算执行情况) is read whole: its findings come after the indicator rows.
  end({ table, profile, project }, _state, emit) {
    const funds = project.funds;
    if (!funds) return;
    const sheet = table.sheet;

    // 年度资金总额 = Σ 其中 (every kind of table: 申报表 too). One finding for the row, however many of its money
    // columns disagree: a total row left at 0 or blank is one cause, not one per column.
    const totalRow = funds.rows.find((r) => r.kind === "total");
    const off = totalRow ? checkFundsTotal(funds, profile.amountTolerance).filter((c) => !c.agrees) : [];
    if (totalRow && off.length > 0) {
      const first = off[0];
      const said = (c: (typeof off)[number]): MessageValue =>
        c.totalRef && c.totalRef.text.trim() !== "" ? fmtAmount(c.total) : text("budget.total-mismatch", "empty");
      const columns = off.map((c) => text("budget.total-mismatch", "column", { column: text("budget.total-mismatch", c.column), total: said(c), parts: fmtAmount(c.partsSum) }));
      emit({
        ...say("budget.total-mismatch", "differs", { label: rowLabel(totalRow), columns: list(columns, "enum") }),
        sheet,
        cell: (first.totalRef ?? totalRow.label).address,
        value: first.totalRef?.text ?? "",
        expected: off.map((c) => fmtAmount(c.partsSum)).join(" / "),
      });
    }

    // A money cell of the block holding figures that make no one amount (854万854万(…), real 18: a figure typed
    // twice): nothing can be reconciled with it. Said once for the block, at the first such cell.
    if (off.length === 0) {
      const garbled = unreadableAmount(funds.rows);
      if (garbled) {
        const shown = garbled.ref.text.length > 40 ? `${garbled.ref.text.slice(0, 40)}…` : garbled.ref.text;
        emit({
          ...say("budget.total-mismatch", "unreadable", { label: rowLabel(garbled.row), column: text("budget.total-mismatch", garbled.column), text: shown }),
          sheet,
          cell: garbled.ref.address,
          value: garbled.ref.text,
        });
      }
    }

    if (table.kind === "target") return;
    const ex = scoreExecution(funds, profile);

    // 年初预算数 ≠ 全年预算数 (调整后): an adjustment during the year wants its reason (the forms ask for one). A
    // budget added from nothing (年初 0, real table 12) is an adjustment too; a total row left at 0 or blank (real
    // table 05) says nothing, so the first 其中 row that changed speaks for the block.
    const adjusted = adjustment(funds.rows, totalRow, profile.amountTolerance);
    if (adjusted) {
      // Explained in the funds block, or in an indicator row's 偏差原因 that speaks of the money (real table 07:
      // "已完工,剩余3%尾款未付,且最高限价低于预算金额" beside the 工程资金 row).
      const explained =
        funds.rows.some((r) => hasReason(r.reason)) ||
        project.indicators.some((r) => r.reason !== undefined && hasReason(r.reason) && MONEY_REASON.test(r.reason.text));
      if (!explained) {
        emit({
          ...say("budget.adjustment-unexplained", "unexplained", { initial: fmtAmount(adjusted.initial), budget: fmtAmount(adjusted.budget) }),
          sheet,
          cell: adjusted.at.address,
          value: adjusted.at.text,
          expected: "调整原因",
        });
      }
    }

    // Entered 执行率 on every row that has one, against B/A of that row.
    for (const row of funds.rows) {
      if (!row.rate) continue;
      const reading = readNumber(row.rate.value, row.rate.numberFormat);
      const isScoring = ex !== undefined && ex.row === row;
      if (!reading) {
        // The self-evaluation's scoring row (年度资金总额) with A and B given and its 执行率 left blank (real 02:
        // 880/880): the rate the form asks for is missing. Other rows' blank rates (其中 rows) are left alone, and "/"
        // says not applicable.
        if (isScoring && isScored(table) && row.rate.text.trim() === "" && ex.rate.ok) {
          emit({
            ...say("budget.rate-mismatch", "empty", { label: rowLabel(row), spent: fmtAmount(ex.spent as number), budget: fmtAmount(ex.budget as number), computed: fmtPercent(ex.rate.rate) }),
            sheet,
            cell: row.rate.address,
            value: "",
            expected: fmtPercent(ex.rate.rate),
          });
        }
        continue;
      }
      const a = isScoring ? ex.budget : refNumber(row.budget);
      const b = isScoring ? ex.spent : refNumber(row.spent);
      const rate = executionRate(a, b);
      if (!rate.ok) continue;
      if (rateAgrees(rate.rate, reading)) continue;
      emit({
        ...say("budget.rate-mismatch", "differs", {
          label: rowLabel(row),
          rate: readingText(reading),
          spent: fmtAmount(b as number),
          budget: fmtAmount(a as number),
          computed: fmtPercent(rate.rate),
        }),
        sheet,
        cell: row.rate.address,
        value: row.rate.text,
        expected: fmtPercent(rate.rate),
      });
    }

    if (!ex) return;
    const row = ex.row;

    if (!ex.rate.ok) {
      // B left blank but the form prints the rate (全年执行 blank, 执行率 100%, real 28): a blank 得分 is still blank,
      // and the printed rate says what it should be.
      const printed = row.rate ? readNumber(row.rate.value, row.rate.numberFormat) : undefined;
      if (ex.rate.cause === "missing" && printed && isScored(table) && row.score && row.score.text.trim() === "") {
        const r = printedFraction(printed);
        const s = executionScore(r, ex.points, profile.capExecutionScore);
        emit({
          ...say("budget.score-mismatch", "empty", { rule: fmt2(s), rate: fmtPercent(r), points: fmt2(ex.points) }),
          sheet,
          cell: row.score.address,
          value: "",
          expected: fmt2(s),
        });
      }
      if (ex.rate.cause === "zero-budget") {
        // One finding that names what follows from it: the printed 执行率 and 得分 cannot be verified.
        const printed: MessageValue[] = [];
        if (row.rate && row.rate.text.trim() !== "") printed.push(text("budget.zero-budget", "printedRate", { text: row.rate.text }));
        if (row.score && row.score.text.trim() !== "") printed.push(text("budget.zero-budget", "printedScore", { text: row.score.text }));
        const label = rowLabel(row);
        emit({
          ...(printed.length
            ? say("budget.zero-budget", "zeroUnverifiable", { label, printed: list(printed, "and") })
            : say("budget.zero-budget", "zero", { label })),
          sheet,
          cell: (row.budget ?? row.label).address,
          value: row.budget?.text ?? "",
          expected: "> 0",
        });
      }
      return;
    }
    const rate = ex.rate.rate;
    const score = ex.score as number;

    // Budget 得分 = 执行率 × 分值.
    const scoreRefs = funds.rows.some((r) => r.score !== undefined);
    const entered = ex.enteredScore;
    const formula = { rule: fmt2(score), rate: fmtPercent(rate), points: fmt2(ex.points) };
    // Forms that print the rate rounded often score that printed rate (real table 16: 49.88 % shown as 50 %,
    // 10 × 50 % = 5): a score that follows the rate as printed, where the printed rate is right, is right.
    const printedRate = row.rate ? readNumber(row.rate.value, row.rate.numberFormat) : undefined;
    const printedScore =
      printedRate && rateAgrees(rate, printedRate) ? Math.min(ex.points, printedFraction(printedRate) * ex.points) : undefined;
    if (entered !== undefined) {
      if (!scoreAgrees(score, entered, profile.scoreTolerance) && !(printedScore !== undefined && scoreAgrees(printedScore, entered, profile.scoreTolerance))) {
        emit({
          ...say("budget.score-mismatch", "differs", { score: fmt2(entered), ...formula }),
          sheet,
          cell: (row.score as Ref).address,
          value: (row.score as Ref).text,
          expected: fmt2(score),
        });
      }
    } else if (isScored(table) && (row.score ? row.score.text.trim() === "" : scoreRefs)) {
      emit({
        ...say("budget.score-mismatch", "empty", formula),
        sheet,
        cell: (row.score ?? row.label).address,
        value: row.score?.text ?? "",
        expected: fmt2(score),
      });
    }

    // 执行率 < 90 % wants a reason.
    if (rate < profile.lowExecutionThreshold - 1e-12) {
      // Explained in the funds block, or in an indicator row's 偏差原因 that speaks of the money (real table 07:
      // "已完工,剩余3%尾款未付,且最高限价低于预算金额" beside the 工程资金 row).
      const explained =
        funds.rows.some((r) => hasReason(r.reason)) ||
        project.indicators.some((r) => r.reason !== undefined && hasReason(r.reason) && MONEY_REASON.test(r.reason.text));
      if (!explained) {
        emit({
          ...say("budget.low-execution", "below", { rate: fmtPercent(rate), threshold: fmtPercent(profile.lowExecutionThreshold) }),
          sheet,
          cell: (row.rate ?? row.reason ?? row.spent ?? row.label).address,
          value: row.rate?.text ?? fmtPercent(rate),
          expected: `≥ ${fmtPercent(profile.lowExecutionThreshold)}，或说明原因`,
        });
      }
    }
  },
};

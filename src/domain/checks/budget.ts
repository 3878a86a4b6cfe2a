/**
 * Funds block (项目资金 / 预算执行情况), rules.md §4.2: budget.total-mismatch (年度资金总额 against its 其中
 * rows), budget.zero-budget, budget.rate-mismatch (entered 执行率 against B/A, at the precision shown),
 * budget.score-mismatch (entered 得分 against 执行率 × 分值), budget.low-execution (< 90 % with no reason).
 */
import type { FundsRow, Ref } from "../tables/model";
import { rateAgrees, readingText, scoreAgrees } from "../scoring/compare";
import { checkFundsTotal, executionRate, refNumber, scoreExecution, type FundsColumn } from "../scoring/execution";
import { fmt2, fmtPercent } from "../scoring/round";
import { isNotApplicableMark, readNumber } from "../value/number";
import type { Check } from "./types";
import { isTemplateInstruction } from "./instructions";

const COLUMN_NAMES: Readonly<Record<FundsColumn, readonly [string, string]>> = {
  initial: ["年初预算数", "initial budget"],
  budget: ["全年预算数", "full-year budget (A)"],
  spent: ["全年执行数", "spending (B)"],
};

function fmtAmount(n: number): string {
  return String(Number(n.toPrecision(12)));
}

function hasText(ref: Ref | undefined): boolean {
  return !!ref && ref.text.trim() !== "" && !isNotApplicableMark(ref.value) && !isNotApplicableMark(ref.text);
}

/** A reason that says something: not blank, not "/", and not the template's instruction or scoring method. */
function hasReason(ref: Ref | undefined): boolean {
  return hasText(ref) && !isTemplateInstruction((ref as Ref).text);
}

function rowLabel(row: FundsRow): string {
  return row.label.text.replace(/[:：]$/, "") || (row.kind === "total" ? "年度资金总额" : "其中");
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
      const said = (c: (typeof off)[number]): string => (c.totalRef && c.totalRef.text.trim() !== "" ? fmtAmount(c.total) : "空");
      const zh = off.map((c) => `${COLUMN_NAMES[c.column][0]}${said(c)}（其中各项合计${fmtAmount(c.partsSum)}）`).join("、");
      const en = off.map((c) => `${COLUMN_NAMES[c.column][1]} ${said(c) === "空" ? "empty" : said(c)} (parts ${fmtAmount(c.partsSum)})`).join(", ");
      emit({
        code: "budget.total-mismatch",
        sheet,
        cell: (first.totalRef ?? totalRow.label).address,
        value: first.totalRef?.text ?? "",
        expected: off.map((c) => fmtAmount(c.partsSum)).join(" / "),
        message: `${rowLabel(totalRow)}与其中各项合计不符：${zh}`,
        messageEn: `the total row differs from the sum of its parts: ${en}`,
      });
    }

    if (table.kind === "target") return;
    const ex = scoreExecution(funds, profile);

    // 年初预算数 ≠ 全年预算数 (调整后): an adjustment during the year wants its reason (the forms ask for one).
    if (totalRow && totalRow.initial && totalRow.budget) {
      const a0 = refNumber(totalRow.initial);
      const a = refNumber(totalRow.budget);
      const explained = funds.rows.some((r) => hasReason(r.reason));
      if (a0 !== undefined && a !== undefined && a0 > 0 && Math.abs(a - a0) > profile.amountTolerance + 1e-9 && !explained) {
        emit({
          code: "budget.adjustment-unexplained",
          sheet,
          cell: totalRow.budget.address,
          value: totalRow.budget.text,
          expected: "调整原因",
          message: `年初预算数${fmtAmount(a0)}与全年预算数（调整后）${fmtAmount(a)}不同，未说明预算调整的原因`,
          messageEn: `the initial budget ${fmtAmount(a0)} differs from the adjusted full-year budget ${fmtAmount(a)} and no reason for the adjustment is given`,
        });
      }
    }

    // Entered 执行率 on every row that has one, against B/A of that row.
    for (const row of funds.rows) {
      if (!row.rate) continue;
      const reading = readNumber(row.rate.value, row.rate.numberFormat);
      if (!reading) continue; // blank or "/": nothing entered (02 leaves it empty)
      const isScoring = ex !== undefined && ex.row === row;
      const a = isScoring ? ex.budget : refNumber(row.budget);
      const b = isScoring ? ex.spent : refNumber(row.spent);
      const rate = executionRate(a, b);
      if (!rate.ok) continue;
      if (rateAgrees(rate.rate, reading)) continue;
      emit({
        code: "budget.rate-mismatch",
        sheet,
        cell: row.rate.address,
        value: row.rate.text,
        expected: fmtPercent(rate.rate),
        message: `${rowLabel(row)}执行率${readingText(reading)}与执行数/预算数（${fmtAmount(b as number)}/${fmtAmount(a as number)}=${fmtPercent(rate.rate)}）不符`,
        messageEn: `${rowLabel(row)}: execution rate ${readingText(reading)} differs from B/A (${fmtAmount(b as number)}/${fmtAmount(a as number)} = ${fmtPercent(rate.rate)})`,
      });
    }

    if (!ex) return;
    const row = ex.row;

    if (!ex.rate.ok) {
      if (ex.rate.cause === "zero-budget") {
        // One finding that names what follows from it: the printed 执行率 and 得分 cannot be verified.
        const printed: string[] = [];
        const printedEn: string[] = [];
        if (row.rate && row.rate.text.trim() !== "") {
          printed.push(`执行率（填报${row.rate.text}）`);
          printedEn.push(`the rate (${row.rate.text})`);
        }
        if (row.score && row.score.text.trim() !== "") {
          printed.push(`得分（填报${row.score.text}）`);
          printedEn.push(`the score (${row.score.text})`);
        }
        emit({
          code: "budget.zero-budget",
          sheet,
          cell: (row.budget ?? row.label).address,
          value: row.budget?.text ?? "",
          expected: "> 0",
          message: `${rowLabel(row)}的全年预算数为0，无法计算预算执行率及得分${printed.length ? `；${printed.join("和")}无从核实` : ""}`,
          messageEn: `the full-year budget (A) is 0: no execution rate or score can be computed${printedEn.length ? `; ${printedEn.join(" and ")} cannot be verified` : ""}`,
        });
      }
      return;
    }
    const rate = ex.rate.rate;
    const score = ex.score as number;

    // Budget 得分 = 执行率 × 分值.
    const scoreRefs = funds.rows.some((r) => r.score !== undefined);
    const entered = ex.enteredScore;
    const formula = `执行率${fmtPercent(rate)}×${fmt2(ex.points)}分`;
    const formulaEn = `rate ${fmtPercent(rate)} × ${fmt2(ex.points)} points`;
    // Forms that print the rate rounded often score that printed rate (real table 16: 49.88 % shown as 50 %,
    // 10 × 50 % = 5): a score that follows the rate as printed, where the printed rate is right, is right.
    const printedRate = row.rate ? readNumber(row.rate.value, row.rate.numberFormat) : undefined;
    const printedScore =
      printedRate && rateAgrees(rate, printedRate) ? Math.min(ex.points, (printedRate.percent || printedRate.value <= 1.5 ? printedRate.value : printedRate.value / 100) * ex.points) : undefined;
    if (entered !== undefined) {
      if (!scoreAgrees(score, entered, profile.scoreTolerance) && !(printedScore !== undefined && scoreAgrees(printedScore, entered, profile.scoreTolerance))) {
        emit({
          code: "budget.score-mismatch",
          sheet,
          cell: (row.score as Ref).address,
          value: (row.score as Ref).text,
          expected: fmt2(score),
          message: `预算执行率得分${fmt2(entered)}与按规则计算的${fmt2(score)}不符（${formula}）`,
          messageEn: `budget execution score ${fmt2(entered)}, the rule gives ${fmt2(score)} (${formulaEn})`,
        });
      }
    } else if (table.kind === "self-evaluation" && (row.score ? row.score.text.trim() === "" : scoreRefs)) {
      emit({
        code: "budget.score-mismatch",
        sheet,
        cell: (row.score ?? row.label).address,
        value: row.score?.text ?? "",
        expected: fmt2(score),
        message: `预算执行率得分为空，按规则应为${fmt2(score)}（${formula}）`,
        messageEn: `budget execution score is empty; the rule gives ${fmt2(score)} (${formulaEn})`,
      });
    }

    // 执行率 < 90 % wants a reason.
    if (rate < profile.lowExecutionThreshold - 1e-12) {
      const explained = funds.rows.some((r) => hasReason(r.reason));
      if (!explained) {
        emit({
          code: "budget.low-execution",
          sheet,
          cell: (row.rate ?? row.reason ?? row.spent ?? row.label).address,
          value: row.rate?.text ?? fmtPercent(rate),
          expected: `≥ ${fmtPercent(profile.lowExecutionThreshold)}，或说明原因`,
          message: `预算执行率${fmtPercent(rate)}低于${fmtPercent(profile.lowExecutionThreshold)}，未说明原因`,
          messageEn: `execution rate ${fmtPercent(rate)} is below ${fmtPercent(profile.lowExecutionThreshold)} and no reason is given`,
        });
      }
    }
  },
};

/**
 * Figures of one form that contradict each other (issue #22, item 6):
 *
 *   budget.unit-conflict        a funds cell that writes its own money unit against the block's (项目资金（万元） over
 *                               "2026400元"): one of the two labels is wrong, and every figure read from the block with it;
 *                               or the block's budget ten thousand times (or a ten-thousandth of) the project's whole
 *                               amount an indicator writes with its unit (2784449 under 万元 beside 总投资 278.44万元);
 *   budget.over-execution       全年执行数 above 全年预算数 (执行率 above 100 %);
 *   indicator.figures-conflict  a cost indicator's actual (a whole amount) above the money the project spent; a unit
 *                               standard times the output quantity in the same unit (30万元/个 × 8个) above the
 *                               project's whole budget.
 *
 * Money is compared in 万元 (the funds block's unit, or the value's own). A margin of the profile's amount tolerance
 * and 1 % is left to rounding; a figure that could be read two ways (two quantities in the standard's unit) says
 * nothing.
 */
import { say } from "../catalog";
import { isCostRow } from "../tables/category";
import type { FundsBlock, IndicatorRow } from "../tables/model";
import { rowActual } from "../tables/row-values";
import { fieldAddress, fieldText } from "../tables/rows";
import { scoreExecution } from "../scoring/execution";
import { fmtPercent } from "../scoring/round";
import type { ParsedValue } from "../value/types";
import type { Check, ProjectFacts } from "./types";

/** The funds block's money unit in 万元. */
function blockFactor(funds: FundsBlock): number {
  return funds.moneyUnit === "元" ? 1e-4 : 1;
}

function fmtWan(n: number): string {
  return String(Number(n.toPrecision(10)));
}

/** An amount in 万元: the value's own money unit, else `fallback`'s (an actual written without its unit). */
function wanOf(v: ParsedValue, fallback?: ParsedValue): number | undefined {
  if (v.kind !== "number" || v.number === undefined || v.perUnit !== undefined) return undefined;
  if (v.unitKind === "money" && v.wan !== undefined) return v.wan;
  if (v.unit === undefined && fallback?.unitKind === "money" && fallback.perUnit === undefined && fallback.wanFactor !== undefined) return v.number * fallback.wanFactor;
  return undefined;
}

/** The money unit a funds cell writes after its figure ("38.75万元", "2026400元", "854万"), if any. */
function cellUnit(text: string): "万元" | "元" | undefined {
  const m = /^[0-9０-９][0-9０-９,，.．]*\s*(万元|万|元)\s*$/.exec(text.trim());
  if (!m) return undefined;
  return m[1] === "元" ? "元" : "万元";
}

/** True when `a` is above `b` beyond rounding. */
function above(a: number, b: number, tolerance: number): boolean {
  return a > b + tolerance + 1e-9 && a > b * 1.01;
}

/**
 * The output quantities (数量指标, a positive number, not capped) counted in the unit `per`, other than row i.
 * A function of its own: a closure inside the row loop of `end` would make V8 allocate a context at every row.
 */
function quantitiesIn(rows: readonly IndicatorRow[], i: number, facts: ProjectFacts, per: string): { q: IndicatorRow; v: ParsedValue }[] {
  return rows.flatMap((q, j) => {
    if (j === i || q.placeholder || q.notApplicable || facts.categories[j].level2 !== "数量指标") return [];
    const v = facts.target(j);
    return v.kind === "number" && v.number !== undefined && v.number > 0 && v.unit === per && v.sign !== "≤" && v.sign !== "＜" ? [{ q, v }] : [];
  });
}

/** Names of a project's whole amount (项目总投资, 计划总成本, 资金总额, 补助资金): a figure to set beside its budget. */
const WHOLE_AMOUNT = /总投资|总成本|总额|总预算|(?:补助|专项|项目|财政)资金$|投资额|预算金额/;

/**
 * The indicator whose whole amount, in its own money unit, is about 10^4 times the budget or 1/10^4 of it (within a
 * quarter either way), when no such amount agrees with the budget at face value (within a quarter): the one a
 * funds block labelled in the wrong unit shows.
 */
function tenThousandFold(budget: number, rows: readonly IndicatorRow[], facts: ProjectFacts): { row: IndicatorRow; ratio: number } | undefined {
  let found: { row: IndicatorRow; ratio: number } | undefined;
  for (let j = 0; j < rows.length; j++) {
    const row = rows[j];
    if (row.placeholder || row.notApplicable || !WHOLE_AMOUNT.test(fieldText(row, "name"))) continue;
    const v = facts.target(j);
    if (v.kind !== "number" || v.unitKind !== "money" || v.perUnit !== undefined || v.wan === undefined || v.wan <= 0) continue;
    const ratio = budget / v.wan;
    if (ratio > 0.75 && ratio < 1.34) return undefined;
    if (!found && ((ratio > 7500 && ratio < 13400) || (ratio > 0.75e-4 && ratio < 1.34e-4))) found = { row, ratio };
  }
  return found;
}

export const figures: Check = {
  id: "figures",
  codes: ["budget.unit-conflict", "budget.over-execution", "indicator.figures-conflict"],
  end({ table, profile, project, facts }, _state, emit) {
    const funds = project.funds;
    const sheet = table.sheet;
    const tol = profile.amountTolerance;
    const ex = funds ? scoreExecution(funds, profile) : undefined;
    const k = funds ? blockFactor(funds) : 1;
    const budget = ex?.budget !== undefined && ex.budget > 0 ? ex.budget * k : undefined;
    const spent = ex?.spent !== undefined && ex.spent >= 0 && table.kind !== "target" ? ex.spent * k : undefined;
    const rows = project.indicators;

    // A funds cell's own unit against the block's: one finding for the block, at the first such cell. Either finding
    // puts the block's unit in doubt, and the indicators' amounts are not set against its figures (one cause).
    let unitInDoubt = false;
    if (funds) {
      const conflict = funds.rows
        .flatMap((r) => [r.initial, r.budget, r.spent])
        .find((ref) => ref !== undefined && cellUnit(ref.text) !== undefined && cellUnit(ref.text) !== funds.moneyUnit);
      if (conflict) {
        unitInDoubt = true;
        emit({
          ...say("budget.unit-conflict", "differs", { block: funds.moneyUnit, text: conflict.text, unit: cellUnit(conflict.text) as string }),
          sheet,
          cell: conflict.address,
          value: conflict.text,
          expected: funds.moneyUnit,
        });
      } else if (budget !== undefined && ex?.row.budget) {
        // The block's amounts ten thousand times the whole amounts its indicators write with their unit (预算数
        // 2784449 under 万元 beside 项目总投资 278.44万元), and none of them agreeing at face value: the label's unit is
        // not the one the amounts were entered in.
        const off = tenThousandFold(budget, rows, facts);
        if (off) {
          unitInDoubt = true;
          const likely = off.ratio > 1 ? "元" : "万元";
          emit({
            ...say("budget.unit-conflict", "magnitude", { block: funds.moneyUnit, budget: ex.row.budget.text, name: fieldText(off.row, "name"), amount: fieldText(off.row, "target"), likely }),
            sheet,
            cell: ex.row.budget.address,
            value: ex.row.budget.text,
            expected: likely,
          });
        }
      }
    }

    // 全年执行数 > 全年预算数.
    if (ex && budget !== undefined && spent !== undefined && ex.rate.ok && above(spent, budget, tol)) {
      const at = ex.row.spent ?? ex.row.label;
      emit({
        ...say("budget.over-execution", "above", { spent: fmtWan(spent / k), budget: fmtWan(budget / k), rate: fmtPercent(ex.rate.rate) }),
        sheet,
        cell: at.address,
        value: at.text,
        expected: `≤ ${fmtWan(budget / k)}`,
      });
    }

    for (let i = 0; i < rows.length && !unitInDoubt; i++) {
      const row = rows[i];
      if (row.placeholder || row.notApplicable || !isCostRow(facts.categories[i])) continue;
      const t = facts.target(i);
      const name = fieldText(row, "name");

      // A whole cost actually incurred above the money spent.
      if (spent !== undefined && spent > 0 && fieldText(row, "actual") !== "") {
        const a = wanOf(rowActual(row), t);
        if (a !== undefined && above(a, spent, tol)) {
          emit({
            ...say("indicator.figures-conflict", "costAboveSpent", { name, actual: fieldText(row, "actual"), spent: fmtWan(spent) }),
            sheet,
            cell: fieldAddress(row, "actual") as string,
            value: fieldText(row, "actual"),
            expected: `≤ ${fmtWan(spent)}万元`,
          });
          continue;
        }
      }

      // A unit standard times the output quantity in that unit, above the whole budget.
      if (budget === undefined || t.kind !== "number" || t.number === undefined || t.unitKind !== "money" || !t.perUnit || t.wanFactor === undefined) continue;
      const quantities = quantitiesIn(rows, i, facts, t.perUnit);
      if (quantities.length !== 1) continue;
      const { q, v } = quantities[0];
      const product = (v.number as number) * t.number * t.wanFactor;
      if (!above(product, budget, tol)) continue;
      emit({
        ...say("indicator.figures-conflict", "standardTimesQuantity", {
          quantity: fieldText(q, "name"),
          count: fieldText(q, "target"),
          name,
          standard: fieldText(row, "target"),
          product: fmtWan(product),
          budget: fmtWan(budget),
        }),
        sheet,
        cell: fieldAddress(row, "target") as string,
        value: fieldText(row, "target"),
        expected: `≤ ${fmtWan(budget)}万元`,
      });
    }
  },
};

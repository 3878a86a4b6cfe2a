/**
 * Figures of one form that contradict each other (issue #22, item 6):
 *
 *   budget.unit-conflict        a funds cell that writes its own money unit against the block's (项目资金（万元） over
 *                               "2026400元"): one of the two labels is wrong, and every figure read from the block with it;
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

    // A funds cell's own unit against the block's: one finding for the block, at the first such cell.
    if (funds) {
      const conflict = funds.rows
        .flatMap((r) => [r.initial, r.budget, r.spent])
        .find((ref) => ref !== undefined && cellUnit(ref.text) !== undefined && cellUnit(ref.text) !== funds.moneyUnit);
      if (conflict) {
        emit({
          ...say("budget.unit-conflict", "differs", { block: funds.moneyUnit, text: conflict.text, unit: cellUnit(conflict.text) as string }),
          sheet,
          cell: conflict.address,
          value: conflict.text,
          expected: funds.moneyUnit,
        });
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

    const rows = project.indicators;
    for (let i = 0; i < rows.length; i++) {
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

/** Reconciliation: 100,000 budget lines against 100,000 targets (issue bar: well under a second). */
import { reconcile, toCoverageJson, type BudgetItem, type TargetItem } from "../src/domain/coverage";
import { resolveProfile } from "../src/domain/profiles";
import { perSecond, timeBest } from "./timing";

const TYPES = ["一般公共预算", "政府性基金预算", "国有资本经营预算", "社会保险基金预算", "专项债券"];

function budgetLines(n: number): BudgetItem[] {
  const out: BudgetItem[] = [];
  for (let i = 0; i < n; i++) {
    out.push({
      code: `5134242300${String(i).padStart(9, "0")}`,
      name: `项目${i}`,
      department: `部门${i % 98}`,
      budgetUnit: `单位${i % 400}`,
      budgetType: TYPES[i % TYPES.length],
      expenseType: i % 50 === 0 ? "基本支出" : "项目支出",
      secret: i % 997 === 0,
      amountWan: 10 + (i % 300),
      sheet: "预算项目清单",
      row: i + 1,
      cell: `A${i + 2}`,
    });
  }
  return out;
}

function targets(n: number): TargetItem[] {
  const out: TargetItem[] = [];
  for (let i = 0; i < n; i++) {
    // 90% match by code (some full-width, some with lost leading zeros), 5% by name only, 5% orphans.
    const k = i % 20;
    const code = k === 19 ? `9999${i}` : k === 18 ? undefined : k === 17 ? `５１３４２４２３００${String(i).padStart(9, "０")}` : `5134242300${String(i).padStart(9, "0")}`;
    out.push({
      code,
      name: `项目${i}`,
      unit: `单位${i % 400}`,
      amountWan: 10 + (i % 300) + (i % 101 === 0 ? 5 : 0),
      valid: i % 13 !== 0,
      errorCount: i % 13 === 0 ? 1 : 0,
      sheet: "目标",
      cell: `A${i + 2}`,
    });
  }
  return out;
}

export function run(): void {
  const profile = resolveProfile("national");
  for (const n of [10_000, 100_000]) {
    const b = budgetLines(n);
    const t = targets(n);
    const r = timeBest(3, () => reconcile(b, t, { profile }));
    const j = timeBest(3, () => toCoverageJson(r.result));
    const c = j.result;
    console.log(
      `reconcile ${n.toLocaleString("en-US")} × ${n.toLocaleString("en-US")}: ${r.ms.toFixed(0)} ms (${perSecond(n, r.ms)} lines/s); ` +
        `toCoverageJson ${j.ms.toFixed(0)} ms; coverage ${(c.rateByCount * 100).toFixed(2)}% by count, ${(c.rateByAmount * 100).toFixed(2)}% by amount; ` +
        `${r.result.issues.length} issues`,
    );
  }
}

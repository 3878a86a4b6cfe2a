/** Properties of reconciliation and coverage (fast-check). */
import fc from "fast-check";
import { coverageStats, reconcile } from "../../../src/domain/coverage";
import type { BudgetItem, TargetItem } from "../../../src/domain/coverage";
import { NATIONAL } from "../../../src/domain/profiles/national";

const code = fc.oneof(
  fc.constantFrom("1", "01", "001", "2", "002", "１２", "12", "'12", "A1", "a1", ""),
  fc.integer({ min: 0, max: 30 }).map(String),
);
const name = fc.constantFrom("道路", "道路项目", "道路（一期）", "道路(二期)", "学校", "", "绿化 工程");
const unit = fc.constantFrom("交通局", "教育局", "", "交通局 ");
const amount = fc.option(fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0, max: 1000, noNaN: true })), { nil: undefined });

const budgetItem: fc.Arbitrary<BudgetItem> = fc.record({
  code,
  name,
  budgetUnit: unit,
  department: unit,
  budgetType: fc.constantFrom("一般公共预算", "专项债券", "国有资本经营预算", "", "其他"),
  expenseType: fc.constantFrom("项目支出", "基本支出", ""),
  secret: fc.boolean(),
  amountWan: amount,
  sheet: fc.constant("清单"),
  row: fc.nat(100),
  cell: fc.constant("A1"),
});

const targetItem: fc.Arbitrary<TargetItem> = fc.record({
  code,
  name,
  unit,
  amountWan: amount,
  valid: fc.boolean(),
  errorCount: fc.constant(0),
  sheet: fc.constant("目标"),
  cell: fc.constant("B1"),
});

const budgets = fc.array(budgetItem, { maxLength: 30 });
const targetsArb = fc.array(targetItem, { maxLength: 30 });

describe("coverage properties", () => {
  it("covered ≤ total and rates in [0, 1], overall and by group", () => {
    fc.assert(
      fc.property(budgets, targetsArb, (b, t) => {
        const s = coverageStats(reconcile(b, t, { profile: NATIONAL }));
        for (const f of [s, ...s.byDepartment, ...s.byBudgetType, ...s.byExpenseType, ...s.byBudgetUnit]) {
          expect(f.covered).toBeLessThanOrEqual(f.projects);
          expect(f.coveredAmount).toBeLessThanOrEqual(f.amount + 1e-9);
          for (const r of [f.rateByCount, f.rateByAmount]) {
            expect(r).toBeGreaterThanOrEqual(0);
            expect(r).toBeLessThanOrEqual(1);
          }
        }
        // Group totals add up to the overall figures.
        expect(s.byDepartment.reduce((a, r) => a + r.projects, 0)).toBe(s.projects);
        expect(s.byBudgetType.reduce((a, r) => a + r.covered, 0)).toBe(s.covered);
      }),
    );
  });

  it("classes partition the budget list; EXCLUDED exactly when there are reasons", () => {
    fc.assert(
      fc.property(budgets, targetsArb, (b, t) => {
        const rec = reconcile(b, t, { profile: NATIONAL });
        expect(rec.lines.map((l) => l.index)).toEqual(b.map((_, i) => i));
        const s = coverageStats(rec);
        const c = s.counts;
        expect(c.OK + c.MISSING_TARGET + c.INVALID_TARGET + c.EXCLUDED).toBe(b.length);
        expect(s.projects).toBe(b.length - c.EXCLUDED);
        expect(s.covered).toBe(c.OK);
        for (const l of rec.lines) {
          expect(l.class === "EXCLUDED").toBe(l.reasons.length > 0);
          expect(l.class === "MISSING_TARGET").toBe(l.target === undefined && l.reasons.length === 0);
          if (l.nameMatch) expect(["OK", "INVALID_TARGET"]).toContain(l.class);
        }
        // Every target is either matched, or its code is on the list, or it is an orphan — never two of the last.
        const orphan = new Set(rec.orphans);
        for (const l of rec.lines) if (l.target !== undefined) expect(orphan.has(l.target)).toBe(false);
      }),
    );
  });

  it("adding a valid target never lowers coverage by count or by amount", () => {
    fc.assert(
      fc.property(budgets, targetsArb, targetItem, fc.nat(30), (b, t, extra, at) => {
        const before = coverageStats(reconcile(b, t, { profile: NATIONAL }));
        const more = [...t];
        more.splice(at % (t.length + 1), 0, { ...extra, valid: true, errorCount: 0 });
        const after = coverageStats(reconcile(b, more, { profile: NATIONAL }));
        expect(after.covered).toBeGreaterThanOrEqual(before.covered);
        expect(after.coveredAmount).toBeGreaterThanOrEqual(before.coveredAmount - 1e-9);
        expect(after.projects).toBe(before.projects);
      }),
    );
  });

  it("issues point at a cell and carry both languages", () => {
    fc.assert(
      fc.property(budgets, targetsArb, (b, t) => {
        for (const i of reconcile(b, t, { profile: NATIONAL }).issues) {
          expect(i.cell).not.toBe("");
          expect(i.message).not.toBe("");
          expect(i.messageEn).not.toBe("");
        }
      }),
    );
  });
});

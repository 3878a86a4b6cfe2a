/** rules.md §6.4: every worked example reproduced. */
import {
  coverageBy,
  coverageRate,
  coverageStats,
  reconcile,
  reductionRate,
  toCoverageJson,
  wholeDepartmentCoverage,
} from "../../../src/domain/coverage";
import type { BudgetItem, CoveredItem } from "../../../src/domain/coverage";
import { NATIONAL } from "../../../src/domain/profiles/national";

const pct = (x: number): string => (x * 100).toFixed(2) + "%";

describe("§6.4 D1: 557 projects 59002万元, monitoring 384 / 42905万元", () => {
  // 557 projects; the first 384 are monitored and carry 42905万元, the other 173 carry 16097万元.
  const codes: string[] = [];
  const amounts: number[] = [];
  for (let i = 0; i < 557; i++) {
    codes.push(String(100000 + i));
    if (i < 384) amounts.push(i === 0 ? 42905 - 383 * 100 : 100);
    else amounts.push(i === 384 ? 16097 - 172 * 90 : 90);
  }
  const monitored = codes.slice(0, 384);

  it("checks the construction", () => {
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(59002);
    expect(amounts.slice(0, 384).reduce((a, b) => a + b, 0)).toBe(42905);
  });

  it("by amount 42905 / 59002 = 72.72% (reported as 73%)", () => {
    const r = coverageRate(codes, monitored, amounts);
    expect(pct(r)).toBe("72.72%");
    expect(Math.round(r * 100)).toBe(73);
  });

  it("by count 384 / 557 = 68.94%", () => {
    expect(pct(coverageRate(codes, monitored))).toBe("68.94%");
  });

  it("the same through reconcile: a monitoring list over budget lines with targets", () => {
    const budget: BudgetItem[] = codes.map((code, i) => ({ code, secret: false, amountWan: amounts[i], sheet: "清单", row: i + 1, cell: `A${i + 2}` }));
    const targets = codes.map((code, i) => ({ code, valid: true, errorCount: 0, sheet: "目标", cell: `A${i + 2}` }));
    const list: CoveredItem[] = monitored.map((code) => ({ code }));
    const rec = reconcile(budget, targets, { profile: NATIONAL, coveredBy: [{ label: "绩效监控", items: list }] });
    const json = toCoverageJson(rec);
    expect(json.total).toEqual({ projects: 557, amount: 59002 });
    expect(json.rateByCount).toBe(1);
    const m = json.lists?.[0];
    expect(m?.label).toBe("绩效监控");
    expect(m?.covered).toEqual({ projects: 384, amount: 42905 });
    expect(m?.rateByAmount).toBe(0.7272);
    expect(m?.rateByCount).toBe(0.6894);
    expect(m?.withTarget.rateByAmount).toBe(0.7272);
  });

  it("coverageBy gives the same figures in one group", () => {
    const groups = codes.map(() => "绛县");
    const [row] = coverageBy(groups, codes, monitored, amounts);
    expect(row.slice(0, 3)).toEqual(["绛县", 557, 384]);
    expect(pct(row[3])).toBe("68.94%");
    expect(row[4]).toBe(59002);
    expect(row[5]).toBe(42905);
    expect(pct(row[6] as number)).toBe("72.72%");
  });
});

describe("§6.4 D2: 部门整体 targets 18 / 22 = 81.82%", () => {
  const departments = Array.from({ length: 22 }, (_, i) => `部门${i + 1}`);
  const withTargets = departments.slice(0, 18);
  it("wholeDepartmentCoverage", () => {
    const r = wholeDepartmentCoverage(departments, withTargets);
    expect(r.total).toBe(22);
    expect(r.covered).toBe(18);
    expect(r.rate).toBe(0.8182);
    expect(pct(r.rate)).toBe("81.82%");
    expect(r.missing).toEqual(["部门19", "部门20", "部门21", "部门22"]);
  });
  it("through reconcile, departments taken from the budget list", () => {
    const budget: BudgetItem[] = departments.map((d, i) => ({ code: `P${i}`, department: d, secret: false, amountWan: 1, sheet: "清单", row: i, cell: `A${i + 1}` }));
    const rec = reconcile(budget, [], { profile: NATIONAL, wholeDepartment: { withTargets: [...withTargets, " 部门１ "] } });
    expect(coverageStats(rec).wholeDepartment).toEqual({ total: 22, covered: 18, rate: 0.8182, missing: ["部门19", "部门20", "部门21", "部门22"] });
  });
});

describe("§6.4 D4: target review and 事前评估", () => {
  it("1373 declared − 224 cancelled = 1149", () => {
    expect(1373 - 224).toBe(1149);
  });
  it("审减率 117186 / 347740 = 33.70%", () => {
    expect(pct(reductionRate(347740, 347740 - 117186))).toBe("33.70%");
    expect(347740 - 117186).toBe(230554);
    // reported 230553: a 1万元 rounding gap, within ±1万元
    expect(Math.abs(230554 - 230553)).toBeLessThanOrEqual(1);
  });
  it("事前评估 (7038.7 − 3607.7) / 7038.7 = 48.74%", () => {
    expect(pct(reductionRate(7038.7, 3607.7))).toBe("48.74%");
    expect(pct(reductionRate("７,０３８.７", "3607.7"))).toBe("48.74%");
  });
  it("审减率 over ranges and through the stats (申报 / 核定 columns)", () => {
    expect(pct(reductionRate([[200000], [147740]], [[150000], ["80,554"]]))).toBe("33.70%");
    const budget: BudgetItem[] = [
      { code: "A", secret: false, declaredWan: 200000, approvedWan: 150000, amountWan: 150000, sheet: "s", row: 1, cell: "A2" },
      { code: "B", secret: false, declaredWan: 147740, approvedWan: 80554, amountWan: 80554, sheet: "s", row: 2, cell: "A3" },
    ];
    const s = coverageStats(reconcile(budget, [], { profile: NATIONAL }));
    expect(s.reduction).toEqual({ projects: 2, declared: 347740, approved: 230554, cut: 117186, rate: 0.337 });
  });
});

describe("§6.4 D2: 重点评价 total 1721.1 + 2600 + 16333 + 586 = 21240.1万元", () => {
  it("sums in 万元 without binary noise", () => {
    const budget: BudgetItem[] = [1721.1, 2600, 16333, 586].map((a, i) => ({ code: `K${i}`, secret: false, amountWan: a, sheet: "s", row: i, cell: `A${i + 1}` }));
    const targets = budget.map((b) => ({ code: b.code, valid: true, errorCount: 0, sheet: "t", cell: "A1" }));
    const json = toCoverageJson(reconcile(budget, targets, { profile: NATIONAL }));
    expect(json.total.amount).toBe(21240.1);
    expect(json.covered.amount).toBe(21240.1);
  });
});

import { makeIssue } from "../../../src/domain/catalog";
/**
 * A hand-built budget list and target set that hits every class and flag of §7, with the coverage
 * JSON computed by hand (amounts in 万元).
 */
import { coverageStats, reconcile, toCoverageJson } from "../../../src/domain/coverage";
import type { BudgetItem, TargetItem } from "../../../src/domain/coverage";
import { NATIONAL } from "../../../src/domain/profiles/national";
import { resolveProfile } from "../../../src/domain/profiles";

const L = (cell: string, p: Partial<BudgetItem>): BudgetItem => ({ secret: false, sheet: "清单", row: Number(cell.slice(1)) - 1, cell, ...p });
const T = (cell: string, p: Partial<TargetItem>): TargetItem => ({ valid: true, errorCount: 0, sheet: "目标", cell, ...p });

//                                                                                         class            why
const budget: BudgetItem[] = [
  L("A2", { code: "001230001", name: "道路维修项目", budgetUnit: "交通局", department: "交通局", budgetType: "一般公共预算", expenseType: "项目支出", amountWan: 100 }), // OK: target code lost its zeros
  L("A3", { code: "１２３０００２", name: "学校改造", budgetUnit: "第一中学", department: "教育局", budgetType: "政府性基金", expenseType: "项目支出", amountWan: 50 }), // OK: full-width code
  L("A4", { code: "'1230003", name: "绿化工程", budgetUnit: "住建局", department: "住建局", budgetType: "专项债券", expenseType: "项目支出", amountWan: 200 }), // OK: leading ', amount within 0.1
  L("A5", { code: "1230004", name: "医疗设备采购", budgetUnit: "卫健委", department: "卫健委", budgetType: "一般公共", expenseType: "项目支出", amountWan: 80 }), // INVALID
  L("A6", { code: "1230005", name: "农村饮水", budgetUnit: "水利局", department: "水利局", budgetType: "公共预算", expenseType: "项目支出", amountWan: 60 }), // MISSING
  L("A7", { code: "1230006", name: "涉密项目甲", budgetUnit: "公安局", department: "公安局", budgetType: "一般公共预算", expenseType: "项目支出", secret: true, amountWan: 40 }), // EXCLUDED 涉密
  L("A8", { code: "1230007", name: "人员工资", budgetUnit: "第一中学", department: "教育局", budgetType: "一般公共预算", expenseType: "基本支出", amountWan: 300 }), // EXCLUDED 基本支出 (has a target)
  L("A9", { code: "1230008", name: "预留项目", budgetUnit: "财政局", department: "财政局", expenseType: "项目支出", amountWan: 0 }), // EXCLUDED 零金额, no 预算类型
  L("A10", { code: "1230009", name: "污水处理厂（一期）项目", budgetUnit: "住建局", department: "住建局", budgetType: "政府性基金预算", expenseType: "项目支出", amountWan: 120 }), // OK by name only
  L("A11", { code: "1230010", name: "污水处理厂（二期）", budgetUnit: "住建局", department: "住建局", budgetType: "基金预算", expenseType: "项目支出", amountWan: 90 }), // MISSING: 二期 ≠ 一期
  L("A12", { code: "1230011", name: "文化活动", budgetUnit: "文旅局", department: "文旅局", budgetType: "一般公共预算", expenseType: "项目支出", amountWan: 30 }), // OK, amount mismatch (with A13)
  L("A13", { code: "1230011", name: "文化活动（追加）", budgetUnit: "文旅局", department: "文旅局", budgetType: "一般公共预算", expenseType: "项目支出", amountWan: 10 }), // OK, duplicate code
  L("A14", { code: "1230012", name: "老年补贴", budgetUnit: "民政局", budgetType: "社会保险基金", expenseType: "项目支出", amountWan: 25 }), // OK; no 主管部门 → 预算单位
];

const targets: TargetItem[] = [
  T("C3", { code: "1230001", name: "道路维修", unit: "交通局", amountWan: 100 }), // T0 ← A2 (leading zeros)
  T("C4", { code: "1230002", name: "学校改造", amountWan: 50 }), // T1 ← A3
  T("C5", { code: "1230003", name: "绿化工程", amountWan: 200.05 }), // T2 ← A4 (0.05 within 0.1)
  T("C6", { code: "1230004", name: "医疗设备采购", amountWan: 80, valid: false, errorCount: 3, file: "卫健委.xlsx" }), // T3 ← A5 invalid
  T("C7", { code: "1230007", name: "人员工资", amountWan: 999 }), // T4 ← A8 (excluded: not an orphan, no amount check)
  T("C8", { code: "9999001", name: "污水处理厂(一期)", unit: "住建局", amountWan: 120 }), // T5 ← A10 by unit + name
  T("C9", { code: "9999002", name: "污水处理厂(二期)", unit: "环保局", amountWan: 90 }), // T6 orphan (other unit)
  T("C10", { code: "1230011", name: "文化活动", amountWan: 400000 }), // T7 ← A12, A13: 400000 vs 40 (元 in a 万元 field)
  T("C11", { code: "1230012", name: "老年补贴" }), // T8 ← A14, no amount: no check
  T("C12", { code: "7777777", name: "不存在的项目", unit: "交通局", amountWan: 5, file: "交通局.xlsx" }), // T9 orphan
];

const rec = reconcile(budget, targets, { profile: NATIONAL });
const json = toCoverageJson(rec);

describe("classes", () => {
  it("puts every line in exactly one class", () => {
    expect(rec.lines.map((l) => l.class)).toEqual([
      "OK",
      "OK",
      "OK",
      "INVALID_TARGET",
      "MISSING_TARGET",
      "EXCLUDED",
      "EXCLUDED",
      "EXCLUDED",
      "OK",
      "MISSING_TARGET",
      "OK",
      "OK",
      "OK",
    ]);
  });
  it("says how each line was matched", () => {
    expect(rec.lines.map((l) => l.matchedBy ?? "-")).toEqual([
      "code-loose",
      "code",
      "code",
      "code",
      "-",
      "-",
      "code",
      "-",
      "name",
      "-",
      "code",
      "code",
      "code",
    ]);
    expect(rec.lines.map((l) => l.target ?? -1)).toEqual([0, 1, 2, 3, -1, -1, 4, -1, 5, -1, 7, 7, 8]);
    expect(rec.lines.filter((l) => l.nameMatch).map((l) => l.item.cell)).toEqual(["A10"]);
  });
  it("gives every exclusion reason", () => {
    expect(rec.lines.filter((l) => l.class === "EXCLUDED").map((l) => l.reasons)).toEqual([["涉密"], ["基本支出"], ["零金额"]]);
    const all = reconcile([L("A2", { code: "X", secret: true, expenseType: "基本支出", amountWan: 0 })], [], { profile: NATIONAL });
    expect(all.lines[0].reasons).toEqual(["涉密", "基本支出", "零金额"]);
  });
  it("follows the profile's exclusion settings", () => {
    const p = resolveProfile("national", { exclusions: { secret: false, basicExpense: true, zeroAmount: false } });
    const r = reconcile(budget, targets, { profile: p });
    expect(r.lines[5].class).toBe("MISSING_TARGET"); // 涉密 now counted
    expect(r.lines[7].class).toBe("MISSING_TARGET"); // zero amount now counted
    expect(r.lines[6].class).toBe("EXCLUDED");
  });
  it("finds orphans, duplicates and amount mismatches", () => {
    expect(rec.orphans).toEqual([6, 9]);
    expect(rec.duplicates).toEqual([{ code: "1230011", lines: [10, 11] }]);
    expect(rec.amountMismatches).toEqual([{ target: 7, lines: [10, 11], budgetWan: 40, targetWan: 400000 }]);
  });
});

describe("issues", () => {
  it("reports one issue per finding, budget order first, then amounts, then orphans", () => {
    expect(rec.issues.map((i) => `${i.code} ${i.sheet}!${i.cell}`)).toEqual([
      "project.invalid-target 清单!A5",
      "project.no-target 清单!A6",
      "project.excluded 清单!A7",
      "project.excluded 清单!A8",
      "project.excluded 清单!A9",
      "project.name-match-only 清单!A10",
      "project.no-target 清单!A11",
      "project.duplicate-code 清单!A13",
      "project.amount-mismatch 目标!C10",
      "project.orphan-target 目标!C9",
      "project.orphan-target 目标!C12",
    ]);
  });
  it("writes bilingual messages, Chinese first, with values and expectations", () => {
    // The findings as reported: their words written (makeIssue), with the file a target came from.
    const written = rec.issues.map((i) => (i.file === undefined ? makeIssue(i) : { ...makeIssue(i), file: i.file }));
    const by = (code: string) => written.filter((i) => i.code === code);
    const inv = by("project.invalid-target")[0];
    expect(inv.message).toBe("预算项目 医疗设备采购（1230004） 的绩效目标（卫健委.xlsx 目标!C6）有 3 个错误，不计入覆盖");
    expect(inv.messageEn).toContain("has 3 error(s)");
    expect(by("project.no-target")[0]).toMatchObject({ value: "1230005", message: expect.stringContaining("农村饮水") });
    expect(by("project.excluded").map((i) => i.value)).toEqual(["涉密", "基本支出", "零金额"]);
    const nm = by("project.name-match-only")[0];
    expect(nm).toMatchObject({ value: "1230009", expected: "9999001" });
    expect(nm.message).toContain("仅按单位和项目名称");
    const dup = by("project.duplicate-code")[0];
    expect(dup.message).toBe("项目编码 1230011 在预算清单中重复，首次出现在 清单!A12");
    const am = by("project.amount-mismatch")[0];
    expect(am).toMatchObject({ value: "400000", expected: "40", sheet: "目标", cell: "C10" });
    expect(am.message).toContain("可能混用了元和万元");
    expect(am.messageEn).toContain("yuan and 10k yuan may be mixed up");
    const orphan = by("project.orphan-target")[1];
    expect(orphan).toMatchObject({ file: "交通局.xlsx", value: "7777777" });
    for (const i of written) {
      expect(i.message).toMatch(/[\u4e00-\u9fff]/);
      expect(i.messageEn).not.toMatch(/^[\u4e00-\u9fff]/);
    }
  });
});

describe("coverage JSON (computed by hand)", () => {
  // In scope: A2 100, A3 50, A4 200, A5 80, A6 60, A10 120, A11 90, A12 30, A13 10, A14 25 → 10 lines, 765万元.
  // Covered (OK): A2, A3, A4, A10, A12, A13, A14 → 7 lines, 535万元.
  it("totals and rates", () => {
    expect(json.total).toEqual({ projects: 10, amount: 765 });
    expect(json.covered).toEqual({ projects: 7, amount: 535 });
    expect(json.rateByCount).toBe(0.7);
    expect(json.rateByAmount).toBe(0.6993); // 535 / 765 = 0.69935
  });
  it("missing, invalid, excluded, orphans", () => {
    expect(json.missing).toEqual([
      { code: "1230005", name: "农村饮水", department: "水利局", amount: 60, class: "MISSING_TARGET", sheet: "清单", cell: "A6" },
      { code: "1230010", name: "污水处理厂（二期）", department: "住建局", amount: 90, class: "MISSING_TARGET", sheet: "清单", cell: "A11" },
    ]);
    expect(json.invalid).toEqual([
      { code: "1230004", name: "医疗设备采购", department: "卫健委", amount: 80, class: "INVALID_TARGET", sheet: "清单", cell: "A5", errors: 3, target: "卫健委.xlsx 目标!C6" },
    ]);
    expect(json.excluded).toEqual([
      { code: "1230006", name: "涉密项目甲", reason: "涉密", amount: 40, sheet: "清单", cell: "A7" },
      { code: "1230007", name: "人员工资", reason: "基本支出", amount: 300, sheet: "清单", cell: "A8" },
      { code: "1230008", name: "预留项目", reason: "零金额", amount: 0, sheet: "清单", cell: "A9" },
    ]);
    expect(json.orphans).toEqual([
      { code: "9999002", name: "污水处理厂(二期)", sheet: "目标", cell: "C9" },
      { code: "7777777", name: "不存在的项目", sheet: "目标", cell: "C12", file: "交通局.xlsx" },
    ]);
  });
  it("byDepartment: 主管部门, else 预算单位, in first-seen order", () => {
    expect(json.byDepartment).toEqual([
      { department: "交通局", projects: 1, covered: 1, amount: 100, coveredAmount: 100, rateByCount: 1, rateByAmount: 1, excluded: 0, missing: 0, invalid: 0 },
      { department: "教育局", projects: 1, covered: 1, amount: 50, coveredAmount: 50, rateByCount: 1, rateByAmount: 1, excluded: 1, missing: 0, invalid: 0 },
      { department: "住建局", projects: 3, covered: 2, amount: 410, coveredAmount: 320, rateByCount: 0.6667, rateByAmount: 0.7805, excluded: 0, missing: 1, invalid: 0 },
      { department: "卫健委", projects: 1, covered: 0, amount: 80, coveredAmount: 0, rateByCount: 0, rateByAmount: 0, excluded: 0, missing: 0, invalid: 1 },
      { department: "水利局", projects: 1, covered: 0, amount: 60, coveredAmount: 0, rateByCount: 0, rateByAmount: 0, excluded: 0, missing: 1, invalid: 0 },
      { department: "公安局", projects: 0, covered: 0, amount: 0, coveredAmount: 0, rateByCount: 0, rateByAmount: 0, excluded: 1, missing: 0, invalid: 0 },
      { department: "财政局", projects: 0, covered: 0, amount: 0, coveredAmount: 0, rateByCount: 0, rateByAmount: 0, excluded: 1, missing: 0, invalid: 0 },
      { department: "文旅局", projects: 2, covered: 2, amount: 40, coveredAmount: 40, rateByCount: 1, rateByAmount: 1, excluded: 0, missing: 0, invalid: 0 },
      { department: "民政局", projects: 1, covered: 1, amount: 25, coveredAmount: 25, rateByCount: 1, rateByAmount: 1, excluded: 0, missing: 0, invalid: 0 },
    ]);
  });
  it("byBudgetUnit differs where 预算单位 ≠ 主管部门", () => {
    expect(json.byBudgetUnit.map((r) => [r.budgetUnit, r.projects, r.excluded])).toEqual([
      ["交通局", 1, 0],
      ["第一中学", 1, 1],
      ["住建局", 3, 0],
      ["卫健委", 1, 0],
      ["水利局", 1, 0],
      ["公安局", 0, 1],
      ["财政局", 0, 1],
      ["文旅局", 2, 0],
      ["民政局", 1, 0],
    ]);
  });
  it("byBudgetType: 四本预算 first (all four), 专项债券 → 政府性基金预算, then 未分类", () => {
    expect(json.byBudgetType).toEqual([
      // A2 100 ok, A5 80 inv, A6 60 miss, A12 30 ok, A13 10 ok (+ A7, A8 excluded)
      { budgetType: "一般公共预算", projects: 5, covered: 3, amount: 280, coveredAmount: 140, rateByCount: 0.6, rateByAmount: 0.5, excluded: 2, missing: 1, invalid: 1 },
      // A3 50, A4 200 (专项债券), A10 120 ok; A11 90 miss
      { budgetType: "政府性基金预算", projects: 4, covered: 3, amount: 460, coveredAmount: 370, rateByCount: 0.75, rateByAmount: 0.8043, excluded: 0, missing: 1, invalid: 0 },
      { budgetType: "国有资本经营预算", projects: 0, covered: 0, amount: 0, coveredAmount: 0, rateByCount: 0, rateByAmount: 0, excluded: 0, missing: 0, invalid: 0 },
      { budgetType: "社会保险基金预算", projects: 1, covered: 1, amount: 25, coveredAmount: 25, rateByCount: 1, rateByAmount: 1, excluded: 0, missing: 0, invalid: 0 },
      { budgetType: "未分类", projects: 0, covered: 0, amount: 0, coveredAmount: 0, rateByCount: 0, rateByAmount: 0, excluded: 1, missing: 0, invalid: 0 },
    ]);
    expect(json.budgetTypesCovered).toEqual(["一般公共预算", "政府性基金预算", "社会保险基金预算"]);
  });
  it("专项债券 stays its own group when the setting is off", () => {
    const p = resolveProfile("national", { specialBondAsFund: false });
    const j = toCoverageJson(reconcile(budget, targets, { profile: p }));
    expect(j.byBudgetType.map((r) => [r.budgetType, r.projects])).toEqual([
      ["一般公共预算", 5],
      ["政府性基金预算", 3],
      ["国有资本经营预算", 0],
      ["社会保险基金预算", 1],
      ["专项债券", 1],
      ["未分类", 0],
    ]);
  });
  it("byExpenseType keeps the excluded 基本支出 visible", () => {
    expect(json.byExpenseType.map((r) => [r.expenseType, r.projects, r.covered, r.excluded])).toEqual([
      ["项目支出", 10, 7, 2],
      ["基本支出", 0, 0, 1],
    ]);
  });
  it("extras: name matches, duplicates, amount mismatches", () => {
    expect(json.nameMatches).toEqual([{ code: "1230009", name: "污水处理厂（一期）项目", targetCode: "9999001", target: "目标!C8", sheet: "清单", cell: "A10" }]);
    expect(json.duplicates).toEqual([{ code: "1230011", cells: ["清单!A12", "清单!A13"] }]);
    expect(json.amountMismatches).toEqual([{ code: "1230011", name: "文化活动", amount: 40, targetAmount: 400000, target: "目标!C10" }]);
    expect(json.lists).toBeUndefined();
    expect(json.reduction).toBeUndefined();
  });
  it("counts in the stats", () => {
    expect(coverageStats(rec).counts).toEqual({
      OK: 7,
      MISSING_TARGET: 2,
      INVALID_TARGET: 1,
      EXCLUDED: 3,
      nameMatches: 1,
      orphans: 2,
      duplicates: 1,
      amountMismatches: 1,
    });
  });
  it("is plain JSON", () => {
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe("further lists (监控, 自评, 重点评价)", () => {
  const r = reconcile(budget, targets, {
    profile: NATIONAL,
    coveredBy: [
      {
        label: "绩效监控",
        items: [{ code: "1230001" }, { code: "0001230002" }, { name: "绿化工程 项目", unit: "住建局" }, { code: "5555" }, { code: "1230006" }],
      },
    ],
  });
  const l = toCoverageJson(r).lists?.[0];
  it("counts a line as covered when it appears on the list (code, leading zeros, unit + name)", () => {
    expect(r.lists[0].matchedBy.slice(0, 4)).toEqual(["code-loose", "code-loose", "name", undefined]);
    // covered in scope: A2 100, A3 50, A4 200 → 3 of 10, 350 of 765; 涉密 A7 is on the list but excluded
    expect(l?.total).toEqual({ projects: 10, amount: 765 });
    expect(l?.covered).toEqual({ projects: 3, amount: 350 });
    expect(l?.rateByCount).toBe(0.3);
    expect(l?.rateByAmount).toBe(0.4575);
    // among lines with a valid target: 3 of 7, 350 of 535
    expect(l?.withTarget).toMatchObject({ projects: 7, covered: 3, rateByCount: 0.4286, rateByAmount: 0.6542 });
    expect(l?.notOnBudget).toBe(1);
    expect(l?.byDepartment[0]).toMatchObject({ department: "交通局", projects: 1, covered: 1 });
    expect(l?.byDepartment[0]).not.toHaveProperty("missing");
  });
});

describe("matching rules", () => {
  const one = (b: Partial<BudgetItem>, t: Partial<TargetItem>) => reconcile([L("A2", { amountWan: 1, ...b })], [T("B2", t)], { profile: NATIONAL }).lines[0];
  it("number code that lost its leading zeros", () => {
    expect(one({ code: "001230001" }, { code: "1230001" }).matchedBy).toBe("code-loose");
    expect(one({ code: "1230001" }, { code: "001230001" }).matchedBy).toBe("code-loose");
    expect(one({ code: "001230001" }, { code: "1230002" }).class).toBe("MISSING_TARGET");
    expect(one({ code: "A001" }, { code: "A1" }).class).toBe("MISSING_TARGET"); // not digit-only
  });
  it("an exact spelling wins over a leading-zeros one; a valid target over an invalid one", () => {
    const r = reconcile(
      [L("A2", { code: "0123", amountWan: 1 }), L("A3", { code: "00456", amountWan: 1 })],
      [T("B2", { code: "123" }), T("B3", { code: "0123", valid: false, errorCount: 1 }), T("B4", { code: "456", valid: false, errorCount: 2 }), T("B5", { code: "0456" })],
      { profile: NATIONAL },
    );
    expect(r.lines[0]).toMatchObject({ target: 1, matchedBy: "code", class: "INVALID_TARGET" });
    expect(r.lines[1]).toMatchObject({ target: 3, matchedBy: "code-loose", class: "OK" });
    expect(r.orphans).toEqual([]);
  });
  it("names: brackets, spaces, a trailing 项目; phases stay distinct; the unit must agree", () => {
    expect(one({ code: "1", name: "道路 改造项目（一期）", budgetUnit: "交通局" }, { code: "2", name: "道路改造(一期)", unit: "交通局" }).nameMatch).toBe(true);
    expect(one({ code: "1", name: "道路改造（一期）", budgetUnit: "交通局" }, { code: "2", name: "道路改造（二期）", unit: "交通局" }).class).toBe("MISSING_TARGET");
    expect(one({ code: "1", name: "道路改造", budgetUnit: "交通局" }, { code: "2", name: "道路改造", unit: "水利局" }).class).toBe("MISSING_TARGET");
    expect(one({ name: "道路改造", department: "交通局" }, { name: "道路改造", department: "交通局" }).nameMatch).toBe(true);
    expect(one({ name: "道路改造", budgetUnit: "一中", department: "教育局" }, { name: "道路改造", unit: "其他", department: "教育局" }).nameMatch).toBe(true);
  });
  it("a target found by code is never re-used by name for another line", () => {
    const r = reconcile(
      [L("A2", { code: "1", name: "同名", budgetUnit: "局", amountWan: 1 }), L("A3", { code: "2", name: "同名", budgetUnit: "局", amountWan: 1 })],
      [T("B2", { code: "1", name: "同名", unit: "局" })],
      { profile: NATIONAL },
    );
    expect(r.lines.map((l) => l.class)).toEqual(["OK", "MISSING_TARGET"]);
  });
  it("codes that differ only by leading zeros are duplicates on the budget list", () => {
    const r = reconcile([L("A2", { code: "0012", amountWan: 1 }), L("A3", { code: "12", amountWan: 1 })], [], { profile: NATIONAL });
    expect(r.duplicates).toEqual([{ code: "0012", lines: [0, 1] }]);
    expect(r.issues.map(makeIssue).find((i) => i.code === "project.duplicate-code")?.message).toContain("仅前导零不同");
  });
  it("amount tolerance follows the profile (0.1万元 by default)", () => {
    expect(reconcile([L("A2", { code: "1", amountWan: 10 })], [T("B2", { code: "1", amountWan: 10.1 })], { profile: NATIONAL }).amountMismatches).toEqual([]);
    expect(reconcile([L("A2", { code: "1", amountWan: 10 })], [T("B2", { code: "1", amountWan: 10.11 })], { profile: NATIONAL }).amountMismatches).toHaveLength(1);
    const p = resolveProfile("national", { amountTolerance: 1 });
    expect(reconcile([L("A2", { code: "1", amountWan: 230554 })], [T("B2", { code: "1", amountWan: 230553 })], { profile: p }).amountMismatches).toEqual([]);
  });
  it("empty inputs", () => {
    const r = reconcile([], [], { profile: NATIONAL });
    const j = toCoverageJson(r);
    expect(j.total).toEqual({ projects: 0, amount: 0 });
    expect(j.rateByCount).toBe(0);
    expect(j.byBudgetType).toEqual([]);
  });
});

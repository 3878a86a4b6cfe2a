import { NATIONAL } from "../../../src/domain/profiles/national";
import { checkFundsTotal, executionRate, executionScore, scoreExecution } from "../../../src/domain/scoring/execution";
import type { FundsBlock, FundsRow, Ref } from "../../../src/domain/tables/model";

let nextRow = 5;
function ref(value: string | number | null, col = 0, row = nextRow): Ref {
  const text = value === null ? "" : String(value);
  return { value, text, address: `${String.fromCharCode(65 + col)}${row + 1}`, row, col };
}
function fundsRow(kind: "total" | "part", label: string, cells: Partial<Record<"initial" | "budget" | "spent" | "points" | "rate" | "score" | "reason", string | number | null>>): FundsRow {
  const row = nextRow++;
  const cols = { initial: 2, budget: 3, spent: 4, points: 5, rate: 6, score: 7, reason: 8 } as const;
  const out: { -readonly [K in keyof FundsRow]?: FundsRow[K] } = { kind, label: ref(label, 1, row) };
  for (const [k, v] of Object.entries(cells) as [keyof typeof cols, string | number | null][]) out[k] = ref(v, cols[k], row);
  return out as FundsRow;
}
function block(rows: FundsRow[], titlePoints?: number): FundsBlock {
  return { moneyUnit: "万元", rows, ...(titlePoints !== undefined ? { titlePoints } : {}) };
}

describe("executionRate and executionScore (§4.2)", () => {
  test("S7: A = 251.89, B = 251.89 → 100% → 10.00", () => {
    const r = executionRate(251.89, 251.89);
    expect(r.ok && r.rate).toBe(1);
    expect(executionScore(1, 10, true)).toBe(10);
  });
  test("A = 200, B = 170 → 85% → 8.50", () => {
    const r = executionRate(200, 170);
    expect(r.ok && r.rate).toBeCloseTo(0.85);
    expect(r.ok && executionScore(r.rate, 10, true)).toBe(8.5);
  });
  test("real 06: 31.69 / 32.4 → 9.78", () => {
    const r = executionRate(32.4, 31.69);
    expect(r.ok && executionScore(r.rate, 10, true)).toBe(9.78);
  });
  test("A = 0 → error, not a number", () => {
    const r = executionRate(0, 5);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.cause).toBe("zero-budget");
  });
  test("B > A is capped at the points when the setting says so", () => {
    expect(executionScore(1.2, 10, true)).toBe(10);
    expect(executionScore(1.2, 10, false)).toBe(12);
  });
  test("blank inputs give a reason", () => {
    expect(executionRate(undefined, 5).ok).toBe(false);
  });
});

describe("checkFundsTotal", () => {
  test("a total equal to its parts agrees (real 02: 880 = 880 + blank + blank)", () => {
    const b = block([
      fundsRow("total", "年度资金总额:", { initial: 880, budget: 880, spent: 880 }),
      fundsRow("part", "其中:本年财政拨款", { initial: 880, budget: 880, spent: 880 }),
      fundsRow("part", "上年结转资金", {}),
      fundsRow("part", "其他资金", {}),
    ]);
    expect(checkFundsTotal(b, 0.1).every((c) => c.agrees)).toBe(true);
  });
  test("an outline of groups and their items (real 86): the total is the sum of the groups, each amount counted once", () => {
    const rows = (total: number) => [
      fundsRow("total", "年度资金总额", { budget: total }),
      fundsRow("part", "（一）财政拨款小计", { budget: 4 }),
      fundsRow("part", "1、一般公共预算", { budget: 4 }),
      fundsRow("part", "2、政府性基金", { budget: 0 }),
      fundsRow("part", "（二）自有资金小计", { budget: 1 }),
      fundsRow("part", "1、事业收入", { budget: 1 }),
    ];
    expect(checkFundsTotal(block(rows(5)), 0.1).map((c) => [c.partsSum, c.agrees])).toEqual([[5, true]]);
    expect(checkFundsTotal(block(rows(10)), 0.1).map((c) => [c.partsSum, c.agrees])).toEqual([[5, false]]);
    // Items with no group above them are all parts.
    const flat = block([fundsRow("total", "年度资金总额", { budget: 5 }), fundsRow("part", "1、一般公共预算", { budget: 4 }), fundsRow("part", "2、事业收入", { budget: 1 })]);
    expect(checkFundsTotal(flat, 0.1).map((c) => c.agrees)).toEqual([true]);
  });
  test.each(["金额(万元)", "金额（元）", "（万元）", "金额"])("a total row holding the column's caption (%s) gives no figure to compare", (caption) => {
    const b = block([fundsRow("total", "年度资金总额", { budget: caption }), fundsRow("part", "财政拨款", { budget: 4 })]);
    expect(checkFundsTotal(b, 0.1)).toEqual([]);
    // Any other text there is a total that disagrees.
    const other = block([fundsRow("total", "年度资金总额", { budget: "待定" }), fundsRow("part", "财政拨款", { budget: 4 })]);
    expect(checkFundsTotal(other, 0.1).map((c) => c.agrees)).toEqual([false]);
  });
  test("a total row left at 0 while the parts are filled disagrees", () => {
    const b = block([
      fundsRow("total", "年度资金总额", { budget: 0, spent: 0 }),
      fundsRow("part", "其中:财政拨款", { budget: 100, spent: 90 }),
      fundsRow("part", "其他资金", { budget: 20, spent: 20 }),
    ]);
    const checks = checkFundsTotal(b, 0.1);
    expect(checks.filter((c) => !c.agrees).map((c) => [c.column, c.partsSum])).toEqual([
      ["budget", 120],
      ["spent", 110],
    ]);
  });
  test.each([
    // [total, parts, agrees]: the tolerance (0.1) covers only the rounding the figures show
    ["1157.97", ["1157.9"], false], // real 111: 0.07 apart, both written to the 角/分 → a real difference
    ["662.98", ["191.00", "99.00", "372.88"], false], // 0.1 apart, every figure written to the 分
    ["662.98", ["191", "99", "372.88"], true], // whole figures may be rounded: within the profile's 0.1
    ["20", ["12", "8.04"], true], // the total is written in whole 万元: 20.04 rounds to 20
    ["20", ["12", "8.4"], false], // beyond the profile's tolerance whatever the rounding
    ["1158", ["400.4", "757.57"], true], // 1157.97 shown as 1158
    ["100.00", ["33.33", "33.33", "33.33"], true], // thirds rounded to the 分: 0.01 is the parts' own rounding
    ["100.00", ["33.31", "33.33", "33.33"], false], // 0.03 is more than four figures' half 分 (0.02)
    ["100", ["33.33", "33.33", "33.33"], true],
    ["1,157.97", ["１１５７．９７"], true], // thousands separators and full-width digits
  ])("total %s against parts %j agrees: %s", (total, parts, agrees) => {
    const b = block([fundsRow("total", "年度资金总额", { budget: total }), ...parts.map((p) => fundsRow("part", "其中", { budget: p }))]);
    expect(checkFundsTotal(b, 0.1).map((c) => c.agrees)).toEqual([agrees]);
  });
  test("a total given as a number (an .xlsx cell) is read to the decimals it holds", () => {
    const b = block([fundsRow("total", "年度资金总额", { budget: 1157.97 }), fundsRow("part", "其中", { budget: 1157.9 })]);
    expect(checkFundsTotal(b, 0.1)[0].agrees).toBe(false);
    expect(checkFundsTotal(block([fundsRow("total", "年度资金总额", { budget: 1158 }), fundsRow("part", "其中", { budget: 1157.97 })]), 0.1)[0].agrees).toBe(true);
  });
  test("columns no part fills are skipped", () => {
    const b = block([fundsRow("total", "年度资金总额", { initial: null, budget: 10, spent: 10 }), fundsRow("part", "其中", { budget: 10, spent: 10 })]);
    expect(checkFundsTotal(b, 0.1).map((c) => c.column)).toEqual(["budget", "spent"]);
  });
});

describe("scoreExecution", () => {
  test("uses the row's 分值, else the title's, else the profile's", () => {
    const a = scoreExecution(block([fundsRow("total", "总额", { budget: 200, spent: 170, points: 10, score: 8.5 })]), NATIONAL);
    expect(a).toMatchObject({ points: 10, score: 8.5, enteredScore: 8.5 });
    const b = scoreExecution(block([fundsRow("total", "总额", { budget: 200, spent: 170 })], 20), NATIONAL);
    expect(b).toMatchObject({ points: 20, score: 17 });
    const c = scoreExecution(block([fundsRow("total", "总额", { budget: 200, spent: 170, points: "-" })]), NATIONAL);
    expect(c).toMatchObject({ points: 10, score: 8.5 });
  });
  test("a total row left at 0 takes A and B from its parts", () => {
    const r = scoreExecution(
      block([fundsRow("total", "年度资金总额", { budget: 0, spent: 0 }), fundsRow("part", "其中:财政拨款", { budget: 100, spent: 90 })]),
      NATIONAL,
    );
    expect(r).toMatchObject({ budget: 100, spent: 90, score: 9 });
  });
  test("A = 0 everywhere: rate is an error and there is no score", () => {
    const r = scoreExecution(block([fundsRow("total", "总额", { budget: 0, spent: 0 })]), NATIONAL);
    expect(r?.rate.ok).toBe(false);
    expect(r?.score).toBeUndefined();
  });
});

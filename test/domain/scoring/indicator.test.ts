import { NATIONAL } from "../../../src/domain/profiles/national";
import { overAchievement, scoreIndicator, type IndicatorScore } from "../../../src/domain/scoring/indicator";
import type { ParsedValue, Sign, SignFamily } from "../../../src/domain/value/types";

/** A parsed figure, built by hand (the parser is tested elsewhere). */
function num(n: number, unit?: string, sign?: Sign): ParsedValue {
  return {
    raw: `${sign ?? ""}${n}${unit ?? ""}`,
    kind: "number",
    number: n,
    ...(unit ? { unit } : {}),
    ...(unit === "%" ? { unitKind: "percent" as const } : {}),
    ...(sign ? { sign } : {}),
    problems: [],
  };
}
function money(n: number, unit: "元" | "万元", sign?: Sign): ParsedValue {
  const f = unit === "元" ? 0.0001 : 1;
  return { ...num(n, unit, sign), unitKind: "money", wan: n * f, wanFactor: f };
}
function date(year: number, month?: number, day?: number): ParsedValue {
  return { raw: `${year}年${month ?? ""}月`, kind: "date", date: { year, ...(month ? { month } : {}), ...(day ? { day } : {}) }, problems: [] };
}
const EMPTY: ParsedValue = { raw: "", kind: "empty", problems: [] };
function text(t: string): ParsedValue {
  return { raw: t, kind: "qualitative", text: t, problems: [] };
}

const linear = { reverseFormula: "linear-2t" as const };
const ratio = { reverseFormula: "ratio" as const };

function score(r: IndicatorScore): number {
  if (!r.ok) throw new Error(`no score: ${r.reason}`);
  return r.score;
}

describe("scoreIndicator: worked examples of rules.md §4.3", () => {
  test("培训人次 ≥500, actual 450, W 10 → 9.00", () => {
    expect(score(scoreIndicator({ target: num(500, "人次", "≥"), actual: num(450, "人次"), weight: 10 }, linear))).toBe(9);
  });
  test("培训人次 ≥500, actual 600, W 10 → 10 (capped, no bonus)", () => {
    const r = scoreIndicator({ target: num(500, "人次", "≥"), actual: num(600, "人次"), weight: 10 }, linear);
    expect(score(r)).toBe(10);
    expect(r.ok && r.completion).toBeCloseTo(1.2);
  });
  test("项目总成本 ≤90万元, actual 99, W 8 → 7.20 (linear-2t) / 7.27 (ratio)", () => {
    const input = { target: money(90, "万元", "≤"), actual: money(99, "万元"), weight: 8 };
    expect(score(scoreIndicator(input, linear))).toBe(7.2);
    expect(score(scoreIndicator(input, ratio))).toBe(7.27);
  });
  test("项目总成本 ≤90, actual 180, W 8 → 0 (linear-2t)", () => {
    expect(score(scoreIndicator({ target: money(90, "万元", "≤"), actual: money(180, "万元"), weight: 8 }, linear))).toBe(0);
    // beyond 2T stays at 0
    expect(score(scoreIndicator({ target: money(90, "万元", "≤"), actual: money(500, "万元"), weight: 8 }, linear))).toBe(0);
    // ratio keeps a little: 8 × 90/180 = 4
    expect(score(scoreIndicator({ target: money(90, "万元", "≤"), actual: money(180, "万元"), weight: 8 }, ratio))).toBe(4);
  });
  test("达标率 ＝100%, actual 98%, W 10 → 9.80", () => {
    expect(score(scoreIndicator({ target: num(100, "%", "＝"), actual: num(98, "%"), weight: 10 }, linear))).toBe(9.8);
  });
  test("安全事故 ＝0, actual 1, W 5 → 0; actual 0 → 5", () => {
    expect(score(scoreIndicator({ target: num(0, "起", "＝"), actual: num(1, "起"), weight: 5 }, linear))).toBe(0);
    expect(score(scoreIndicator({ target: num(0, "起", "＝"), actual: num(0, "起"), weight: 5 }, linear))).toBe(5);
  });
});

describe("scoreIndicator: families and edges", () => {
  test("＞ is treated like ≥ and ＜ like ≤ (C-impl S8)", () => {
    expect(score(scoreIndicator({ target: num(100, "个", "＞"), actual: num(100, "个"), weight: 10 }, linear))).toBe(10);
    expect(score(scoreIndicator({ target: num(100, "个", "＜"), actual: num(100, "个"), weight: 10 }, linear))).toBe(10);
  });
  test("reverse at or under the target is full marks; linear in between", () => {
    expect(score(scoreIndicator({ target: num(100, "元", "≤"), actual: num(60, "元"), weight: 10 }, linear))).toBe(10);
    expect(score(scoreIndicator({ target: num(100, "元", "≤"), actual: num(150, "元"), weight: 10 }, linear))).toBe(5);
  });
  test("reverse with target 0: met or not", () => {
    expect(score(scoreIndicator({ target: num(0, "起", "≤"), actual: num(0, "起"), weight: 4 }, linear))).toBe(4);
    expect(score(scoreIndicator({ target: num(0, "起", "≤"), actual: num(2, "起"), weight: 4 }, linear))).toBe(0);
  });
  test("a bare figure (no sign) scores like 等于: 100% / 98% → 9.8", () => {
    expect(score(scoreIndicator({ target: num(100, "%"), actual: num(98, "%"), weight: 10 }, linear))).toBe(9.8);
  });
  test("explicit family wins over the target's sign", () => {
    expect(score(scoreIndicator({ target: num(100, "元"), actual: num(150, "元"), weight: 10, family: "reverse" }, linear))).toBe(5);
  });
  test("negative actual counts as 0", () => {
    const r = scoreIndicator({ target: num(50, "个", "≥"), actual: num(-5, "个"), weight: 10 }, linear);
    expect(score(r)).toBe(0);
    expect(r.ok && r.completion).toBe(0);
  });
  test("rounds to 2 decimals", () => {
    expect(score(scoreIndicator({ target: num(3, "个", "≥"), actual: num(1, "个"), weight: 10 }, linear))).toBe(3.33);
    expect(score(scoreIndicator({ target: num(3, "个", "≥"), actual: num(2, "个"), weight: 10 }, linear))).toBe(6.67);
  });
  test("positive with target 0 is always met", () => {
    expect(score(scoreIndicator({ target: num(0, "个", "≥"), actual: num(0, "个"), weight: 3 }, linear))).toBe(3);
  });
  test("money in different units is compared in 万元", () => {
    expect(score(scoreIndicator({ target: money(8400, "元", "≥"), actual: money(0.84, "万元"), weight: 10 }, linear))).toBe(10);
    expect(score(scoreIndicator({ target: money(1, "万元", "≥"), actual: money(5000, "元"), weight: 10 }, linear))).toBe(5);
  });
  test("a percent target against a bare actual takes the same unit", () => {
    expect(score(scoreIndicator({ target: num(90, "%", "≥"), actual: num(100), weight: 10 }, linear))).toBe(10);
  });
  test("% and ‰ are comparable", () => {
    expect(score(scoreIndicator({ target: num(1, "‰", "≤"), actual: num(0.1, "%"), weight: 6 }, linear))).toBe(6);
  });
  test("incomparable units give a reason", () => {
    const r = scoreIndicator({ target: num(90, "%", "≥"), actual: num(5, "平方米"), weight: 10 }, linear);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.cause).toBe("unit-mismatch");
  });
});

describe("scoreIndicator: dates (时效)", () => {
  test("finishing earlier than the deadline is full marks (real 06: 2023年12月 → 2023年10月)", () => {
    const r = scoreIndicator({ target: date(2023, 12), actual: date(2023, 10), weight: 15 }, linear);
    expect(score(r)).toBe(15);
  });
  test("same month, a day inside it, is on time", () => {
    expect(score(scoreIndicator({ target: date(2023, 12), actual: date(2023, 12, 28), weight: 5 }, linear))).toBe(5);
  });
  test("later than the deadline has no automatic score", () => {
    const r = scoreIndicator({ target: date(2023, 6), actual: date(2023, 9), weight: 5 }, linear);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.cause).toBe("late");
  });
  test("a date against a figure is a reason", () => {
    expect(scoreIndicator({ target: date(2023, 6), actual: num(1, "个"), weight: 5 }, linear).ok).toBe(false);
  });
});

describe("scoreIndicator: reasons instead of numbers", () => {
  const cases: [string, ParsedValue, ParsedValue, number | undefined, SignFamily | undefined, string][] = [
    ["missing actual", num(100, "%", "≥"), EMPTY, 10, undefined, "missing-actual"],
    ["missing target", EMPTY, num(100, "%"), 10, undefined, "missing-target"],
    ["missing weight", num(100, "%", "≥"), num(100, "%"), undefined, undefined, "missing-weight"],
    ["zero weight", num(100, "%", "≥"), num(100, "%"), 0, undefined, "missing-weight"],
    ["unreadable actual", num(100, "%", "≥"), { raw: "较好", kind: "unreadable", problems: ["?"] }, 10, undefined, "unreadable"],
    ["qualitative", text("达到预期"), text("达成年度指标"), 10, undefined, "qualitative"],
    ["定量（其他）", num(5, "个"), num(5, "个"), 10, "other", "manual"],
    ["negative target", num(-5, "个", "≥"), num(5, "个"), 10, undefined, "unreadable"],
  ];
  test.each(cases)("%s", (_name, target, actual, weight, family, cause) => {
    const r = scoreIndicator({ target, actual, weight, ...(family ? { family } : {}) }, linear);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.cause).toBe(cause);
      expect(r.reason.length).toBeGreaterThan(0);
      expect(r.reasonEn.length).toBeGreaterThan(0);
    }
  });
});

describe("overAchievement", () => {
  test("120% is at the threshold, 130% beyond it; reverse never", () => {
    const r1 = scoreIndicator({ target: num(100, "个", "≥"), actual: num(130, "个"), weight: 10 }, NATIONAL);
    expect(overAchievement(r1, "positive")).toBeCloseTo(0.3);
    const r2 = scoreIndicator({ target: num(100, "个", "≤"), actual: num(10, "个"), weight: 10 }, NATIONAL);
    expect(overAchievement(r2, "reverse")).toBeUndefined();
    const r3 = scoreIndicator({ target: num(100, "个", "≥"), actual: num(90, "个"), weight: 10 }, NATIONAL);
    expect(overAchievement(r3, "positive")).toBeUndefined();
  });
});

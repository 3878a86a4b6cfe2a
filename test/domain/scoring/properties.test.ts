import fc from "fast-check";
import { GRADE_BANDS } from "../../../src/domain/profiles/common";
import { executionScore } from "../../../src/domain/scoring/execution";
import { grade, normalizeGrade, type Grade } from "../../../src/domain/scoring/grade";
import { scoreIndicator } from "../../../src/domain/scoring/indicator";
import { checkBandScore } from "../../../src/domain/scoring/qualitative";
import { QUALITATIVE_BANDS } from "../../../src/domain/profiles/common";
import type { ParsedValue, Sign } from "../../../src/domain/value/types";

const num = (n: number, sign?: Sign): ParsedValue => ({ raw: String(n), kind: "number", number: n, unit: "个", unitKind: "count", ...(sign ? { sign } : {}), problems: [] });
const sign = fc.constantFrom<Sign>("≥", "＞", "＝", "＜", "≤");
const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const target = fc.double({ min: 0, max: 1e6, noNaN: true });
const weight = fc.double({ min: 0.01, max: 100, noNaN: true });
const formula = fc.constantFrom<"linear-2t" | "ratio">("linear-2t", "ratio");

describe("indicator score properties", () => {
  test("0 ≤ score ≤ weight, with at most 2 decimals (or the weight itself, when the 分值 has more)", () => {
    fc.assert(
      fc.property(target, value, weight, sign, formula, (t, x, w, s, f) => {
        const r = scoreIndicator({ target: num(t, s), actual: num(x), weight: w }, { reverseFormula: f });
        if (!r.ok) return false; // every figure pair scores
        // Rounding never carries a score past its weight (分值 8.408 met is 8.408, not 8.41).
        return r.score >= 0 && r.score <= w && (Math.abs(r.score * 100 - Math.round(r.score * 100)) < 1e-6 || r.score === w);
      }),
    );
  });
  test("正向: more actual never scores less", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e6, noNaN: true }), value, value, weight, (t, a, b, w) => {
        const lo = Math.min(a, b);
        const hi = Math.max(a, b);
        const r1 = scoreIndicator({ target: num(t, "≥"), actual: num(lo), weight: w }, { reverseFormula: "linear-2t" });
        const r2 = scoreIndicator({ target: num(t, "≥"), actual: num(hi), weight: w }, { reverseFormula: "linear-2t" });
        return r1.ok && r2.ok && r1.score <= r2.score;
      }),
    );
  });
  test("反向: more actual never scores more, either formula", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e6, noNaN: true }), value, value, weight, formula, (t, a, b, w, f) => {
        const lo = Math.min(a, b);
        const hi = Math.max(a, b);
        const r1 = scoreIndicator({ target: num(t, "≤"), actual: num(lo), weight: w }, { reverseFormula: f });
        const r2 = scoreIndicator({ target: num(t, "≤"), actual: num(hi), weight: w }, { reverseFormula: f });
        return r1.ok && r2.ok && r1.score >= r2.score;
      }),
    );
  });
  test("execution score stays in [0, points] when capped", () => {
    fc.assert(
      fc.property(fc.double({ min: -1, max: 5, noNaN: true }), fc.double({ min: 1, max: 30, noNaN: true }), (rate, pts) => {
        const s = executionScore(rate, pts, true);
        return s >= 0 && s <= pts + 0.005;
      }),
    );
  });
  test("a score inside a band's range always passes that band's check", () => {
    fc.assert(
      fc.property(fc.constantFrom(...QUALITATIVE_BANDS), weight, fc.double({ min: 0, max: 1, noNaN: true }), (band, w, f) => {
        const lo = Math.round(band.min * w * 100) / 100;
        const hi = Math.round(band.max * w * 100) / 100 - (band.maxInclusive ? 0 : 0.01);
        if (hi < lo) return true;
        const s = Math.round((lo + f * (hi - lo)) * 100) / 100;
        return checkBandScore(s, band, w).ok;
      }),
    );
  });
});

describe("grade (§4.6)", () => {
  test.each([
    [100, "优"],
    [90, "优"],
    [89.99, "良"],
    [88.5, "良"],
    [80, "良"],
    [79.99, "中"],
    [60, "中"],
    [59.99, "差"],
    [0, "差"],
  ])("%d → %s", (s, g) => {
    const r = grade(s);
    expect(r.ok && r.grade).toBe(g);
  });
  test("良 and 良好 are the same grade", () => {
    expect(normalizeGrade("良好")).toBe("良");
    expect(normalizeGrade("良")).toBe("良");
    expect(normalizeGrade("优秀")).toBe("优");
    expect(normalizeGrade("合格")).toBeUndefined();
  });
  test("monotone: a higher total never gets a lower grade", () => {
    const rank: Record<Grade, number> = { 差: 0, 中: 1, 良: 2, 优: 3 };
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (a, b) => {
        const ga = grade(Math.min(a, b), GRADE_BANDS);
        const gb = grade(Math.max(a, b), GRADE_BANDS);
        return ga.ok && gb.ok && rank[ga.grade] <= rank[gb.grade];
      }),
    );
  });
});

/** A target and its actual read from raw cell values (as Excel hands them to custom functions, without formats). */
import { alignTarget, parseActual, parseTarget } from "../../../src/domain/value/pair";

describe("parseTarget / parseActual / alignTarget", () => {
  test("a separate sign cell joins the target", () => {
    const t = parseTarget(95, "≥");
    expect(t).toMatchObject({ kind: "number", number: 95, sign: "≥" });
  });
  test("0.97 against a 95% target is 97% (a percent-formatted cell)", () => {
    const a = parseActual(0.97, parseTarget("≥95%", ""));
    expect(a).toMatchObject({ kind: "number", unit: "%" });
    expect(a.number).toBeCloseTo(97);
  });
  test("1.2 against a 95% target is not rescaled (above 1 is a figure as written)", () => {
    expect(parseActual(1.2, parseTarget("≥95%", "")).number).toBe(1.2);
  });
  test("a date serial against a date target is a date; the same number against a count is a count", () => {
    expect(parseActual(45230, parseTarget("2023年12月", "")).kind).toBe("date");
    expect(parseActual(45230, parseTarget("≥500人", "")).kind).toBe("number");
  });
  test("a bare 0.95 target against an actual of 97% reads as 95%", () => {
    const actual = parseActual("97%", parseTarget(0.95, "≥"));
    const t = alignTarget(parseTarget(0.95, "≥"), 0.95, "≥", actual);
    expect(t).toMatchObject({ unit: "%", sign: "≥" });
    expect(t.number).toBeCloseTo(95);
  });
});

import { readNumber, isNotApplicableMark, scaleByPowerOfTen, naturalDecimals, formatDecimals, isPercentFormat, isDateFormat } from "../../../src/domain/value/number";
import type { CellValue } from "../../../src/domain/grid";
import fc from "fast-check";

describe("readNumber", () => {
  const cases: [CellValue, string | null | undefined, { value: number; percent: boolean; shownDecimals: number } | undefined][] = [
    [880, null, { value: 880, percent: false, shownDecimals: 0 }],
    [31.69, null, { value: 31.69, percent: false, shownDecimals: 2 }],
    [10, "0.00", { value: 10, percent: false, shownDecimals: 2 }],
    [0.978, "0.00%", { value: 0.978, percent: true, shownDecimals: 2 }],
    [0.978, "0%", { value: 0.978, percent: true, shownDecimals: 0 }],
    [0.978, null, { value: 0.978, percent: false, shownDecimals: 3 }],
    [1, "0.00%", { value: 1, percent: true, shownDecimals: 2 }],
    [0.5, "General", { value: 0.5, percent: false, shownDecimals: 1 }],
    [1234.5, "#,##0.0", { value: 1234.5, percent: false, shownDecimals: 1 }],
    ["97.80%", null, { value: 0.978, percent: true, shownDecimals: 2 }],
    ["100.00%", null, { value: 1, percent: true, shownDecimals: 2 }],
    ["0.00%", null, { value: 0, percent: true, shownDecimals: 2 }],
    ["0.00", null, { value: 0, percent: false, shownDecimals: 2 }],
    ["238.93", null, { value: 238.93, percent: false, shownDecimals: 2 }],
    ["１０", null, { value: 10, percent: false, shownDecimals: 0 }],
    ["１２．５％", null, { value: 0.125, percent: true, shownDecimals: 1 }],
    ["1,234.5", null, { value: 1234.5, percent: false, shownDecimals: 1 }],
    ["1，234", null, { value: 1234, percent: false, shownDecimals: 0 }],
    ["  32.4 ", null, { value: 32.4, percent: false, shownDecimals: 1 }],
    ["\u300010\u3000", null, { value: 10, percent: false, shownDecimals: 0 }],
    ["-3", null, { value: -3, percent: false, shownDecimals: 0 }],
    ["－3.5", null, { value: -3.5, percent: false, shownDecimals: 1 }],
    ["97.8 %", null, { value: 0.978, percent: true, shownDecimals: 1 }],
    ["10分", null, { value: 10, percent: false, shownDecimals: 0 }],
    [".5", null, { value: 0.5, percent: false, shownDecimals: 1 }],
    ["", null, undefined],
    ["   ", null, undefined],
    [null, null, undefined],
    ["/", null, undefined],
    ["-", null, undefined],
    ["—", null, undefined],
    ["——", null, undefined],
    ["无", null, undefined],
    ["达成预期", null, undefined],
    ["12,34", null, undefined],
    ["1.2.3", null, undefined],
    ["95%以上", null, undefined],
    [true, null, undefined],
    [{ error: "#N/A" }, null, undefined],
    [Number.NaN, null, undefined],
    [Number.POSITIVE_INFINITY, null, undefined],
  ];
  test.each(cases)("readNumber(%p, %p)", (v, fmt, expected) => {
    const r = readNumber(v, fmt);
    if (expected === undefined) expect(r).toBeUndefined();
    else {
      expect(r).toBeDefined();
      expect(r!.value).toBeCloseTo(expected.value, 12);
      expect(r!.percent).toBe(expected.percent);
      expect(r!.shownDecimals).toBe(expected.shownDecimals);
    }
  });

  test("never throws", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.constant(null), fc.boolean(), fc.string().map((error) => ({ error }))), fc.option(fc.string()), (v, f) => {
        readNumber(v as CellValue, f);
      }),
    );
  });

  test("full-width and half-width digits read equal", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 99 }), (i, d) => {
        const half = `${i}.${String(d).padStart(2, "0")}`;
        const full = half.replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
        expect(readNumber(full)).toEqual(readNumber(half));
        expect(readNumber(half)!.value).toBe(Number(half));
      }),
    );
  });
});

describe("isNotApplicableMark", () => {
  test.each(["/", "／", "-", "－", "—", "——", "--", "无", " / ", "不适用", "N/A"])("%p is a mark", (s) => {
    expect(isNotApplicableMark(s)).toBe(true);
  });
  test.each<CellValue>(["", null, 0, "0", "100%", "有效", "-3", "……"])("%p is not a mark", (s) => {
    expect(isNotApplicableMark(s)).toBe(false);
  });
});

describe("number helpers", () => {
  test("scaleByPowerOfTen avoids binary noise", () => {
    expect(scaleByPowerOfTen(3000, -4)).toBe(0.3);
    expect(scaleByPowerOfTen(2.61, 4)).toBe(26100);
    expect(scaleByPowerOfTen(0.978, 2)).toBe(97.8);
  });
  test("naturalDecimals", () => {
    expect(naturalDecimals(120)).toBe(0);
    expect(naturalDecimals(0.978)).toBe(3);
    expect(naturalDecimals(1e-7)).toBe(7);
  });
  test("formats", () => {
    expect(formatDecimals("0.00")).toBe(2);
    expect(formatDecimals("0%")).toBe(0);
    expect(formatDecimals("General")).toBeUndefined();
    expect(formatDecimals("#,##0.00_);[Red](#,##0.00)")).toBe(2);
    expect(isPercentFormat("0.00%")).toBe(true);
    expect(isPercentFormat('0.00"%"')).toBe(false);
    expect(isDateFormat("yyyy-mm-dd")).toBe(true);
    expect(isDateFormat('yyyy"年"m"月"')).toBe(true);
    expect(isDateFormat("[$-F800]dddd, mmmm dd, yyyy")).toBe(true);
    expect(isDateFormat("0.00")).toBe(false);
    expect(isDateFormat("General")).toBe(false);
    expect(isDateFormat("0.00E+00")).toBe(false);
    expect(isDateFormat("h:mm:ss")).toBe(false);
  });
});

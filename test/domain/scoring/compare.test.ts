import fc from "fast-check";
import { agreesAtShownPrecision, rateAgrees, readingText, scoreAgrees } from "../../../src/domain/scoring/compare";
import { readNumber } from "../../../src/domain/value/number";

const pct = (text: string) => {
  const r = readNumber(text);
  if (!r) throw new Error(`unreadable ${text}`);
  return r;
};

describe("agreesAtShownPrecision", () => {
  test("'50%' agrees with 49.88 % (correct when rounded to the precision shown)", () => {
    expect(agreesAtShownPrecision(0.4988, pct("50%"))).toBe(true);
  });
  test("'97.80%' agrees with 97.8086 % (truncated at the precision shown; real 06)", () => {
    expect(agreesAtShownPrecision(31.69 / 32.4, pct("97.80%"))).toBe(true);
    expect(agreesAtShownPrecision(31.69 / 32.4, pct("97.81%"))).toBe(true);
  });
  test("'100%' does not agree with 80.45 %", () => {
    expect(agreesAtShownPrecision(0.8045, pct("100%"))).toBe(false);
  });
  test("'97.70%' does not agree with 97.8086 %; '97.82%' neither", () => {
    expect(agreesAtShownPrecision(0.978086, pct("97.70%"))).toBe(false);
    expect(agreesAtShownPrecision(0.978086, pct("97.82%"))).toBe(false);
  });
  test("'100.00%' agrees with exactly 100 %", () => {
    expect(agreesAtShownPrecision(251.89 / 251.89, pct("100.00%"))).toBe(true);
  });
  test("a number cell under a 0.00% format carries full precision", () => {
    expect(agreesAtShownPrecision(0.978086, { value: 0.978086419, percent: true, shownDecimals: 2 })).toBe(true);
    expect(agreesAtShownPrecision(0.9, { value: 0.978086419, percent: true, shownDecimals: 2 })).toBe(false);
  });
  test("non-finite input never agrees", () => {
    expect(agreesAtShownPrecision(Number.NaN, pct("50%"))).toBe(false);
  });
});

describe("rateAgrees", () => {
  test("plain numbers above 1.5 are percentage points", () => {
    expect(rateAgrees(0.978086, { value: 97.8, percent: false, shownDecimals: 1 })).toBe(true);
    expect(rateAgrees(0.85, { value: 97.8, percent: false, shownDecimals: 1 })).toBe(false);
  });
  test("a bare 1 is 100 %: agrees with 99.6 %, not with 60 %", () => {
    expect(rateAgrees(0.996, { value: 1, percent: false, shownDecimals: 0 })).toBe(true);
    expect(rateAgrees(0.6, { value: 1, percent: false, shownDecimals: 0 })).toBe(false);
  });
  test("fractions with decimals", () => {
    expect(rateAgrees(0.978086, { value: 0.978, percent: false, shownDecimals: 3 })).toBe(true);
  });
});

describe("scoreAgrees", () => {
  test("tolerance 0.1 by default; 9 vs 9.78 disagrees (real 06)", () => {
    expect(scoreAgrees(9.78, 9)).toBe(false);
    expect(scoreAgrees(88.5, 88.4)).toBe(true);
    expect(scoreAgrees(88.5, 88.39)).toBe(false);
    expect(scoreAgrees(7.27, 7.2, 0.1)).toBe(true);
    expect(scoreAgrees(7.27, 7.2, 0.05)).toBe(false);
  });
});

describe("readingText", () => {
  test("prints as shown", () => {
    expect(readingText(pct("97.80%"))).toBe("97.80%");
    expect(readingText({ value: 9, percent: false, shownDecimals: 0 })).toBe("9");
  });
});

describe("properties", () => {
  const rate = fc.double({ min: 0, max: 2, noNaN: true });
  const decimals = fc.integer({ min: 0, max: 4 });

  test("a rate printed at any precision, rounded or truncated, agrees with itself", () => {
    fc.assert(
      fc.property(rate, decimals, fc.boolean(), (r, d, truncate) => {
        const pctPoints = r * 100;
        const f = Math.pow(10, d);
        const shown = truncate ? Math.floor(pctPoints * f + 1e-9) / f : Math.round(pctPoints * f) / f;
        const reading = readNumber(`${shown.toFixed(d)}%`);
        return reading !== undefined && agreesAtShownPrecision(r, reading);
      }),
    );
  });

  test("symmetric under printing precision: printing the computed value with either rule gives the same verdict", () => {
    fc.assert(
      fc.property(rate, rate, decimals, (a, b, d) => {
        // Print b at d decimals both ways; a agrees with both printings when they are the same text.
        const f = Math.pow(10, d);
        const up = (Math.round(b * 100 * f) / f).toFixed(d);
        const down = (Math.floor(b * 100 * f + 1e-9) / f).toFixed(d);
        if (up !== down) return true;
        const ra = readNumber(`${up}%`);
        const rb = readNumber(`${down}%`);
        return ra !== undefined && rb !== undefined && agreesAtShownPrecision(a, ra) === agreesAtShownPrecision(a, rb);
      }),
    );
  });

  test("a value more than one shown step away never agrees", () => {
    fc.assert(
      fc.property(rate, decimals, fc.double({ min: 1.01, max: 50, noNaN: true }), (r, d, k) => {
        const step = Math.pow(10, -d) / 100; // one shown step, as a fraction
        const printed = readNumber(`${(r * 100).toFixed(d)}%`);
        return printed !== undefined && !agreesAtShownPrecision(printed.value + k * step + step, printed);
      }),
    );
  });

  test("score agreement is symmetric in its two arguments", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (a, b) => scoreAgrees(a, b) === scoreAgrees(b, a)),
    );
  });
});

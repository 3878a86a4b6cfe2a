/**
 * Dates in 指标值 / 完成值 (issue 15): a text written as a date whose day does not exist ("2024-13-45",
 * "2023-02-30") is neither a date nor qualitative text but unreadable, with the reason, and reported
 * (indicator.invalid-date); every text read as a date names a real calendar day.
 */
import fc from "fast-check";
import { checkWorkbook } from "../../../src/domain/engine";
import { realGrid } from "../../helpers/real";
import { parseValue } from "../../../src/domain/value/parse";
import { INVALID_DATE_PROBLEM } from "../../../src/domain/value";
import type { ParsedValue } from "../../../src/domain/value/types";

/** True when year-month-day exists (the JavaScript calendar agrees with the proleptic Gregorian one). */
function realDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(2000, 0, 1));
  d.setUTCFullYear(year, month - 1, day);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Every date the value names is real: a full date exists, a month is 1–12, a day without a year exists in a leap year. */
function namesRealDates(v: ParsedValue): boolean {
  if (v.kind !== "date") return true;
  const { date, partialDate } = v;
  if (date) {
    if (date.year < 1900 || date.year > 2100) return false;
    if (date.month !== undefined && (date.month < 1 || date.month > 12)) return false;
    if (date.day !== undefined && (date.month === undefined || !realDay(date.year, date.month, date.day))) return false;
  }
  if (partialDate) {
    if (partialDate.month !== undefined && (partialDate.month < 1 || partialDate.month > 12)) return false;
    if (partialDate.day !== undefined && (partialDate.month === undefined || !realDay(2024, partialDate.month, partialDate.day))) return false;
  }
  return date !== undefined || partialDate !== undefined;
}

const invalid = (v: ParsedValue): string | undefined => v.problems.find((p) => p.startsWith(INVALID_DATE_PROBLEM));

describe("a text written as a date that does not exist is unreadable, with the reason", () => {
  test.each([
    ["2024-13-45", "没有 13 月"],
    ["2023-02-30", "2 月没有 30 日"],
    ["2023-02-29", "2023 年不是闰年，2 月没有 29 日"],
    ["2100-02-29", "2100 年不是闰年，2 月没有 29 日"],
    ["2024/4/31", "4 月没有 31 日"],
    ["2024.6.31", "6 月没有 31 日"],
    ["2024-00-10", "没有 0 月"],
    ["2024-1-0", "1 月没有 0 日"],
    ["2024-13", "没有 13 月"],
    ["2024/0", "没有 0 月"],
    ["3024-01-01", "年份 3024 不在 1900–2100 之间"],
    ["2024年13月", "没有 13 月"],
    ["2023年2月30日", "2 月没有 30 日"],
    ["2024年13月底", "没有 13 月"],
    ["2月30日", "2 月没有 30 日"],
    ["13月5日", "没有 13 月"],
    ["13月底", "没有 13 月"],
    ["≤2024-13-45", "没有 13 月"],
    ["2024-13-45前", "没有 13 月"],
    ["２０２４－１３－４５", "没有 13 月"],
    ["2024-13-45(计划)", "没有 13 月"],
  ])("%s: %s", (text, why) => {
    const v = parseValue(text);
    expect(v.kind).toBe("unreadable");
    expect(invalid(v)).toBe(`${INVALID_DATE_PROBLEM}：${why}`);
    expect(v.date).toBeUndefined();
  });

  test("a sign written with it is kept; a 定性 sign column leaves it unreadable", () => {
    expect(parseValue("2024-13-45前").sign).toBe("≤");
    expect(parseValue("2024-13-45", { signText: "定性" }).kind).toBe("unreadable");
  });
});

describe("what is not written as a date stays what it was", () => {
  test.each([
    ["2024-12-31", "date"],
    ["2024-02-29", "date"],
    ["2000-02-29", "date"],
    ["2月29日", "date"],
    ["2024.12", "date"],
    ["2024年12月31日前", "date"],
    ["13月", "number"], // a duration: 13 months
    ["2024.13", "number"], // a decimal
    ["12个月", "number"],
    ["1000-12", "unreadable"], // a range (区间值), as before
    ["2023-2024", "unreadable"], // a range of years
    ["按时开工", "qualitative"],
  ])("%s → %s", (text, kind) => {
    const v = parseValue(text);
    expect(v.kind).toBe(kind);
    expect(invalid(v)).toBeUndefined();
  });
});

describe("properties", () => {
  const sep = fc.constantFrom("-", "/", ".");
  const num = (max: number): fc.Arbitrary<string> => fc.oneof(fc.integer({ min: 0, max }).map(String), fc.integer({ min: 0, max: 9 }).map((n) => `0${n}`));
  const sign = fc.constantFrom("", "≥", "≤", "不晚于", "");
  const suffix = fc.constantFrom("", "前", "之前", "以前", "底", "末", "初", "中", "上旬", "下旬");
  /** Texts shaped like dates, most of them wrong somewhere. */
  const dateLike: fc.Arbitrary<string> = fc.oneof(
    fc.tuple(sign, fc.integer({ min: 1800, max: 2200 }), sep, num(40), fc.option(num(40)), suffix).map(([a, y, s, m, d, b]) => `${a}${y}${s}${m}${d === null ? "" : s + d}${b}`),
    fc.tuple(sign, fc.integer({ min: 1800, max: 2200 }), num(40), fc.option(num(40)), suffix).map(([a, y, m, d, b]) => `${a}${y}年${m}月${d === null ? "" : d + "日"}${b}`),
    fc.tuple(sign, num(40), fc.option(num(40)), suffix).map(([a, m, d, b]) => `${a}${m}月${d === null ? "" : d + "号"}${b}`),
  );

  test("every text that parses as a date names a real calendar day", () => {
    fc.assert(
      fc.property(fc.oneof(dateLike, fc.string(), fc.stringMatching(/^[0-9年月日号\-/.底前]{1,12}$/)), (text) => namesRealDates(parseValue(text))),
      { numRuns: 20_000, seed: 15 },
    );
  });

  test("a full date (year, month and day) is read as a date exactly when the day exists", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), sep, (y, m, d, s) => {
        const v = parseValue(`${y}${s}${m}${s}${d}`);
        return realDay(y, m, d) && m >= 1 && d >= 1 ? v.kind === "date" && v.date?.day === d : v.kind === "unreadable" && invalid(v) !== undefined;
      }),
      { numRuns: 5_000, seed: 15 },
    );
  });

  test("Excel date serials give real days", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_958_465 }), (n) => namesRealDates(parseValue(n, { numberFormat: "yyyy-mm-dd" })) || parseValue(n, { numberFormat: "yyyy-mm-dd" }).date!.year > 2100),
      { numRuns: 5_000, seed: 15 },
    );
  });
});

describe("linear time on 100,000-character date-like texts (a CPU bound that only a quadratic blow-up exceeds)", () => {
  const N = 100_000;
  const run = (unit: string): string => unit.repeat(Math.ceil(N / unit.length)).slice(0, N);
  test.each([
    ["2024-digits", "2024-" + run("1")],
    ["2024-1-digits", "2024-1-" + run("1")],
    ["2024年digits月", "2024年" + run("1") + "月"],
    ["2024年1月digits日", "2024年1月" + run("1") + "日"],
    ["digits月digits日", run("1") + "月" + run("1") + "日"],
    ["年月 repeated", run("2024年1月")],
    ["-1 repeated", "2024" + run("-1")],
    ["前 repeated", "2024-13-45" + run("前")],
  ])("%s", (_name, text) => {
    const start = process.cpuUsage();
    const v = parseValue(text);
    const d = process.cpuUsage(start);
    expect((d.user + d.system) / 1000).toBeLessThan(1000);
    expect(namesRealDates(v)).toBe(true);
  });
});

describe("indicator.invalid-date: the check reports it (real table 02, a 时效 row given dates)", () => {
  /** Real table 02 with the 时效 row's 年度指标值 (E) and 实际完成值 (F) replaced. */
  function table02(target: string, actual: string): ReturnType<typeof checkWorkbook> {
    const g = realGrid("02");
    const values = g.values.map((r) => r.slice());
    const row = values.findIndex((r) => r.some((v) => typeof v === "string" && v.includes("年度资金支付完成率")));
    values[row][4] = target;
    values[row][5] = actual;
    return checkWorkbook([{ ...g, values }]);
  }
  const found = (r: ReturnType<typeof checkWorkbook>): string[] => r.issues.filter((i) => i.code === "indicator.invalid-date").map((i) => `${i.cell} ${i.value}: ${i.message}`);

  test("in 年度指标值 and in 实际完成值", () => {
    const r = table02("2024-13-45前", "2023年2月30日");
    expect(found(r)).toEqual(["E19 2024-13-45前: 指标值“2024-13-45前”不是实际存在的日期（没有 13 月）", "F19 2023年2月30日: 完成值“2023年2月30日”不是实际存在的日期（2 月没有 30 日）"]);
    const issue = r.issues.find((i) => i.code === "indicator.invalid-date");
    expect(issue?.severity).toBe("error");
    expect(issue?.messageEn).toMatch(/^the target "2024-13-45前" is written as a date, but no such day exists/);
  });

  test("real dates and plain text are not reported", () => {
    expect(found(table02("2024-12-31前", "2024年11月30日"))).toEqual([]);
    expect(found(table02("按时完成", "已完成"))).toEqual([]);
  });
});

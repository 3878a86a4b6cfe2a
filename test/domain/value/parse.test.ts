import fc from "fast-check";
import { parseValue, excelSerialToDate } from "../../../src/domain/value/parse";
import type { ParseContext, ParsedValue } from "../../../src/domain/value/types";
import type { CellValue } from "../../../src/domain/grid";
import { cellAt, colCount, rowCount } from "../../../src/domain/grid";
import { realGrid, REAL_PREFIXES } from "../../helpers/real";

type Case = [label: string, input: CellValue, ctx: ParseContext | undefined, expected: Partial<ParsedValue>, problems?: number];

const pct = { unit: "%", unitKind: "percent" } as const;

// Every 指标值 / 实际完成值 form in the five real tables, then the forms from the product brief.
const cases: Case[] = [
  // 02 天长 (self-evaluation)
  ["02 count target 1", "1", undefined, { kind: "number", number: 1 }],
  ["02 satisfaction 90%", "90%", undefined, { kind: "number", number: 90, ...pct }],
  ["02 actual 100%", "100%", undefined, { kind: "number", number: 100, ...pct }],
  ["02 empty target", "", undefined, { kind: "empty" }],
  ["02 slash", "/", undefined, { kind: "empty", notApplicable: true }],
  ["02 dash", "-", undefined, { kind: "empty", notApplicable: true }],
  // 06 临翔 (self-evaluation)
  ["06 ≥200平方米", "≥200平方米", undefined, { kind: "number", sign: "≥", number: 200, unit: "平方米", unitKind: "other" }],
  ["06 204.46平方米", "204.46平方米", undefined, { kind: "number", number: 204.46, unit: "平方米", decimals: 2 }],
  ["06 ≥120米", "≥120米", undefined, { kind: "number", sign: "≥", number: 120, unit: "米" }],
  ["06 121.5米", "121.5米", undefined, { kind: "number", number: 121.5, unit: "米" }],
  ["06 2023年12月", "2023年12月", undefined, { kind: "date", date: { year: 2023, month: 12 } }],
  ["06 2023年10月", "2023年10月", undefined, { kind: "date", date: { year: 2023, month: 10 } }],
  ["06 ≥8400元", "≥8400元", undefined, { kind: "number", sign: "≥", number: 8400, unit: "元", unitKind: "money", wan: 0.84, wanFactor: 0.0001 }],
  ["06 8400元", "8400元", undefined, { kind: "number", number: 8400, unit: "元", wan: 0.84 }],
  ["06 ≥5个", "≥5个", undefined, { kind: "number", sign: "≥", number: 5, unit: "个", unitKind: "count" }],
  ["06 5个", "5个", undefined, { kind: "number", number: 5, unit: "个", unitKind: "count" }],
  ["06 ≥15年", "≥15年", undefined, { kind: "number", sign: "≥", number: 15, unit: "年", unitKind: "time" }],
  ["06 15年", "15年", undefined, { kind: "number", number: 15, unit: "年", unitKind: "time" }],
  ["06 无 (偏差 column)", "无", undefined, { kind: "empty", notApplicable: true }],
  ["06 rate 97.80%", "97.80%", undefined, { kind: "number", number: 97.8, decimals: 2, ...pct }],
  // 11 青神 (sign, number and unit in three columns)
  ["11 = | 100 | %", "100", { signText: "=", unitText: "%" }, { kind: "number", sign: "＝", number: 100, ...pct }, 0],
  ["11 numeric 100", 100, { signText: "=", unitText: "%" }, { kind: "number", sign: "＝", number: 100, ...pct }, 0],
  ["11 rate 100.00%", "100.00%", undefined, { kind: "number", number: 100, decimals: 2, ...pct }],
  ["11 0.00%", "0.00%", undefined, { kind: "number", number: 0, ...pct }],
  ["11 blank actual with unit column", null, { unitText: "%" }, { kind: "empty" }, 0],
  // 17 南岳 (ASCII >= / <=, units glued)
  ["17 >=20平方米", ">=20平方米", undefined, { kind: "number", sign: "≥", number: 20, unit: "平方米" }],
  ["17 >=4个", ">=4个", undefined, { kind: "number", sign: "≥", number: 4, unit: "个" }],
  ["17 >=60亩", ">=60亩", undefined, { kind: "number", sign: "≥", number: 60, unit: "亩" }],
  ["17 >=98%", ">=98%", undefined, { kind: "number", sign: "≥", number: 98, ...pct }],
  ["17 >=95%", ">=95%", undefined, { kind: "number", sign: "≥", number: 95, ...pct }],
  ["17 <=475元/亩", "<=475元/亩", undefined, { kind: "number", sign: "≤", number: 475, unit: "元/亩", perUnit: "亩", unitKind: "money", wan: 0.0475 }],
  ["17 <=2875元/个", "<=2875元/个", undefined, { kind: "number", sign: "≤", number: 2875, unit: "元/个", perUnit: "个" }],
  ["17 <=3000元/平方米", "<=3000元/平方米", undefined, { kind: "number", sign: "≤", number: 3000, unit: "元/平方米", wan: 0.3 }],
  ["17 >=6万元", ">=6万元", undefined, { kind: "number", sign: "≥", number: 6, unit: "万元", wan: 6, wanFactor: 1 }],
  ["17 >=2.61万元", ">=2.61万元", undefined, { kind: "number", sign: "≥", number: 2.61, unit: "万元", wan: 2.61 }],
  ["17 >=60000人", ">=60000人", undefined, { kind: "number", sign: "≥", number: 60000, unit: "人" }],
  ["17 >=29人", ">=29人", undefined, { kind: "number", sign: "≥", number: 29, unit: "人" }],
  ["17 >=90%", ">=90%", undefined, { kind: "number", sign: "≥", number: 90, ...pct }],
  ["17 ≥**个 placeholder", "≥**个", undefined, { kind: "unreadable" }, 1],
  ["17 (≥**%) placeholder", "(≥**%)", undefined, { kind: "unreadable" }, 1],
  // 20 宁晋
  ["20 2100", "2100", undefined, { kind: "number", number: 2100 }],
  ["20 95%", "95%", undefined, { kind: "number", number: 95, ...pct }],
  ["20 95%以上", "95%以上", undefined, { kind: "number", sign: "≥", number: 95, ...pct }],
  ["20 达到目标值 (说明)", "达到目标值", undefined, { kind: "qualitative", text: "达到目标值" }],
  // signs
  ["≥95%", "≥95%", undefined, { sign: "≥", number: 95, ...pct }],
  ["≧95%", "≧95%", undefined, { sign: "≥", number: 95, ...pct }],
  ["⩾95%", "⩾95%", undefined, { sign: "≥", number: 95 }],
  ["＞90%", "＞90%", undefined, { sign: "＞", number: 90, ...pct }],
  [">90", ">90", undefined, { sign: "＞", number: 90 }],
  ["<5", "<5", undefined, { sign: "＜", number: 5 }],
  ["＜5%", "＜5%", undefined, { sign: "＜", number: 5, ...pct }],
  ["═100%", "═100%", undefined, { sign: "＝", number: 100, ...pct }],
  ["=100", "=100", undefined, { sign: "＝", number: 100 }],
  ["＝100", "＝100", undefined, { sign: "＝", number: 100 }],
  ["==100", "==100", undefined, { sign: "＝", number: 100 }],
  ["≦10天", "≦10天", undefined, { sign: "≤", number: 10, unit: "天", unitKind: "time" }],
  ["≤475元/亩", "≤475元/亩", undefined, { sign: "≤", number: 475, unit: "元/亩" }],
  [">=20平方米", ">=20平方米", undefined, { sign: "≥", number: 20, unit: "平方米" }],
  ["不低于90%", "不低于90%", undefined, { sign: "≥", number: 90, ...pct }],
  ["不少于6万人", "不少于6万人", undefined, { sign: "≥", number: 60000, unit: "人" }],
  ["不超过5%", "不超过5%", undefined, { sign: "≤", number: 5, ...pct }],
  ["大于等于80分", "大于等于80分", undefined, { sign: "≥", number: 80, unit: "分" }],
  ["5%以内", "5%以内", undefined, { sign: "≤", number: 5, ...pct }],
  ["3天内", "3天内", undefined, { sign: "≤", number: 3, unit: "天" }],
  ["100人次及以上", "100人次及以上", undefined, { sign: "≥", number: 100, unit: "人次" }],
  ["至少2次", "至少2次", undefined, { sign: "≥", number: 2, unit: "次" }],
  ["约95%", "约95%", undefined, { kind: "number", number: 95, ...pct }],
  ["≥ 95 % (spaces)", "≥ 95 %", undefined, { sign: "≥", number: 95, ...pct }],
  ["CJK space and line break", "≥\u300095\n%", undefined, { sign: "≥", number: 95, ...pct }],
  ["line break before unit", "204.46\r\n平方米", undefined, { number: 204.46, unit: "平方米" }],
  // units
  ["100百分比", "100百分比", undefined, { number: 100, ...pct }],
  ["百分之95", "百分之95", undefined, { number: 95, ...pct }],
  ["5千分比", "5千分比", undefined, { number: 5, unit: "‰", unitKind: "permille" }],
  ["3‰", "3‰", undefined, { number: 3, unit: "‰" }],
  ["2个百分点", "2个百分点", undefined, { number: 2, unit: "百分点", unitKind: "percent" }],
  ["28.8萬元", "28.8萬元", undefined, { number: 28.8, unit: "万元", unitKind: "money", wan: 28.8, wanFactor: 1 }],
  ["1,234.5万元", "1,234.5万元", undefined, { number: 1234.5, unit: "万元", wan: 1234.5 }],
  ["3,000元", "3,000元", undefined, { number: 3000, unit: "元", wan: 0.3 }],
  ["1.5亿元", "1.5亿元", undefined, { number: 1.5, unit: "亿元", wan: 15000, wanFactor: 10000 }],
  ["１００％", "１００％", undefined, { number: 100, ...pct }],
  ["full-width ≥１２．５％", "≥１２．５％", undefined, { sign: "≥", number: 12.5, ...pct }],
  ["3万人", "3万人", undefined, { number: 30000, unit: "人", unitKind: "count" }],
  ["2.61万亩", "2.61万亩", undefined, { number: 26100, unit: "亩" }],
  ["3万", "3万", undefined, { number: 30000 }],
  ["㎡", "50㎡", undefined, { number: 50, unit: "平方米" }],
  ["km", "12.5km", undefined, { number: 12.5, unit: "公里" }],
  ["5个村 → 个", "5个村", undefined, { number: 5, unit: "个" }],
  ["12个月", "12个月", undefined, { number: 12, unit: "月", unitKind: "time" }],
  ["unknown short unit kept", "3罐", undefined, { number: 3, unit: "罐", unitKind: "other" }],
  // numbers
  ["-3", "-3", undefined, { kind: "number", number: -3 }],
  ["－3 full-width minus", "－3", undefined, { kind: "number", number: -3 }],
  ["0", 0, undefined, { kind: "number", number: 0 }],
  ["=0", "=0", undefined, { kind: "number", sign: "＝", number: 0 }],
  ["0次", "0次", undefined, { kind: "number", number: 0, unit: "次" }],
  ["numeric 95", 95, undefined, { kind: "number", number: 95 }],
  ["numeric 0.95 with 0%", 0.95, { numberFormat: "0%" }, { kind: "number", number: 95, ...pct, decimals: 0 }],
  ["numeric 0.978 with 0.00%", 0.978, { numberFormat: "0.00%" }, { kind: "number", number: 97.8, ...pct, decimals: 2 }],
  ["numeric 0.95 no format", 0.95, undefined, { kind: "number", number: 0.95 }],
  ["numeric with money unit column", 880, { unitText: "万元" }, { number: 880, unit: "万元", wan: 880 }],
  ["unit column 万人", 3, { unitText: "万人" }, { number: 30000, unit: "人" }],
  // dates
  ["2023-10-31", "2023-10-31", undefined, { kind: "date", date: { year: 2023, month: 10, day: 31 } }],
  ["2023/10/31", "2023/10/31", undefined, { kind: "date", date: { year: 2023, month: 10, day: 31 } }],
  ["2023.12", "2023.12", undefined, { kind: "date", date: { year: 2023, month: 12 } }],
  ["2023年12月31日", "2023年12月31日", undefined, { kind: "date", date: { year: 2023, month: 12, day: 31 } }],
  ["2023年12月底前", "2023年12月底前", undefined, { kind: "date", sign: "≤", date: { year: 2023, month: 12, period: "end" } }],
  ["2023年底", "2023年底", undefined, { kind: "date", date: { year: 2023, month: 12, period: "end" } }],
  ["2023年", "2023年", undefined, { kind: "date", date: { year: 2023 } }],
  ["12月底", "12月底", undefined, { kind: "date", partialDate: { month: 12, period: "end" } }],
  ["年底前", "年底前", undefined, { kind: "date", sign: "≤", partialDate: { month: 12, period: "end" } }],
  ["serial 45230 yyyy-mm-dd", 45230, { numberFormat: "yyyy-mm-dd" }, { kind: "date", date: { year: 2023, month: 10, day: 31 } }],
  ['serial 45261 yyyy"年"m"月"', 45261, { numberFormat: 'yyyy"年"m"月"' }, { kind: "date", date: { year: 2023, month: 12 } }],
  ["2023-02-30 is no date: unreadable, the reason given", "2023-02-30", undefined, { kind: "unreadable" }, 1],
  // qualitative
  ["有效", "有效", undefined, { kind: "qualitative", text: "有效" }],
  ["达到预期", "达到预期", undefined, { kind: "qualitative", text: "达到预期" }],
  ["达成预期", "达成预期", undefined, { kind: "qualitative", text: "达成预期" }],
  ["达成年度指标", "达成年度指标", undefined, { kind: "qualitative", text: "达成年度指标" }],
  ["良好", "良好", undefined, { kind: "qualitative", text: "良好" }],
  ["显著", "显著", undefined, { kind: "qualitative", text: "显著" }],
  ["是", "是", undefined, { kind: "qualitative", text: "是" }],
  ["合格 with spaces", " 合 格 ", undefined, { kind: "qualitative", text: "合 格" }],
  ["boolean TRUE", true, undefined, { kind: "qualitative", text: "是" }],
  ["定性 column with a figure", "100%", { signText: "定性" }, { kind: "qualitative", signLabel: "定性", text: "100%", number: 100, unit: "%" }, 0],
  ["定性 column with text", "有效", { signText: "定性" }, { kind: "qualitative", signLabel: "定性" }, 0],
  ["定量(其他) column", "3", { signText: "定量（其他）" }, { kind: "number", number: 3, signLabel: "定量其他" }],
  ["sign code 1", "95", { signText: "1", unitText: "%" }, { sign: "≥", number: 95, unit: "%" }, 0],
  ["mixed text 完成3个项目", "完成3个项目", undefined, { kind: "number", number: 3, unit: "个" }],
  ["trailing note", "≥90%(抽查)", undefined, { kind: "number", sign: "≥", number: 90, unit: "%" }],
  ["sentence with digits", "全年共开展培训3次以上并形成报告", undefined, { kind: "qualitative" }],
  // unreadable and empty
  ["XX", "XX", undefined, { kind: "unreadable" }, 1],
  ["**", "**", undefined, { kind: "unreadable" }, 1],
  ["XX%", "XX%", undefined, { kind: "unreadable" }, 1],
  ["……", "……", undefined, { kind: "unreadable" }, 1],
  ["range 90-100%", "90-100%", undefined, { kind: "unreadable" }, 1],
  ["#N/A", { error: "#N/A" }, undefined, { kind: "unreadable" }, 1],
  ["null", null, undefined, { kind: "empty", raw: "" }, 0],
  ["spaces only", " \u3000\n", undefined, { kind: "empty" }, 0],
  // context agreement and disagreement
  ["sign column fills in", "100", { signText: "≥" }, { sign: "≥", number: 100 }, 0],
  ["unit column fills in", "100", { unitText: "百分比" }, { number: 100, unit: "%" }, 0],
  ["same unit both places", "95%", { unitText: "%" }, { number: 95, unit: "%" }, 0],
  ["unit disagreement keeps glued", "95%", { unitText: "个" }, { number: 95, unit: "%", unitKind: "percent" }, 1],
  ["元 vs 万元 disagreement", "3000元", { unitText: "万元" }, { number: 3000, unit: "元", wan: 0.3 }, 1],
  ["sign disagreement keeps inline", "≥95%", { signText: "≤" }, { sign: "≥" }, 1],
  ["same sign both places", "≥95", { signText: ">=" }, { sign: "≥" }, 0],
  ["unknown sign column", "95", { signText: "大概" }, { number: 95 }, 1],
  ["sign column '/' ignored", "95", { signText: "/" }, { number: 95 }, 0],
];

describe("parseValue: table", () => {
  test("at least 60 cases", () => expect(cases.length).toBeGreaterThanOrEqual(60));
  const rows = cases.map((c) => [c[0], c[1], c[2] ?? null, c[3], c[4] ?? -1] as const);
  test.each(rows)("%s", (_label, input, ctx, expected, problems) => {
    const p = parseValue(input, ctx ?? undefined);
    expect(p).toMatchObject(expected);
    if (problems >= 0) expect(p.problems).toHaveLength(problems);
    else if (p.kind !== "unreadable") expect(p.problems).toEqual([]);
  });
});

describe("parseValue: details", () => {
  test("raw keeps the input text, trimmed", () => {
    expect(parseValue("  ≥95% ").raw).toBe("≥95%");
    expect(parseValue(12.5).raw).toBe("12.5");
  });
  test("no money fields on non-money units", () => {
    const p = parseValue("5个");
    expect(p.wan).toBeUndefined();
    expect(p.wanFactor).toBeUndefined();
  });
  test("decimals as written", () => {
    expect(parseValue("97.80%").decimals).toBe(2);
    expect(parseValue("204.46平方米").decimals).toBe(2);
    expect(parseValue(10, { numberFormat: "0.00" }).decimals).toBe(2);
  });
  test("Excel serial dates", () => {
    expect(excelSerialToDate(1)).toEqual({ year: 1900, month: 1, day: 1 });
    expect(excelSerialToDate(60)).toEqual({ year: 1900, month: 2, day: 29 });
    expect(excelSerialToDate(61)).toEqual({ year: 1900, month: 3, day: 1 });
    expect(excelSerialToDate(45230)).toEqual({ year: 2023, month: 10, day: 31 });
    expect(excelSerialToDate(0)).toBeUndefined();
  });
});

/** Finds the value columns (指标值/目标值, 完成值) and the sign/unit columns in a real grid's header row. */
describe("parseValue: every value cell of the five real tables", () => {
  test.each(REAL_PREFIXES)("table %s", (prefix) => {
    const g = realGrid(prefix);
    let header = -1;
    for (let r = 0; r < rowCount(g) && header < 0; r++) {
      for (let c = 0; c < colCount(g); c++) {
        const t = String(cellAt(g, r, c) ?? "");
        if (/^(年度)?指标值$|^目标值$/.test(t)) header = r;
      }
    }
    expect(header).toBeGreaterThanOrEqual(0);
    const cols = { value: [] as number[], sign: -1, unit: -1 };
    for (let c = 0; c < colCount(g); c++) {
      const t = String(cellAt(g, header, c) ?? "");
      if (/指标值$|目标值$|完成值$/.test(t)) cols.value.push(c);
      if (t === "指标性质") cols.sign = c;
      if (t === "度量单位") cols.unit = c;
    }
    let read = 0;
    for (let r = header + 1; r < rowCount(g); r++) {
      const signText = cols.sign >= 0 ? String(cellAt(g, r, cols.sign) ?? "") : undefined;
      const unitText = cols.unit >= 0 ? String(cellAt(g, r, cols.unit) ?? "") : undefined;
      for (const c of cols.value) {
        const v = cellAt(g, r, c);
        const p = parseValue(v, { signText, unitText });
        expect(["number", "date", "empty", "qualitative"]).toContain(p.kind);
        expect(p.problems).toEqual([]);
        if (p.kind === "number" || p.kind === "date") read++;
        if (prefix === "11" && p.kind === "number") expect(p).toMatchObject({ sign: "＝", number: 100, unit: "%" });
      }
    }
    expect(read).toBeGreaterThan(0);
  });
});

// ---- properties ----

const CJK_PIECES = [
  "≥", "≤", "≧", "≦", ">", "<", "=", "＞", "＜", "＝", "═", ">=", "<=", "%", "％", "‰", "万", "萬", "亿", "元", "万元",
  "个", "人", "年", "月", "日", "底", "前", "以上", "以下", "不低于", "不超过", "百分比", "千分比", "/", "亩", "平方米",
  "-", "－", "—", ".", "．", ",", "，", "0", "1", "9", "０", "５", "2023", "12", "31", "*", "X", "…", "(", ")", "（", "）",
  " ", "\u3000", "\n", "\r\n", "\t", "达到", "预期", "有效", "约", "左右", "e", "E", "+", "Infinity", "NaN", "__proto__",
];

const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
  fc.array(fc.constantFrom(...CJK_PIECES), { maxLength: 12 }).map((a) => a.join("")),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.string().map((error) => ({ error })),
);

const anyCtx: fc.Arbitrary<ParseContext | undefined> = fc.option(
  fc.record(
    {
      signText: fc.oneof(fc.string(), fc.constantFrom("=", "≥", "定性", "定量（其他）", "1", "9", "/")),
      unitText: fc.oneof(fc.string(), fc.constantFrom("%", "万元", "元/亩", "万人", "/", "个")),
      numberFormat: fc.option(fc.oneof(fc.string(), fc.constantFrom("0%", "0.00%", "yyyy-mm-dd", 'yyyy"年"m"月"', "General", "0.00"))),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

describe("parseValue: properties", () => {
  test("never throws, always returns a well-formed value", () => {
    fc.assert(
      fc.property(anyCell, anyCtx, (v, ctx) => {
        const p = parseValue(v, ctx);
        expect(["number", "date", "qualitative", "empty", "unreadable"]).toContain(p.kind);
        expect(Array.isArray(p.problems)).toBe(true);
        expect(typeof p.raw).toBe("string");
        if (p.kind === "number") expect(Number.isFinite(p.number)).toBe(true);
        if (p.wan !== undefined) expect(Number.isFinite(p.wan)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  const SIGN_SPELLINGS: [string, string][] = [
    ["≥", "≥"], ["≧", "≥"], [">=", "≥"], ["＞", "＞"], [">", "＞"], ["=", "＝"], ["＝", "＝"], ["═", "＝"],
    ["<", "＜"], ["＜", "＜"], ["≤", "≤"], ["≦", "≤"], ["<=", "≤"], ["", ""],
  ];
  const UNIT_SPELLINGS: [string, string][] = [
    ["%", "%"], ["％", "%"], ["百分比", "%"], ["‰", "‰"], ["元", "元"], ["万元", "万元"], ["萬元", "万元"], ["亿元", "亿元"],
    ["个", "个"], ["人", "人"], ["人次", "人次"], ["户", "户"], ["亩", "亩"], ["平方米", "平方米"], ["㎡", "平方米"], ["米", "米"],
    ["公里", "公里"], ["次", "次"], ["件", "件"], ["套", "套"], ["项", "项"], ["家", "家"], ["台", "台"], ["辆", "辆"],
    ["天", "天"], ["小时", "小时"], ["元/亩", "元/亩"], ["元/平方米", "元/平方米"], ["元/个", "元/个"], ["", ""],
  ];
  const toFull = (s: string): string => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

  test("round trip: sign, number and unit formatted as text are recovered", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SIGN_SPELLINGS),
        fc.integer({ min: 0, max: 99_999_999 }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom(...UNIT_SPELLINGS),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        ([signText, sign], cents, decimals, [unitText, unit], thousands, spaced, full) => {
          const n = cents / Math.pow(10, decimals);
          let num = n.toFixed(decimals);
          if (thousands) {
            const [i, f] = num.split(".");
            num = i.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (f !== undefined ? "." + f : "");
          }
          const sep = spaced ? " " : "";
          let text = `${signText}${sep}${num}${sep}${unitText}`;
          if (full) text = toFull(text);
          const p = parseValue(text);
          expect(p.kind).toBe("number");
          expect(p.number).toBeCloseTo(n, 10);
          expect(p.sign).toBe(sign === "" ? undefined : sign);
          expect(p.unit).toBe(unit === "" ? undefined : unit);
          expect(p.problems).toEqual([]);
        },
      ),
      { numRuns: 1000 },
    );
  });

  test("sign and unit in their own columns read like glued ones", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SIGN_SPELLINGS.filter(([s]) => s !== "")),
        fc.integer({ min: 0, max: 100_000 }),
        fc.constantFrom(...UNIT_SPELLINGS.filter(([u]) => u !== "")),
        ([signText], n, [unitText]) => {
          const glued = parseValue(`${signText}${n}${unitText}`);
          const split = parseValue(String(n), { signText, unitText });
          const numeric = parseValue(n, { signText, unitText });
          for (const p of [split, numeric]) {
            expect(p.sign).toBe(glued.sign);
            expect(p.number).toBe(glued.number);
            expect(p.unit).toBe(glued.unit);
            expect(p.wan).toBe(glued.wan);
          }
        },
      ),
    );
  });

  test("full-width and half-width forms parse equal", () => {
    const ascii = fc.array(fc.constantFrom(..."0123456789.,%+-=<>/() xX*abc年月日个元万".split("")), { maxLength: 10 }).map((a) => a.join(""));
    fc.assert(
      fc.property(ascii, (s) => {
        const half = parseValue(s);
        const full = parseValue(toFull(s));
        expect({ ...full, raw: "" }).toEqual({ ...half, raw: "" });
      }),
      { numRuns: 2000 },
    );
  });
});

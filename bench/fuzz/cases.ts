/**
 * Fuzz cases: random grids and mutations of the real published tables (test/fixtures/real/*.csv), with a budget
 * list to reconcile against. Each case is a workbook (1–3 sheets), a budget workbook (or none), a profile and
 * whether the targets are also given as a further list (--covered-by). Every case carries a short label saying
 * what it is made of, so the slowest or a failing one can be named.
 *
 * Mutations: cells swapped, emptied, merged (Grid.merges, huge and malformed merges too), full-width/half-width
 * flipped, numbers as text and text as numbers, Excel errors, long strings (up to 100,000 characters), a row of
 * 16,384 columns, rows inserted, deleted, duplicated, the grid moved, transposed, number formats.
 */
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { parseCsv } from "../../src/domain/csv";
import type { Area, CellValue, Grid } from "../../src/domain/grid";

export const REAL_DIR = path.join(__dirname, "..", "..", "test", "fixtures", "real");
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export interface RealTable {
  readonly id: string;
  readonly rows: readonly (readonly CellValue[])[];
}

/** The real tables, parsed with the engine's CSV parser. */
export function loadRealTables(dir = REAL_DIR): RealTable[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".csv"))
    .sort()
    .map((f) => ({ id: f.slice(0, 2), rows: parseCsv(fs.readFileSync(path.join(dir, f), "utf8")) }));
}

export interface FuzzCase {
  readonly label: string;
  readonly workbook: readonly Grid[];
  /** A budget list workbook (预算项目清单), reconciled with the workbook's targets; empty when none. */
  readonly budget: readonly Grid[];
  readonly profile: "auto" | "national" | "sichuan" | "shanxi";
  /** Give the workbook's targets as a further list too (--covered-by). */
  readonly coveredBy: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary

const HEADER_WORDS = [
  "一级指标", "二级指标", "三级指标", "指标值", "年度指标值", "实际完成值", "分值", "得分", "权重", "计量单位", "度量单位",
  "指标性质", "项目名称", "项目编码", "主管部门", "实施单位", "预算金额", "金额（元）", "金额（万元）", "合计", "总分", "小计",
  "自评等级", "项目资金（万元）", "年度资金总额", "其中：财政拨款", "全年预算数（A）", "全年执行数（B）", "执行率", "年初预算数",
  "偏差原因分析及改进措施", "备注", "指标", "完成值", "评价等级", "项目支出绩效自评表", "项目支出绩效目标申报表", "年度总体目标",
  "预算项目清单", "预算类型", "支出类型", "是否涉密", "申报金额", "核定金额", "绩效指标（90分）", "年度绩效指标",
];
const LABEL_WORDS = [
  "产出指标", "效益指标", "满意度指标", "成本指标", "数量指标", "质量指标", "时效指标", "经济效益指标", "社会效益指标",
  "生态效益指标", "可持续影响指标", "服务对象满意度指标", "经济成本指标", "产出指标（50分）", "(30分)", "产 出 指 标",
  "（５０分）", "决策", "过程", "指标1：", "指标2:", "……", "项目完成指标", "项目效益指标",
];
const VALUE_WORDS = [
  "≥95%", "100%", "≤90万元", "=0", "≥500人次", "＞98％", "2023年12月底前", "2024-06", "达到预期", "逐步提高", "有效提升",
  "优", "良", "中", "差", "良好", "/", "-", "—", "无", "是", "否", "1,234.50", "１２３", "95", "0", "10", "50", "90",
  "达成年度指标", "部分达成年度指标并具有一定效果", "未达成年度指标且效果较差", "≥", "%", "万元", "元", "人次", "个",
  "详见附件", "按计划完成", "注：", "单位：元", "单位：万元", "填报说明：", "（盖章）", "",
];
const NAMES = ["乡村道路养护项目", "水旱灾害防御经费", "学生营养改善计划", "高标准农田建设", "校舍维修改造", "部门整体支出", "扶贫项目资金"];
const DEPARTMENTS = ["交通运输局", "水利局", "教育局", "农业农村局", "财政局", "司法局", ""];
const BUDGET_TYPES = ["一般公共预算", "政府性基金预算", "国有资本经营预算", "社会保险基金预算"];
const EXPENSE_TYPES = ["项目支出", "基本支出"];
const ERRORS = ["#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA"];
const FORMATS = ["0.00%", "0%", "yyyy-mm-dd", "@", "#,##0.00", "General", '[$-804]yyyy"年"m"月"', "0.00_ ", "m/d/yy", ";;;"];
const SPECIAL_NUMBERS = [NaN, Infinity, -Infinity, -0, 1e308, -1e308, 5e-324, 0.1 + 0.2, 99.999999, 100.0000001, -1, 2 ** 53, 45291];
/** Long-string patterns: each repeated to the chosen length. */
const LONG_PATTERNS = ["9", "（", "９", "指标", "≥", "%", "产出指标", "1.", "（(", " ", "\n", "a", "分", "≥95%", "—", "优良"];
const LONG_LENGTHS = [1000, 10_000, 100_000];

const ALL_WORDS = [...HEADER_WORDS, ...LABEL_WORDS, ...VALUE_WORDS, ...NAMES];

// ---------------------------------------------------------------------------------------------------------------
// Text helpers

/** Full-width ↔ half-width for ASCII printable characters and the space. */
export function toFullWidth(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    out += c === 0x20 ? "\u3000" : c > 0x20 && c < 0x7f ? String.fromCharCode(c + 0xfee0) : ch;
  }
  return out;
}

export function toHalfWidth(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    out += c === 0x3000 ? " " : c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : ch;
  }
  return out;
}

function cellLabel(v: CellValue): string {
  if (v === null) return "∅";
  if (typeof v === "object") return v.error;
  const s = String(v);
  return s.length > 12 ? s.slice(0, 12) + "…" : s;
}

// ---------------------------------------------------------------------------------------------------------------
// A mutable sheet and the mutations

interface Sheet {
  rows: CellValue[][];
  merges: Area[];
  formats?: (string | null)[][];
  top: number;
  left: number;
}

function sheetOf(rows: readonly (readonly CellValue[])[]): Sheet {
  return { rows: rows.map((r) => [...r]), merges: [], top: 0, left: 0 };
}

function width(s: Sheet): number {
  let w = 0;
  for (const r of s.rows) if (r.length > w) w = r.length;
  return w;
}

/** A position inside the sheet from two free numbers (0,0 for an empty sheet). */
function at(s: Sheet, r: number, c: number): [number, number] {
  const h = Math.max(1, s.rows.length);
  const w = Math.max(1, Math.min(width(s), 64)); // mutations stay in the first 64 columns (a 16,384-wide row is rare)
  return [r % h, c % w];
}

function get(s: Sheet, r: number, c: number): CellValue {
  return s.rows[r]?.[c] ?? null;
}

function set(s: Sheet, r: number, c: number, v: CellValue): void {
  while (s.rows.length <= r) s.rows.push([]);
  const row = s.rows[r];
  while (row.length < c) row.push(null);
  row[c] = v;
}

/** One mutation: a kind and free numbers it reads as positions, sizes and choices. */
interface Mutation {
  readonly kind: MutationKind;
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
  readonly text: string;
}

type MutationKind =
  | "swap" | "swapRows" | "swapCols" | "empty" | "emptyRow" | "emptyCol" | "merge" | "hugeMerge" | "badMerge"
  | "fullWidth" | "halfWidth" | "numAsText" | "textAsNum" | "error" | "errorsEverywhere" | "long" | "wide"
  | "insertRow" | "deleteRow" | "dupRow" | "ragged" | "word" | "string" | "special" | "bool" | "move" | "transpose"
  | "format" | "dupTable" | "mergesEverywhere";

const KIND_WEIGHTS: readonly (readonly [MutationKind, number])[] = [
  ["swap", 10], ["swapRows", 3], ["swapCols", 2], ["empty", 10], ["emptyRow", 2], ["emptyCol", 2], ["merge", 8],
  ["hugeMerge", 1], ["badMerge", 1], ["fullWidth", 6], ["halfWidth", 4], ["numAsText", 8], ["textAsNum", 6],
  ["error", 6], ["errorsEverywhere", 1], ["long", 2], ["wide", 1], ["insertRow", 3], ["deleteRow", 4], ["dupRow", 3],
  ["ragged", 2], ["word", 10], ["string", 4], ["special", 3], ["bool", 1], ["move", 2], ["transpose", 1],
  ["format", 3], ["dupTable", 1], ["mergesEverywhere", 1],
];

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.oneof(...KIND_WEIGHTS.map(([k, w]) => ({ weight: w, arbitrary: fc.constant(k) }))),
  a: fc.nat(1_000_000),
  b: fc.nat(1_000_000),
  c: fc.nat(1_000_000),
  d: fc.nat(1_000_000),
  text: fc.string({ maxLength: 12, unit: "binary" }),
});

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length];
}

/** Applies a mutation; returns its label. */
function mutate(s: Sheet, m: Mutation): string {
  const [r1, c1] = at(s, m.a, m.b);
  const [r2, c2] = at(s, m.c, m.d);
  switch (m.kind) {
    case "swap": {
      const v = get(s, r1, c1);
      set(s, r1, c1, get(s, r2, c2));
      set(s, r2, c2, v);
      return `swap ${r1},${c1}↔${r2},${c2}`;
    }
    case "swapRows": {
      while (s.rows.length <= Math.max(r1, r2)) s.rows.push([]);
      [s.rows[r1], s.rows[r2]] = [s.rows[r2], s.rows[r1]];
      return `swapRows ${r1}↔${r2}`;
    }
    case "swapCols": {
      for (let r = 0; r < s.rows.length; r++) {
        const v = get(s, r, c1);
        set(s, r, c1, get(s, r, c2));
        set(s, r, c2, v);
      }
      return `swapCols ${c1}↔${c2}`;
    }
    case "empty":
      set(s, r1, c1, m.c % 4 === 0 ? "" : m.c % 4 === 1 ? "   " : null);
      return `empty ${r1},${c1}`;
    case "emptyRow":
      if (s.rows[r1]) s.rows[r1] = s.rows[r1].map(() => null);
      return `emptyRow ${r1}`;
    case "emptyCol":
      for (const row of s.rows) if (c1 < row.length) row[c1] = null;
      return `emptyCol ${c1}`;
    case "merge": {
      const h = m.c % 6;
      const w = m.d % 6;
      const area = { top: s.top + r1, left: s.left + c1, bottom: s.top + r1 + h, right: s.left + c1 + w };
      s.merges.push(area);
      // Excel keeps only the top-left value; half the time the covered cells keep theirs (a hostile host).
      if (m.a % 2 === 0) for (let r = r1; r <= r1 + h; r++) for (let c = c1; c <= c1 + w; c++) if (r !== r1 || c !== c1) if (s.rows[r] && c < s.rows[r].length) s.rows[r][c] = null;
      return `merge ${h + 1}×${w + 1}@${r1},${c1}`;
    }
    case "hugeMerge": {
      const areas: Area[] = [
        { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 },
        { top: s.top + r1, left: s.left, bottom: s.top + r1, right: MAX_COLS - 1 },
        { top: s.top, left: s.left + c1, bottom: MAX_ROWS - 1, right: s.left + c1 },
        { top: s.top + r1, left: s.left + c1, bottom: s.top + r1 + 99_999, right: s.left + c1 + 25 },
      ];
      const area = pick(areas, m.c);
      s.merges.push(area);
      return `hugeMerge ${area.top},${area.left}:${area.bottom},${area.right}`;
    }
    case "badMerge": {
      const areas: Area[] = [
        { top: s.top + r1 + 3, left: s.left + c1, bottom: s.top + r1, right: s.left + c1 + 2 }, // bottom above top
        { top: -2, left: -3, bottom: 1, right: 1 }, // negative
        { top: s.top + r1, left: s.left + c1, bottom: s.top + r1, right: s.left + c1 }, // one cell
        { top: s.top + r1, left: s.left + c1, bottom: s.top + r1 + 2, right: s.left + c1 + 2 }, // duplicated below
        { top: NaN, left: 0, bottom: 3, right: 3 },
      ];
      const area = pick(areas, m.c);
      s.merges.push(area);
      if (m.c % areas.length === 3) s.merges.push({ ...area, left: area.left + 1, right: area.right + 1 }); // overlapping
      return `badMerge#${m.c % areas.length}`;
    }
    case "mergesEverywhere": {
      for (let r = 0; r < s.rows.length; r += 2) for (let c = 0; c < Math.min(width(s), 64); c += 2) s.merges.push({ top: s.top + r, left: s.left + c, bottom: s.top + r + 1, right: s.left + c + 1 });
      return "mergesEverywhere";
    }
    case "fullWidth":
    case "halfWidth": {
      const f = m.kind === "fullWidth" ? toFullWidth : toHalfWidth;
      const all = m.c % 5 === 0;
      for (let r = 0; r < s.rows.length; r++) {
        const row = s.rows[r];
        for (let c = 0; c < row.length; c++) {
          if (!all && (r !== r1 || c !== c1)) continue;
          const v = row[c];
          if (typeof v === "string") row[c] = f(v);
          else if (typeof v === "number" && m.kind === "fullWidth") row[c] = f(String(v));
        }
      }
      return `${m.kind}${all ? " all" : ` ${r1},${c1}`}`;
    }
    case "numAsText": {
      const all = m.c % 6 === 0;
      const forms = [(n: number) => String(n), (n: number) => n.toLocaleString("en-US"), (n: number) => `${n}%`, (n: number) => toFullWidth(String(n)), (n: number) => ` ${n} `, (n: number) => `'${n}`];
      const f = pick(forms, m.d);
      for (let r = 0; r < s.rows.length; r++) {
        const row = s.rows[r];
        for (let c = 0; c < row.length; c++) {
          if (!all && (r !== r1 || c !== c1)) continue;
          const v = row[c];
          if (typeof v === "number") row[c] = f(v);
        }
      }
      if (!all && typeof get(s, r1, c1) !== "string") set(s, r1, c1, f(m.d % 1000));
      return `numAsText#${m.d % forms.length}${all ? " all" : ` ${r1},${c1}`}`;
    }
    case "textAsNum": {
      const all = m.c % 6 === 0;
      for (let r = 0; r < s.rows.length; r++) {
        const row = s.rows[r];
        for (let c = 0; c < row.length; c++) {
          if (!all && (r !== r1 || c !== c1)) continue;
          const v = row[c];
          if (typeof v === "string") {
            const n = Number(toHalfWidth(v).replace(/[,%\s]/g, ""));
            if (v.trim() !== "" && Number.isFinite(n)) row[c] = v.includes("%") ? n / 100 : n;
          }
        }
      }
      return `textAsNum${all ? " all" : ` ${r1},${c1}`}`;
    }
    case "error":
      set(s, r1, c1, { error: pick(ERRORS, m.c) });
      return `error ${pick(ERRORS, m.c)}@${r1},${c1}`;
    case "errorsEverywhere": {
      for (const row of s.rows) for (let c = 0; c < row.length; c++) if (row[c] !== null && (m.c % 2 === 0 || typeof row[c] === "number")) row[c] = { error: pick(ERRORS, m.d + c) };
      return "errorsEverywhere";
    }
    case "long": {
      const len = pick(LONG_LENGTHS, m.c);
      const old = get(s, r1, c1);
      const pattern = m.d % 5 === 0 && typeof old === "string" && old !== "" ? old : pick(LONG_PATTERNS, m.d);
      set(s, r1, c1, pattern.repeat(Math.ceil(len / pattern.length)).slice(0, len));
      return `long ${len}×'${cellLabel(pattern)}'@${r1},${c1}`;
    }
    case "wide": {
      const row = s.rows[r1] ?? [];
      while (row.length < MAX_COLS) row.push(null);
      row[MAX_COLS - 1] = pick(ALL_WORDS, m.c);
      if (m.d % 2 === 0) for (let c = 64; c < MAX_COLS; c += 97) row[c] = pick(ALL_WORDS, m.d + c);
      s.rows[r1] = row;
      s.left = 0;
      return `wide 16384 cols@row ${r1}`;
    }
    case "insertRow":
      s.rows.splice(r1, 0, m.c % 2 === 0 ? [] : [pick(LABEL_WORDS, m.d), pick(VALUE_WORDS, m.d + 1), pick(VALUE_WORDS, m.d + 2)]);
      return `insertRow ${r1}`;
    case "deleteRow":
      s.rows.splice(r1, 1 + (m.c % 3));
      return `deleteRow ${r1}`;
    case "dupRow":
      s.rows.splice(r1, 0, [...(s.rows[r1] ?? [])]);
      return `dupRow ${r1}`;
    case "ragged":
      if (s.rows[r1]) s.rows[r1] = s.rows[r1].slice(0, c1);
      return `ragged ${r1}:${c1}`;
    case "word": {
      const w = pick(ALL_WORDS, m.c);
      set(s, r1, c1, w);
      return `word '${cellLabel(w)}'@${r1},${c1}`;
    }
    case "string":
      set(s, r1, c1, m.text);
      return `string@${r1},${c1}`;
    case "special": {
      const n = pick(SPECIAL_NUMBERS, m.c);
      set(s, r1, c1, n);
      return `number ${n}@${r1},${c1}`;
    }
    case "bool":
      set(s, r1, c1, m.c % 2 === 0);
      return `bool@${r1},${c1}`;
    case "move": {
      const top = m.c % 3 === 0 ? MAX_ROWS - Math.max(1, s.rows.length) : m.c % 2000;
      const left = m.d % 3 === 0 ? Math.max(0, MAX_COLS - width(s)) : m.d % 60;
      const dt = top - s.top;
      const dl = left - s.left;
      s.top = top;
      s.left = left;
      s.merges = s.merges.map((a) => ({ top: a.top + dt, left: a.left + dl, bottom: a.bottom + dt, right: a.right + dl }));
      return `move ${top},${left}`;
    }
    case "transpose": {
      if (width(s) > 200) return "transpose (skipped: wide)";
      const w = width(s);
      const t: CellValue[][] = [];
      for (let c = 0; c < w; c++) t.push(s.rows.map((row) => row[c] ?? null));
      s.rows = t;
      s.merges = s.merges.map((a) => ({ top: a.left - s.left + s.top, left: a.top - s.top + s.left, bottom: a.right - s.left + s.top, right: a.bottom - s.top + s.left }));
      s.formats = undefined;
      return "transpose";
    }
    case "format": {
      s.formats ??= s.rows.map((row) => row.map(() => null));
      while (s.formats.length <= r1) s.formats.push([]);
      s.formats[r1][c1] = pick(FORMATS, m.c);
      return `format '${pick(FORMATS, m.c)}'@${r1},${c1}`;
    }
    case "dupTable": {
      const copy = s.rows.map((r) => [...r]);
      s.rows.push([], ...copy);
      return "dupTable";
    }
  }
}

/** Keeps the sheet inside Excel's limits (rows and columns) after the mutations moved or widened it. */
function clampToSheet(s: Sheet): void {
  const rows = Math.max(1, s.rows.length);
  const cols = Math.max(1, width(s));
  if (s.top + rows > MAX_ROWS) s.top = Math.max(0, MAX_ROWS - rows);
  if (s.left + cols > MAX_COLS) s.left = Math.max(0, MAX_COLS - cols);
}

function toGrid(name: string, s: Sheet): Grid {
  clampToSheet(s);
  return {
    sheet: name,
    top: s.top,
    left: s.left,
    values: s.rows,
    ...(s.merges.length > 0 ? { merges: s.merges } : {}),
    ...(s.formats ? { numberFormats: s.formats } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Sheets

const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...ALL_WORDS) },
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.double() },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 120 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(...ERRORS.map((error) => ({ error }))) },
);

/** A random sheet: words, numbers, blanks, errors; sometimes a header row of indicator or budget words first. */
const randomSheetArb: fc.Arbitrary<{ label: string; sheet: Sheet }> = fc
  .record({
    rows: fc.array(fc.array(cellArb, { maxLength: 12 }), { maxLength: 40 }),
    header: fc.option(fc.shuffledSubarray(HEADER_WORDS, { minLength: 3, maxLength: 10 }), { freq: 2 }),
  })
  .map(({ rows, header }) => ({
    label: `random ${rows.length}${header ? "+header" : ""}`,
    sheet: sheetOf(header ? [header, ...rows] : rows),
  }));

const BUDGET_COLUMNS = ["项目编码", "项目名称", "预算单位", "主管部门", "预算类型", "支出类型", "是否涉密", "金额（万元）", "金额（元）", "申报金额", "核定金额", "年度"];

/** A 预算项目清单: header (some columns, any order) and lines whose names and codes may match the targets. */
function budgetSheetArb(names: readonly string[], codes: readonly string[]): fc.Arbitrary<{ label: string; sheet: Sheet }> {
  const nameArb = fc.oneof(fc.constantFrom(...names, ...NAMES), fc.string({ maxLength: 10 }));
  const codeArb = fc.oneof(fc.constantFrom(...(codes.length ? codes : ["510100000000000001"])), fc.stringMatching(/^[0-9]{6,20}$/), fc.constant(""));
  const amountArb: fc.Arbitrary<CellValue> = fc.oneof(
    fc.double({ min: -10, max: 1e7, noNaN: true }),
    fc.integer({ min: 0, max: 100_000 }),
    fc.constantFrom("1,234.56", "８８０", "", "-", { error: "#REF!" }),
  );
  const line = fc.record({
    code: codeArb,
    name: nameArb,
    unit: fc.constantFrom(...DEPARTMENTS),
    department: fc.constantFrom(...DEPARTMENTS),
    budgetType: fc.constantFrom(...BUDGET_TYPES),
    expenseType: fc.constantFrom(...EXPENSE_TYPES),
    secret: fc.constantFrom("是", "否", "", "Y", 1, 0),
    amount: amountArb,
    declared: amountArb,
    approved: amountArb,
    year: fc.constantFrom(2023, 2024, "2024年"),
  });
  return fc
    .record({
      columns: fc.shuffledSubarray(BUDGET_COLUMNS, { minLength: 2 }),
      lines: fc.array(line, { maxLength: 30 }),
      total: fc.boolean(),
      title: fc.boolean(),
    })
    .map(({ columns, lines, total, title }) => {
      const keyOf: Record<string, keyof (typeof lines)[number]> = {
        项目编码: "code", 项目名称: "name", 预算单位: "unit", 主管部门: "department", 预算类型: "budgetType", 支出类型: "expenseType",
        是否涉密: "secret", "金额（万元）": "amount", "金额（元）": "amount", 申报金额: "declared", 核定金额: "approved", 年度: "year",
      };
      const rows: CellValue[][] = [];
      if (title) rows.push(["2024年预算项目清单"], ["单位：万元"]);
      rows.push([...columns]);
      for (const l of lines) rows.push(columns.map((c) => l[keyOf[c]] as CellValue));
      if (total) rows.push(columns.map((c, i) => (i === 0 ? "合计" : c.startsWith("金额") ? 0 : null)));
      return { label: `budget ${lines.length} lines/${columns.length} cols`, sheet: sheetOf(rows) };
    });
}

function mutatedArb(base: fc.Arbitrary<{ label: string; sheet: Sheet }>, maxMutations: number): fc.Arbitrary<{ label: string; sheet: Sheet }> {
  return fc.record({ base, mutations: fc.array(mutationArb, { maxLength: maxMutations }) }).map(({ base, mutations }) => {
    const sheet: Sheet = { ...base.sheet, rows: base.sheet.rows.map((r) => [...r]), merges: [...base.sheet.merges] };
    const labels = mutations.map((m) => mutate(sheet, m));
    return { label: labels.length ? `${base.label} [${labels.join("; ")}]` : base.label, sheet };
  });
}

/** Names and codes of the real tables' projects, for budget lines that match them. */
export interface Vocabulary {
  readonly names: readonly string[];
  readonly codes: readonly string[];
}

/** The arbitrary of whole cases. */
export function caseArb(reals: readonly RealTable[], vocab: Vocabulary = { names: [], codes: [] }): fc.Arbitrary<FuzzCase> {
  const realArb = fc.constantFrom(...reals).map((t) => ({ label: `real ${t.id}`, sheet: sheetOf(t.rows) }));
  const sheetArb = fc.oneof(
    { weight: 7, arbitrary: mutatedArb(realArb, 12) },
    { weight: 2, arbitrary: mutatedArb(randomSheetArb, 4) },
    { weight: 1, arbitrary: mutatedArb(budgetSheetArb(vocab.names, vocab.codes), 6) },
  );
  return fc
    .record({
      sheets: fc.array(sheetArb, { minLength: 1, maxLength: 3 }),
      budget: fc.option(mutatedArb(budgetSheetArb(vocab.names, vocab.codes), 6), { freq: 3 }),
      profile: fc.constantFrom("auto" as const, "auto" as const, "national" as const, "sichuan" as const, "shanxi" as const),
      coveredBy: fc.boolean(),
      names: fc.constantFrom("Sheet1", "自评表", "", " ", "表\n1", "预算项目清单"),
    })
    .map(({ sheets, budget, profile, coveredBy, names }) => {
      const workbook = sheets.map((s, i) => toGrid(i === 0 ? names : `${names}(${i + 1})`, s.sheet));
      const budgetGrids = budget ? [toGrid("预算项目清单 budget", budget.sheet)] : [];
      const label = `sheets: ${sheets.map((s) => s.label).join(" | ")}${budget ? ` || budget: ${budget.label}` : ""} || profile ${profile}${coveredBy ? ", covered-by" : ""}`;
      return { label, workbook, budget: budgetGrids, profile, coveredBy };
    });
}

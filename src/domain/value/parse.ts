/**
 * The 指标值 / 实际完成值 parser: direction, figure, unit, date or qualitative text.
 *
 * Decisions (see also the report in the value tests):
 * - Money keeps the stated unit: "28.8萬元" → number 28.8, unit 万元, wan 28.8; "3,000元" → 3000 元,
 *   wan 0.3. A 万/亿/千 multiplier on any other unit is applied: "3万人" → 30000 人, "1.2万亩" → 12000 亩.
 * - Percent stays in percent points: "95%" → 95 %; a numeric cell 0.95 under a "%" format → 95 %.
 * - A sign column saying 定性 makes the value qualitative (kind "qualitative", `text` set), even when it
 *   holds a figure; the figure, unit and inline sign are still filled in when readable, so a check can
 *   point out "定性 but numeric". 定量（其他） only sets `signLabel`.
 * - A sign or unit glued to the value wins over the sign/unit columns; a disagreement is a problem
 *   ("符号不一致" / "单位不一致").
 * - "/", "-", "—", "无" → kind "empty" with notApplicable.
 * - Text with no figure is qualitative; text mixing words and figures that cannot be read as one
 *   figure ("完成3个项目") is qualitative too (no number); ranges ("90-100%") and placeholders
 *   ("**", "XX", "≥**个") are unreadable with a problem.
 * - "12月" / "12月底" / "年底前" are dates without a year (`partialDate`); "2023年" alone is a date,
 *   "15年" a duration (4-digit 1900–2100 years only).
 */
import type { CellValue } from "../grid";
import { isCellError } from "../grid";
import { cleanText, toHalfWidth } from "../text";
import {
  dateFormatParts,
  formatDecimals,
  isDateFormat,
  isNotApplicableMark,
  isPercentFormat,
  naturalDecimals,
  parseDecimalText,
  scaleByPowerOfTen,
} from "./number";
import { normalizeSign, SIGN_PREFIX_WORDS, SIGN_SUFFIX_WORDS, SIGN_SYMBOLS } from "./sign";
import type { SignReading } from "./sign";
import type { ParseContext, ParsedDate, ParsedValue, PartialDate, Sign, UnitKind } from "./types";
import { canonicalUnit } from "./units";
import type { UnitInfo } from "./units";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Draft = Mutable<Omit<ParsedValue, "problems">> & {
  problems: string[];
  /** The figure as exact decimal text: value = mant × 10^exp (keeps 万元 conversion free of binary noise). */
  exact?: Exact;
};

interface Exact {
  readonly mant: string;
  readonly exp: number;
}

/** mant × 10^(exp + k), rounded once from decimal text. */
function exactValue(e: Exact, k = 0): number {
  return Number(`${e.mant}e${e.exp + k}`);
}

/** What the body of a value (sign removed) reads as. */
type Quantity =
  | { readonly type: "number"; readonly number: number; readonly exact: Exact; readonly decimals: number; readonly unit?: UnitInfo }
  | { readonly type: "date"; readonly date?: ParsedDate; readonly partialDate?: PartialDate }
  /** Written as a date, but no such day exists ("2024-13-45", "2023年2月30日"): `problem` says why. */
  | { readonly type: "invalid-date"; readonly problem: string };

/** Words before a figure that carry no direction ("约95%", "完成100%"). */
const FILLER_PREFIXES = ["大约", "约为", "约", "为", "完成", "实现", "保持", "累计", "合计", "总计", "共计", "共"];
/** Words after a figure that carry no direction. */
const FILLER_SUFFIXES = ["左右", "上下"];

const PERIOD: Readonly<Record<string, "start" | "middle" | "end">> = {
  底: "end",
  末: "end",
  下旬: "end",
  初: "start",
  上旬: "start",
  中: "middle",
  中旬: "middle",
};

/** Dates without a year, written as words. */
const YEARLESS_WORDS: Readonly<Record<string, PartialDate>> = {
  年底: { month: 12, period: "end" },
  年末: { month: 12, period: "end" },
  年终: { month: 12, period: "end" },
  年初: { month: 1, period: "start" },
  年中: { month: 6, period: "end" },
  上半年: { month: 6, period: "end" },
  下半年: { month: 12, period: "end" },
  年: { month: 12, period: "end" },
  年度: { month: 12, period: "end" },
  当年: { month: 12, period: "end" },
  本年: { month: 12, period: "end" },
  本年度: { month: 12, period: "end" },
  当年度: { month: 12, period: "end" },
  月底: { period: "end" },
  月末: { period: "end" },
};

function validDay(year: number | undefined, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (day > days) return false;
  if (month === 2 && day === 29 && year !== undefined) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    if (!leap) return false;
  }
  return true;
}

const validYear = (y: number): boolean => y >= 1900 && y <= 2100;

/** The problem of a value written as a date that is none: it starts with this (see INVALID_DATE_PROBLEM in index). */
export const INVALID_DATE_PROBLEM = "日期不存在";

/**
 * A text shaped as a date naming a day that does not exist: why (no month 13, no 30 February, not a leap year,
 * a year outside 1900–2100). `year` is undefined for a date without a year.
 */
function invalidDate(year: number | undefined, month: number, day: number | undefined): Quantity {
  let why: string;
  if (year !== undefined && !validYear(year)) why = `年份 ${year} 不在 1900–2100 之间`;
  else if (month < 1 || month > 12) why = `没有 ${month} 月`;
  else if (month === 2 && day === 29) why = `${year} 年不是闰年，2 月没有 29 日`;
  else why = `${month} 月没有 ${day} 日`;
  return { type: "invalid-date", problem: `${INVALID_DATE_PROBLEM}：${why}` };
}

/**
 * Reads a date in the body text (sign already removed). A text written as a date whose day does not exist
 * ("2024-13-45", "2023年2月30日", "2月30日", "2024年13月底") is an invalid date, never a date and never text;
 * "13月" alone stays a duration and "2024.13" a number. Anchored expressions with bounded repetition: linear.
 */
function readDate(s: string): Quantity | undefined {
  if (!/[年月底末初中]|^\d{4}[-/.]/.test(s)) return undefined;
  let m = /^(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})[日号])?)?(底|末|初|中|上旬|中旬|下旬|年底|年末|年初|年中|度)?$/.exec(s);
  if (m) {
    const year = Number(m[1]);
    if (!validYear(year)) return undefined;
    const month = m[2] !== undefined ? Number(m[2]) : undefined;
    const day = m[3] !== undefined ? Number(m[3]) : undefined;
    let suffix: string | undefined = m[4];
    if (month === undefined && day === undefined && suffix !== undefined) {
      if (suffix === "度") suffix = undefined;
      else {
        const w = YEARLESS_WORDS["年" + suffix.replace(/^年/, "")];
        if (!w) return undefined;
        return { type: "date", date: { year, ...w } };
      }
    }
    if (day !== undefined && suffix !== undefined) return undefined;
    if (month !== undefined && (month < 1 || month > 12)) return invalidDate(year, month, day);
    if (month !== undefined && day !== undefined && !validDay(year, month, day)) return invalidDate(year, month, day);
    if (month !== undefined && suffix !== undefined && suffix.startsWith("年")) return undefined;
    const period = suffix !== undefined ? PERIOD[suffix] : undefined;
    return {
      type: "date",
      date: {
        year,
        ...(month !== undefined ? { month } : {}),
        ...(day !== undefined ? { day } : {}),
        ...(period ? { period } : {}),
      },
    };
  }
  m = /^(\d{4})([-/.])(\d{1,2})(?:\2(\d{1,2}))?$/.exec(s);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[3]);
    if (m[4] === undefined) {
      if (validYear(year) && month >= 1 && month <= 12) return { type: "date", date: { year, month } };
      // "2024-13", "2024/0" are dates gone wrong; "2024.13" is a decimal number, "1000-12" not a date at all.
      return validYear(year) && m[2] !== "." ? invalidDate(year, month, undefined) : undefined;
    }
    const day = Number(m[4]);
    if (!validYear(year) || !validDay(year, month, day)) return invalidDate(year, month, day);
    return { type: "date", date: { year, month, day } };
  }
  m = /^(\d{1,2})月(?:(\d{1,2})[日号])?(底|末|初|中|上旬|中旬|下旬)?$/.exec(s);
  if (m) {
    const month = Number(m[1]);
    const day = m[2] !== undefined ? Number(m[2]) : undefined;
    if (day !== undefined && m[3] !== undefined) return undefined;
    // "13月" alone is a duration (13 months); with a day or a period ("13月5日", "13月底") it is a date gone wrong.
    if (month < 1 || month > 12) return day !== undefined || m[3] !== undefined ? invalidDate(undefined, month, day) : undefined;
    if (day !== undefined && !validDay(undefined, month, day)) return invalidDate(undefined, month, day);
    const period = m[3] !== undefined ? PERIOD[m[3]] : undefined;
    return {
      type: "date",
      partialDate: { month, ...(day !== undefined ? { day } : {}), ...(period ? { period } : {}) },
    };
  }
  const w = YEARLESS_WORDS[s];
  if (w) return { type: "date", partialDate: w };
  return undefined;
}

/** Reads a figure with an optional unit: "95%", "204.46平方米", "28.8萬元", "3万人", "百分之95". */
function readQuantity(s: string): Quantity | undefined {
  const date = readDate(s);
  if (date) return date;
  let m = /^(百分之|千分之)([+-]?[\d,.]+)$/.exec(s);
  if (m) {
    const d = parseDecimalText(m[2]);
    if (!d) return undefined;
    const unit = canonicalUnit(m[1] === "百分之" ? "%" : "‰");
    return { type: "number", number: d.value, exact: { mant: d.digits, exp: 0 }, decimals: d.decimals, unit };
  }
  m = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?)(.*)$/.exec(s);
  if (!m || !/\d/.test(m[1])) return undefined;
  const d = parseDecimalText(m[1]);
  if (!d) return undefined;
  const rest = m[2];
  const exact: Exact = { mant: d.digits, exp: 0 };
  if (rest === "") return { type: "number", number: d.value, exact, decimals: d.decimals };
  const mult = /^(万|萬|亿|億)$/.exec(rest);
  if (mult) {
    const e = mult[1] === "万" || mult[1] === "萬" ? 4 : 8;
    const scaled: Exact = { mant: d.digits, exp: e };
    return { type: "number", number: exactValue(scaled), exact: scaled, decimals: Math.max(0, d.decimals - e) };
  }
  const unit = canonicalUnit(rest);
  if (!unit) return undefined;
  if (/^\d/.test(unit.unit)) return undefined;
  if (unit.scaleExponent) {
    const e = unit.scaleExponent;
    const { scaleExponent: _drop, ...base } = unit;
    void _drop;
    const scaled: Exact = { mant: d.digits, exp: e };
    return { type: "number", number: exactValue(scaled), exact: scaled, decimals: Math.max(0, d.decimals - e), unit: base };
  }
  return { type: "number", number: d.value, exact, decimals: d.decimals, unit };
}

interface Reading {
  readonly sign?: Sign;
  readonly quantity: Quantity;
  readonly problems: readonly string[];
}

/** Splits off a direction (prefix symbol/word, suffix word) and reads the rest. */
function readSigned(s: string): Reading | undefined {
  // fast path: a figure with no direction words ("100", "95%", "204.46平方米")
  const c0 = s.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57 && !endsWithWord(s)) {
    const quantity = readQuantity(s);
    if (quantity) return { quantity, problems: [] };
  }
  const prefixes: { len: number; sign?: Sign }[] = [];
  for (const [sym, sign] of SIGN_SYMBOLS) if (s.startsWith(sym)) { prefixes.push({ len: sym.length, sign }); break; }
  for (const [w, sign] of SIGN_PREFIX_WORDS) if (s.startsWith(w)) prefixes.push({ len: w.length, sign });
  for (const w of FILLER_PREFIXES) if (s.startsWith(w)) prefixes.push({ len: w.length });
  prefixes.push({ len: 0 });
  const suffixes: { len: number; sign?: Sign }[] = [];
  for (const [w, sign] of SIGN_SUFFIX_WORDS) if (s.endsWith(w)) suffixes.push({ len: w.length, sign });
  for (const w of FILLER_SUFFIXES) if (s.endsWith(w)) suffixes.push({ len: w.length });
  suffixes.push({ len: 0 });
  for (const p of prefixes) {
    for (const q of suffixes) {
      if (p.len + q.len >= s.length) continue;
      let body = s.slice(p.len, s.length - q.len);
      // a second symbol after a word ("不低于≥90%") or a word after a symbol ("≥不低于") is not expected;
      // a symbol right after a filler ("约≥") neither.
      let sign2: Sign | undefined;
      if (p.len > 0 && p.sign === undefined) {
        for (const [sym, sign] of SIGN_SYMBOLS) if (body.startsWith(sym)) { sign2 = sign; body = body.slice(sym.length); break; }
      }
      const quantity = readQuantity(body);
      if (!quantity) continue;
      const a = p.sign ?? sign2;
      const b = q.sign;
      const problems: string[] = [];
      if (a && b && a !== b && !(sameDirection(a, b))) problems.push(`符号矛盾：${a} 与 ${b}`);
      return { sign: a ?? b, quantity, problems };
    }
  }
  return undefined;
}

function endsWithWord(s: string): boolean {
  for (const [w] of SIGN_SUFFIX_WORDS) if (s.endsWith(w)) return true;
  for (const w of FILLER_SUFFIXES) if (s.endsWith(w)) return true;
  return false;
}

function sameDirection(a: Sign, b: Sign): boolean {
  const f = (x: Sign): number => (x === "≥" || x === "＞" ? 1 : x === "≤" || x === "＜" ? -1 : 0);
  return f(a) === f(b);
}

/** Half-width, no whitespace, symbol variants unified: the form values are read in. */
function compactValueText(text: string): string {
  // fast path: nothing to convert
  if (!/[^\x21-\x7e\u4e00-\u9fff≥≤%]|[[\]]|[。.]$/.test(text)) return text;
  return toHalfWidth(text)
    .replace(/[\s\u00a0\u200b\ufeff]+/g, "")
    .replace(/[≧⩾]/g, "≥")
    .replace(/[≦⩽]/g, "≤")
    .replace(/═/g, "=")
    .replace(/\ufe6a/g, "%")
    .replace(/[\u2212\u2013\ufe63]/g, "-")
    .replace(/[【[]/g, "(")
    .replace(/[】\]]/g, ")")
    .replace(/[。.]$/, "");
}

const PLACEHOLDER = /\*|[xX×]{2,}|^[xX×]$|^[≥≤<>=]*[xX×](?![a-zA-Z])|□|_{2,}|…|\.{3,}|\?/;

/** Excel serial day number (1900 date system) to a date. */
export function excelSerialToDate(serial: number): ParsedDate | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return undefined;
  const whole = Math.floor(serial);
  if (whole === 60) return { year: 1900, month: 2, day: 29 };
  const days = whole < 60 ? whole : whole - 1;
  const d = new Date(Date.UTC(1899, 11, 31) + days * 86400000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function rawText(input: CellValue): string {
  if (input === null || input === undefined) return "";
  if (typeof input === "string") return input.trim();
  if (typeof input === "number") return Number.isFinite(input) ? String(input) : "";
  if (typeof input === "boolean") return input ? "TRUE" : "FALSE";
  if (isCellError(input)) return input.error;
  return "";
}

function finish(d: Draft): ParsedValue {
  if ((d.number !== undefined && !Number.isFinite(d.number)) || (d.wan !== undefined && !Number.isFinite(d.wan))) {
    d.number = undefined;
    d.wan = undefined;
    d.wanFactor = undefined;
    if (d.kind === "number") d.kind = "unreadable";
    d.problems.push("数值超出范围");
  }
  const out: Mutable<ParsedValue> = { raw: d.raw, kind: d.kind, problems: d.problems };
  if (d.sign !== undefined) out.sign = d.sign;
  if (d.number !== undefined) out.number = d.number;
  if (d.unit !== undefined) out.unit = d.unit;
  if (d.unitKind !== undefined) out.unitKind = d.unitKind;
  if (d.wan !== undefined) out.wan = d.wan;
  if (d.wanFactor !== undefined) out.wanFactor = d.wanFactor;
  if (d.date !== undefined) out.date = d.date;
  if (d.partialDate !== undefined) out.partialDate = d.partialDate;
  if (d.text !== undefined) out.text = d.text;
  if (d.perUnit !== undefined) out.perUnit = d.perUnit;
  if (d.notApplicable !== undefined) out.notApplicable = d.notApplicable;
  if (d.signLabel !== undefined) out.signLabel = d.signLabel;
  if (d.decimals !== undefined) out.decimals = d.decimals;
  return out;
}

/** Applies a unit to a draft number: canonical name, kind, 万元 conversion, compound denominator. */
function setUnit(d: Draft, u: UnitInfo | undefined): void {
  if (!u) return;
  d.unit = u.unit;
  d.unitKind = u.kind as UnitKind;
  if (u.per) d.perUnit = u.per;
  if (u.wanFactor !== undefined && d.number !== undefined) {
    d.wanFactor = u.wanFactor;
    const k = u.wanExponent ?? Math.round(Math.log10(u.wanFactor));
    d.wan = k === 0 ? d.number : d.exact ? exactValue(d.exact, k) : scaleByPowerOfTen(d.number, k);
  }
}

/**
 * Parses a 指标值 / 实际完成值 cell. Never throws: what cannot be read is in `problems`.
 * `ctx` brings the sign column (指标性质 "=", "≥", "定性"), the unit column (度量单位) and the cell's
 * number format (a "%" format makes 0.95 read as 95 %; a date format makes a serial a date).
 */
export function parseValue(input: CellValue, ctx?: ParseContext): ParsedValue {
  try {
    const keyable = cacheable(input, ctx);
    if (keyable) {
      const hit = cacheGet(input as string | number, ctx);
      if (hit) return hit;
    }
    const out = parseInner(input, ctx ?? {});
    if (keyable) {
      if (cached >= CACHE_LIMIT) {
        CACHE.clear();
        cached = 0;
      }
      Object.freeze(out.problems);
      cacheSet(input as string | number, ctx, Object.freeze(out));
      cached++;
    }
    return out;
  } catch {
    return { raw: safeRaw(input), kind: "unreadable", problems: ["无法解析"] };
  }
}

/**
 * Real sheets repeat the same few values ("100%", "≥90%", "是") across thousands of rows, so results
 * are memoised (frozen, shared) by input and context: one map by value, and per value the few contexts (sign,
 * unit, format) it was read with, compared in a short list. The grid's strings are the same objects row after
 * row, so a lookup hashes nothing new; one map lookup instead of one per context field. Bounded; cleared when full.
 */
interface CacheEntry {
  readonly sign: string | undefined;
  readonly unit: string | undefined;
  readonly format: string | null | undefined;
  readonly value: ParsedValue;
}
const CACHE = new Map<string | number, CacheEntry[]>();
const CACHE_LIMIT = 20000;
let cached = 0;

/** Short strings and numbers, with short sign, unit and format texts, are remembered. */
function cacheable(input: CellValue, ctx: ParseContext | undefined): boolean {
  if (typeof input === "string") {
    if (input.length > 64) return false;
  } else if (typeof input !== "number") return false;
  if (!ctx) return true;
  const { signText: sign, unitText: unit, numberFormat: format } = ctx;
  return !(typeof sign === "string" && sign.length > 32) && !(typeof unit === "string" && unit.length > 32) && !(typeof format === "string" && format.length > 64);
}

/** The remembered result (a hit allocates nothing). */
function cacheGet(input: string | number, ctx: ParseContext | undefined): ParsedValue | undefined {
  const entries = CACHE.get(input);
  if (entries === undefined) return undefined;
  const sign = ctx?.signText;
  const unit = ctx?.unitText;
  const format = ctx?.numberFormat;
  for (let k = 0; k < entries.length; k++) {
    const e = entries[k];
    if (e.sign === sign && e.unit === unit && e.format === format) return e.value;
  }
  return undefined;
}

function cacheSet(input: string | number, ctx: ParseContext | undefined, value: ParsedValue): void {
  const entry: CacheEntry = { sign: ctx?.signText, unit: ctx?.unitText, format: ctx?.numberFormat, value };
  const entries = CACHE.get(input);
  if (entries === undefined) CACHE.set(input, [entry]);
  else entries.push(entry);
}

function safeRaw(input: CellValue): string {
  try {
    return rawText(input);
  } catch {
    return "";
  }
}

function parseInner(input: CellValue, ctx: ParseContext): ParsedValue {
  const d: Draft = { raw: rawText(input), kind: "empty", problems: [] };
  if (input === null || input === undefined || (typeof input === "string" && input.trim() === "")) return finish(d);

  // the sign column
  const signText = typeof ctx.signText === "string" ? ctx.signText : "";
  let ctxSign: SignReading | undefined;
  if (signText.trim() !== "" && !isNotApplicableMark(signText)) {
    ctxSign = normalizeSign(signText);
    if (ctxSign === undefined) d.problems.push(`无法识别的符号：${cleanText(signText)}`);
  }
  // the unit column
  const unitText = typeof ctx.unitText === "string" ? ctx.unitText : "";
  const ctxUnit = unitText.trim() !== "" ? canonicalUnit(unitText) : undefined;
  if (unitText.trim() !== "" && !ctxUnit && !isNotApplicableMark(unitText)) {
    d.problems.push(`无法识别的单位：${cleanText(unitText)}`);
  }
  const fmt = ctx.numberFormat ?? null;

  let glued: UnitInfo | undefined;
  let inlineSign: Sign | undefined;

  if (typeof input === "boolean") {
    d.kind = "qualitative";
    d.text = input ? "是" : "否";
    return withSignColumn(d, ctxSign);
  }
  if (isCellError(input)) {
    d.kind = "unreadable";
    d.problems.push(`单元格错误：${input.error}`);
    return finish(d);
  }
  if (typeof input === "number") {
    if (!Number.isFinite(input)) {
      d.kind = "unreadable";
      d.problems.push("不是有限数值");
      return finish(d);
    }
    if (isDateFormat(fmt)) {
      const date = excelSerialToDate(input);
      if (date && fmt) {
        const parts = dateFormatParts(fmt);
        d.kind = "date";
        d.date = {
          year: date.year,
          ...(parts.month || parts.day ? { month: date.month } : {}),
          ...(parts.day ? { day: date.day } : {}),
        };
        return withSignColumn(d, ctxSign);
      }
    }
    d.kind = "number";
    if (isPercentFormat(fmt)) {
      d.number = scaleByPowerOfTen(input, 2);
      glued = canonicalUnit("%");
      d.decimals = formatDecimals(fmt) ?? naturalDecimals(d.number);
    } else {
      d.number = input === 0 ? 0 : input;
      d.decimals = formatDecimals(fmt) ?? naturalDecimals(input);
    }
  } else if (typeof input === "string") {
    const display = cleanText(input);
    const s = compactValueText(input);
    if (s === "" || isNotApplicableMark(s)) {
      d.kind = "empty";
      d.notApplicable = true;
      d.text = display;
      return finish(d);
    }
    if (PLACEHOLDER.test(s)) {
      d.kind = "unreadable";
      d.text = display;
      d.problems.push(`占位符未填写：${display}`);
      return finish(d);
    }
    let reading = readSigned(s);
    let note: string | undefined;
    if (!reading) {
      // a trailing note in brackets: "≥90%(抽查)"
      const m = /^(.+?)\(([^()]*)\)$/.exec(s);
      if (m) {
        reading = readSigned(m[1]);
        if (reading) note = m[2];
      }
    }
    if (!reading) {
      d.text = display;
      if (isRange(s)) {
        d.kind = "unreadable";
        d.problems.push(`区间值，需填写单一数值：${display}`);
        return finish(d);
      }
      d.kind = "qualitative";
      return withSignColumn(d, ctxSign);
    }
    d.problems.push(...reading.problems);
    inlineSign = reading.sign;
    if (note !== undefined) d.text = display;
    const q = reading.quantity;
    if (q.type === "invalid-date") {
      d.kind = "unreadable";
      d.text = display;
      d.sign = inlineSign;
      d.problems.push(q.problem);
      return withSignColumn(d, ctxSign);
    }
    if (q.type === "date") {
      d.kind = "date";
      if (q.date) d.date = q.date;
      if (q.partialDate) d.partialDate = q.partialDate;
      d.sign = inlineSign;
      return withSignColumn(d, ctxSign);
    }
    d.kind = "number";
    d.number = q.number === 0 ? 0 : q.number;
    d.exact = q.exact;
    d.decimals = q.decimals;
    glued = q.unit;
  } else {
    d.kind = "unreadable";
    d.problems.push("无法解析");
    return finish(d);
  }

  // a number: unit from the value or the unit column
  d.sign = inlineSign;
  if (glued && ctxUnit && glued.unit !== ctxUnit.unit) {
    d.problems.push(`单位不一致：值中为${glued.unit}，单位列为${ctxUnit.unit}`);
  }
  if (glued) setUnit(d, glued);
  else if (ctxUnit) {
    if (ctxUnit.scaleExponent && d.number !== undefined) {
      d.number = d.exact ? exactValue(d.exact, ctxUnit.scaleExponent) : scaleByPowerOfTen(d.number, ctxUnit.scaleExponent);
      if (d.exact) d.exact = { mant: d.exact.mant, exp: d.exact.exp + ctxUnit.scaleExponent };
      d.decimals = Math.max(0, (d.decimals ?? 0) - ctxUnit.scaleExponent);
    }
    setUnit(d, ctxUnit);
  }
  return withSignColumn(d, ctxSign);
}

/** Folds the sign column into the draft: a direction when the value has none; 定性 / 定量（其他）. */
function withSignColumn(d: Draft, ctxSign: SignReading | undefined): ParsedValue {
  if (ctxSign === undefined) return finish(d);
  if (ctxSign === "定性" || ctxSign === "定量其他") {
    d.signLabel = ctxSign;
    if (ctxSign === "定性" && (d.kind === "number" || d.kind === "date")) {
      d.kind = "qualitative";
      d.text = cleanText(d.raw);
    }
    return finish(d);
  }
  if (d.sign === undefined) d.sign = ctxSign;
  else if (d.sign !== ctxSign) d.problems.push(`符号不一致：值中为${d.sign}，符号列为${ctxSign}`);
  return finish(d);
}

function isRange(s: string): boolean {
  return /^[≥≤<>=]?[+-]?\d[\d,.]*[^\d~\-至到]{0,6}(?:-|~|至|到|—{1,2})\d[\d,.]*[^\d]{0,6}$/.test(s) && !/^\d{4}-\d{1,2}-\d{1,2}$/.test(s);
}

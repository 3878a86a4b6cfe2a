/**
 * Reading plain figures: weights (分值/权重), scores (得分), money amounts, rates (执行率).
 * Also the number-format helpers shared with the value parser.
 */
import type { CellValue } from "../grid";
import { isCellError } from "../grid";
import { memoByText } from "../memo";
import { toHalfWidth } from "../text";

/** A plain figure read from a cell. */
export interface NumberReading {
  /** The value; for percentages the fraction ("97.80%" → 0.978). */
  readonly value: number;
  /** True when the cell was written or formatted as a percentage. */
  readonly percent: boolean;
  /** Decimals as shown: from the text or the number format, else the number's own decimals. */
  readonly shownDecimals: number;
}

/** Marks meaning "not applicable / nothing here" (不适用): "/", "-", "—", "无" … */
const NOT_APPLICABLE = /^(?:[/\\／＼]+|[-－—–―─━ー~～]+|无|無|不适用|不適用|n\/?a)$/i;

/** True for a cell that says "not applicable": "/", "-", "－", "—", "——", "无", "不适用", "N/A". */
export function isNotApplicableMark(v: CellValue): boolean {
  if (typeof v !== "string") return false;
  const t = v.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, "");
  return t !== "" && NOT_APPLICABLE.test(t);
}

/**
 * Multiplies `n` by 10^k without binary noise (3000 × 10⁻⁴ = 0.3, not 0.30000000000000004).
 * Results are rounded to 15 significant digits.
 */
export function scaleByPowerOfTen(n: number, k: number): number {
  if (!Number.isFinite(n) || n === 0 || k === 0) return n;
  const r = n * Math.pow(10, k);
  if (!Number.isFinite(r)) return r;
  return Number(r.toPrecision(15));
}

/** Number of decimals in the shortest text form of `n` (0.978 → 3, 1e-7 → 7, 120 → 0). */
export function naturalDecimals(n: number): number {
  if (!Number.isFinite(n)) return 0;
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return 0; // printed without a point or an exponent
  const s = String(Math.abs(n));
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(s);
  if (!m) return 0;
  const frac = m[2] ? m[2].length : 0;
  const exp = m[3] ? Number(m[3]) : 0;
  return Math.max(0, frac - exp);
}

/**
 * The part of a number format that controls display: first section, quotes/brackets/escapes removed.
 * A workbook uses a handful of formats on every cell ("General" from Excel): answers are remembered.
 */
const formatCore = memoByText(formatCoreUncached, 2_000, 200);

function formatCoreUncached(format: string): string {
  let out = "";
  let i = 0;
  while (i < format.length) {
    const ch = format[i];
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      i = end < 0 ? format.length : end + 1;
      continue;
    }
    if (ch === "[") {
      const end = format.indexOf("]", i + 1);
      i = end < 0 ? format.length : end + 1;
      continue;
    }
    if (ch === "\\" || ch === "_" || ch === "*") {
      i += 2;
      continue;
    }
    if (ch === ";") break;
    out += ch;
    i++;
  }
  return out;
}

/** True when an Excel number format shows a percentage ("0%", "0.00%"). */
export function isPercentFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  return formatCore(format).includes("%");
}

/** True when an Excel number format shows a date ("yyyy-mm-dd", 'yyyy"年"m"月"', "m/d/yy"). */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  const core = formatCore(format).toLowerCase();
  if (core === "general" || core === "@") return false;
  if (/[yd]/.test(core)) return true;
  if (/e/.test(core)) return false; // keeps scientific "0.00E+00" out
  return /m/.test(core) && !/[hs]/.test(core);
}

/** Which parts a date format shows. */
export function dateFormatParts(format: string): { month: boolean; day: boolean } {
  const core = formatCore(format).toLowerCase();
  return { month: /m/.test(core), day: /d/.test(core) };
}

/** Decimals implied by a number format ("0.00" → 2, "0%" → 0, "#,##0.0" → 1); undefined for General/unknown. */
export function formatDecimals(format: string | null | undefined): number | undefined {
  if (!format) return undefined;
  const core = formatCore(format);
  if (/general/i.test(core) || core.trim() === "" || core === "@") return undefined;
  if (!/[0#?]/.test(core)) return undefined;
  const dot = core.indexOf(".");
  if (dot < 0) return 0;
  let n = 0;
  for (let i = dot + 1; i < core.length; i++) {
    const c = core[i];
    if (c === "0" || c === "#" || c === "?") n++;
    else if (c === "," || c === "%" || /\s/.test(c)) continue;
    else break;
  }
  return n;
}

/**
 * Parses the text of a plain decimal number after half-width conversion:
 * optional sign, digits with valid thousands groups, optional decimals. Undefined otherwise.
 * Returns the number and the count of decimals written.
 */
export function parseDecimalText(s: string): { value: number; decimals: number; digits: string } | undefined {
  if (/^\d{1,15}$/.test(s)) {
    const value = Number(s);
    return { value, decimals: 0, digits: String(value) };
  }
  const m = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?$/.exec(s);
  if (!m) return undefined;
  const intPart = m[2] ? m[2].replace(/,/g, "") : "";
  const frac = m[3] ?? "";
  if (intPart === "" && frac === "") return undefined;
  const digits = `${m[1] === "-" ? "-" : ""}${intPart === "" ? "0" : intPart}${frac ? "." + frac : ""}`;
  const value = Number(digits);
  if (!Number.isFinite(value)) return undefined;
  return { value: value === 0 ? 0 : value, decimals: frac.length, digits };
}

/** Minus signs and dashes used before a number. */
const MINUS = /^[\u2212\u2013\u2014\ufe63]/;

/** The text path of readNumber (a number format does not change how a text reads); answers are shared. */
const readNumberTextMemo = memoByText((v: string): NumberReading | undefined => {
  const r = readNumberText(v);
  return r ? Object.freeze(r) : undefined;
}, 20_000, 64);

function readNumberText(v: string): NumberReading | undefined {
  try {
    let s = toHalfWidth(v)
      .replace(/[\s\u00a0\u200b\ufeff]+/g, "")
      .replace(/\ufe6a/g, "%")
      .replace(/，/g, ",");
    if (s === "") return undefined;
    s = s.replace(MINUS, "-");
    // A trailing 分 on a score ("10分") is tolerated.
    if (/\d分$/.test(s)) s = s.slice(0, -1);
    let percent = false;
    if (s.endsWith("%")) {
      percent = true;
      s = s.slice(0, -1);
    } else if (s.endsWith("百分比")) {
      percent = true;
      s = s.slice(0, -3);
    }
    const d = parseDecimalText(s);
    if (!d) return undefined;
    const value = percent ? Number(`${d.digits}e-2`) : d.value;
    return { value: value === 0 ? 0 : value, percent, shownDecimals: d.decimals };
  } catch {
    return undefined;
  }
}

/**
 * Reads a cell that should hold a plain figure (分值, 得分, 金额, 执行率).
 * Numbers as-is (percent when the format shows %); strings with full-width digits,
 * thousands separators, spaces and an optional trailing % (value becomes the fraction).
 * Undefined for blanks, "/", "-", text, booleans and errors. Never throws.
 */
export function readNumber(v: CellValue, numberFormat?: string | null): NumberReading | undefined {
  try {
    if (v === null || typeof v === "boolean" || isCellError(v)) return undefined;
    if (typeof v === "number") {
      if (!Number.isFinite(v)) return undefined;
      const percent = isPercentFormat(numberFormat);
      const fmtDec = formatDecimals(numberFormat);
      const shownDecimals =
        fmtDec ?? (percent ? naturalDecimals(scaleByPowerOfTen(v, 2)) : naturalDecimals(v));
      return { value: v === 0 ? 0 : v, percent, shownDecimals };
    }
    return typeof v === "string" ? readNumberTextMemo(v) : undefined;
  } catch {
    return undefined;
  }
}


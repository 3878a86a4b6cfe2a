/**
 * A cell as the sheet shows it, from the value and number format the reader took from the file (the same grid the
 * engine checks): percentages and fixed decimals by their format, thousands separators, dates by their parts,
 * booleans and error values as Excel writes them. The preview shows this text; it never changes a value.
 */
import { isCellError, type CellValue } from "../../domain/grid";
import { dateFormatParts, formatDecimals, isDateFormat, isPercentFormat } from "../../domain/value/number";
import { excelSerialToDate } from "../../domain/value/parse";

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function grouped(fixed: string): string {
  const neg = fixed.startsWith("-");
  const body = neg ? fixed.slice(1) : fixed;
  const dot = body.indexOf(".");
  const int = dot < 0 ? body : body.slice(0, dot);
  const frac = dot < 0 ? "" : body.slice(dot);
  return `${neg ? "-" : ""}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${frac}`;
}

/** A number in General format: at most 11 significant digits, no float noise ("0.1+0.2" shows 0.3). */
function general(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  const s = String(Number(n.toPrecision(11)));
  return s;
}

/** The text a cell shows. */
export function displayText(v: CellValue | undefined, format: string | null | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (isCellError(v)) return v.error;
  if (!Number.isFinite(v)) return String(v);
  if (format && isDateFormat(format)) {
    const d = excelSerialToDate(v);
    if (d) {
      const parts = dateFormatParts(format);
      if (!parts.month) return String(d.year);
      if (!parts.day) return `${d.year}-${pad2(d.month ?? 1)}`;
      return `${d.year}-${pad2(d.month ?? 1)}-${pad2(d.day ?? 1)}`;
    }
  }
  if (format && isPercentFormat(format)) {
    const dec = formatDecimals(format) ?? 0;
    return `${(v * 100).toFixed(dec)}%`;
  }
  const dec = formatDecimals(format);
  if (dec !== undefined) {
    const fixed = v.toFixed(dec);
    return format && format.includes(",") ? grouped(fixed) : fixed;
  }
  return general(v);
}

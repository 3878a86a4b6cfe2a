/**
 * A 指标值 and its 实际完成值 read from raw cell values, as Excel hands them to a custom function: without their
 * number formats. Two readings are adjusted so that the pair compares as the sheet shows it (a percent-formatted
 * 0.97 is 97%, a date serial against a date target is a date). Used by JX.SCORE / JX.COMPLETION and any front
 * that has values without formats.
 */
import type { CellValue } from "../grid";
import { parseValue } from "./parse";
import type { ParsedValue } from "./types";

/** A 指标值 with an optional separate sign (计算符号) cell. */
export function parseTarget(v: CellValue, signText: string): ParsedValue {
  return parseValue(v, signText !== "" ? { signText } : undefined);
}

/** Bounds of an Excel date serial we read as a date against a date target (1954 … 2119). */
const SERIAL_MIN = 20000;
const SERIAL_MAX = 80000;

/**
 * A 实际完成值 read against its target. Excel passes a cell's value without its format, so two readings are
 * adjusted: a bare number from 0 to 1 against a percentage target above 1% is a percent-formatted cell
 * (0.97 → 97%), and a number in the date-serial range against a date target is a date.
 */
export function parseActual(v: CellValue, target: ParsedValue): ParsedValue {
  if (typeof v === "number") {
    if (target.unit === "%" && Math.abs(v) <= 1 && (target.number ?? 0) > 1) return parseValue(v, { numberFormat: "0%" });
    if (target.kind === "date" && v >= SERIAL_MIN && v <= SERIAL_MAX) return parseValue(v, { numberFormat: "yyyy-mm-dd" });
  }
  return parseValue(v);
}

/**
 * The target read against its actual, for the mirror case: a bare target from 0 to 1 (a percent-formatted cell)
 * against an actual written with % above 1 ("97%").
 */
export function alignTarget(target: ParsedValue, v: CellValue, signText: string, actual: ParsedValue): ParsedValue {
  if (typeof v === "number" && target.unit === undefined && actual.unit === "%" && Math.abs(v) <= 1 && (actual.number ?? 0) > 1) {
    return parseValue(v, { numberFormat: "0%", ...(signText !== "" ? { signText } : {}) });
  }
  return target;
}

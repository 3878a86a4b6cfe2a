/** Value parsing (指标值 / 实际完成值 / plain figures): public API. */
export type { ParsedValue, ParsedDate, PartialDate, Sign, SignFamily, UnitKind, ParseContext } from "./types";
export type { NumberReading } from "./number";
export {
  readNumber,
  isNotApplicableMark,
  isPercentFormat,
  isDateFormat,
  formatDecimals,
  scaleByPowerOfTen,
  naturalDecimals,
} from "./number";
export type { SignReading } from "./sign";
export { normalizeSign, signFamily } from "./sign";
export type { UnitDef, UnitInfo } from "./units";
export { UNITS, canonicalUnit } from "./units";
export { parseValue, excelSerialToDate, INVALID_DATE_PROBLEM } from "./parse";

/**
 * Excel errors for the JX functions: every failure is a cell error with a Chinese reason (English after it),
 * never a thrown exception and never a silent 0. Built on cells.ts's cellError (CustomFunctions.Error in Excel,
 * a plain { code, message } object elsewhere).
 */
import type { CellError } from "../domain/grid";
import type { NoScoreCause } from "../domain/scoring";
import { cellError, type ErrorKind } from "./cells";

/** An error with a bilingual message: "中文 (English)". */
export function jxError(kind: ErrorKind, zh: string, en: string): CustomFunctions.Error {
  return cellError(kind, `${zh} (${en})`);
}

const KIND_OF_CODE: Readonly<Record<string, ErrorKind>> = {
  "#VALUE!": "invalidValue",
  "#N/A": "notAvailable",
  "#DIV/0!": "divisionByZero",
  "#NUM!": "invalidNumber",
};

/** An error cell in the input, passed on (Excel's own rule: an error in, the same error out where possible). */
export function passError(e: CellError): CustomFunctions.Error {
  const kind = KIND_OF_CODE[e.error] ?? "invalidValue";
  return jxError(kind, `输入单元格含错误值 ${e.error}`, `an input cell holds the error ${e.error}`);
}

/** #DIV/0! for a ratio with nothing to divide by. */
export function divError(zh: string, en: string): CustomFunctions.Error {
  return jxError("divisionByZero", zh, en);
}

/** The Excel error for a score that could not be computed: missing data → #N/A, bad data → #VALUE!. */
export function scoreErrorKind(cause: NoScoreCause): ErrorKind {
  switch (cause) {
    case "missing-target":
    case "missing-actual":
    case "qualitative":
    case "manual":
    case "late":
      return "notAvailable";
    case "missing-weight":
    case "unreadable":
    case "unit-mismatch":
      return "invalidValue";
  }
}

/** A number as a result cell: NaN and ±Infinity become #DIV/0! / #NUM! with the given reason. */
export function numberOrError(n: number, zh: string, en: string): number | CustomFunctions.Error {
  if (Number.isNaN(n)) return divError(zh, en);
  if (!Number.isFinite(n)) return jxError("invalidNumber", "结果超出数值范围", "result out of range");
  return n;
}

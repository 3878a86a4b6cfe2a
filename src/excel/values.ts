/**
 * Conversions between Office.js cell values and the engine's grid values.
 * Office.js gives "" for an empty cell and an error's text ("#N/A") as a plain string.
 */
import type { CellValue } from "../domain/grid";

/** Excel's error values as Range.values reports them. */
const EXCEL_ERROR = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|CONNECT!|BLOCKED!|BUSY|UNKNOWN!|PYTHON!)$/;

/** One Office.js cell value as a grid value: "" becomes null, "#N/A" becomes { error }. */
export function fromExcelValue(v: unknown): CellValue {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v === "string") return EXCEL_ERROR.test(v) ? { error: v } : v;
  return String(v);
}

/** A matrix of Office.js values as grid rows. */
export function fromExcelValues(values: readonly (readonly unknown[])[]): CellValue[][] {
  return values.map((row) => row.map(fromExcelValue));
}

/**
 * Shared plumbing for the JX custom functions: turning Excel's arguments into grid values, mapping a matrix
 * cell by cell, and building Excel errors. No domain logic here; no window or DOM (the functions may run in a
 * runtime without them, and in jest under node).
 */
import type { CellValue } from "../domain/grid";

/** What one cell of a custom function's result may hold. */
export type CellResult<T> = T | CustomFunctions.Error;

/** A custom function argument as Excel passes it: a single cell arrives as [[v]]. */
export type ArgMatrix = readonly (readonly unknown[])[];

/** One argument cell as a grid value: null, undefined and "" are empty. */
export function argValue(v: unknown): CellValue {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  const code = errorCodeOf(v);
  if (code !== undefined) return { error: code };
  return String(v);
}

/**
 * The code of an error value Excel passed in: a CustomFunctions.Error-like `{ code: "#N/A" }`, an entity-style
 * `{ type: "Error", basicValue: "#N/A" }`, or a grid error `{ error: "#N/A" }`. Undefined for anything else.
 */
export function errorCodeOf(v: unknown): string | undefined {
  if (typeof v !== "object" || v === null) return undefined;
  const o = v as { code?: unknown; error?: unknown; type?: unknown; basicValue?: unknown; errorType?: unknown };
  if (typeof o.error === "string" && o.error.startsWith("#")) return o.error;
  if (typeof o.code === "string" && o.code.startsWith("#")) return o.code;
  if (o.type === "Error" && typeof o.basicValue === "string") return o.basicValue;
  return undefined;
}

/** Maps every cell of a matrix argument, keeping its shape (a scalar is treated as [[v]]). */
export function mapCells<T>(arg: ArgMatrix | unknown, f: (v: CellValue, row: number, col: number) => T): T[][] {
  const m: readonly (readonly unknown[])[] = Array.isArray(arg) ? (arg as unknown[]).map((r) => (Array.isArray(r) ? r : [r])) : [[arg]];
  return m.map((row, r) => row.map((v, c) => f(argValue(v), r, c)));
}

/** The Excel errors the JX functions return. */
export type ErrorKind = "invalidValue" | "invalidNumber" | "notAvailable" | "divisionByZero";

/** The runtime's CustomFunctions, when present (absent under jest). */
function runtime(): typeof CustomFunctions | undefined {
  return (globalThis as { CustomFunctions?: typeof CustomFunctions }).CustomFunctions;
}

const CODES: Record<ErrorKind, string> = { invalidValue: "#VALUE!", invalidNumber: "#NUM!", notAvailable: "#N/A", divisionByZero: "#DIV/0!" };

/** An Excel error for one cell, with a message shown in the cell's error tooltip (Chinese first). */
export function cellError(kind: ErrorKind, message: string): CustomFunctions.Error {
  const cf = runtime();
  if (cf) return new cf.Error(cf.ErrorCode[kind], message);
  // Outside Excel (tests): the same shape as CustomFunctions.Error.
  return { code: CODES[kind], message } as unknown as CustomFunctions.Error;
}

/** True for an error made by cellError (in or outside Excel). */
export function isCellError(v: unknown): v is CustomFunctions.Error {
  const cf = runtime();
  if (cf && v instanceof cf.Error) return true;
  return typeof v === "object" && v !== null && typeof (v as { code?: unknown }).code === "string" && String((v as { code: string }).code).startsWith("#");
}

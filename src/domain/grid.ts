/**
 * The grid model: one sheet (or part of one) as a 2-D array of cell values.
 * Every host (the Excel add-in adapter, ExcelJS, CSV) converts into this shape; the engine reads nothing else.
 */

/** An Excel error value such as `#N/A` or `#VALUE!`. */
export interface CellError {
  readonly error: string;
}

/** One cell's value as the host read it. `null` is an empty cell. */
export type CellValue = string | number | boolean | null | CellError;

/** A rectangular area in 0-based absolute sheet coordinates, inclusive. */
export interface Area {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** A sheet's values with where they sit in the sheet. */
export interface Grid {
  /** Sheet name (工作表名). */
  readonly sheet: string;
  /** 0-based absolute row of `values[0]` in the sheet (A1 is row 0). */
  readonly top: number;
  /** 0-based absolute column of `values[r][0]` in the sheet (A1 is column 0). */
  readonly left: number;
  /** Row-major values; rows may be ragged (missing cells are empty). */
  readonly values: readonly (readonly CellValue[])[];
  /** Number formats parallel to `values` (e.g. `0.00%`, `yyyy-mm-dd`), when the host knows them. */
  readonly numberFormats?: readonly (readonly (string | null)[])[];
  /** Merged areas in absolute coordinates; only the top-left cell of each holds the value. */
  readonly merges?: readonly Area[];
}

export function isCellError(v: CellValue | undefined): v is CellError {
  return typeof v === "object" && v !== null && typeof (v as CellError).error === "string";
}

/** Column letters for a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const LETTERS: string[] = [];
for (let c = 0; c < 1024; c++) LETTERS.push(columnLetters(c));

/** A1 address for 0-based absolute row and column: (0,0) → "A1". */
export function a1(row: number, col: number): string {
  return (col >= 0 && col < 1024 ? LETTERS[col] : columnLetters(col)) + (row + 1);
}

/** Parses "B12" or "$B$12" into 0-based absolute row/col; undefined when it is not an A1 cell. */
export function parseA1(address: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1) return undefined;
  return { row: row - 1, col: col - 1 };
}

/** Columns per row in a position (a1Position): more than the widest column parseA1 reads (ZZZ, 18,278). */
export const POSITION_COLUMNS = 32768;

/** The position of an address that is not an A1 cell: after every cell. */
export const NO_POSITION = Number.MAX_SAFE_INTEGER;

/**
 * A cell's place in report order as one number, row × POSITION_COLUMNS + column (0-based), or NO_POSITION when
 * the text is not an A1 cell: positions compare as (row, column) would. Reads the address's characters once, with
 * nothing allocated (a finding's sort key is made from it); anything but a plain "B12" or "$B$12" goes to parseA1,
 * so the two always agree.
 */
export function a1Position(address: string): number {
  const n = address.length;
  let i = address.charCodeAt(0) === 36 ? 1 : 0; // $
  let col = 0;
  const lettersFrom = i;
  for (; i < n; i++) {
    const c = address.charCodeAt(i) | 32; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  const letters = i - lettersFrom;
  if (i < n && address.charCodeAt(i) === 36) i++;
  let row = 0;
  const digitsFrom = i;
  for (; i < n; i++) {
    const c = address.charCodeAt(i);
    if (c < 48 || c > 57) break;
    row = row * 10 + (c - 48);
  }
  const digits = i - digitsFrom;
  if (i === n && letters >= 1 && letters <= 3 && digits >= 1 && digits <= 7 && row >= 1) return (row - 1) * POSITION_COLUMNS + (col - 1);
  const at = parseA1(address); // spaces around it, or not a cell
  return at ? at.row * POSITION_COLUMNS + at.col : NO_POSITION;
}

/** The 0-based row of a position (a1Position). */
export function positionRow(position: number): number {
  return Math.floor(position / POSITION_COLUMNS);
}

/** The 0-based column of a position (a1Position). */
export function positionCol(position: number): number {
  return position % POSITION_COLUMNS;
}

/** Parses "A1:C10" (with an optional sheet prefix, which is dropped) into an area. */
export function parseArea(text: string): Area | undefined {
  const bang = text.lastIndexOf("!");
  const body = bang >= 0 ? text.slice(bang + 1) : text;
  const [p, q] = body.split(":");
  const s = parseA1(p);
  const e = q === undefined ? s : parseA1(q);
  if (!s || !e) return undefined;
  return {
    top: Math.min(s.row, e.row),
    left: Math.min(s.col, e.col),
    bottom: Math.max(s.row, e.row),
    right: Math.max(s.col, e.col),
  };
}

/** Number of rows in a grid. */
export function rowCount(grid: Grid): number {
  return grid.values.length;
}

/** Widest row of a grid. */
export function colCount(grid: Grid): number {
  let w = 0;
  for (const r of grid.values) if (r.length > w) w = r.length;
  return w;
}

/** Value at grid-relative (r, c); empty when outside. */
export function cellAt(grid: Grid, r: number, c: number): CellValue {
  const row = grid.values[r];
  if (!row) return null;
  const v = row[c];
  return v === undefined ? null : v;
}

/** Number format at grid-relative (r, c), when known. */
export function formatAt(grid: Grid, r: number, c: number): string | null {
  const row = grid.numberFormats?.[r];
  const f = row?.[c];
  return f === undefined ? null : f;
}

/** Text of a cell as a person would read it (numbers in plain decimal, errors as their code, empty as ""). */
export function cellText(v: CellValue): string {
  if (v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v.error;
}

/** True for null, "" and whitespace-only strings. */
export function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}


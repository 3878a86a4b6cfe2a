/**
 * A batch of cells as Office.js returns them (Range.values and Range.numberFormat), packed for the trip from the
 * pane's thread to its check worker: one kind byte, number and format index per cell in typed arrays (moved, not
 * copied, by postMessage), the texts joined into one string. A structured clone of 160,000 cells as arrays of
 * arrays of strings takes the pane's thread ~60 ms on this machine; their packed form is one string and four
 * buffers. Packing also measures what the batch weighed on the wire (the UTF-8 bytes of the JSON of both matrices,
 * as payloadBytes counts them), which sizes the reader's later batches, in the same pass over the cells.
 * Unpacking (in the worker) gives the engine's grid rows, as fromExcelValue converts them.
 * Pure: no Office, no DOM.
 */
import type { CellValue } from "../domain/grid";
import { fromExcelValue } from "./values";

/** A rectangle of cells, row-major. */
export interface PackedRows {
  readonly rows: number;
  readonly cols: number;
  /** Per cell: KIND_EMPTY, KIND_NUMBER, KIND_TEXT, KIND_TRUE or KIND_FALSE. */
  readonly kinds: Uint8Array;
  /** The numbers, in cell order. */
  readonly numbers: Float64Array;
  /** The texts, in cell order, joined; each one's length in `lengths`. */
  readonly text: string;
  readonly lengths: Uint32Array;
  /** Per cell, an index into `formatNames` (absent when no formats were read). */
  readonly formats?: Uint32Array;
  readonly formatNames: readonly (string | null)[];
}

export const KIND_EMPTY = 0;
export const KIND_NUMBER = 1;
export const KIND_TEXT = 2;
export const KIND_TRUE = 3;
export const KIND_FALSE = 4;

/** The buffers postMessage can move instead of copying. */
export function packedTransfer(p: PackedRows): ArrayBuffer[] {
  const out: ArrayBuffer[] = [p.kinds.buffer as ArrayBuffer, p.numbers.buffer as ArrayBuffer, p.lengths.buffer as ArrayBuffer];
  if (p.formats) out.push(p.formats.buffer as ArrayBuffer);
  return out;
}

/** UTF-8 bytes of a string's JSON, counted as payloadBytes counts the JSON text (workbook.ts). */
export function jsonStringBytes(s: string): number {
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      // JSON.stringify escapes " and \ (2 characters), \b \t \n \f \r (2), other controls as \u00XX (6).
      if (c >= 0x20) n += c === 0x22 || c === 0x5c ? 2 : 1;
      else n += c === 8 || c === 9 || c === 10 || c === 12 || c === 13 ? 2 : 6;
    } else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d < 0xe000) {
        // A pair: payloadBytes counts 2 for the high half and 3 for the low one.
        n += 5;
        i++;
      } else n += 6; // a lone half: \uDXXX
    } else if (c >= 0xdc00 && c < 0xe000) n += 6;
    else n += 3;
  }
  return n;
}

/** UTF-8 bytes of one cell's JSON inside an array (a value JSON cannot hold counts as null, as JSON.stringify writes it). */
function cellBytes(v: unknown): number {
  if (typeof v === "string") return jsonStringBytes(v);
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return 4;
    if (Number.isInteger(v) && v < 1e15 && v > -1e15) {
      // Digits without making the string (-0 prints as 0).
      let n = v < 0 ? 2 : 1;
      for (let a = Math.abs(v); a >= 10; a = Math.floor(a / 10)) n++;
      return n;
    }
    return String(v).length;
  }
  if (typeof v === "boolean") return v ? 4 : 5;
  if (v === null || v === undefined || typeof v === "function" || typeof v === "symbol") return 4;
  const json = JSON.stringify([v]);
  return json === undefined ? 4 : jsonStringBytes(json) - 4;
}

/** Bytes of a matrix's JSON framing: "[" + rows joined by "," + "]", each row "[" + cells joined by "," + "]". */
function framing(rows: readonly (readonly unknown[])[]): number {
  let n = rows.length ? 1 + rows.length : 2;
  for (const row of rows) n += row.length ? 1 + row.length : 2;
  return n;
}

const clock = (): number => (typeof performance !== "undefined" ? performance.now() : Date.now());

/**
 * A new task of the event loop: a message to this thread where MessageChannel exists (a chain of timers is clamped
 * to 4 ms after five), else a timer. The pane paints and answers between two.
 */
export function nextTask(): Promise<void> {
  if (typeof MessageChannel === "function") {
    return new Promise((resolve) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        ch.port1.close();
        resolve();
      };
      ch.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Packs `values` (and `numberFormat`, when read) cell by cell, a slice of rows at a time, giving the thread back
 * between slices once `sliceMs` has passed; `bytes` is what payloadBytes gives the two matrices, to the byte.
 * Ragged rows are padded with empty cells to the widest (Excel's matrices are rectangular).
 */
export async function packCells(
  values: readonly (readonly unknown[])[],
  numberFormat: readonly (readonly unknown[])[] | undefined,
  sliceMs = 8,
): Promise<{ packed: PackedRows; bytes: number }> {
  const rows = values.length;
  let cols = 0;
  for (const row of values) if (row.length > cols) cols = row.length;
  const cells = rows * cols;
  const kinds = new Uint8Array(cells);
  const numbers: number[] = [];
  const texts: string[] = [];
  const lengths: number[] = [];
  const formats = numberFormat ? new Uint32Array(cells) : undefined;
  const formatNames: (string | null)[] = [];
  const formatIndex = new Map<string | null, number>();
  const formatBytes: number[] = [];
  let bytes = framing(values) + (numberFormat ? framing(numberFormat) : 0);
  let since = clock();
  for (let r = 0; r < rows; r++) {
    const row = values[r];
    const base = r * cols;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      bytes += cellBytes(v);
      if (v === null || v === undefined || v === "") continue;
      if (typeof v === "number") {
        kinds[base + c] = KIND_NUMBER;
        numbers.push(v);
      } else if (typeof v === "boolean") kinds[base + c] = v ? KIND_TRUE : KIND_FALSE;
      else {
        const s = typeof v === "string" ? v : String(v);
        kinds[base + c] = KIND_TEXT;
        texts.push(s);
        lengths.push(s.length);
      }
    }
    if (formats) {
      const frow = numberFormat?.[r] ?? [];
      for (let c = 0; c < Math.max(frow.length, cols); c++) {
        // A cell the format matrix does not reach has no format (null), as received() leaves it.
        const f = c < frow.length ? frow[c] : null;
        const name = f == null ? null : typeof f === "string" ? f : String(f);
        let i = formatIndex.get(name);
        if (i === undefined) {
          i = formatNames.length;
          formatNames.push(name);
          formatIndex.set(name, i);
          formatBytes.push(cellBytes(name));
        }
        // A format's bytes are counted once per distinct text (most cells share a handful of formats).
        if (c < frow.length) bytes += typeof f === "string" || f === null ? formatBytes[i] : cellBytes(f);
        if (c < cols) formats[base + c] = i;
      }
    }
    if ((r & 63) === 63 && clock() - since > sliceMs) {
      await nextTask();
      since = clock();
    }
  }
  // A numberFormat matrix with more rows than values still counts on the wire.
  if (numberFormat) for (let r = rows; r < numberFormat.length; r++) for (const f of numberFormat[r]) bytes += cellBytes(f);
  const packed: PackedRows = {
    rows,
    cols,
    kinds,
    numbers: Float64Array.from(numbers),
    text: texts.join(""),
    lengths: Uint32Array.from(lengths),
    ...(formats ? { formats } : {}),
    formatNames,
  };
  return { packed, bytes };
}

/** The engine's grid rows (and number formats) of a packed batch. */
export function unpackCells(p: PackedRows): { values: CellValue[][]; formats: (string | null)[][] | undefined } {
  const values: CellValue[][] = new Array<CellValue[]>(p.rows);
  const formats: (string | null)[][] | undefined = p.formats ? new Array<(string | null)[]>(p.rows) : undefined;
  let n = 0;
  let t = 0;
  let at = 0;
  for (let r = 0; r < p.rows; r++) {
    const row: CellValue[] = new Array<CellValue>(p.cols);
    const base = r * p.cols;
    for (let c = 0; c < p.cols; c++) {
      switch (p.kinds[base + c]) {
        case KIND_NUMBER:
          row[c] = p.numbers[n++];
          break;
        case KIND_TEXT: {
          const len = p.lengths[t++];
          row[c] = fromExcelValue(p.text.slice(at, at + len));
          at += len;
          break;
        }
        case KIND_TRUE:
          row[c] = true;
          break;
        case KIND_FALSE:
          row[c] = false;
          break;
        default:
          row[c] = null;
      }
    }
    values[r] = row;
    if (formats && p.formats) {
      const frow: (string | null)[] = new Array<string | null>(p.cols);
      for (let c = 0; c < p.cols; c++) frow[c] = p.formatNames[p.formats[base + c]];
      formats[r] = frow;
    }
  }
  return { values, formats };
}

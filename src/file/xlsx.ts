/**
 * .xlsx / .xlsm → grids, with ExcelJS (Node adapter). The conversion itself (and its decisions and limits) lives in
 * grid-convert.ts, shared with the browser page; this file reads the file into memory first, so the input is never
 * written or held open, and gives grid-convert Node's zlib as its bounded inflater.
 */
import { promises as fs } from "fs";
import * as zlib from "zlib";
import ExcelJS from "exceljs";
import type { Grid } from "../domain/grid";
import { InflateOverflowError, loadXlsxContent, type RawInflater, type XlsxContent, type XlsxLoadOptions } from "./grid-convert";

export { WorkbookReadError, dateToSerial, DEFAULT_XLSX_LIMITS, type XlsxLimits, type XlsxContent, type XlsxProgress } from "./grid-convert";

/** zlib's raw inflate, never producing more than `maxBytes` (zlib stops there and throws). */
export const inflateRawNode: RawInflater = (data, maxBytes) => {
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch (e) {
    if (typeof e === "object" && e !== null && (e as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE") throw new InflateOverflowError();
    throw e;
  }
};

/** Options for reading an .xlsx here: grid-convert's, the inflater set to zlib's. */
export type ReadXlsxOptions = Omit<XlsxLoadOptions, "inflateRaw">;

/** Reads every (not very-hidden) worksheet of an .xlsx file or buffer into grids, with the cells whose text was cut. */
export async function readXlsxContent(input: string | Buffer, options: ReadXlsxOptions = {}): Promise<XlsxContent> {
  const buffer = typeof input === "string" ? await fs.readFile(input) : input;
  return loadXlsxContent(ExcelJS, buffer, { ...options, inflateRaw: inflateRawNode });
}

/** Reads every (not very-hidden) worksheet of an .xlsx file or buffer into grids. */
export async function readXlsx(input: string | Buffer, options: ReadXlsxOptions = {}): Promise<Grid[]> {
  return (await readXlsxContent(input, options)).grids;
}

/**
 * .xlsx / .xlsm → grids, with ExcelJS (Node adapter). The conversion itself (and its decisions) lives in
 * grid-convert.ts, shared with the browser page; this file only reads the file into memory first, so the input
 * is never written or held open.
 */
import { promises as fs } from "fs";
import ExcelJS from "exceljs";
import type { Grid } from "../domain/grid";
import { loadXlsxGrids } from "./grid-convert";

export { WorkbookReadError, dateToSerial } from "./grid-convert";

/** Reads every (not very-hidden) worksheet of an .xlsx file or buffer into grids. */
export async function readXlsx(input: string | Buffer): Promise<Grid[]> {
  const buffer = typeof input === "string" ? await fs.readFile(input) : input;
  return loadXlsxGrids(ExcelJS, buffer);
}

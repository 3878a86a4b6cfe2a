/**
 * .xlsx / .xlsm → grids (Node adapter). The decisions and limits live in grid-convert.ts, shared with the browser
 * page (which reads with ExcelJS); here the sheets are read as they inflate by xlsx-stream.ts, which gives the same
 * grids without ExcelJS (so the command loads ExcelJS only to write a report workbook). The file is read into
 * memory first, so the input is never written or held open; Node's zlib is the bounded inflater.
 */
import { promises as fs } from "fs";
import * as v8 from "v8";
import * as zlib from "zlib";
import type { Grid } from "../domain/grid";
import { DEFAULT_XLSX_LIMITS, InflateOverflowError, type ChunkInflater, type RawInflater, type XlsxContent, type XlsxLoadOptions } from "./grid-convert";
import { streamXlsxContent } from "./xlsx-stream";

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

/** zlib's raw inflate as a stream of chunks of about `chunkBytes` (the reader bounds them and checks the CRC). */
export const inflateChunksNode: ChunkInflater = (data, chunkBytes) => {
  const inflater = zlib.createInflateRaw({ chunkSize: Math.max(zlib.constants.Z_MIN_CHUNK, chunkBytes) });
  inflater.end(data);
  return inflater as AsyncIterable<Buffer>;
};

/**
 * Heap one cell costs while ExcelJS holds the workbook and the engine checks it: measured here at about 650 bytes of
 * peak RSS per cell (500,000 rows × 9 columns: 2.95 GB), rounded up.
 */
const HEAP_BYTES_PER_CELL = 800;

/**
 * The default cell limit in Node: DEFAULT_XLSX_LIMITS.maxCells, or fewer when this process's heap could not hold
 * them (about 5 million with Node's 4 GB default), so a workbook too big for memory is refused with a message
 * instead of ending the process out of memory.
 */
export function defaultMaxCells(heapLimit: number = v8.getHeapStatistics().heap_size_limit): number {
  return Math.min(DEFAULT_XLSX_LIMITS.maxCells, Math.floor(heapLimit / HEAP_BYTES_PER_CELL));
}

/** Options for reading an .xlsx here: grid-convert's, the inflater set to zlib's. */
export type ReadXlsxOptions = Omit<XlsxLoadOptions, "inflateRaw">;

/** Reads every (not very-hidden) worksheet of an .xlsx file or buffer into grids, with the cells whose text was cut. */
export async function readXlsxContent(input: string | Buffer, options: ReadXlsxOptions = {}): Promise<XlsxContent> {
  const buffer = typeof input === "string" ? await fs.readFile(input) : input;
  return streamXlsxContent(buffer, { ...options, limits: { maxCells: defaultMaxCells(), ...options.limits }, inflateRaw: inflateRawNode, inflateChunks: inflateChunksNode });
}

/** Reads every (not very-hidden) worksheet of an .xlsx file or buffer into grids. */
export async function readXlsx(input: string | Buffer, options: ReadXlsxOptions = {}): Promise<Grid[]> {
  return (await readXlsxContent(input, options)).grids;
}

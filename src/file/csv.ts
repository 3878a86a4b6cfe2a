/**
 * .csv → one grid (Node adapter). Parsing is the domain's (parseCsv) and the grid rules are in csv-grid.ts
 * (shared with the browser page); this file reads the file and decodes legacy encodings with iconv-lite.
 * The sheet name is the file name without its extension.
 */
import { promises as fs } from "fs";
import * as path from "path";
import * as iconv from "iconv-lite";
import type { Grid } from "../domain/grid";
import { csvTextToGrid, detectEncoding, type CsvEncoding } from "./csv-grid";

export { csvValue, detectEncoding, type CsvEncoding } from "./csv-grid";

/** Decodes CSV bytes to text (BOM dropped). */
export function decodeCsvBytes(bytes: Buffer): { text: string; encoding: CsvEncoding } {
  const encoding = detectEncoding(bytes);
  let text: string;
  if (encoding === "utf-8") text = new TextDecoder("utf-8").decode(bytes);
  else if (encoding === "utf-16be") text = iconv.decode(bytes, "utf-16be");
  else text = iconv.decode(bytes, encoding);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, encoding };
}

/** Reads a CSV file (or its bytes) into one grid. `sheet` defaults to the file name without extension. */
export async function readCsv(input: string | Buffer, sheet?: string): Promise<Grid & { encoding: CsvEncoding }> {
  const bytes = typeof input === "string" ? await fs.readFile(input) : input;
  const { text, encoding } = decodeCsvBytes(bytes);
  const name = sheet ?? (typeof input === "string" ? path.basename(input, path.extname(input)) : "CSV");
  return { ...csvTextToGrid(text, name), encoding };
}

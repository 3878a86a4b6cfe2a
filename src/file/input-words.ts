/**
 * What the file readers say about a file, shared by the command line (inputs.ts) and the browser page: the refusal
 * of a format we do not read, of a file too large or empty, and the notices about bytes that did not decode or text
 * that was cut. No Node built-ins, so the page words each case as `jx check` does.
 */
import { issueType, sayText } from "../domain/catalog";
import { a1, type Grid } from "../domain/grid";
import type { FileNotice } from "./batch";
import { invalidBytesMessage, type CsvEncoding, type InvalidBytes } from "./csv-grid";
import { WorkbookReadError, type XlsxContent } from "./grid-convert";

/** Spreadsheet formats people will hand us that we cannot read, with the advice to give. */
export const OTHER_SPREADSHEETS: ReadonlySet<string> = new Set([".xls", ".xlsb", ".et", ".ett", ".ods", ".numbers", ".xlt", ".xltx", ".wps"]);

/** Extensions read, and how. */
export const READABLE: Readonly<Record<string, "xlsx" | "csv">> = { ".xlsx": "xlsx", ".xlsm": "xlsx", ".csv": "csv" };

/** Bilingual refusal for a file extension we do not read. */
export function unsupportedMessage(ext: string): { message: string; messageEn: string } {
  const e = ext || "(无扩展名)";
  const eEn = ext || "(no extension)";
  if (OTHER_SPREADSHEETS.has(ext.toLowerCase())) {
    return {
      message: `不支持 ${e} 格式，请在 Excel 或 WPS 中另存为 .xlsx`,
      messageEn: `${eEn} is not supported: save it as .xlsx in Excel or WPS`,
    };
  }
  return {
    message: `不是电子表格文件（${e}），只能检查 .xlsx、.xlsm 和 .csv`,
    messageEn: `not a spreadsheet (${eEn}): only .xlsx, .xlsm and .csv can be checked`,
  };
}

/** A size for people: "200 MB", "8.5 KB", "12 bytes" (one decimal below 10, so 200 MB + 1 byte reads "200 MB"). */
export function sizeText(n: number): string {
  const round = (x: number): string => String(x >= 10 ? Math.round(x) : Math.round(x * 10) / 10);
  if (n >= 1024 * 1024) return `${round(n / (1024 * 1024))} MB`;
  if (n >= 1024) return `${round(n / 1024)} KB`;
  return `${n} bytes`;
}

/**
 * The refusal of a file above the size limit. `raise` is how this front lets the user raise the limit (the command
 * line's --max-size); without it the sentence ends at "未读取 / was not read".
 */
export function tooLargeError(size: number, max: number, raise?: { readonly zh: string; readonly en: string }): WorkbookReadError {
  return new WorkbookReadError(
    `文件过大（${sizeText(size)}），超过上限 ${sizeText(max)}，未读取${raise ? `；${raise.zh}` : ""}`,
    `the file is too large (${sizeText(size)}, limit ${sizeText(max)}) and was not read${raise ? `: ${raise.en}` : ""}`,
    undefined,
    "unreadable",
  );
}

/** The refusal of an empty file. */
export function emptyFileError(): WorkbookReadError {
  return new WorkbookReadError("文件为空（0 字节）", "the file is empty (0 bytes)", undefined, "empty");
}

/** The first cell whose text holds U+FFFD (where a byte did not decode). */
function replacedCell(grid: Grid): { cell: string; value: string } {
  for (let r = 0; r < grid.values.length; r++) {
    const row = grid.values[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === "string" && v.includes("\uFFFD")) return { cell: a1(grid.top + r, grid.left + c), value: v };
    }
  }
  return { cell: "A1", value: "" };
}

/** The warning for a CSV with bytes that did not decode: where the first shows, and its byte offset. */
export function invalidBytesNotice(grid: Grid, encoding: CsvEncoding, invalid: InvalidBytes): FileNotice {
  return {
    code: "file.invalid-bytes",
    severity: "warning",
    sheet: grid.sheet,
    ...replacedCell(grid),
    ...invalidBytesMessage(encoding, invalid),
    source: issueType("file.invalid-bytes").source,
  };
}

/** The warning for cells whose text was cut to the limit: how many, and the first with its length. */
export function longTextNotice(cut: NonNullable<XlsxContent["cut"]>): FileNotice {
  const { first, count } = cut;
  return {
    ...sayText("file.long-text", "cut", { count, cell: first.cell, length: first.length }),
    severity: "warning",
    sheet: first.sheet,
    cell: first.cell,
    value: "",
    source: issueType("file.long-text").source,
  };
}

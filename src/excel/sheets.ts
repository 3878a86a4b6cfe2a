/**
 * The add-in's own sheets: their names, and helpers for writing user text into them. Which sheets are the add-in's
 * is decided by the markers it stores (ownership.ts), never by these names: a sheet of the user's may have them.
 */
import { shownText } from "../file/shown-text";

/** The validation report sheet's name (replaced on every rerun; 校验报告 (2) … when a user sheet has the name). */
export const REPORT_SHEET = "校验报告";
/** The coverage statistics sheet's name (replaced on every rerun; 覆盖率统计 (2) … likewise). */
export const COVERAGE_SHEET = "覆盖率统计";

/** The missing-target list's sheet name, beside 覆盖率统计 as in the downloaded report (replaced on every rerun likewise). */
export const MISSING_SHEET = "缺少目标清单";

/** A sheet name as Excel formulas and addresses want it: always quoted, inner quotes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** "'Sheet'!A1". */
export function sheetRef(sheet: string, cell: string): string {
  return `${quoteSheet(sheet)}!${cell}`;
}

/** Splits "Sheet1!A1:B2,'a,b'!C3" at commas outside quotes. */
export function splitAddressList(list: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of list) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      if (cur.trim()) out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/**
 * A text Excel would not keep as written if typed into a cell: a formula start (= + - @, or full-width ＝＋－＠)
 * first or after leading whitespace (tab, CR, LF, the ideographic space …), or a leading apostrophe (Excel's quote
 * prefix, which it would drop). Range.values reads its strings as typed input ("If the returned value starts with
 * a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a formula"), and so does a user
 * pressing F2 and Enter on the cell later.
 */
const NEEDS_QUOTE_PREFIX = /^(?:'|[\s\u200b]*[=+\-@\uff1d\uff0b\uff0d\uff20])/;

/**
 * A text cell safe to write through Range.values: prefixed with an apostrophe (Excel's quote prefix, dropped on
 * entry) when Excel would otherwise read it as a formula or drop its leading apostrophe. "-5" is written "'-5" and
 * shows -5 as text, as the user wrote it. Use it together with TEXT_FORMAT on the cells. Text from a checked sheet is
 * written as every front shows it (shown-text.ts: controls and bidi overrides out, line breaks kept), as the report
 * download's cells are.
 */
export function safeText(raw: string): string {
  const s = shownText(raw);
  return NEEDS_QUOTE_PREFIX.test(s) ? `'${s}` : s;
}

/**
 * Excel's text number format. Cells that show user text get it before their values are written, so a number-like
 * text ("0012", "1e5") stays as written and the cell stays text when edited; the quote prefix of safeText still
 * guards the formula starts.
 */
export const TEXT_FORMAT = "@";

/** Formats a block of cells as text (one 1×1 format, which office.js applies to every cell of the range). */
export function formatAsText(ws: Excel.Worksheet, top: number, left: number, rows: number, cols: number): void {
  if (rows > 0 && cols > 0) ws.getRangeByIndexes(top, left, rows, cols).numberFormat = [[TEXT_FORMAT]];
}

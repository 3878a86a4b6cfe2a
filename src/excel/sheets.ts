/**
 * Sheets the add-in owns. Everything the add-in writes goes to these sheets (or to its own conditional formats),
 * and the checker never reads them back as user data.
 */

/** The validation report sheet (replaced on every rerun). */
export const REPORT_SHEET = "校验报告";
/** The coverage statistics sheet (replaced on every rerun). */
export const COVERAGE_SHEET = "覆盖率统计";
/** Prefix of hidden helper sheets the add-in may create. */
export const HELPER_PREFIX = "_jx";

/** True for a sheet the add-in wrote (so it is skipped when checking, and may be replaced). */
export function isOwnSheet(name: string): boolean {
  return name === REPORT_SHEET || name === COVERAGE_SHEET || name.toLowerCase().startsWith(HELPER_PREFIX);
}

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

/** A text cell safe to write through Range.values: Excel would turn a leading "=" into a formula. */
export function safeText(s: string): string {
  return /^[=]/.test(s) ? `'${s}` : s;
}

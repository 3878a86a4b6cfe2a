/** Shared writing helpers for the add-in's own sheets. */
import { columnLetters } from "../domain/grid";
import { throwIfCancelled } from "./errors";

/** UTF-8 size of a value's JSON: what a write puts on the wire. */
export function wireBytes(v: unknown): number {
  const json = JSON.stringify(v) ?? "";
  let n = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
  }
  return n;
}

/**
 * Replaces the add-in's sheet `name`: an old one is renamed, the new one added, then the old one deleted, so the
 * workbook never drops to zero visible sheets. Other sheets are not touched. Costs one sync (the existence check);
 * the replacement itself is queued for the caller's next sync.
 */
export async function replaceOwnSheet(context: Excel.RequestContext, name: string, onSync: () => void): Promise<Excel.Worksheet> {
  const sheets = context.workbook.worksheets;
  const old = sheets.getItemOrNullObject(name);
  old.load("name");
  onSync();
  await context.sync();
  if (!old.isNullObject) old.name = `_jx_old_${Date.now() % 100000}`;
  const ws = sheets.add(name);
  if (!old.isNullObject) old.delete();
  return ws;
}

/**
 * Writes rows (all the same width) from (top, left) as values, in as many syncs as the payload budget needs
 * (one for anything under ~4 MB). Returns the syncs made.
 */
export async function writeRows(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  top: number,
  left: number,
  rows: readonly (readonly (string | number | boolean)[])[],
  options: { budget?: number; signal?: AbortSignal; kind?: "values" | "formulas" } = {},
): Promise<number> {
  const budget = options.budget ?? 4_000_000;
  if (!rows.length) return 0;
  const width = rows[0].length;
  let syncs = 0;
  let start = 0;
  let bytes = 0;
  const flush = async (end: number, last: boolean): Promise<void> => {
    if (end > start) {
      const r = ws.getRangeByIndexes(top + start, left, end - start, width);
      const block = rows.slice(start, end).map((row) => [...row]);
      if (options.kind === "formulas") r.formulas = block;
      else r.values = block;
    }
    start = end;
    bytes = 0;
    if (!last) {
      syncs++;
      await context.sync();
      throwIfCancelled(options.signal);
    }
  };
  for (let i = 0; i < rows.length; i++) {
    const b = wireBytes(rows[i]);
    if (bytes + b > budget && i > start) await flush(i, false);
    bytes += b;
  }
  await flush(rows.length, true);
  return syncs;
}

/** "A1:I40" for a block at 0-based (top, left) of the given size. */
export function blockAddress(top: number, left: number, rows: number, cols: number): string {
  return `${columnLetters(left)}${top + 1}:${columnLetters(left + cols - 1)}${top + rows}`;
}

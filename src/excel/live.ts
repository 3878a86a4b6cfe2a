/**
 * "Keep checking while I work": Excel tells the pane when a sheet's data changes, and the pane reads that one sheet
 * again (never the whole workbook).
 *
 * - `watchChanges` registers one handler on `workbook.worksheets.onChanged` (WorksheetCollection, ExcelApi 1.9: every
 *   sheet, new ones too). office.js registers it with the host in the batch, so the registration ends with
 *   `context.sync()`; the handler outlives the Excel.run that added it. `stop()` removes it as office.js documents:
 *   `Excel.run(result.context, …)`, `result.remove()`, then a sync on that same context.
 * - Changes this add-in makes itself (its report and coverage sheets) are not passed on: `triggerSource` is
 *   "ThisLocalAddin" for them on ExcelApi 1.14; on older hosts the pane skips the add-in's own sheets when it reads.
 * - `readSheetGrid` reads one sheet by id (or name) in 3 round trips whatever the rest of the workbook holds: the
 *   sheet's name and the add-in's markers; its used range; its values, number formats and merged areas (a large
 *   sheet is cut into row chunks under Excel on the web's 5 MB limit, as workbook.ts does for the workbook). A sheet
 *   a marker claims is read too and is the add-in's own only when its values verify (ownership.ts).
 *
 * Only real Excel can confirm: how soon after an edit the event arrives, that a paste or a fill fires one event for
 * its whole area, and that triggerSource is filled on every host that reports ExcelApi 1.14.
 */
import type { Area, Grid } from "../domain/grid";
import { claimDigest, claimedSheets, loadOwnership } from "./ownership";
import { ownerKey } from "./own-digest";
import { DEFAULT_BYTES_PER_CELL, DEFAULT_PAYLOAD_BUDGET, parseMergedAddress, planBatches } from "./workbook";
import { fromExcelValues } from "./values";

/** What the pane needs of a WorksheetChanged event. */
export interface SheetChange {
  readonly worksheetId: string;
  readonly address: string;
  readonly source: string;
  /** "ThisLocalAddin" when this add-in made the change (ExcelApi 1.14), else "Unknown" or absent. */
  readonly triggerSource?: string;
}

export interface ChangeWatch {
  /** Removes the handler (one Excel.run on the context it was added with). */
  stop(): Promise<void>;
}

/** Calls `onChange` for every data change Excel reports on any sheet, except this add-in's own writes. */
export async function watchChanges(onChange: (c: SheetChange) => void): Promise<ChangeWatch> {
  const result = await Excel.run(async (context) => {
    const r = context.workbook.worksheets.onChanged.add(async (args: Excel.WorksheetChangedEventArgs) => {
      const trigger = (args as { triggerSource?: string }).triggerSource;
      if (trigger === "ThisLocalAddin") return;
      onChange({ worksheetId: args.worksheetId, address: args.address, source: args.source, ...(trigger !== undefined ? { triggerSource: trigger } : {}) });
    });
    await context.sync();
    return r;
  });
  let stopped = false;
  return {
    async stop() {
      if (stopped) return;
      stopped = true;
      await Excel.run(result.context, async (context) => {
        result.remove();
        await context.sync();
      });
    },
  };
}

export interface SheetRead {
  /** The sheet's name now (undefined when it is gone). */
  readonly sheet?: string;
  /** The sheet's cells (absent when gone, or when it is one of the add-in's own sheets). */
  readonly grid?: Grid;
  /** True for the add-in's report or coverage sheet (never checked). */
  readonly own: boolean;
  readonly syncs: number;
}

interface Chunk {
  readonly row: number;
  readonly rows: number;
}

/** Reads one sheet (by id, else name) as a grid. */
export async function readSheetGrid(key: string, options: { readonly payloadBudget?: number; readonly bytesPerCell?: number } = {}): Promise<SheetRead> {
  const budget = options.payloadBudget ?? DEFAULT_PAYLOAD_BUDGET;
  const bytesPerCell = options.bytesPerCell ?? DEFAULT_BYTES_PER_CELL;
  return Excel.run(async (context) => {
    let syncs = 0;
    const sync = async (): Promise<void> => {
      syncs++;
      await context.sync();
    };
    const ws = context.workbook.worksheets.getItemOrNullObject(key);
    ws.load("name");
    const ownership = loadOwnership(context);
    await sync();
    if (ws.isNullObject) return { own: false, syncs };
    const name = ws.name;
    // A sheet a marker claims is read all the same: it is the add-in's only if its values verify (ownership.ts).
    const claim = claimedSheets(ownership(), [name]).get(name);
    const secret = claim ? ownerKey() : undefined;
    const isOwn = (box: { top: number; left: number; rows: number; cols: number } | undefined, rows: readonly unknown[][]): boolean =>
      !!(claim && secret && claim.digest && claim.given && claimDigest(secret, claim.kind, claim.given, box).rows(rows).value() === claim.digest);

    const used = ws.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    await sync();
    if (used.isNullObject) return isOwn(undefined, []) ? { sheet: name, own: true, syncs } : { sheet: name, own: false, syncs, grid: { sheet: name, top: 0, left: 0, values: [] } };
    const top = used.rowIndex;
    const left = used.columnIndex;
    const rows = used.rowCount;
    const cols = used.columnCount;

    const values = new Map<number, unknown[][]>();
    const formats = new Map<number, unknown[][]>();
    let merges: Area[] = [];
    const readBatch = async (batch: readonly Chunk[], withMerges: boolean): Promise<void> => {
      const loads = batch.map((c) => {
        const r = ws.getRangeByIndexes(top + c.row, left, c.rows, cols);
        r.load("values,numberFormat");
        return { c, r };
      });
      const m = withMerges ? ws.getRangeByIndexes(top, left, rows, cols).getMergedAreasOrNullObject() : undefined;
      m?.load("address");
      try {
        await sync();
      } catch (e) {
        const code = typeof e === "object" && e !== null ? (e as { code?: unknown }).code : undefined;
        const tooLarge = code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
        const splittable = batch.length > 1 || batch[0].rows > 1;
        if (!tooLarge || !splittable) throw e;
        const [a, b] = splitChunks(batch);
        await readBatch(a, withMerges);
        await readBatch(b, false);
        return;
      }
      for (const { c, r } of loads) {
        values.set(c.row, r.values);
        formats.set(c.row, r.numberFormat);
      }
      if (m && !m.isNullObject) merges = parseMergedAddress(m.address);
    };
    const batches = planBatches([{ rows, cols }], budget, bytesPerCell).map((b) => b.map((c) => ({ row: c.row, rows: c.rows })));
    for (let i = 0; i < batches.length; i++) await readBatch(batches[i], i === 0);

    const rowsV: unknown[][] = [];
    const rowsF: (string | null)[][] = [];
    for (const s of [...values.keys()].sort((a, b) => a - b)) {
      for (const row of values.get(s) ?? []) rowsV.push(row);
      for (const row of formats.get(s) ?? []) rowsF.push(row.map((x) => (x == null ? null : String(x))));
    }
    if (isOwn({ top, left, rows, cols }, rowsV)) return { sheet: name, own: true, syncs };
    return { sheet: name, own: false, syncs, grid: { sheet: name, top, left, values: fromExcelValues(rowsV), numberFormats: rowsF, merges } };
  });
}

function splitChunks(batch: readonly Chunk[]): [Chunk[], Chunk[]] {
  if (batch.length > 1) {
    const mid = Math.ceil(batch.length / 2);
    return [batch.slice(0, mid), batch.slice(mid)];
  }
  const c = batch[0];
  const half = Math.ceil(c.rows / 2);
  return [[{ row: c.row, rows: half }], [{ row: c.row + half, rows: c.rows - half }]];
}

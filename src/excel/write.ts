/** Shared writing helpers for the add-in's own sheets. */
import { columnLetters } from "../domain/grid";
import { CancelledError, OutputWriteError, throwIfCancelled } from "./errors";
import {
  freeMarkerName,
  freeSheetName,
  freeTableName,
  loadOwnership,
  markerComment,
  outputMarker,
  pendingMarkers,
  queueMarker,
  randomToken,
  type OutputKind,
} from "./ownership";

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

/** What the add-in's own sheet writer did. */
export interface OwnSheetWritten {
  /** The sheet written. */
  readonly sheet: string;
  /** The name asked for (校验报告): `sheet` differs when a sheet of the user's already has it. */
  readonly requested: string;
  /** True when a previous report (or coverage sheet) of the add-in's was replaced. */
  readonly replaced: boolean;
  /** Table names given, in the order the writer added its tables. */
  readonly tables: readonly string[];
  readonly syncs: number;
}

export interface OwnSheetSpec {
  readonly kind: OutputKind;
  /** The sheet name wanted (校验报告, 覆盖率统计). */
  readonly base: string;
  /** Table names wanted, in the order `fill` adds tables (JX_Report …). */
  readonly tables: readonly string[];
  /** Says in both languages what is written ("校验报告" / "the report sheet"), for errors. */
  readonly what: { readonly zh: string; readonly en: string };
  /**
   * Writes the new sheet (under a temporary name) and returns its tables, in `tables` order (they are renamed
   * here). `sync` is for writes too large for one round trip.
   */
  readonly fill: (ws: Excel.Worksheet, sync: () => Promise<void>) => Promise<Excel.Table[]>;
}

/**
 * Writes one of the add-in's own sheets so that nothing of the user's is lost and a failure leaves the previous one:
 *
 *   sync 1  the sheet names, the tables and the markers (ownership.ts);
 *   sync 2  add a new sheet under a temporary name (marked pending) and write it whole; move the previous sheet's
 *           table names out of the way and give the new tables theirs; only then delete the previous sheet of the
 *           add-in's (the marked one, never a user sheet that shares its name), rename the new sheet and move the
 *           marker to it.
 *
 * office.js runs a sync's commands in order and stops at the first that fails, keeping what ran before it. Every
 * command that can fail on the user's workbook (writing, adding a table, a table name clashing with a name the
 * add-in cannot see, such as a sheet-scoped defined name) comes before the deletion, so a failure leaves the
 * previous sheet; the half-written sheet is then deleted and the previous tables' names given back (up to two more
 * syncs, on failure only), and the error says both languages, Chinese first. After the deletion only renames to
 * names known to be free remain; should one still fail, the new sheet is complete and is kept (and named).
 * The sheet name is the base when it is free or held by the previous sheet of the add-in's, else "base (2)" …;
 * table names likewise (JX_Report, else JX_Report_2 …). Two syncs whatever the size, one more per further ~4 MB.
 */
export async function writeOwnSheet(spec: OwnSheetSpec): Promise<OwnSheetWritten> {
  return Excel.run(async (context) => {
    let syncs = 0;
    const sync = async (): Promise<void> => {
      syncs++;
      await context.sync();
    };
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    const allTables = context.workbook.tables;
    allTables.load("items/name");
    const ownership = loadOwnership(context);
    await sync();

    const names = sheets.items.map((s) => s.name);
    const own = ownership();
    const { live: previous, stale } = own.available ? outputMarker(own, spec.kind, names) : { live: undefined, stale: [] };
    const leftovers = own.available ? pendingMarkers(own, names) : { live: [], stale: [] };
    const sheetName = freeSheetName(spec.base, names, previous?.target);
    const taken = new Set([...names.map((n) => n.toLowerCase())]);
    const fresh = (prefix: string, used: ReadonlySet<string>): string => {
      let n = `${prefix}${randomToken(8)}`;
      while (used.has(n.toLowerCase())) n = `${prefix}${randomToken(8)}`;
      return n;
    };
    const temp = fresh("_jx_tmp_", taken);
    const takenTables = new Set([...allTables.items.map((t) => t.name.toLowerCase()), ...own.definedNames]);
    // The previous sheet's tables (as its marker records them, when they still exist) give their names up.
    const previousTables = previous ? previous.tables.filter((t) => takenTables.has(t.toLowerCase())) : [];
    const tableNames = spec.tables.map((b) => freeTableName(b, takenTables, previousTables));
    const parked = previousTables.map((t) => ({ original: t, parked: fresh("JX_old_", takenTables) }));
    // Marker names freed by this write (the previous marker, stale ones, leftovers) may be reused by the new ones.
    const freedMarkers = new Set([previous, ...stale, ...leftovers.live, ...leftovers.stale].filter((m) => m !== undefined).map((m) => m.name.toLowerCase()));
    const takenNames = new Set([...takenTables, ...parked.map((p) => p.parked.toLowerCase())].filter((n) => !freedMarkers.has(n)));
    const markerName = freeMarkerName(spec.kind, takenNames);
    const pendingName = freeMarkerName(`PENDING_${spec.kind}`, new Set([...takenNames, markerName.toLowerCase()]));
    const finish = { sheetName, markerName: own.available ? markerName : undefined, comment: markerComment(spec.kind, { sheet: sheetName, tables: tableNames }) };

    try {
      const ws = sheets.add(temp);
      // Leftovers of a write that did not finish, and markers that no longer mark anything.
      for (const m of leftovers.live) if (m.target) sheets.getItem(m.target).delete();
      for (const m of [...leftovers.live, ...leftovers.stale, ...stale]) context.workbook.names.getItem(m.name).delete();
      if (own.available) queueMarker(context, pendingName, ws, markerComment("pending", { sheet: temp, of: spec.kind }));
      const tables = await spec.fill(ws, sync);
      for (const p of parked) context.workbook.tables.getItem(p.original).name = p.parked;
      tables.forEach((t, i) => {
        t.name = tableNames[i];
      });
      // Point of no return: what follows only renames to names known to be free.
      if (previous?.target) {
        sheets.getItem(previous.target).delete();
        context.workbook.names.getItem(previous.name).delete();
      }
      ws.name = sheetName;
      if (own.available) {
        context.workbook.names.getItem(pendingName).delete();
        queueMarker(context, markerName, ws, finish.comment);
      }
      ws.activate();
      await sync();
    } catch (e) {
      const previousGone = await cleanUp(context, { temp, pendingName: own.available ? pendingName : undefined, previous: previous?.target, parked, ...finish });
      if (e instanceof CancelledError) throw e;
      throw new OutputWriteError(spec.what, e, previous === undefined ? "none" : previousGone ? "replaced" : "kept");
    }
    return { sheet: sheetName, requested: spec.base, replaced: previous !== undefined, tables: tableNames, syncs };
  });
}

interface CleanUp {
  readonly temp: string;
  readonly pendingName?: string;
  readonly previous?: string;
  readonly parked: readonly { readonly original: string; readonly parked: string }[];
  readonly sheetName: string;
  readonly markerName?: string;
  readonly comment: string;
}

/**
 * After a failed write (best effort, two syncs). While the previous sheet is there: delete the half-written sheet
 * and its pending marker, and give the previous tables their names back. Once it is gone (the failure came after
 * the deletion), the new sheet is complete: name it and mark it. Returns true when the previous sheet is gone.
 */
async function cleanUp(context: Excel.RequestContext, c: CleanUp): Promise<boolean> {
  let previousGone = false;
  try {
    const ws = context.workbook.worksheets.getItemOrNullObject(c.temp);
    ws.load("name");
    const old = c.previous ? context.workbook.worksheets.getItemOrNullObject(c.previous) : undefined;
    old?.load("name");
    const pending = c.pendingName ? context.workbook.names.getItemOrNullObject(c.pendingName) : undefined;
    pending?.load("name");
    const marker = c.markerName ? context.workbook.names.getItemOrNullObject(c.markerName) : undefined;
    marker?.load("name");
    const parked = c.parked.map((p) => {
      const t = context.workbook.tables.getItemOrNullObject(p.parked);
      t.load("name");
      return { t, original: p.original };
    });
    await context.sync();
    previousGone = old !== undefined && old.isNullObject;
    if (!previousGone) {
      if (!ws.isNullObject) ws.delete();
      if (pending && !pending.isNullObject) pending.delete();
      for (const p of parked) if (!p.t.isNullObject) p.t.name = p.original;
    } else if (!ws.isNullObject) {
      ws.name = c.sheetName;
      if (pending && !pending.isNullObject) pending.delete();
      if (c.markerName && marker?.isNullObject) queueMarker(context, c.markerName, ws, c.comment);
    }
    await context.sync();
  } catch {
    // Best effort: the error the user sees is the write's.
  }
  return previousGone;
}

/**
 * Writes rows (all the same width) from (top, left) as values, in as many syncs as the payload budget needs
 * (one for anything under ~4 MB: then the writes are left queued for the caller's sync). Returns the syncs made;
 * `onSync`, when given, makes them (so the caller counts them).
 */
export async function writeRows(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  top: number,
  left: number,
  rows: readonly (readonly (string | number | boolean)[])[],
  options: { budget?: number; signal?: AbortSignal; kind?: "values" | "formulas"; onSync?: () => Promise<void> } = {},
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
      if (options.onSync) await options.onSync();
      else await context.sync();
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

/** Shared writing helpers for the add-in's own sheets. */
import { columnLetters } from "../domain/grid";
import { CancelledError, OutputWriteError, throwIfCancelled } from "./errors";
import {
  freeMarkerName,
  freeSheetName,
  freeTableName,
  loadOwnership,
  markerComment,
  queueMarker,
  queueUsedBox,
  randomToken,
  readClaimDigests,
  type Marker,
  type OutputKind,
  type Ownership,
} from "./ownership";
import { ownerKey } from "./own-digest";

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
  /** Sheets a marker claimed for the add-in that did not verify: kept as the user's (the pane says so). */
  readonly kept?: readonly string[];
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
 *   sync 1   the sheet names, the tables and the markers (ownership.ts);
 *   sync 1b  only when a marker claims a sheet of this kind: that sheet's used range and values (one sync more per
 *            ~4 MB), to verify the claim against the marker's keyed digest (own-digest.ts). Only a verified sheet is
 *            the previous one, to be replaced; a claim that does not verify (forged, edited, or written on another
 *            computer) is ignored and its sheet kept: the new sheet then takes a free name and `kept` says which;
 *   sync 2   add a new sheet under a temporary name (marked pending) and write it whole; move the previous sheet's
 *            table names out of the way and give the new tables theirs; only then delete the previous sheet, rename
 *            the new sheet; ask for its used range;
 *   sync 3   its values as Excel now holds them (one sync more per ~4 MB), whose digest the marker keeps;
 *   sync 4   the pending marker becomes the sheet's marker, with that digest.
 * So four syncs for a first write, six for a replacement (two to verify the previous sheet).
 *
 * office.js runs a sync's commands in order and stops at the first that fails, keeping what ran before it. Every
 * command that can fail on the user's workbook (writing, adding a table, a table name clashing with a name the
 * add-in cannot see, such as a sheet-scoped defined name) comes before the deletion, so a failure leaves the
 * previous sheet; the half-written sheet is then deleted and the previous tables' names given back (up to two more
 * syncs, on failure only), and the error says both languages, Chinese first. After the deletion only renames to
 * names known to be free remain; should one still fail, the new sheet is complete and is kept (and named). A sheet
 * whose marker could not be written with its digest (a failure in syncs 3–4) is the user's from then on: kept,
 * checked, never replaced.
 * The sheet name is the base when it is free or held by the previous sheet of the add-in's, else "base (2)" …;
 * table names likewise (JX_Report, else JX_Report_2 …).
 */
export async function writeOwnSheet(spec: OwnSheetSpec): Promise<OwnSheetWritten> {
  return (await writeOwnSheets([spec]))[0];
}

/**
 * Several of the add-in's own sheets (each of its own kind) in the same syncs as one: the names, tables and markers
 * read once, every claim verified in one read, every sheet written in sync 2, every digest read in sync 3 and every
 * marker in sync 4. So four syncs for a first write of them all, six for a replacement. Each result's `syncs` is the
 * total. A failure before the point of no return leaves every previous sheet (each half-written sheet deleted); the
 * error names the first sheet's kind.
 */
export async function writeOwnSheets(specs: readonly OwnSheetSpec[]): Promise<OwnSheetWritten[]> {
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
    const key = own.available ? ownerKey() : undefined;
    const claimsOf = specs.map((spec) => (own.available ? outputClaims(own, spec.kind, names) : { candidates: [], stale: [] }));
    const allCandidates = claimsOf.flatMap((c) => c.candidates);
    const digests =
      allCandidates.length && key ? await readClaimDigests(context, sync, allCandidates.map((m) => ({ sheet: m.target as string, kind: m.kind, given: m.given as string })), key) : new Map<string, string>();
    const leftovers = own.available ? own.markers.filter((m) => m.kind === "pending") : [];
    const taken = new Set([...names.map((n) => n.toLowerCase())]);
    const fresh = (prefix: string, used: Set<string>): string => {
      let n = `${prefix}${randomToken(8)}`;
      while (used.has(n.toLowerCase())) n = `${prefix}${randomToken(8)}`;
      used.add(n.toLowerCase());
      return n;
    };
    const takenTables = new Set([...allTables.items.map((t) => t.name.toLowerCase()), ...own.definedNames]);
    const previousOf = claimsOf.map((claims) => {
      let previous: Marker | undefined;
      const kept: string[] = [];
      for (const m of claims.candidates) {
        if (!previous && m.digest && digests.get(m.target as string) === m.digest) previous = m;
        else kept.push(m.target as string);
      }
      return { previous, kept };
    });
    // Marker names freed by this write (the previous markers, stale ones, pending ones) may be reused by the new ones.
    const freedMarkers = new Set(
      [...previousOf.map((p) => p.previous), ...claimsOf.flatMap((c) => c.stale), ...leftovers].filter((m) => m !== undefined).map((m) => m.name.toLowerCase()),
    );
    const plans = specs.map((spec, k) => {
      const { previous, kept } = previousOf[k];
      const sheetName = freeSheetName(spec.base, names, previous?.target);
      const temp = fresh("_jx_tmp_", taken);
      // The previous sheet's tables (as its marker records them, when they still exist) give their names up.
      const previousTables = previous ? previous.tables.filter((t) => takenTables.has(t.toLowerCase())) : [];
      const tableNames = spec.tables.map((b) => freeTableName(b, takenTables, previousTables));
      const parked = previousTables.map((t) => ({ original: t, parked: fresh("JX_old_", takenTables) }));
      for (const t of tableNames) takenTables.add(t.toLowerCase());
      return { spec, previous, kept, sheetName, temp, tableNames, parked };
    });
    const takenNames = new Set([...takenTables].filter((n) => !freedMarkers.has(n)));
    const named = plans.map((p) => {
      const markerName = freeMarkerName(p.spec.kind, takenNames);
      takenNames.add(markerName.toLowerCase());
      const pendingName = freeMarkerName(`PENDING_${p.spec.kind}`, takenNames);
      takenNames.add(pendingName.toLowerCase());
      const finish = { sheetName: p.sheetName, markerName: own.available ? markerName : undefined, comment: markerComment(p.spec.kind, { sheet: p.sheetName, tables: p.tableNames }) };
      return { ...p, markerName, pendingName, finish, ws: undefined as Excel.Worksheet | undefined, used: undefined as Excel.Range | undefined };
    });

    try {
      // Markers that no longer mark anything, and pending ones (a write that did not finish: its sheet, if any, cannot
      // be proved the add-in's, so it is left as the user's).
      for (const m of [...leftovers, ...claimsOf.flatMap((c) => c.stale)]) context.workbook.names.getItem(m.name).delete();
      const filled: Excel.Table[][] = [];
      for (const n of named) {
        const ws = sheets.add(n.temp);
        n.ws = ws;
        if (own.available) queueMarker(context, n.pendingName, ws, markerComment("pending", { sheet: n.temp, of: n.spec.kind }));
        filled.push(await n.spec.fill(ws, sync));
      }
      named.forEach((n, k) => {
        for (const p of n.parked) context.workbook.tables.getItem(p.original).name = p.parked;
        filled[k].forEach((t, i) => {
          t.name = n.tableNames[i];
        });
      });
      // Point of no return: what follows only renames to names known to be free.
      for (const n of named) {
        if (n.previous?.target) {
          sheets.getItem(n.previous.target).delete();
          context.workbook.names.getItem(n.previous.name).delete();
        }
      }
      for (const n of named) (n.ws as Excel.Worksheet).name = n.sheetName;
      (named[0].ws as Excel.Worksheet).activate();
      for (const n of named) n.used = own.available ? queueUsedBox(n.ws as Excel.Worksheet) : undefined;
      await sync();
    } catch (e) {
      let gone: boolean | undefined;
      for (const n of named) {
        const previousGone = await cleanUp(context, { temp: n.temp, pendingName: own.available ? n.pendingName : undefined, previous: n.previous?.target, parked: n.parked, ...n.finish });
        gone ??= previousGone;
      }
      if (e instanceof CancelledError) throw e;
      throw new OutputWriteError(specs[0].what, e, named[0].previous === undefined ? "none" : gone ? "replaced" : "kept");
    }
    if (own.available) {
      // The digests of the sheets as Excel holds them (not as they were sent: Excel may store a value its own way).
      try {
        const digests = key
          ? await readClaimDigests(context, sync, named.map((n) => ({ sheet: n.sheetName, kind: n.spec.kind, given: n.sheetName, used: n.used })), key)
          : new Map<string, string>();
        for (const n of named) {
          context.workbook.names.getItem(n.pendingName).delete();
          queueMarker(context, n.markerName, n.ws as Excel.Worksheet, markerComment(n.spec.kind, { sheet: n.sheetName, tables: n.tableNames, digest: digests.get(n.sheetName) }));
        }
        await sync();
      } catch (e) {
        if (e instanceof CancelledError) throw e;
        // The sheets are written; unmarked, they are the user's from now on (kept, checked, never replaced).
      }
    }
    return named.map((n) => ({ sheet: n.sheetName, requested: n.spec.base, replaced: n.previous !== undefined, tables: n.tableNames, syncs, ...(n.kept.length ? { kept: n.kept } : {}) }));
  });
}

/**
 * The markers of one output kind: the candidates (each refers to a sheet that still has the name the add-in gave; the
 * write verifies them) and the stale ones (their sheet is gone or was renamed: removed on the next write).
 */
function outputClaims(o: Ownership, kind: OutputKind, sheets: readonly string[]): { candidates: Marker[]; stale: Marker[] } {
  const present = new Set(sheets);
  const candidates: Marker[] = [];
  const stale: Marker[] = [];
  for (const m of o.markers) {
    if (m.kind !== kind) continue;
    if (m.target !== undefined && m.target === m.given && present.has(m.target)) candidates.push(m);
    else stale.push(m);
  }
  return { candidates, stale };
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

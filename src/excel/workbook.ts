/**
 * Reading the workbook into the engine's grids (or, with a RowSink, handing each batch on as it arrives: the pane
 * streams them to its check worker), in a constant number of Excel round trips:
 *   sync 1: the sheet list (names, visibility), the active sheet and the add-in's markers (ownership.ts);
 *   sync 2: each sheet's used range (position and size only);
 *   sync 3: values, number formats and merged areas of every used range, cut into row chunks.
 * Excel on the web refuses a request or response over 5 MB, so the chunks are packed into round trips of at most
 * `payloadBudget` bytes: a workbook under that budget is read in 3 syncs whatever its row count, a larger one in
 * about 2 + ⌈size / budget⌉. The first batch is sized by an estimate per cell; every later one by the real payload
 * measured so far (the UTF-8 bytes of the JSON of the values and formats received, the largest per-cell figure
 * seen), so batches are full. If Excel still refuses a batch as too large, it is split in two and retried.
 * The add-in's own report and coverage sheets are left out only when their content proves it: a sheet a marker claims
 * is read like the others and left out once its values verify against the marker's keyed digest (own-digest.ts). A
 * forged, stale or edited claim is ignored (the sheet is checked, and `ignoredClaims` says so); a sheet of the user's
 * named 校验报告 or 覆盖率统计 (or anything else) is read like any other.
 */
import { parseArea, type Area, type CellValue, type Grid } from "../domain/grid";
import { splitAddressList } from "./sheets";
import { claimDigest, claimedSheets, loadOwnership, templateSheets, type IgnoredClaim, type Marker } from "./ownership";
import { ownerKey } from "./own-digest";
import { throwIfCancelled } from "./errors";
import { fromExcelValue } from "./values";
import { nextTask, packCells, type PackedRows } from "./packed";

export type CheckScope = "workbook" | "active";

export interface ReadProgress {
  /** Batches read so far, and in all (estimated from the payload measured so far). */
  readonly done: number;
  readonly total: number;
}

export interface ReadOptions {
  readonly scope?: CheckScope;
  /** Checked between round trips: aborting stops the read with CancelledError. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: ReadProgress) => void;
  /** Estimated bytes per round trip (default 4 MB, under Excel on the web's 5 MB). */
  readonly payloadBudget?: number;
  /** Estimated bytes per cell for values + number format, for the first batch (default 48; later batches measure). */
  readonly bytesPerCell?: number;
  /**
   * Where the cells go as each batch arrives, packed (packed.ts), instead of into the grids returned: the pane hands
   * them straight to its check worker, so that a million rows never sit on its thread. The result's `grids` are then
   * empty and `streamed` says which rows make which grid.
   */
  readonly sink?: RowSink;
}

/** Takes a read's cells as they arrive. */
export interface RowSink {
  /** The next rows of the `source`-th sheet read (in order; `source` numbers the non-empty sheets from 0). */
  rows(source: number, rows: PackedRows): void;
}

/** A grid of a read whose cells went to a RowSink: its rows are those the sink got for `source` (none when absent). */
export interface StreamedGrid {
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly merges?: readonly Area[];
  readonly source?: number;
}

export interface WorkbookGrids {
  /** One grid per sheet read, in workbook order (none when the cells went to `options.sink`). */
  readonly grids: Grid[];
  /** With a sink: one per sheet read, in workbook order, naming the rows the sink got for it. */
  readonly streamed?: StreamedGrid[];
  /** Names of the sheets read, in workbook order. */
  readonly sheets: string[];
  /** Sheets left out because the add-in wrote them (its report and coverage sheets, proved by their markers' digests). */
  readonly skipped: string[];
  /** Sheets a marker claims for the add-in that did not verify: read and checked as the user's. */
  readonly ignoredClaims?: IgnoredClaim[];
  /** Sheets read that the add-in inserted from its templates (marked; the user's to fill in, so checked). */
  readonly templates?: string[];
  /** The active sheet's name. */
  readonly active: string;
  /** Round trips used. */
  readonly syncs: number;
}

interface Chunk {
  readonly sheet: number;
  readonly row: number;
  readonly rows: number;
}

interface SheetPlan {
  readonly name: string;
  readonly ws: Excel.Worksheet;
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly cols: number;
}

const TOO_LARGE = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]);

function isTooLarge(e: unknown): boolean {
  const code = typeof e === "object" && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === "string" && TOO_LARGE.has(code);
}

/** Merged areas from RangeAreas.address ("S!A1:B2,S!C3:D3"), in absolute coordinates. */
export function parseMergedAddress(address: string): Area[] {
  const out: Area[] = [];
  for (const part of splitAddressList(address)) {
    const a = parseArea(part);
    if (a) out.push(a);
  }
  return out;
}

/** Cuts each sheet into row chunks of at most `cellsPerChunk` cells, then packs chunks into batches by estimated bytes. */
export function planBatches(plans: readonly { rows: number; cols: number }[], budget: number, bytesPerCell: number): Chunk[][] {
  const cellsPerBatch = Math.max(1, Math.floor(budget / bytesPerCell));
  const batches: Chunk[][] = [];
  let cur: Chunk[] = [];
  let curCells = 0;
  plans.forEach((p, sheet) => {
    const rowsPerChunk = Math.max(1, Math.floor(cellsPerBatch / Math.max(1, p.cols)));
    for (let row = 0; row < p.rows; row += rowsPerChunk) {
      const rows = Math.min(rowsPerChunk, p.rows - row);
      const cells = rows * p.cols;
      if (cur.length && curCells + cells > cellsPerBatch) {
        batches.push(cur);
        cur = [];
        curCells = 0;
      }
      cur.push({ sheet, row, rows });
      curCells += cells;
    }
  });
  if (cur.length) batches.push(cur);
  return batches;
}

/** UTF-8 bytes of a value's JSON: what the payload of a loaded property weighs on the wire. */
export function payloadBytes(v: unknown): number {
  const json = JSON.stringify(v);
  if (json === undefined) return 0;
  let n = json.length;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c >= 0x80) n += c < 0x800 ? 1 : c >= 0xd800 && c < 0xdc00 ? 1 : 2;
  }
  return n;
}

/**
 * The next batch from `cursor` (sheet index and row, advanced past it): row chunks of the sheets in order, at most
 * ⌊budget / bytesPerCell⌋ cells in all (one chunk at least), as planBatches packs them.
 */
export function nextBatch(plans: readonly { rows: number; cols: number }[], cursor: { sheet: number; row: number }, budget: number, bytesPerCell: number): Chunk[] {
  const cellsPerBatch = Math.max(1, Math.floor(budget / bytesPerCell));
  const batch: Chunk[] = [];
  let cells = 0;
  while (cursor.sheet < plans.length) {
    const p = plans[cursor.sheet];
    if (cursor.row >= p.rows) {
      cursor.sheet++;
      cursor.row = 0;
      continue;
    }
    const rowsPerChunk = Math.max(1, Math.floor(cellsPerBatch / Math.max(1, p.cols)));
    const rows = Math.min(rowsPerChunk, p.rows - cursor.row);
    const room = cellsPerBatch - cells;
    if (batch.length > 0 && rows * p.cols > room) {
      // Fill the batch with what fits of this sheet, whole rows; the rest starts the next one.
      const fit = Math.floor(room / Math.max(1, p.cols));
      if (fit <= 0) break;
      batch.push({ sheet: cursor.sheet, row: cursor.row, rows: fit });
      cursor.row += fit;
      break;
    }
    batch.push({ sheet: cursor.sheet, row: cursor.row, rows });
    cells += rows * p.cols;
    cursor.row += rows;
    if (cells >= cellsPerBatch) break;
  }
  return batch;
}

/** Longest stretch of work on a batch received before the pane's thread is given back, in ms. */
const SLICE_MS = 20;
/** The same when streaming to the check worker (the pane has nothing else to do meanwhile: short slices cost little). */
const STREAM_SLICE_MS = 8;
const clock = (): number => (typeof performance !== "undefined" ? performance.now() : Date.now());

/**
 * A batch's values and formats as grid rows, with the bytes they weighed on the wire (payloadBytes of each
 * matrix, summed row by row: "[" + rows joined by "," + "]"). Done a slice of rows at a time, giving the thread
 * back between slices: a 4 MB batch takes a few hundred ms to measure and convert on a slow PC, and the pane
 * must keep painting meanwhile (no sync is added).
 */
export async function received(values: readonly (readonly unknown[])[], numberFormat: readonly (readonly unknown[])[]): Promise<{ values: CellValue[][]; formats: (string | null)[][]; bytes: number }> {
  const outV: CellValue[][] = new Array<CellValue[]>(values.length);
  const outF: (string | null)[][] = new Array<(string | null)[]>(numberFormat.length);
  let bytes = (values.length ? 1 + values.length : 2) + (numberFormat.length ? 1 + numberFormat.length : 2);
  let since = clock();
  const rows = Math.max(values.length, numberFormat.length);
  for (let i = 0; i < rows; i++) {
    const v = values[i];
    if (v) {
      outV[i] = v.map(fromExcelValue);
      bytes += payloadBytes(v);
    }
    const f = numberFormat[i];
    if (f) {
      outF[i] = f.map((x) => (x == null ? null : String(x)));
      bytes += payloadBytes(f);
    }
    if ((i & 255) === 255 && clock() - since > SLICE_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      since = clock();
    }
  }
  return { values: outV, formats: outF, bytes };
}

/** Bytes per round trip (under Excel on the web's 5 MB) and the first estimate of bytes per cell, for every read. */
export const DEFAULT_PAYLOAD_BUDGET = 4_000_000;
export const DEFAULT_BYTES_PER_CELL = 48;

/** Reads the used ranges of the workbook's sheets (or of the active sheet) as grids. */
export async function readWorkbookGrids(options: ReadOptions = {}): Promise<WorkbookGrids> {
  const scope = options.scope ?? "workbook";
  const budget = options.payloadBudget ?? DEFAULT_PAYLOAD_BUDGET;
  const bytesPerCell = options.bytesPerCell ?? DEFAULT_BYTES_PER_CELL;
  const sink = options.sink;
  return Excel.run(async (context) => {
    let syncs = 0;
    const sync = async (): Promise<void> => {
      syncs++;
      await context.sync();
    };

    // 1: which sheets.
    const sheets = context.workbook.worksheets;
    sheets.load("items/name,items/visibility");
    const activeWs = sheets.getActiveWorksheet();
    activeWs.load("name");
    const ownership = loadOwnership(context);
    await sync();
    throwIfCancelled(options.signal);
    const active = activeWs.name;
    const allNames = sheets.items.map((ws) => ws.name);
    const marked = ownership();
    // Sheets a marker claims are read like the others; the claim stands only if their content verifies (below).
    const claims = claimedSheets(marked, allNames);
    const key = claims.size ? ownerKey() : undefined;
    const templates = templateSheets(marked, allNames);
    const chosen = sheets.items.filter((ws) => scope === "workbook" || ws.name === active);

    // 2: how big (values only: a formatted empty column must not widen the read).
    const used = chosen.map((ws) => {
      const u = ws.getUsedRangeOrNullObject(true);
      u.load("rowIndex,columnIndex,rowCount,columnCount");
      return { ws, u };
    });
    await sync();
    throwIfCancelled(options.signal);
    const plans: SheetPlan[] = [];
    const empty = new Set<string>();
    for (const { ws, u } of used) {
      if (u.isNullObject) empty.add(ws.name);
      else plans.push({ name: ws.name, ws, top: u.rowIndex, left: u.columnIndex, rows: u.rowCount, cols: u.columnCount });
    }

    // 3: the cells, in as few round trips as the payload budget allows.
    // Row chunks by sheet, keyed by their first row (a retried batch may arrive split), converted to grid rows as
    // each batch arrives (a long pass over a million rows at the end would hold the pane's thread for seconds). A
    // sheet a marker claims also keeps its rows as read, for the digest that verifies the claim.
    const values = plans.map(() => new Map<number, CellValue[][]>());
    const formats = plans.map(() => new Map<number, (string | null)[][]>());
    const raw = plans.map((p) => (claims.has(p.name) ? new Map<number, unknown[][]>() : undefined));
    const merges: Area[][] = plans.map(() => []);
    const allCells = plans.reduce((n, p) => n + p.rows * p.cols, 0);
    let cellsRead = 0;
    let done = 0;
    let perCell = bytesPerCell;
    let measured = 0;
    // Batches change size as the payload is measured: the total is re-estimated after each.
    const estimate = (): number => done + Math.ceil((allCells - cellsRead) / Math.max(1, Math.floor(budget / perCell)));
    options.onProgress?.({ done, total: estimate() });

    const readBatch = async (batch: readonly Chunk[], withMerges: boolean): Promise<void> => {
      const loads = batch.map((c) => {
        const p = plans[c.sheet];
        const r = p.ws.getRangeByIndexes(p.top + c.row, p.left, c.rows, p.cols);
        r.load("values,numberFormat");
        return { c, r };
      });
      const mergeLoads = withMerges
        ? plans.map((p) => {
            const m = p.ws.getRangeByIndexes(p.top, p.left, p.rows, p.cols).getMergedAreasOrNullObject();
            m.load("address");
            return m;
          })
        : [];
      try {
        await sync();
      } catch (e) {
        const splittable = batch.length > 1 || (batch.length === 1 && batch[0].rows > 1);
        if (!isTooLarge(e) || !splittable) throw e;
        // Too large after all (long texts): halve and retry; merges go with the first half.
        const halves = splitBatch(batch);
        await readBatch(halves[0], withMerges);
        await readBatch(halves[1], false);
        return;
      }
      let bytes = 0;
      let cells = 0;
      // The batch's work starts in a task of its own, not in the one that brought Excel's answer (where office.js
      // has just parsed it).
      if (sink) await nextTask();
      for (const { c, r } of loads) {
        if (sink) {
          // Rows arrive in order (a batch split on retry is read first half first), so the sink appends them.
          const got = await packCells(r.values, r.numberFormat, STREAM_SLICE_MS);
          sink.rows(c.sheet, got.packed);
          bytes += got.bytes;
        } else {
          const got = await received(r.values, r.numberFormat);
          values[c.sheet].set(c.row, got.values);
          formats[c.sheet].set(c.row, got.formats);
          bytes += got.bytes;
        }
        raw[c.sheet]?.set(c.row, r.values);
        cells += c.rows * plans[c.sheet].cols;
      }
      // The real payload per cell: the largest seen sizes the batches still to come.
      if (cells > 0 && bytes > 0) {
        measured = Math.max(measured, bytes / cells);
        perCell = measured;
      }
      mergeLoads.forEach((m, i) => {
        if (!m.isNullObject) merges[i] = parseMergedAddress(m.address);
      });
      cellsRead += cells;
      done++;
      options.onProgress?.({ done, total: estimate() });
      throwIfCancelled(options.signal);
    };
    const cursor = { sheet: 0, row: 0 };
    for (let first = true; ; first = false) {
      const batch = nextBatch(plans, cursor, budget, perCell);
      if (batch.length === 0) break;
      await readBatch(batch, first);
    }

    const grids: Grid[] = [];
    const streamed: StreamedGrid[] = [];
    const byName = new Map(plans.map((p, i) => [p.name, i]));
    const names: string[] = [];
    const skipped: string[] = [];
    const ignoredClaims: IgnoredClaim[] = [];
    /** True when the sheet's marker verifies over the values just read (the add-in's own: left out). */
    const own = (name: string, box: { top: number; left: number; rows: number; cols: number } | undefined, rows: readonly unknown[][]): boolean => {
      const m: Marker | undefined = claims.get(name);
      if (!m) return false;
      if (key && m.digest && m.given && claimDigest(key, m.kind, m.given, box).rows(rows).value() === m.digest) return true;
      ignoredClaims.push({ sheet: name, kind: m.kind, why: key ? "mismatch" : "no-key" });
      return false;
    };
    for (const ws of chosen) {
      const i = byName.get(ws.name);
      if (i === undefined) {
        if (empty.has(ws.name) && !own(ws.name, undefined, [])) {
          names.push(ws.name);
          if (sink) streamed.push({ sheet: ws.name, top: 0, left: 0 });
          else grids.push({ sheet: ws.name, top: 0, left: 0, values: [] });
        } else if (empty.has(ws.name)) skipped.push(ws.name);
        continue;
      }
      const p = plans[i];
      const read = raw[i];
      if (read) {
        const rows: unknown[][] = [];
        for (const s of [...read.keys()].sort((a, b) => a - b)) for (const row of read.get(s) ?? []) rows.push(row);
        if (own(p.name, { top: p.top, left: p.left, rows: p.rows, cols: p.cols }, rows)) {
          skipped.push(p.name);
          continue;
        }
      }
      names.push(ws.name);
      if (sink) {
        streamed.push({ sheet: p.name, top: p.top, left: p.left, merges: merges[i], source: i });
        continue;
      }
      const rowsV: CellValue[][] = [];
      const rowsF: (string | null)[][] = [];
      for (const s of [...values[i].keys()].sort((a, b) => a - b)) {
        for (const row of values[i].get(s) ?? []) rowsV.push(row);
        for (const row of formats[i].get(s) ?? []) rowsF.push(row);
      }
      grids.push({ sheet: p.name, top: p.top, left: p.left, values: rowsV, numberFormats: rowsF, merges: merges[i] });
    }
    return { grids, ...(sink ? { streamed } : {}), sheets: names, skipped, ignoredClaims, templates: templates.filter((t) => names.includes(t)), active, syncs };
  });
}

function splitBatch(batch: readonly Chunk[]): [Chunk[], Chunk[]] {
  if (batch.length > 1) {
    const mid = Math.ceil(batch.length / 2);
    return [batch.slice(0, mid), batch.slice(mid)];
  }
  const c = batch[0];
  const half = Math.ceil(c.rows / 2);
  return [[{ sheet: c.sheet, row: c.row, rows: half }], [{ sheet: c.sheet, row: c.row + half, rows: c.rows - half }]];
}

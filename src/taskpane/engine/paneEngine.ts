/**
 * The Excel pane's engine, off the pane's thread as the page's is: the pane reads the workbook with Office.js on its
 * own thread (Office.js lives there) and hands each batch to the page's check worker (check.worker.ts, the same
 * bundle and protocol) as it arrives, packed (src/excel/packed.ts: typed arrays moved, not copied, and one string),
 * so the pane never holds the workbook nor copies it a second time (`open`: a PaneStream). The worker unpacks each
 * batch as it comes, checks when the read is done, and answers with the check (its long lists in slices). It keeps
 * the grids for a live re-check of one sheet (paneState.ts); a re-read sheet goes over with `check`, in slices of
 * about 20,000 cells, the pane's thread given back between them.
 *
 * Where no worker can start (a host that blocks workers, a script the browser refuses), the same engine runs on the
 * pane's thread: the check itself then runs in one piece (the engine has no point to pause at) while the pane shows
 * its progress line. `where()` says which.
 */
import type { CheckOptions } from "../../domain/engine";
import { colCount, type CellValue, type Grid } from "../../domain/grid";
import type { CheckWorkerLike } from "../browser/workerCore";
import type { FromWorker, GridHead } from "../browser/protocol";
import { PaneReceiver } from "./paneCore";
import { packedTransfer, unpackCells, type PackedRows } from "../../excel/packed";
import type { RowSink, StreamedGrid } from "../../excel/workbook";
import { PaneState, type PaneRun } from "./paneState";

export type EngineSite = "worker" | "thread";

export interface PaneCheckRequest {
  /** The run whose grids `grids` (one re-read sheet) updates: a live re-check. */
  readonly base?: number;
  /** Share of the grids handed over so far (0–1). */
  readonly onProgress?: (fraction: number) => void;
}

/**
 * A check whose rows arrive while the workbook is read: the reader puts each batch in `sink` as it comes (to the
 * worker at once, packed: the pane keeps none of it), then `finish` names the grids those rows make and checks them.
 */
export interface PaneStream {
  readonly sink: RowSink;
  finish(grids: readonly StreamedGrid[], options: CheckOptions): Promise<PaneRun>;
  /** The read failed or was cancelled: the rows sent so far are dropped. */
  abort(): void;
}

export interface PaneEngine {
  /** Where checks run now. */
  where(): EngineSite;
  /** Opens a streamed check (see PaneStream). */
  open(): Promise<PaneStream>;
  /** Checks the grids (or re-checks one sheet of run `base`); the result names the run that keeps them. */
  check(grids: readonly Grid[], options: CheckOptions, request?: PaneCheckRequest): Promise<PaneRun>;
  /** Stops the worker, if any. */
  dispose(): void;
}

/** Cells per `pane-rows` message. */
export const SLICE_CELLS = 20_000;
/** Longest stretch of hand-over work before the pane gets its thread back, in ms. */
export const SLICE_BUDGET_MS = 20;

let runs = 0;
const nextRun = (): number => ++runs;

/** Rows gathered by source on this thread (a thread engine's stream, or a worker's rows not yet handed over). */
class LocalRows {
  readonly values = new Map<number, CellValue[][]>();
  readonly formats = new Map<number, (string | null)[][]>();
  add(source: number, rows: PackedRows): void {
    const { values, formats } = unpackCells(rows);
    let v = this.values.get(source);
    if (!v) this.values.set(source, (v = []));
    for (const row of values) v.push(row);
    let f = this.formats.get(source);
    if (!f) this.formats.set(source, (f = []));
    if (formats) for (const row of formats) f.push(row);
  }
  grids(heads: readonly StreamedGrid[]): Grid[] {
    return heads.map((h) => {
      const base = { sheet: h.sheet, top: h.top, left: h.left, ...(h.merges ? { merges: h.merges } : {}) };
      if (h.source === undefined) return { ...base, values: [] };
      return { ...base, values: this.values.get(h.source) ?? [], numberFormats: this.formats.get(h.source) ?? [] };
    });
  }
}

/** The engine on the pane's own thread. */
export function threadEngine(state = new PaneState()): PaneEngine {
  const engine: PaneEngine = {
    where: () => "thread",
    open: async () => {
      const rows = new LocalRows();
      return {
        sink: { rows: (source, packed) => rows.add(source, packed) },
        finish: (heads, options) => engine.check(rows.grids(heads), options),
        abort: () => undefined,
      };
    },
    check: async (grids, options, request = {}) => {
      const run = nextRun();
      request.onProgress?.(1);
      return { run, check: state.check(run, grids, options, request.base) };
    },
    dispose: () => undefined,
  };
  return engine;
}

const now = (): number => (typeof performance !== "undefined" ? performance.now() : Date.now());
const yieldToPane = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

interface Pending {
  readonly receiver: PaneReceiver;
  /** Until they are all handed over (then the worker holds them, and the pane lets its copy go). */
  grids: readonly Grid[] | undefined;
  readonly options: CheckOptions;
  readonly request: PaneCheckRequest;
  resolve(r: PaneRun): void;
  reject(e: unknown): void;
}

const LOST = "检查线程意外停止，请重新检查 / the check worker stopped: check again";

interface OpenStream {
  /** Batches kept until the worker says it has the run open (a worker whose script fails never does). */
  held: { readonly source: number; readonly rows: PackedRows }[] | undefined;
  /** The stream on this thread, once the worker was lost before it opened the run. */
  fallback?: Promise<PaneStream>;
  /** Called when `held` is gone: handed to the worker, to the fallback, or dropped. */
  readonly settle: () => void;
  readonly settled: Promise<void>;
}

/**
 * The engine in a worker. If the worker fails (its script refused or broken), every later run goes to `fallback()`
 * on the pane's thread, and so does a run still being handed over; a run the worker already had (the pane has let
 * its grids go) fails with a message to check again, and a live re-check whose base only the lost worker knew fails
 * (stale).
 */
export function workerEngine(worker: CheckWorkerLike, fallback: () => PaneEngine = threadEngine): PaneEngine {
  const pending = new Map<number, Pending>();
  const streams = new Map<number, OpenStream>();
  let lost: PaneEngine | undefined;

  const onLost = (): void => {
    if (lost) return;
    const thread = fallback();
    lost = thread;
    worker.terminate();
    // A stream the worker never opened still has its rows here: it goes on on this thread. One it had opened has
    // handed its rows over: its finish asks for the check again.
    for (const st of streams.values()) {
      const held = st.held;
      if (!held) continue;
      st.held = undefined;
      st.fallback = thread.open().then((fs) => {
        for (const h of held) fs.sink.rows(h.source, h.rows);
        return fs;
      });
      st.settle();
    }
    const waiting = [...pending.values()];
    pending.clear();
    for (const p of waiting) {
      if (p.grids) lost.check(p.grids, p.options, p.request).then(p.resolve, p.reject);
      else p.reject(new Error(LOST));
    }
  };

  worker.listen((m: FromWorker) => {
    switch (m.type) {
      case "pane-opened": {
        const st = streams.get(m.run);
        if (!st?.held) return;
        for (const h of st.held) worker.post({ type: "pane-packed", run: m.run, source: h.source, rows: h.rows }, packedTransfer(h.rows));
        st.held = undefined;
        st.settle();
        return;
      }
      case "pane-part": {
        const p = pending.get(m.run);
        if (!p) return;
        p.receiver.part(m.parts);
        worker.post({ type: "pane-next", run: m.run });
        return;
      }
      case "pane-done": {
        const p = pending.get(m.run);
        if (!p) return;
        pending.delete(m.run);
        p.resolve({ run: m.run, check: p.receiver.done(m.check) });
        return;
      }
      case "pane-failed": {
        const p = pending.get(m.run);
        if (!p) return;
        pending.delete(m.run);
        p.reject(new Error(m.message));
        return;
      }
      case "failed":
        onLost();
        return;
      default:
        return;
    }
  });

  const handOver = async (run: number, grids: readonly Grid[], request: PaneCheckRequest): Promise<void> => {
    const heads: GridHead[] = grids.map((g) => ({ sheet: g.sheet, top: g.top, left: g.left, formats: g.numberFormats !== undefined, ...(g.merges ? { merges: g.merges } : {}) }));
    worker.post({ type: "pane-grids", run, heads });
    const total = grids.reduce((n, g) => n + g.values.length, 0);
    let sent = 0;
    let since = now();
    for (let i = 0; i < grids.length; i++) {
      const g = grids[i];
      const step = Math.max(1, Math.floor(SLICE_CELLS / Math.max(1, colCount(g))));
      for (let r = 0; r < g.values.length; r += step) {
        if (lost) return;
        const formats = g.numberFormats?.slice(r, r + step);
        worker.post({ type: "pane-rows", run, grid: i, values: g.values.slice(r, r + step), ...(formats ? { formats } : {}) });
        sent += Math.min(step, g.values.length - r);
        if (now() - since > SLICE_BUDGET_MS) {
          request.onProgress?.(total ? sent / total : 1);
          await yieldToPane();
          since = now();
        }
      }
    }
    request.onProgress?.(1);
  };

  const open = async (): Promise<PaneStream> => {
    if (lost) return lost.open();
    const run = nextRun();
    let settle = (): void => undefined;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    const st: OpenStream = { held: [], settle, settled };
    streams.set(run, st);
    worker.post({ type: "pane-open", run });
    return {
      sink: {
        rows: (source, rows) => {
          if (st.fallback) void st.fallback.then((fs) => fs.sink.rows(source, rows));
          else if (st.held) st.held.push({ source, rows });
          else if (!lost) worker.post({ type: "pane-packed", run, source, rows }, packedTransfer(rows));
        },
      },
      finish: async (heads, options) => {
        await st.settled;
        streams.delete(run);
        if (st.fallback) return (await st.fallback).finish(heads, options);
        if (lost) throw new Error(LOST);
        const done = new Promise<PaneRun>((resolve, reject) => {
          pending.set(run, { receiver: new PaneReceiver(), grids: undefined, options, request: {}, resolve, reject });
        });
        worker.post({ type: "pane-check", run, options, streamed: heads });
        return done;
      },
      abort: () => {
        streams.delete(run);
        st.held = undefined;
        st.settle();
        if (st.fallback) void st.fallback.then((fs) => fs.abort());
        else if (!lost) worker.post({ type: "pane-drop", run });
      },
    };
  };

  return {
    where: () => (lost ? lost.where() : "worker"),
    open,
    check: (grids, options, request = {}) => {
      if (lost) return lost.check(grids, options, request);
      const run = nextRun();
      const done = new Promise<PaneRun>((resolve, reject) => {
        pending.set(run, { receiver: new PaneReceiver(), grids, options, request, resolve, reject });
      });
      return handOver(run, grids, request).then(() => {
        const p = pending.get(run);
        if (!lost && p) {
          worker.post({ type: "pane-check", run, options, ...(request.base !== undefined ? { base: request.base } : {}) });
          // The worker has every row now: a million-row grid need not stay on the pane's heap while it checks.
          p.grids = undefined;
        }
        return done;
      });
    },
    dispose: () => worker.terminate(),
  };
}

/**
 * The pane's engine: a worker when the browser can start one (the worker's script, and its client, are loaded on
 * the first check), else this thread. Under jsdom (component tests) there is no Worker: this thread.
 */
export function defaultPaneEngine(): PaneEngine {
  if (typeof Worker === "undefined") return threadEngine();
  let engine: Promise<PaneEngine> | undefined;
  let site: EngineSite = "worker";
  let current: PaneEngine | undefined;
  const get = (): Promise<PaneEngine> =>
    (engine ??= import(/* webpackChunkName: "check-worker-client" */ "../browser/createCheckWorker").then(
      (m) => {
        try {
          return workerEngine(m.startCheckWorker());
        } catch {
          return threadEngine();
        }
      },
      () => threadEngine(),
    )).then((e) => {
      current = e;
      site = e.where();
      return e;
    });
  return {
    where: () => current?.where() ?? site,
    open: () => get().then((e) => e.open()),
    check: (grids, options, request) => get().then((e) => e.check(grids, options, request)),
    dispose: () => {
      // A later check starts a fresh worker (React may dispose and reuse the pane's engine on a remount).
      current?.dispose();
      current = undefined;
      engine = undefined;
    },
  };
}

/**
 * The Excel pane's engine, off the pane's thread as the page's is: the pane reads the workbook with Office.js on its
 * own thread (Office.js lives there), hands the grids to the page's check worker (check.worker.ts, the same bundle
 * and protocol) in slices of about 20,000 cells, yielding to the pane between slices so that it keeps painting and
 * answering, and gets the check back (its long lists in slices too). The worker keeps the grids for a live re-check
 * of one sheet (paneState.ts), so the pane does not hold them after handing them over.
 *
 * Where no worker can start (a host that blocks workers, a script the browser refuses), the same engine runs on the
 * pane's thread: the hand-over costs nothing there, but the check itself then runs in one piece (the engine has no
 * point to pause at) while the pane shows its progress line. `where()` says which.
 */
import type { CheckOptions } from "../../domain/engine";
import { colCount, type Grid } from "../../domain/grid";
import type { CheckWorkerLike } from "../browser/workerCore";
import type { FromWorker, GridHead } from "../browser/protocol";
import { PaneReceiver } from "./paneCore";
import { PaneState, type PaneRun } from "./paneState";

export type EngineSite = "worker" | "thread";

export interface PaneCheckRequest {
  /** The run whose grids `grids` (one re-read sheet) updates: a live re-check. */
  readonly base?: number;
  /** Share of the grids handed over so far (0–1). */
  readonly onProgress?: (fraction: number) => void;
}

export interface PaneEngine {
  /** Where checks run now. */
  where(): EngineSite;
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

/** The engine on the pane's own thread. */
export function threadEngine(state = new PaneState()): PaneEngine {
  return {
    where: () => "thread",
    check: async (grids, options, request = {}) => {
      const run = nextRun();
      request.onProgress?.(1);
      return { run, check: state.check(run, grids, options, request.base) };
    },
    dispose: () => undefined,
  };
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

/**
 * The engine in a worker. If the worker fails (its script refused or broken), every later run goes to `fallback()`
 * on the pane's thread, and so does a run still being handed over; a run the worker already had (the pane has let
 * its grids go) fails with a message to check again, and a live re-check whose base only the lost worker knew fails
 * (stale).
 */
export function workerEngine(worker: CheckWorkerLike, fallback: () => PaneEngine = threadEngine): PaneEngine {
  const pending = new Map<number, Pending>();
  let lost: PaneEngine | undefined;

  const onLost = (): void => {
    if (lost) return;
    lost = fallback();
    worker.terminate();
    const waiting = [...pending.values()];
    pending.clear();
    for (const p of waiting) {
      if (p.grids) lost.check(p.grids, p.options, p.request).then(p.resolve, p.reject);
      else p.reject(new Error("检查线程意外停止，请重新检查 / the check worker stopped: check again"));
    }
  };

  worker.listen((m: FromWorker) => {
    switch (m.type) {
      case "pane-part":
        pending.get(m.run)?.receiver.part(m.parts);
        return;
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

  return {
    where: () => (lost ? lost.where() : "worker"),
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
    check: (grids, options, request) => get().then((e) => e.check(grids, options, request)),
    dispose: () => {
      // A later check starts a fresh worker (React may dispose and reuse the pane's engine on a remount).
      current?.dispose();
      current = undefined;
      engine = undefined;
    },
  };
}

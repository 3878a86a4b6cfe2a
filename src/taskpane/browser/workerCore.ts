/**
 * What the check worker does with each message, apart from where it runs: check.worker.ts runs it in a Web Worker
 * (the page, and the Excel pane: its `pane-*` messages go to paneCore), inlineWorker() on the caller's thread
 * (component tests, which have no workers). Holds the last batch: its grids for the preview, its files for the
 * report.
 */
import { colCount } from "../../domain/grid";
import type { ExcelJSModule } from "../../file/grid-convert";
import { shownText } from "../../file/shown-text";
import { displayText } from "./displayText";
import { batchReportBytes, runBatch, type BatchRun, type PageInput } from "./pageBatch";
import { ROW_BLOCK, type FromWorker, type ToWorker, type WorkerInput } from "./protocol";
import { isPaneMessage, paneCore } from "../engine/paneCore";

export type Post = (m: FromWorker, transfer?: Transferable[]) => void;

/** The page's side of a worker: send messages, hear answers, stop it (cancel). */
export interface CheckWorkerLike {
  /** `transfer`: buffers moved, not copied (the packed rows the pane hands over). */
  post(m: ToWorker, transfer?: Transferable[]): void;
  listen(cb: (m: FromWorker) => void): void;
  terminate(): void;
}

function pageInput(w: WorkerInput): PageInput {
  const file = w.file;
  return {
    name: w.name,
    explicit: w.explicit,
    size: file?.size ?? 0,
    ...(file ? { read: async () => new Uint8Array(await file.arrayBuffer()) } : {}),
    ...(w.problem ? { problem: w.problem } : {}),
  };
}

/** Bytes whose buffer can be handed over whole (a view of a larger buffer is copied first). */
function own(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

/** A turn of the event loop: a message to this thread where MessageChannel exists (no 4 ms clamp), else a timer. */
function nextTurn(): Promise<void> {
  if (typeof MessageChannel === "function") {
    return new Promise((resolve) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        ch.port1.close();
        resolve();
      };
      ch.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * A pause that yields to the event loop once `sliceMs` have passed since the last yield (0: at every call): the check
 * on the page's thread runs in slices of about that length, and the page repaints and answers clicks between them.
 */
export function timeSlices(sliceMs: number, now: () => number = () => Date.now()): () => Promise<void> {
  let last = now();
  return async () => {
    if (now() - last < sliceMs) return;
    await nextTurn();
    last = now();
  };
}

/**
 * The message handler. `pause` (only on the page's thread: a worker has no page to keep responsive) is awaited between
 * the batch's files and stages and the chunks of a sheet.
 */
export function workerCore(loadExcel: () => Promise<ExcelJSModule>, post: Post, pause?: () => Promise<void>): (m: ToWorker) => void {
  let last: BatchRun | undefined;

  const check = async (inputs: readonly WorkerInput[], budget: string | undefined): Promise<void> => {
    last = undefined;
    let lastPost = 0;
    try {
      last = await runBatch(inputs.map(pageInput), {
        loadExcel,
        ...(pause ? { pause } : {}),
        ...(budget !== undefined ? { budget } : {}),
        onProgress: (progress) => {
          // At most about 20 messages a second within a stage: the page redraws on each.
          const now = Date.now();
          if (progress.fraction !== undefined && progress.fraction > 0 && progress.fraction < 1 && now - lastPost < 50) return;
          lastPost = now;
          post({ type: "progress", progress });
        },
      });
      post({ type: "done", outcome: last.outcome });
    } catch (e) {
      post({ type: "failed", message: e instanceof Error ? e.message : String(e) });
    }
  };

  // The Excel pane's messages: the same worker checks the grids the pane read with Office.js.
  const pane = paneCore((m) => post(m));

  return (m) => {
    if (isPaneMessage(m)) {
      pane(m);
      return;
    }
    switch (m.type) {
      case "check":
        void check(m.inputs, m.budget);
        return;
      case "sheet": {
        const g = last?.grids[m.file]?.[m.sheet];
        if (!g) return;
        post({ type: "sheet", file: m.file, sheet: m.sheet, shape: { top: g.top, left: g.left, rows: g.values.length, cols: colCount(g), merges: g.merges ?? [] } });
        return;
      }
      case "rows": {
        const g = last?.grids[m.file]?.[m.sheet];
        if (!g) return;
        const rows: string[][] = [];
        const end = Math.min(g.values.length, (m.block + 1) * ROW_BLOCK);
        for (let r = m.block * ROW_BLOCK; r < end; r++) {
          const row = g.values[r] ?? [];
          const fmts = g.numberFormats?.[r];
          const out: string[] = [];
          // As the cell shows, without the controls and bidi overrides a submitted file may hide in it.
          for (let c = 0; c < row.length; c++) out.push(shownText(displayText(row[c], fmts?.[c])));
          rows.push(out);
        }
        post({ type: "rows", file: m.file, sheet: m.sheet, block: m.block, rows });
        return;
      }
      case "report": {
        const run = last;
        if (!run) {
          post({ type: "report-failed", message: "no batch checked" });
          return;
        }
        batchReportBytes(run, loadExcel).then(
          (bytes) => {
            const b = own(bytes);
            post({ type: "report", bytes: b }, [b.buffer as ArrayBuffer]);
          },
          (err: unknown) => post({ type: "report-failed", message: err instanceof Error ? err.message : String(err) }),
        );
        return;
      }
    }
  };
}

/** Longest stretch the check on the page's thread runs before the page gets a turn (about a frame). */
export const SLICE_MS = 16;

/**
 * The worker's work on this thread, in slices of about `sliceMs` (the page opened from a file; component tests): the
 * page repaints its progress and answers clicks between them. Cancel drops the answers (those after terminate()).
 */
export function inlineWorker(loadExcel: () => Promise<ExcelJSModule>, sliceMs: number = SLICE_MS): CheckWorkerLike {
  let listener: ((m: FromWorker) => void) | undefined;
  let stopped = false;
  const core = workerCore(
    loadExcel,
    (m) => {
      if (!stopped) listener?.(m);
    },
    timeSlices(sliceMs),
  );
  return {
    post: (m) => {
      setTimeout(() => core(m), 0);
    },
    listen: (cb) => {
      listener = cb;
    },
    terminate: () => {
      stopped = true;
    },
  };
}

/**
 * A Web Worker when the browser lets the page start one, else the same work on this thread. A page opened from a
 * file (file://, origin "null": jx-offline.html by double-click, from a USB stick or a mail) may not start a
 * worker from a script file, and Chromium says so by throwing from `new Worker`; the check then runs here in slices
 * (inlineWorker: the page repaints between files, stages and chunks of a sheet; one file's engine check is one slice),
 * and cancel drops the answer rather than stopping the read.
 */
export function workerOrInline(startWorker: () => CheckWorkerLike, loadExcel: () => Promise<ExcelJSModule>, protocol?: string): CheckWorkerLike {
  if (protocol === "file:") return inlineWorker(loadExcel);
  try {
    return startWorker();
  } catch {
    return inlineWorker(loadExcel);
  }
}

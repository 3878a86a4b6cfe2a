/**
 * Starts the page's check worker. webpack sees `new Worker(new URL(…, import.meta.url))` and bundles
 * check.worker.ts as a worker script of the page's own origin (the page's CSP allows worker-src 'self'). This module
 * is loaded on first use (a dynamic import), so Excel mode never fetches it. A page opened from a file cannot start
 * that worker: the check then runs on the page's thread (workerOrInline).
 */
import { loadExcelJS } from "./loadExcelJS";
import type { FromWorker } from "./protocol";
import { workerOrInline, type CheckWorkerLike } from "./workerCore";

/** A Web Worker running check.worker.ts; throws when the browser refuses to start one. */
export function startCheckWorker(): CheckWorkerLike {
  const worker = new Worker(new URL("./check.worker.ts", import.meta.url), { name: "jx-check" });
  return {
    post: (m, transfer) => worker.postMessage(m, transfer ?? []),
    listen: (cb) => {
      worker.onmessage = (e: MessageEvent<FromWorker>) => cb(e.data);
      worker.onerror = (e) => cb({ type: "failed", message: e.message || "worker error" });
    },
    terminate: () => worker.terminate(),
  };
}

export function createCheckWorker(): CheckWorkerLike {
  return workerOrInline(startCheckWorker, loadExcelJS, typeof location !== "undefined" ? location.protocol : undefined);
}

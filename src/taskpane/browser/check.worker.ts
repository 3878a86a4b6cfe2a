/**
 * The page's check worker: reads and checks the files off the page's thread (so the page stays responsive on a
 * 100,000-row file), reports progress, keeps the grids for the preview and builds the report workbook. Cancel is
 * the page terminating this worker. The work itself is workerCore.ts.
 */
import { loadExcelJS } from "./loadExcelJS";
import type { FromWorker, ToWorker } from "./protocol";
import { workerCore } from "./workerCore";

interface WorkerScope {
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const handle = workerCore(loadExcelJS, (m, transfer) => scope.postMessage(m, transfer ?? []));
scope.onmessage = (e) => handle(e.data);

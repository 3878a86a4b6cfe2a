/**
 * A worker thread of `jx check --jobs N` (pool.ts): it is handed one file at a time, reads, checks and spools it
 * (check-file.ts), and answers with what the batch keeps of it, or with the error that stopped it.
 */
import { parentPort } from "worker_threads";
import { checkToSpool } from "./check-file";
import { markLive, releaseMemory, type WorkerAnswer, type WorkerTask } from "./pool";

const port = parentPort;
if (port) {
  markLive();
  port.on("message", (task: WorkerTask) => {
    checkToSpool(task.job, task.settings, task.dir).then(
      (file) => {
        releaseMemory();
        port.postMessage({ file } satisfies WorkerAnswer);
      },
      (e: unknown) => port.postMessage({ failure: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies WorkerAnswer),
    );
  });
}

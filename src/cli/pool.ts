/**
 * Checks a batch's files on `jobs` threads: with one job (or one file) on this thread, else in worker threads, each
 * taking the next file when it is done. Each file is spooled where it is checked (check-file.ts), so a worker hands
 * back only a small record and the batch's order is the files' order whatever finishes first.
 */
import { existsSync } from "fs";
import * as path from "path";
import { getHeapStatistics, setFlagsFromString } from "v8";
import { runInNewContext } from "vm";
import { Worker } from "worker_threads";
import { checkToSpool, type CheckJob, type CheckSettings, type SpooledFile } from "./check-file";
import type { CliIO } from "./io";

/** Garbage (heap in use above what was alive after the last collection) that is collected before the next file. */
const COLLECT_ABOVE = 24 * 1024 * 1024;

let collect: (() => void) | undefined;
/** Heap in use after the last collection (or when the batch began): what is alive between files. */
let live = -1;

/** Notes the heap in use now as what is alive (before a batch's first file). */
export function markLive(): void {
  live = getHeapStatistics().used_heap_size;
}

/**
 * Between two files: when the file just spooled left more than 24 MB of garbage (its grid, recognition and
 * findings), collect it at once. V8 would collect it later, at a limit it raises as the run goes, so a batch's peak
 * would creep above its largest file's; collected here, the peak of a batch of any length stays near its largest
 * file's. A full collection costs milliseconds when little is alive; small files never pay it.
 */
export function releaseMemory(): void {
  if (live >= 0 && getHeapStatistics().used_heap_size - live < COLLECT_ABOVE) return;
  if (!collect) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed) collect = exposed;
    else {
      setFlagsFromString("--expose-gc");
      collect = runInNewContext("gc") as () => void;
    }
  }
  collect();
  markLive();
}

/** What a worker is given: one file, the settings, the spool folder. */
export interface WorkerTask {
  readonly job: CheckJob;
  readonly settings: CheckSettings;
  readonly dir: string;
}

/** What a worker answers: the spooled file, or why it failed (an error of the engine, not of the file). */
export type WorkerAnswer = { readonly file: SpooledFile; readonly failure?: undefined } | { readonly file?: undefined; readonly failure: string };

/**
 * A worker running check-worker: the compiled .js next to this file, or (tests, benchmarks run from the sources)
 * the .ts through ts-node, transpile only.
 */
function startWorker(): Worker {
  const js = path.join(__dirname, "check-worker.js");
  if (existsSync(js)) return new Worker(js);
  const ts = path.join(__dirname, "check-worker.ts");
  const tsNode = require.resolve("ts-node");
  const code = `require(${JSON.stringify(tsNode)}).register({ transpileOnly: true, compilerOptions: { module: "CommonJS", moduleResolution: "node" } }); require(${JSON.stringify(ts)});`;
  return new Worker(code, { eval: true });
}

/**
 * Checks and spools every job into `dir`; `done` is told of each file as it is finished (for the progress bar).
 * Returns the spooled files in the jobs' order. An error of a worker (the engine failed, memory ran out) rejects.
 */
export async function checkAll(jobs: readonly CheckJob[], threads: number, settings: CheckSettings, dir: string, io: CliIO, done: (f: SpooledFile) => void): Promise<SpooledFile[]> {
  const out: SpooledFile[] = [];
  if (threads <= 1 || jobs.length <= 1) {
    markLive();
    for (const [k, job] of jobs.entries()) {
      const f = await checkToSpool(job, settings, dir, io);
      done(f);
      out.push(f);
      if (k < jobs.length - 1) releaseMemory();
    }
    return out;
  }
  const byIndex = new Map<number, SpooledFile>();
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let finished = 0;
      let failed = false;
      const fail = (e: Error): void => {
        if (failed) return;
        failed = true;
        reject(e);
      };
      const give = (w: Worker): void => {
        if (failed || next >= jobs.length) return;
        const task: WorkerTask = { job: jobs[next++], settings, dir };
        w.postMessage(task);
      };
      for (let k = 0; k < Math.min(threads, jobs.length); k++) {
        const w = startWorker();
        workers.push(w);
        w.on("message", (a: WorkerAnswer) => {
          if (a.failure !== undefined) return fail(new Error(a.failure));
          byIndex.set(a.file.index, a.file);
          done(a.file);
          if (++finished === jobs.length) resolve();
          else give(w);
        });
        w.on("error", (e) => fail(e));
        w.on("exit", (code) => {
          if (finished < jobs.length) fail(new Error(`worker stopped (exit code ${code})`));
        });
        give(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  for (const job of jobs) {
    const f = byIndex.get(job.index);
    if (f) out.push(f);
  }
  return out;
}

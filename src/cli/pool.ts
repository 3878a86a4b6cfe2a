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

/**
 * How far the heap may grow past what was alive after the last full collection before the next one: 1.6×.
 * V8 picks this factor itself, from 1.1× to 4×, from the speeds of its collector and of the program that it measured
 * last; on a shared, loaded machine those speeds swing, so one file's peak is a draw: the same 200,000-row file
 * peaked at 179 MB of heap (359 MB RSS) with V8's factor and at 146 MB (291 MB RSS) at 1.6×. A batch's peak is its
 * worst draw, so it rose with the number of files (64 files: 1.12× the peak of one); with the factor fixed, a file's
 * peak follows from what it holds alive, the same in any batch. The cost is more full collections (each a few tens
 * of ms while a file's grid is being built).
 */
const HEAP_GROWING_PERCENT = 60;

let growthFixed = false;

/**
 * Fixes the heap's growth factor (HEAP_GROWING_PERCENT) for this process and its worker threads, once, before a
 * batch is checked. A factor given to node itself (`node --heap-growing-percent=N`) is kept.
 */
export function fixHeapGrowth(): void {
  if (growthFixed) return;
  growthFixed = true;
  if (process.execArgv.some((a) => /^--heap[-_]growing[-_]percent/.test(a))) return;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
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

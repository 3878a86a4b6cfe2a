/**
 * Issue 23's batch figures (items 1 and 2), each against a baseline measured in the same run:
 * - memory: the peak RSS of `jx check` on 1, 8 and 64 files against the same command on 1 file, the median of three
 *   runs (target ≤ 1.10×);
 * - findings-heavy output: three files of about 2.3 findings a row, every finding listed (--max-findings 1000000),
 *   as JSON, against one such file (target: completes, ≤ 1.10× the one file's peak), and the same with the report
 *   workbook (--out);
 * - every core: 8 files at --jobs 1, 2 and all (os.availableParallelism()), wall time against one job; CPU time
 *   beside it (the machine is shared: the speed-up is what the cores left to us give);
 * - the per-row figures README's national estimate is computed from.
 * Files are made once in the OS temp folder (bench/files.ts) and linked into a batch folder per run (hard links:
 * each is read as a file of its own). `npm run bench` runs this with issue 13's table (targets.bench.ts);
 * `npm run bench -- scale` alone (`--write`: its rows replace the batch rows of bench/results.json). Sizes: full
 * 200,000 rows a file for 1 and 8 files and for the heavy files, and the 1/8/64 series at 50,000 rows a file
 * (64 × 200,000 rows is about 8 minutes of CPU here: `-- scale --big` runs 1/8/64 at 200,000 rows);
 * `--quick` 20,000 rows everywhere.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { findingsHeavyXlsx, indicatorXlsx } from "./files";

const ROOT = path.join(__dirname, "..");
const TIMED = path.join(__dirname, "child", "timed.js");

/** A row of the bench table: a figure, its target, its ratio to the target and to its baseline of the same run. */
export interface BenchRow {
  readonly work: string;
  readonly figure: string;
  readonly target: string;
  /** Figure ÷ limit (≤ 1 meets it); null when not measured. */
  readonly ratio: number | null;
  readonly ratioOf: string;
  /** What the figure is compared with, measured in the same run ("" when no baseline exists). */
  readonly baseline: string;
  /** Figure ÷ baseline; null when there is none. */
  readonly timesBaseline: number | null;
  readonly met: boolean | null;
  readonly data: Record<string, unknown>;
}

interface Timed {
  cpuMs: number;
  wallMs: number;
  peakRssMb: number;
  peakHeapMb: number;
  exit: number;
  outBytes: number;
}

/** `jx check <args>` in a fresh Node (bench/child/timed.js): CPU (every thread), wall, peak RSS, output bytes. */
function jx(args: readonly string[]): Timed | undefined {
  const r = spawnSync(process.execPath, [TIMED, "jx", "check", ...args], { encoding: "utf8", maxBuffer: 64 << 20 });
  const line = (r.stderr || "").trim().split("\n").pop() || "";
  try {
    return JSON.parse(line) as Timed;
  } catch {
    console.log(`  (jx check ${args.join(" ")} failed: ${line.slice(0, 300)})`);
    return undefined;
  }
}

/** A folder of `count` links to `file` (copies where links are refused), made afresh. */
function batchOf(file: string, count: number, label: string): string {
  const dir = path.join(os.tmpdir(), `jx-bench-batch-${label}-${count}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir);
  for (let i = 1; i <= count; i++) {
    const to = path.join(dir, `${label}-${String(i).padStart(3, "0")}.xlsx`);
    try {
      fs.linkSync(file, to);
    } catch {
      fs.copyFileSync(file, to);
    }
  }
  return dir;
}

const n = (x: number): string => x.toLocaleString("en-US");
const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** The run of median peak RSS among `runs` (the one file's peak is a baseline: one draw of it is too noisy). */
function medianRun(runs: readonly (Timed | undefined)[]): Timed | undefined {
  const ok = runs.filter((r): r is Timed => r !== undefined).sort((a, b) => a.peakRssMb - b.peakRssMb);
  return ok.length === 0 ? undefined : ok[Math.floor((ok.length - 1) / 2)];
}

/** How many times the one file is run for the series' baseline (its median peak). */
const ONE_FILE_RUNS = 3;

/**
 * Peak RSS of 1, 8 and 64 files of `rows` rows each, at one job: each against the one file (the median of
 * ONE_FILE_RUNS runs). Peak heap beside it: sampled every 20 ms between the run's asynchronous steps (the engine's
 * check of a file is one synchronous step, not sampled inside), so peak RSS is the figure judged.
 */
async function memorySeries(rows: number, counts: readonly number[], add: (r: BenchRow) => void, note: string): Promise<Record<number, Timed | undefined>> {
  const file = await indicatorXlsx(rows);
  const runs: Record<number, Timed | undefined> = {};
  const ones: (Timed | undefined)[] = [];
  for (const c of counts) {
    const dir = batchOf(file, c, `plain${rows}`);
    if (c === 1) for (let k = 0; k < ONE_FILE_RUNS; k++) ones.push(jx([dir, "--format", "json", "--jobs", "1"]));
    else runs[c] = jx([dir, "--format", "json", "--jobs", "1"]);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  runs[1] = medianRun(ones);
  const one = runs[1];
  const onePeaks = ones.map((r) => (r ? `${r.peakRssMb}` : "failed")).join(", ");
  for (const c of counts) {
    const r = runs[c];
    if (c === 1) continue;
    const times = one && r ? r.peakRssMb / one.peakRssMb : null;
    add({
      work: `peak memory of jx check on ${c} files of ${n(rows)} rows (--jobs 1, --format json)${note}`,
      figure:
        r && one
          ? `peak RSS ${r.peakRssMb} MB (1 file: ${one.peakRssMb} MB, the median of ${onePeaks} MB); peak heap ${r.peakHeapMb} MB (1 file: ${one.peakHeapMb} MB, sampled); ${s(r.cpuMs)} CPU, ${s(r.wallMs)} wall (load ${os.loadavg()[0].toFixed(1)})`
          : "failed",
      target: "≤ 1.10× the peak of 1 file",
      ratio: times === null ? null : times / 1.1,
      ratioOf: "the 1.10 limit",
      baseline: `1 file of ${n(rows)} rows, same run`,
      timesBaseline: times,
      met: times === null ? false : times <= 1.1,
      data: { rows, files: c, run: r, oneFile: one, oneFileRuns: ones, heapTimes: one && r ? r.peakHeapMb / one.peakHeapMb : null, loadavg: os.loadavg() },
    });
  }
  return runs;
}

/** Three findings-heavy files, every finding listed, as JSON (and as a report workbook): against one such file. */
async function heavy(rows: number, outRows: number, add: (r: BenchRow) => void): Promise<void> {
  const report = path.join(os.tmpdir(), `jx-bench-report-${process.pid}.xlsx`);
  const kinds: [string, number, string[]][] = [
    ["JSON", rows, ["--format", "json"]],
    ["the report workbook (--out, --format jsonl)", outRows, ["--format", "jsonl", "--out", report, "--force"]],
  ];
  for (const [label, r, extra] of kinds) {
    const file = await findingsHeavyXlsx(r);
    const res: Record<number, Timed | undefined> = {};
    for (const c of [1, 3]) {
      const dir = batchOf(file, c, `heavy${r}`);
      res[c] = jx([dir, "--max-findings", "1000000", "--jobs", "1", ...extra]);
      fs.rmSync(dir, { recursive: true, force: true });
    }
    fs.rmSync(report, { force: true });
    const one = res[1];
    const three = res[3];
    const ok = three !== undefined && three.exit === 1;
    const times = one && three ? three.peakRssMb / one.peakRssMb : null;
    add({
      work: `3 findings-heavy files of ${n(r)} rows (≈2.3 findings a row), every finding listed (--max-findings 1000000), ${label}`,
      figure: three && one ? `exit ${three.exit}, ${(three.outBytes / 1048576).toFixed(0)} MB written to stdout, peak RSS ${three.peakRssMb} MB (1 file: ${one.peakRssMb} MB), ${s(three.cpuMs)} CPU` : "failed",
      target: "completes (exit 1); ≤ 1.10× the peak of 1 such file",
      ratio: times === null ? null : times / 1.1,
      ratioOf: "the 1.10 limit",
      baseline: "1 such file, same run",
      timesBaseline: times,
      met: ok && times !== null && times <= 1.1,
      data: { rows: r, three, one },
    });
  }
}

/** 8 files at --jobs 1, 2 and all: wall time against one job (the speed-up), CPU time beside it. */
async function jobs(rows: number, add: (r: BenchRow) => void): Promise<Timed | undefined> {
  const file = await indicatorXlsx(rows);
  const dir = batchOf(file, 8, `jobs${rows}`);
  const all = os.availableParallelism();
  const one = jx([dir, "--format", "json", "--jobs", "1"]);
  const levels = [...new Set([2, all])];
  for (const j of levels) {
    const r = jx([dir, "--format", "json", "--jobs", String(j)]);
    const speedUp = one && r ? one.wallMs / r.wallMs : null;
    const expected = 0.8 * Math.min(j, all);
    add({
      work: `jx check on 8 files of ${n(rows)} rows at --jobs ${j}${j === all ? ` (all: this machine's ${all} cores)` : ""}`,
      figure:
        one && r
          ? `${s(r.wallMs)} wall against ${s(one.wallMs)} at --jobs 1: speed-up ${speedUp?.toFixed(2)}×; CPU ${s(r.cpuMs)} against ${s(one.cpuMs)}; peak RSS ${r.peakRssMb} MB (load ${os.loadavg()[0].toFixed(1)})`
          : "failed",
      target: `speed-up ≥ ${expected.toFixed(1)}× (0.8 × ${Math.min(j, all)} cores), cores permitting`,
      ratio: speedUp === null ? null : expected / speedUp,
      ratioOf: `the ${expected.toFixed(1)}× target (≤ 1 meets it)`,
      baseline: "--jobs 1 on the same 8 files, same run",
      timesBaseline: speedUp === null ? null : 1 / speedUp,
      met: speedUp === null ? false : speedUp >= expected,
      data: { rows, files: 8, jobs: j, run: r, oneJob: one, loadavg: os.loadavg() },
    });
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return one;
}

/** Runs the batch figures; each row is handed to `add`. */
export async function scaleRows(options: { quick?: boolean; big?: boolean }, add: (r: BenchRow) => void): Promise<void> {
  const quick = options.quick === true;
  const big = quick ? 20_000 : 200_000;
  const series = quick ? 20_000 : options.big ? 200_000 : 50_000;
  console.log(
    `batch figures: ${n(big)}-row files for 1/8 files, jobs and the heavy files; the 1/8/64 series at ${n(series)} rows a file` +
      (series < big ? " (64 × 200,000 rows is about 15 minutes of CPU on this 2-core machine: `npm run bench -- scale --big` runs it)" : ""),
  );
  const runs = await memorySeries(big, series === big ? [1, 8, 64] : [1, 8], add, "");
  if (series !== big) await memorySeries(series, [1, 8, 64], add, ` (smaller files: 64 × ${n(big)} rows is too slow here)`);
  await heavy(big, quick ? 5_000 : 20_000, add);
  const oneJob = await jobs(big, add);
  // The per-row figures README's estimate of a national collection is computed from.
  const eight = oneJob ?? runs[8];
  const one = runs[1];
  if (eight && one) {
    const usPerRow = (eight.cpuMs * 1000) / (8 * big);
    add({
      work: `per row and per file, from 8 files of ${n(big)} rows at one job`,
      figure: `${usPerRow.toFixed(1)} µs CPU a row (read, check, spool, write); one ${n(big)}-row file at a time: peak RSS ${one.peakRssMb} MB`,
      target: "(figures for README's estimate)",
      ratio: null,
      ratioOf: "",
      baseline: "",
      timesBaseline: null,
      met: null,
      data: { usPerRow, peakRssOneFileMb: one.peakRssMb, rowsPerFile: big },
    });
  }
}

function print(row: BenchRow): void {
  const b = row.timesBaseline === null ? "" : `${row.timesBaseline.toFixed(2)}× ${row.baseline} | `;
  const r = row.ratio === null ? "—" : `${row.ratio.toFixed(2)}× ${row.ratioOf}`;
  console.log(`- ${row.work}: ${b}${row.figure} | target ${row.target} | ${r} | ${row.met === null ? "not measured" : row.met ? "met" : "NOT met"}`);
}

/** Whether a row of bench/results.json is one of this file's (its work says so). */
function isScaleRow(work: string): boolean {
  return /^(peak memory of jx check on \d+ files|3 findings-heavy files|jx check on 8 files|per row and per file)/.test(work);
}

/**
 * `npm run bench -- scale [--quick] [--big] [--write]`: the batch figures alone, printed; with --write they replace
 * the batch rows of bench/results.json (the other rows stay as the last full run left them), each row's data saying
 * when, how and at what load it was measured, and `updates` listing the partial run.
 */
export async function run(options: { quick?: boolean } = {}): Promise<void> {
  const build = spawnSync(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", path.join(ROOT, "tsconfig.cli.json")], { encoding: "utf8" });
  if (build.status !== 0) throw new Error(`tsc -p tsconfig.cli.json failed:\n${build.stdout}${build.stderr}`);
  console.log(`${os.availableParallelism()} cores, load ${os.loadavg().map((x) => x.toFixed(1)).join(" ")}, node ${process.version}`);
  const big = process.argv.includes("--big");
  const rows: BenchRow[] = [];
  const t0 = Date.now();
  await scaleRows({ ...options, big }, (r) => {
    print(r);
    rows.push(r);
  });
  if (!process.argv.includes("--write")) return;
  const command = `npm run bench -- scale${options.quick ? " --quick" : ""}${big ? " --big" : ""} --write`;
  const measured = { date: new Date().toISOString(), command, cores: os.availableParallelism(), node: process.version, seconds: (Date.now() - t0) / 1000 };
  const file = path.join(__dirname, "results.json");
  const results = JSON.parse(fs.readFileSync(file, "utf8")) as { rows: BenchRow[]; updates?: unknown[] };
  const kept = results.rows.filter((r) => !isScaleRow(r.work));
  results.rows = [...kept, ...rows.map((r) => ({ ...r, data: { ...r.data, measured } }))];
  results.updates = [...(results.updates ?? []), { ...measured, rows: rows.length, loadavg: os.loadavg() }];
  fs.writeFileSync(file, JSON.stringify(results, null, 2) + "\n");
  console.log(`${rows.length} batch rows written to bench/results.json`);
}

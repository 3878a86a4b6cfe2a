/**
 * Issue 23 item 3, findings that cost nothing when cut: checkWorkbook on a 200,000-row list with three findings a
 * row, capped at the command line's default (10,000 listed), against the same list clean (no finding) in the same
 * run: CPU time (target ≤ 1.5× the clean list) and the peak heap of the check (target ≤ the grid + 100 MB). Each
 * check runs in a fresh Node (bench/child/findings.js) under --trace-gc: the heap figures are V8's own, the largest
 * heap any collection found during the check. Runs interleave (clean, three, clean, three …) and the least CPU of
 * each is kept. `npm run bench` runs it with issue 13's table (targets.bench.ts); `npm run bench -- findings` alone
 * (`--quick`: 50,000 rows, one run each).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DEFAULT_MAX_FINDINGS } from "../src/file/batch";
import type { BenchRow } from "./scale.bench";

const CHILD = path.join(__dirname, "child", "findings.js");

interface Run {
  readonly cpuMs: number;
  readonly wallMs: number;
  readonly listed: number;
  readonly counted: number;
  /** Heap in use after loading (the runtime), after building the grid (the runtime and the grid), MB. */
  readonly runtimeMb: number;
  readonly gridMb: number;
  /** The largest heap a collection found during the check, the report and the grid in it, MB. */
  readonly peakMb: number;
}

/** V8's --trace-gc line: "… Mark-Compact 118.6 (139.3) -> 88.2 (129.2) MB, … testing; …" (heap before and after). */
const GC_LINE = /:\s+(\S[^\d]*?)\s+([\d.]+)\s+\([\d.]+\)\s+->\s+([\d.]+)\s+\([\d.]+\)\s+MB/;

function child(rows: number, kind: "clean" | "three", maxFindings: number): Run | undefined {
  const r = spawnSync(process.execPath, ["--expose-gc", "--trace-gc", CHILD, String(rows), kind, String(maxFindings)], { encoding: "utf8", maxBuffer: 64 << 20 });
  const last = (r.stderr || "").trim().split("\n").pop() || "";
  let o: { cpuMs: number; wallMs: number; listed: number; counted: number };
  try {
    o = JSON.parse(last);
  } catch {
    console.log(`  (findings.js ${rows} ${kind} failed: ${last.slice(0, 300)})`);
    return undefined;
  }
  // The three forced collections ("testing") split the life of the child: loading | grid | check.
  const marks: { before: number; after: number }[] = [];
  let peak = 0;
  for (const line of (r.stdout || "").split("\n")) {
    const m = GC_LINE.exec(line);
    if (!m) continue;
    const before = Number(m[2]);
    if (line.includes("testing")) {
      marks.push({ before, after: Number(m[3]) });
      if (marks.length === 3) peak = Math.max(peak, before);
    } else if (marks.length === 2) peak = Math.max(peak, before);
  }
  if (marks.length < 3) {
    console.log(`  (findings.js ${rows} ${kind}: no GC trace)`);
    return undefined;
  }
  return { ...o, runtimeMb: marks[0].after, gridMb: marks[1].after, peakMb: peak };
}

const n = (x: number): string => x.toLocaleString("en-US");

/** The figures, each handed to `add`. */
export async function findingsRows(options: { quick?: boolean }, add: (r: BenchRow) => void): Promise<void> {
  const rows = options.quick ? 50_000 : 200_000;
  const runs = options.quick ? 1 : 3;
  const cap = DEFAULT_MAX_FINDINGS;
  let clean: Run | undefined;
  let three: Run | undefined;
  for (let k = 0; k < runs; k++) {
    const c = child(rows, "clean", cap);
    const t = child(rows, "three", cap);
    if (c && (!clean || c.cpuMs < clean.cpuMs)) clean = c;
    if (t && (!three || t.cpuMs < three.cpuMs)) three = t;
  }
  if (!clean || !three) {
    add({ work: `checkWorkbook on ${n(rows)} rows with three findings a row`, figure: "failed", target: "≤ 1.5× the clean list", ratio: null, ratioOf: "", baseline: "", timesBaseline: null, met: false, data: {} });
    return;
  }
  const times = three.cpuMs / Math.max(1, clean.cpuMs);
  const extra = three.counted - clean.counted;
  const usPerFinding = extra > 0 ? ((three.cpuMs - clean.cpuMs) * 1000) / extra : 0;
  add({
    work: `checkWorkbook on ${n(rows)} rows with three findings a row (${n(three.counted)} counted, ${n(three.listed)} listed: the default cap)`,
    figure: `${(three.cpuMs / 1000).toFixed(2)} s CPU against ${(clean.cpuMs / 1000).toFixed(2)} s for the clean list (${n(clean.counted)} findings); ${usPerFinding.toFixed(2)} µs CPU a finding`,
    target: "≤ 1.5× the clean list",
    ratio: times / 1.5,
    ratioOf: "the 1.5× limit",
    baseline: `the same list clean, same run (best of ${runs})`,
    timesBaseline: times,
    met: times <= 1.5,
    data: { rows, cap, three, clean, usPerFinding },
  });
  const over = three.peakMb - three.gridMb;
  add({
    work: `peak heap of the same check (${n(rows)} rows, three findings a row, default cap)`,
    figure: `${three.peakMb.toFixed(0)} MB at the peak, the grid ${(three.gridMb - three.runtimeMb).toFixed(0)} MB (with the runtime's ${three.runtimeMb.toFixed(0)} MB: ${three.gridMb.toFixed(0)} MB): ${over.toFixed(0)} MB over the grid; the clean list ${(clean.peakMb - clean.gridMb).toFixed(0)} MB over its grid`,
    target: "≤ the grid + 100 MB",
    ratio: over / 100,
    ratioOf: "the 100 MB allowance",
    baseline: "the clean list's peak over its grid, same run",
    timesBaseline: clean.peakMb - clean.gridMb > 0 ? over / (clean.peakMb - clean.gridMb) : null,
    met: over <= 100,
    data: { rows, peakMb: three.peakMb, gridMb: three.gridMb, runtimeMb: three.runtimeMb, overGridMb: over, cleanOverGridMb: clean.peakMb - clean.gridMb },
  });
}

function print(row: BenchRow): void {
  const b = row.timesBaseline === null ? "" : `${row.timesBaseline.toFixed(2)}× ${row.baseline} | `;
  const r = row.ratio === null ? "—" : `${row.ratio.toFixed(2)}× ${row.ratioOf}`;
  console.log(`- ${row.work}: ${b}${row.figure} | target ${row.target} | ${r} | ${row.met === null ? "not measured" : row.met ? "met" : "NOT met"}`);
}

/** The works of this file's rows in results.json (a full `npm run bench` writes them with the rest). */
const OWN = [/^checkWorkbook on [\d,]+ rows with three findings a row/, /^peak heap of the same check/];

/**
 * `npm run bench -- findings [--quick]`: these figures alone, printed, and put in place of this file's rows in
 * bench/results.json (each row's data says when and by which command it was measured; the other rows are left as
 * the last full run wrote them).
 */
export async function run(options: { quick?: boolean } = {}): Promise<void> {
  const mine: BenchRow[] = [];
  const measured = { date: new Date().toISOString(), command: `npm run bench -- findings${options.quick ? " --quick" : ""}`, loadavg: os.loadavg() };
  await findingsRows(options, (r) => {
    print(r);
    mine.push({ ...r, data: { ...r.data, measured } });
  });
  const file = path.join(__dirname, "results.json");
  if (!fs.existsSync(file) || options.quick) return;
  const results = JSON.parse(fs.readFileSync(file, "utf8")) as { rows: BenchRow[] };
  results.rows = [...results.rows.filter((r) => !OWN.some((re) => re.test(r.work))), ...mine];
  fs.writeFileSync(file, JSON.stringify(results, null, 2) + "\n");
  console.log("written to bench/results.json (this file's rows)");
}

#!/usr/bin/env node
// Child process of bench/targets.bench.ts and bench/limits.bench.ts: builds a 1,048,576-row indicator list and checks
// it once, then a bare scan of the same grid (every cell trimmed, numbers matched by a regex: the floor any checker
// pays), and prints one JSON line: CPU time of each (user + system), wall time, peak RSS, the heap with the grid
// counted (after building it, and the largest in use sampled after the check), and the issues found. Run under a
// heap cap to see whether it completes:
//   node --max-old-space-size=1024 bench/child/one-million.js [rows]
// Second argument "recognize" times table recognition alone (the part of the check src/domain/tables does). The
// grid's strings are made flat before the clock starts, as a file reader gives them (the synthetic grid's template
// literals are ropes, which the first pass over them would otherwise pay for).
//   node --max-old-space-size=1024 bench/child/one-million.js [rows] [check|recognize]
require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "CommonJS", moduleResolution: "node" } });
const path = require("path");
const v8 = require("v8");
const root = path.join(__dirname, "..", "..");
const { indicatorListGrid } = require(path.join(root, "bench", "synthetic"));
const { checkWorkbook } = require(path.join(root, "src", "domain", "engine"));
const { recognizeWorkbook } = require(path.join(root, "src", "domain", "tables", "recognize"));

const NUMBER = /^[+-]?\d+(?:\.\d+)?%?$/;

/** The floor: every cell visited, text trimmed, numbers told by a regex. */
function bareScan(grid) {
  let numbers = 0;
  let texts = 0;
  for (const row of grid.values) {
    for (const v of row) {
      if (v === null || v === undefined) continue;
      const s = typeof v === "string" ? v.trim() : String(v);
      if (NUMBER.test(s)) numbers++;
      else if (s !== "") texts++;
    }
  }
  return numbers + texts;
}

function cpuMs(since) {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1000;
}

const rows = Number(process.argv[2] || 1_048_575); // + the header row = 1,048,576, Excel's sheet limit
const mode = process.argv[3] === "recognize" ? "recognize" : "check";
const grid = indicatorListGrid(rows);
for (const row of grid.values) for (const v of row) if (typeof v === "string") v.charCodeAt(0);
const gridHeap = v8.getHeapStatistics().used_heap_size;
const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
const result = mode === "recognize" ? recognizeWorkbook([grid]) : checkWorkbook([grid]);
const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
const checkCpuMs = cpuMs(cpu0);
const afterCheck = v8.getHeapStatistics();
// Bare scan, best of 3 (it is short; the first run warms the regex and the shapes).
let scanCpuMs = Infinity;
let scanned = 0;
for (let k = 0; k < 3; k++) {
  const s0 = process.cpuUsage();
  scanned = bareScan(grid);
  scanCpuMs = Math.min(scanCpuMs, cpuMs(s0));
}
process.stdout.write(
  JSON.stringify({
    rows: rows + 1,
    mode,
    checkCpuMs: Math.round(checkCpuMs),
    checkWallMs: Math.round(wallMs),
    scanCpuMs: Math.round(scanCpuMs),
    scanned,
    gridHeapMb: Math.round(gridHeap / 1048576),
    heapAfterMb: Math.round(afterCheck.used_heap_size / 1048576),
    heapCommittedMb: Math.round(afterCheck.total_heap_size / 1048576),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    issues: mode === "check" ? result.issues.length : result.length,
  }) + "\n",
);

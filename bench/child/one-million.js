#!/usr/bin/env node
// Child process of bench/limits.bench.ts: builds a 1,048,576-row indicator list and checks it once, then prints
// one JSON line with CPU time (user + system, whole process), the check's own CPU time, peak RSS and the heap
// left in use (the grid counted: it is alive until the end). Run under a heap cap to see whether it completes:
//   node --max-old-space-size=1024 bench/child/one-million.js [rows] [check|recognize]
// "recognize" times table recognition alone (the part of the check that src/domain/tables does).
// The grid's strings are made flat before the clock starts, as a file reader gives them (the synthetic grid's
// template literals are ropes, which the first pass over them would otherwise pay for).
require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "CommonJS", moduleResolution: "node" } });
const path = require("path");
const root = path.join(__dirname, "..", "..");
const { indicatorListGrid } = require(path.join(root, "bench", "synthetic"));
const { checkWorkbook } = require(path.join(root, "src", "domain", "engine"));
const { recognizeWorkbook } = require(path.join(root, "src", "domain", "tables", "recognize"));

const rows = Number(process.argv[2] || 1_048_575); // + the header row = 1,048,576, Excel's sheet limit
const mode = process.argv[3] === "recognize" ? "recognize" : "check";
const grid = indicatorListGrid(rows);
for (const row of grid.values) for (const v of row) if (typeof v === "string") v.charCodeAt(0);
const gridHeap = process.memoryUsage().heapUsed;
const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
const result = mode === "recognize" ? recognizeWorkbook([grid]) : checkWorkbook([grid]);
const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
const cpu = process.cpuUsage(cpu0);
const heapAfter = process.memoryUsage().heapUsed;
process.stdout.write(
  JSON.stringify({
    rows: rows + 1,
    mode,
    checkCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    checkWallMs: Math.round(wallMs),
    gridHeapMb: Math.round(gridHeap / 1048576),
    heapAfterMb: Math.round(heapAfter / 1048576),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    issues: mode === "check" ? result.issues.length : result.length,
  }) + "\n",
);

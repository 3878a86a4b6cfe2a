#!/usr/bin/env node
// Child process of bench/limits.bench.ts: builds a 1,048,576-row indicator list and checks it once, then prints
// one JSON line with CPU time (user + system, whole process), the check's own CPU time, peak RSS and the heap
// left in use (the grid counted: it is alive until the end). Run under a heap cap to see whether it completes:
//   node --max-old-space-size=1024 bench/child/one-million.js
require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "CommonJS", moduleResolution: "node" } });
const path = require("path");
const root = path.join(__dirname, "..", "..");
const { indicatorListGrid } = require(path.join(root, "bench", "synthetic"));
const { checkWorkbook } = require(path.join(root, "src", "domain", "engine"));

const rows = Number(process.argv[2] || 1_048_575); // + the header row = 1,048,576, Excel's sheet limit
const grid = indicatorListGrid(rows);
const gridHeap = process.memoryUsage().heapUsed;
const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
const result = checkWorkbook([grid]);
const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
const cpu = process.cpuUsage(cpu0);
const heapAfter = process.memoryUsage().heapUsed;
process.stdout.write(
  JSON.stringify({
    rows: rows + 1,
    checkCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    checkWallMs: Math.round(wallMs),
    gridHeapMb: Math.round(gridHeap / 1048576),
    heapAfterMb: Math.round(heapAfter / 1048576),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    issues: result.issues.length,
  }) + "\n",
);

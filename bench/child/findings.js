#!/usr/bin/env node
// Child process of bench/findings.bench.ts: builds the 200,000-row indicator list, clean (no finding) or with three
// findings a row (bench/synthetic.ts), checks it once with a cap on the findings listed, and writes one JSON line to
// stderr: CPU and wall time of the check, the findings counted and listed. Run it under --trace-gc --expose-gc: the
// parent reads the heap from V8's GC lines on stdout, between the forced collections this child makes (one after
// loading, one after building the grid, one after the check), so the peak heap of the check is the largest heap any
// collection found while it ran (a heap is largest just before it is collected), with the grid in it.
//   node --expose-gc --trace-gc bench/child/findings.js <rows> <clean|three> <max findings>
require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "CommonJS", moduleResolution: "node" } });
const path = require("path");
const root = path.join(__dirname, "..", "..");
const { indicatorListGrid, threeFindingsGrid } = require(path.join(root, "bench", "synthetic"));
const { checkWorkbook } = require(path.join(root, "src", "domain", "engine"));

const rows = Number(process.argv[2] || 200_000);
const kind = process.argv[3] === "three" ? "three" : "clean";
const maxFindings = Number(process.argv[4] || 10_000);
if (typeof globalThis.gc !== "function") throw new Error("run with --expose-gc");

globalThis.gc(); // marks the runtime's own heap (modules loaded)
const grid = kind === "three" ? threeFindingsGrid(rows) : indicatorListGrid(rows);
// Flat strings, as a file reader gives them (the synthetic grid's template literals are ropes).
for (const row of grid.values) for (const v of row) if (typeof v === "string") v.charCodeAt(0);
globalThis.gc(); // marks the grid
const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
const result = checkWorkbook([grid], { maxFindings });
const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
const c = process.cpuUsage(cpu0);
globalThis.gc(); // marks the end of the check (its heap before this collection: the grid and the report)
process.stderr.write(
  "\n" +
    JSON.stringify({
      rows,
      kind,
      maxFindings,
      cpuMs: Math.round((c.user + c.system) / 1000),
      wallMs: Math.round(wallMs),
      listed: result.issues.length,
      counted: result.stats.errors + result.stats.warnings + result.stats.infos,
      firstMessage: result.issues[0] ? result.issues[0].message : "",
    }) +
    "\n",
);

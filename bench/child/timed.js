#!/usr/bin/env node
// Child process of the benchmarks: runs one job in a fresh Node and writes one JSON line to stderr's last line
// with this process's CPU time (user + system, start-up and require included), wall time since the process
// began, peak RSS and the heap in use at the end. Jobs:
//   timed.js noop                      → what `node -e 0` costs
//   timed.js require <module>          → what loading a module costs (e.g. exceljs)
//   timed.js readfile <file.xlsx>      → ExcelJS Workbook.xlsx.readFile (the whole workbook in memory)
//   timed.js stream <file.xlsx>        → ExcelJS streaming WorkbookReader, every row visited
//   timed.js jx <args…>                → the built jx command (lib/), its output counted (outBytes) and discarded
"use strict";
const path = require("path");
const v8 = require("v8");
const { performance } = require("perf_hooks");
const { setInterval, clearInterval } = require("timers");
const ROOT = path.join(__dirname, "..", "..");

let peakHeap = 0;
const sample = () => {
  const h = v8.getHeapStatistics().used_heap_size;
  if (h > peakHeap) peakHeap = h;
};

function report(extra) {
  sample();
  const cpu = process.cpuUsage();
  process.stderr.write(
    "\n" +
      JSON.stringify({
        cpuMs: Math.round((cpu.user + cpu.system) / 1000),
        wallMs: Math.round(performance.now()), // since the process began
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
        peakHeapMb: Math.round(peakHeap / 1048576),
        ...extra,
      }) +
      "\n",
  );
}

async function main() {
  const [job, ...args] = process.argv.slice(2);
  if (job === "noop") return report({});
  if (job === "require") {
    require(args[0]);
    return report({});
  }
  if (job === "readfile") {
    const ExcelJS = require("exceljs");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(args[0]);
    let rows = 0;
    wb.eachSheet((ws) => ws.eachRow(() => rows++));
    return report({ rows });
  }
  if (job === "stream") {
    const ExcelJS = require("exceljs");
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(args[0], { worksheets: "emit", sharedStrings: "cache", styles: "cache", hyperlinks: "ignore" });
    let rows = 0;
    let cells = 0;
    const timer = setInterval(sample, 20);
    for await (const ws of reader) {
      for await (const row of ws) {
        rows++;
        row.eachCell(() => cells++);
      }
    }
    clearInterval(timer);
    return report({ rows, cells });
  }
  if (job === "jx") {
    const timer = setInterval(sample, 20);
    timer.unref();
    // Output is discarded: what is measured is reading and checking, not the terminal.
    let outBytes = 0;
    process.stdout.write = (chunk) => {
      outBytes += Buffer.byteLength(chunk);
      return true;
    };
    const code = await require(path.join(ROOT, "lib", "cli", "main.js")).main(args);
    return report({ exit: code, outBytes });
  }
  throw new Error(`unknown job ${job}`);
}

main().catch((e) => {
  process.stderr.write(String((e && e.stack) || e) + "\n");
  process.exit(3);
});

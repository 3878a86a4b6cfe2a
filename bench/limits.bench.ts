/**
 * The 1,048,576-row case (Excel's sheet limit) in a child process, so that peak memory is the process's own: CPU
 * time of the check, peak RSS and heap with the grid counted, and whether it completes under a 1 GB heap cap.
 * Targets (issue 12 / 13): ≤ 2 s CPU, ≤ 1 GB.
 */
import { spawnSync } from "child_process";
import * as path from "path";

const CHILD = path.join(__dirname, "child", "one-million.js");

function runChild(args: readonly string[]): { ok: boolean; out: Record<string, number> | undefined; err: string } {
  const r = spawnSync(process.execPath, [...args, CHILD], { encoding: "utf8", maxBuffer: 1 << 20 });
  const line = (r.stdout || "").trim().split("\n").pop() || "";
  try {
    return { ok: r.status === 0, out: JSON.parse(line), err: "" };
  } catch {
    return { ok: false, out: undefined, err: (r.stderr || "").split("\n").filter(Boolean).slice(-2).join(" | ") };
  }
}

export function run(): void {
  for (const [label, args] of [
    ["default heap", []],
    ["--max-old-space-size=1024", ["--max-old-space-size=1024"]],
  ] as const) {
    const r = runChild(args);
    if (!r.ok || !r.out) {
      console.log(`1,048,576 rows (${label}): did not complete (${r.err || "no output"})`);
      continue;
    }
    const o = r.out;
    console.log(
      `1,048,576 rows (${label}): check ${(o.checkCpuMs / 1000).toFixed(2)} s CPU (${(o.checkCpuMs / 2000).toFixed(2)}× the 2 s target), ` +
        `${(o.checkWallMs / 1000).toFixed(2)} s wall; grid ${o.gridHeapMb} MB heap, heap after ${o.heapAfterMb} MB, ` +
        `peak RSS ${o.peakRssMb} MB (${(o.peakRssMb / 1024).toFixed(2)}× the 1 GB target); ${o.issues.toLocaleString("en-US")} issues`,
    );
  }
}

/**
 * The 1,048,576-row case (Excel's sheet limit) in a child process, so that peak memory is the process's own: CPU
 * time of the check, peak RSS and heap with the grid counted, and whether it completes under a 1 GB heap cap;
 * then table recognition alone (src/domain/tables), to say which part limits the check.
 * Targets (issue 12 / 13): ≤ 2 s CPU, ≤ 1 GB.
 */
import { spawnSync } from "child_process";
import * as path from "path";

const CHILD = path.join(__dirname, "child", "one-million.js");

/**
 * Measured with this child on the row model before issue 12 item 3 (commit 0106efd: a Ref per cell kept in the
 * result, the header search a separate pass over every row), on the same machine, for the ratios below.
 */
const BEFORE = { checkCpuMs: 16_200, heapAfterMb: 1_161, peakRssMb: 1_478, recognizeCpuMs: 8_500, underCap: "ran out of memory" };

function runChild(args: readonly string[], childArgs: readonly string[] = []): { ok: boolean; out: Record<string, number> | undefined; err: string } {
  const r = spawnSync(process.execPath, [...args, CHILD, ...childArgs], { encoding: "utf8", maxBuffer: 1 << 20 });
  const line = (r.stdout || "").trim().split("\n").pop() || "";
  try {
    return { ok: r.status === 0, out: JSON.parse(line), err: "" };
  } catch {
    return { ok: false, out: undefined, err: (r.stderr || "").split("\n").filter(Boolean).slice(-2).join(" | ") };
  }
}

export function run(): void {
  console.log(
    `before (0106efd): check ${(BEFORE.checkCpuMs / 1000).toFixed(1)} s CPU, heap after ${BEFORE.heapAfterMb} MB, peak RSS ${BEFORE.peakRssMb} MB; ` +
      `recognition ${(BEFORE.recognizeCpuMs / 1000).toFixed(1)} s CPU; under a 1 GB heap cap: ${BEFORE.underCap}`,
  );
  for (const [label, args, childArgs] of [
    ["default heap", [], []],
    ["--max-old-space-size=1024", ["--max-old-space-size=1024"], []],
    ["recognition alone", [], ["1048575", "recognize"]],
  ] as const) {
    const r = runChild(args, childArgs);
    if (!r.ok || !r.out) {
      console.log(`1,048,576 rows (${label}): did not complete (${r.err || "no output"})`);
      continue;
    }
    const o = r.out;
    const before = label === "recognition alone" ? BEFORE.recognizeCpuMs : BEFORE.checkCpuMs;
    console.log(
      `1,048,576 rows (${label}): ${label === "recognition alone" ? "recognition" : "check"} ${(o.checkCpuMs / 1000).toFixed(2)} s CPU ` +
        `(${(o.checkCpuMs / 2000).toFixed(2)}× the 2 s target, ${(o.checkCpuMs / before).toFixed(2)}× before), ` +
        `${(o.checkWallMs / 1000).toFixed(2)} s wall; grid ${o.gridHeapMb} MB heap, heap after ${o.heapAfterMb} MB, ` +
        `peak RSS ${o.peakRssMb} MB (${(o.peakRssMb / 1024).toFixed(2)}× the 1 GB target, ${(o.peakRssMb / BEFORE.peakRssMb).toFixed(2)}× before); ` +
        `${o.issues.toLocaleString("en-US")} ${label === "recognition alone" ? "sheets" : "issues"}`,
    );
  }
}

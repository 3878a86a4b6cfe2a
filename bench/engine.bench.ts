/** Engine throughput: recognize + check + score indicator rows (product bar: 1,000,000 rows in seconds). */
import { checkWorkbook } from "../src/domain/engine";
import { heapMb, perSecond, timeBest } from "./timing";
import { indicatorListGrid } from "./synthetic";

export function run(): void {
  for (const n of [10_000, 100_000, 1_000_000]) {
    const grid = indicatorListGrid(n);
    const { ms, result } = timeBest(n >= 1_000_000 ? 1 : 5, () => checkWorkbook([grid]));
    console.log(
      `checkWorkbook: ${n.toLocaleString("en-US")} indicator rows in ${ms.toFixed(0)} ms → ${perSecond(n, ms)} rows/s; ` +
        `${result.issues.length} issues; heap ${heapMb()} MB`,
    );
  }
}

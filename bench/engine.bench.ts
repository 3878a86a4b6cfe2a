/**
 * Engine throughput: recognize + check + score indicator rows. Product bars: 100,000 rows well under a
 * second (issue 3), 1,000,000 rows in seconds.
 */
import { checkWorkbook } from "../src/domain/engine";
import { heapMb, perSecond, timeBest } from "./timing";
import { indicatorListGrid, withExcelFormats } from "./synthetic";

export function run(): void {
  for (const n of [10_000, 100_000, 1_000_000]) {
    const grid = indicatorListGrid(n);
    const { ms, result } = timeBest(n >= 1_000_000 ? 1 : 5, () => checkWorkbook([grid]));
    console.log(
      `checkWorkbook: ${n.toLocaleString("en-US")} indicator rows in ${ms.toFixed(0)} ms → ${perSecond(n, ms)} rows/s; ` +
        `${result.issues.length} issues; heap ${heapMb()} MB` +
        (n === 100_000 ? `; ${(ms / 1000).toFixed(2)} of the 1 s bar` : ""),
    );
  }
  // As the add-in reads a sheet: a number format on every cell.
  const n = 100_000;
  const formatted = withExcelFormats(indicatorListGrid(n));
  const { ms } = timeBest(5, () => checkWorkbook([formatted]));
  console.log(`checkWorkbook with Excel number formats: ${n.toLocaleString("en-US")} rows in ${ms.toFixed(0)} ms → ${perSecond(n, ms)} rows/s`);
}

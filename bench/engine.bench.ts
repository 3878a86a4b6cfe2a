/**
 * Engine throughput: recognize + check + score indicator rows. Product bars: 100,000 rows well under a
 * second (issue 3), 1,000,000 rows in seconds.
 */
import * as fs from "fs";
import * as path from "path";
import { checkWorkbook } from "../src/domain/engine";
import { csvTextToGrid } from "../src/file/csv-grid";
import { heapMb, perSecond, timeBest } from "./timing";
import { indicatorListGrid, realFormSheets, withExcelFormats } from "./synthetic";

const REAL = path.join(__dirname, "..", "test", "fixtures", "real");

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

  // Real forms, one project per sheet: the per-sheet work (form fields, funds block, scoring) and their findings.
  const fixtures = fs
    .readdirSync(REAL)
    .filter((f) => f.endsWith(".csv"))
    .sort()
    .map((f) => csvTextToGrid(fs.readFileSync(path.join(REAL, f), "utf8").replace(/^\uFEFF/, ""), f));
  const once = checkWorkbook(fixtures);
  const perCopy = once.tables.reduce((k, t) => k + (t.kind === "budget-list" ? 0 : t.rows), 0);
  const sheets = realFormSheets(n, fixtures, perCopy);
  const real = timeBest(3, () => checkWorkbook(sheets));
  const realRows = perCopy * (sheets.length / fixtures.length);
  console.log(
    `checkWorkbook on the real tables copied to ${sheets.length.toLocaleString("en-US")} sheets: ${realRows.toLocaleString("en-US")} indicator rows in ` +
      `${real.ms.toFixed(0)} ms → ${perSecond(realRows, real.ms)} rows/s, ${(real.ms / sheets.length * 1000).toFixed(0)} µs per sheet; ` +
      `${real.result.issues.length.toLocaleString("en-US")} issues`,
  );
}

/**
 * Files the benchmarks read, written once into the OS temp folder and reused while their recipe is unchanged:
 * the synthetic indicator list as .xlsx (a merged title row, number formats on the weight column, as a
 * department would send it) and a 7-row table as .csv and .xlsx (start-up cost).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { Grid } from "../src/domain/grid";
import { findingsHeavyGrid, indicatorListGrid } from "./synthetic";

const RECIPE = 1;

export function benchDir(): string {
  const dir = path.join(os.tmpdir(), `jx-bench-files-${RECIPE}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** An .xlsx of `rows` indicator rows under a merged title row; written with ExcelJS's streaming writer. */
export async function indicatorXlsx(rows: number): Promise<string> {
  return gridXlsx(`indicators-${rows}.xlsx`, () => indicatorListGrid(rows));
}

/** The same list with about 2.3 findings a row (synthetic.ts findingsHeavyGrid). */
export async function findingsHeavyXlsx(rows: number): Promise<string> {
  return gridXlsx(`findings-heavy-${rows}.xlsx`, () => findingsHeavyGrid(rows));
}

async function gridXlsx(name: string, make: () => Grid): Promise<string> {
  const file = path.join(benchDir(), name);
  if (fs.existsSync(file)) return file;
  const grid = make();
  const tmp = `${file}.${process.pid}.tmp`;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet("绩效目标");
  ws.mergeCells(1, 1, 1, 9);
  ws.getCell(1, 1).value = "2024年度项目支出绩效目标表";
  ws.getRow(1).commit();
  for (const values of grid.values) {
    const row = ws.addRow(values as ExcelJS.CellValue[]);
    row.getCell(9).numFmt = "0";
    row.commit();
  }
  ws.commit();
  await wb.commit();
  fs.renameSync(tmp, file);
  return file;
}

/** The first `rows` rows of the same table as CSV (UTF-8), for start-up figures. */
export function indicatorCsv(rows: number): string {
  const file = path.join(benchDir(), `indicators-${rows}.csv`);
  if (fs.existsSync(file)) return file;
  const grid = indicatorListGrid(rows);
  const text = grid.values.map((r) => r.map((v) => (v === null ? "" : String(v))).join(",")).join("\n") + "\n";
  fs.writeFileSync(file, text);
  return file;
}

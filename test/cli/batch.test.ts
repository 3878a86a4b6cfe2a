/**
 * The finance bureau's case: a folder of 50 department workbooks checked in one command, with a summary
 * table; and the CLI's findings are exactly the engine's on the same grids (one engine, every front).
 */
import * as path from "path";
import ExcelJS from "exceljs";
import { checkWorkbook } from "../../src/domain/engine";
import { readXlsx } from "../../src/file/xlsx";
import { runJx } from "../helpers/cli";
import { hashTree, removeDir, tempDir } from "../helpers/workbooks";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "自评表-示例.xlsx");
const N = 50;

let dir: string;

beforeAll(async () => {
  dir = tempDir("jx-batch-");
  for (let i = 0; i < N; i++) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    const ws = wb.worksheets[0];
    ws.getCell("C4").value = `示例县第${i + 1}局`; // 主管部门
    ws.getCell("C3").value = `项目${i + 1}`; // 项目名称
    // Half the departments print the right 执行率 (160.9/200 = 80.45%), so the findings differ by file.
    if (i % 2 === 0) ws.getCell("H6").value = 0.8045;
    await wb.xlsx.writeFile(path.join(dir, `部门${String(i + 1).padStart(2, "0")}.xlsx`));
  }
}, 120_000);

afterAll(() => removeDir(dir));

test("50 department workbooks: one command, one summary row per file, inputs untouched", async () => {
  const before = hashTree(dir);
  const text = await runJx(["check", dir], process.cwd());
  expect(text.code).toBe(1); // the sample's deliberate errors
  const summary = text.stdout.slice(text.stdout.indexOf("汇总 Summary"));
  for (let i = 1; i <= N; i++) expect(summary).toContain(`示例县第${i}局`);
  expect(text.stdout).toMatch(/共 50 个文件/);

  const json = await runJx(["check", dir, "--format", "json"], process.cwd());
  const report = JSON.parse(json.stdout) as { files: { file: string; issues: { code: string; cell: string }[] }[] };
  expect(report.files).toHaveLength(N);
  const withRateError = report.files.filter((f) => f.issues.some((i) => i.code === "budget.rate-mismatch"));
  expect(withRateError).toHaveLength(N / 2);
  expect(hashTree(dir)).toEqual(before);
}, 120_000);

test("the CLI reports exactly what the engine finds on the same grids", async () => {
  const file = path.join(dir, "部门01.xlsx");
  const json = await runJx(["check", file, "--format", "json"], process.cwd());
  const cli = (JSON.parse(json.stdout) as { files: { issues: { code: string; cell: string; sheet: string }[] }[] }).files[0].issues;
  const engine = checkWorkbook(await readXlsx(file)).issues;
  const key = (i: { code: string; sheet: string; cell: string }): string => `${i.sheet}!${i.cell} ${i.code}`;
  expect(cli.map(key).sort()).toEqual(engine.map(key).sort());
  expect(cli.length).toBeGreaterThan(0);
}, 60_000);

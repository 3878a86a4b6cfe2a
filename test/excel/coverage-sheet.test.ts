/**
 * The 覆盖率统计 sheet the pane writes, from the every-coverage-case fixture (test/fixtures/coverage): "—" where a
 * group has nothing to cover, as `jx check` prints it; the lines lacking a valid target include the one whose
 * target has errors, with the reason; exclusions, name-only matches, orphans and repeated codes are listed.
 */
import * as fs from "fs";
import * as path from "path";
import { installFakeExcel } from "../fakes/excel-fake";
import { writeCoverageSheet } from "../../src/excel/coverage";
import { checkWorkbook } from "../../src/domain/engine";
import { csvTextToGrid } from "../../src/file/csv-grid";
import { paneCoverage, NO_CHOICE } from "../../src/taskpane/components/ExcelPane/paneCoverage";

const g = globalThis as { Excel?: unknown };
afterEach(() => {
  delete g.Excel;
});

const DIR = path.join(__dirname, "..", "fixtures", "coverage");
const grid = (f: string) => csvTextToGrid(fs.readFileSync(path.join(DIR, f), "utf8"), path.basename(f, ".csv"));

it("writes — for nothing to cover and every list of the coverage", async () => {
  const check = checkWorkbook([grid("targets-all-cases.csv"), grid("budget-all-cases.csv")]);
  const pc = paneCoverage(check, NO_CHOICE, { profile: "auto", settings: {} })!;
  expect(pc.budgetSheet).toBe("budget-all-cases");
  const fake = installFakeExcel(g, { sheets: [{ name: "其他" }] });
  await writeCoverageSheet(pc.coverage, "c");
  const s = fake.model.sheets.find((x) => x.name === "覆盖率统计")!;
  const rows: (string | number | boolean)[][] = [];
  for (const [k, cell] of s.cells) {
    const [r, c] = k.split(",").map(Number);
    (rows[r] ??= [])[c] = cell.value;
  }
  const row = (first: string | number, pred: (r: (string | number | boolean)[]) => boolean = () => true) => rows.find((r) => r && r[0] === first && pred(r));
  expect(row("合计 Total")?.slice(0, 4)).toEqual(["合计 Total", 5, 3, 0.6]);
  expect(row("示例市应急局")?.slice(1, 7)).toEqual([0, 0, "—", 0, 0, "—"]);
  expect(row("国有资本经营预算")?.[3]).toBe("—");
  expect(row("示例市交通局")?.[3]).toBeCloseTo(2 / 3, 4);
  expect(row("510000240000000000102", (r) => /未找到绩效目标/.test(String(r[6])))).toBeTruthy();
  expect(row("510000240000000000201", (r) => /有 1 个错误/.test(String(r[6])))).toBeTruthy();
  expect(row("510000240000000000301", (r) => r[2] === "涉密")).toBeTruthy();
  expect(row("510000240000000000202", (r) => r[2] === "510000249999999999202")).toBeTruthy();
  expect(row("510000240000000000901", (r) => r[2] === "targets-all-cases" && r[3] === "A24")).toBeTruthy();
  expect(row("510000240000000000101", (r) => r[1] === "budget-all-cases!A2、budget-all-cases!A8")).toBeTruthy();
});

it("uses the downloaded report's words for the group tables: the same header row, 合计 Total, rates as 0.00%", async () => {
  const { COVERAGE_GROUP_HEADER, COVERAGE_TOTAL, COVERAGE_RATE_FORMAT } = await import("../../src/file/coverage-words");
  const check = checkWorkbook([grid("targets-all-cases.csv"), grid("budget-all-cases.csv")]);
  const pc = paneCoverage(check, NO_CHOICE, { profile: "auto", settings: {} })!;
  const fake = installFakeExcel(g, { sheets: [{ name: "其他" }] });
  await writeCoverageSheet(pc.coverage, "c");
  const s = fake.model.sheets.find((x) => x.name === "覆盖率统计")!;
  const rows: (string | number | boolean)[][] = [];
  const formats: string[][] = [];
  for (const [k, cell] of s.cells) {
    const [r, c] = k.split(",").map(Number);
    (rows[r] ??= [])[c] = cell.value;
    (formats[r] ??= [])[c] = String((cell as { numberFormat?: unknown }).numberFormat ?? "");
  }
  const header = rows.find((r) => r && r[0] === "主管部门 Department");
  expect(header?.slice(1, 7)).toEqual([...COVERAGE_GROUP_HEADER]);
  const total = rows.findIndex((r) => r && r[0] === COVERAGE_TOTAL);
  expect(total).toBeGreaterThan(-1);
  expect(formats[total][3]).toBe(COVERAGE_RATE_FORMAT);
});

/** `--covered-by`: a monitoring list counts budget lines that appear on it, in JSON and in the text report. */
import * as path from "path";
import ExcelJS from "exceljs";
import { runJx } from "../helpers/cli";
import { removeDir, tempDir } from "../helpers/workbooks";

const SAMPLES = path.join(__dirname, "..", "..", "samples");
let dir: string;
let monitoring: string;

beforeAll(async () => {
  dir = tempDir("jx-covered-");
  monitoring = path.join(dir, "绩效监控清单.xlsx");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("监控");
  ws.addRow(["项目编码", "项目名称", "预算单位", "金额（万元）"]);
  // Two lines of the sample budget list (one by code with a leading apostrophe marker), and one unknown code.
  ws.addRow(["513424230000000001101", "乡村道路养护项目", "示例县公路事务中心", 200]);
  ws.addRow(["'513424230000000001102", "农村客运站运营补助", "示例县交通运输局", 85.5]);
  ws.addRow(["999999999999999999999", "不在清单上的项目", "某单位", 10]);
  await wb.xlsx.writeFile(monitoring);
});

afterAll(() => removeDir(dir));

const args = (): string[] => [
  "check",
  path.join(SAMPLES, "自评表-示例.xlsx"),
  path.join(SAMPLES, "绩效目标-清单.xlsx"),
  "--budget",
  path.join(SAMPLES, "预算项目清单.xlsx"),
  "--covered-by",
  monitoring,
];

test("JSON: the list's coverage by count and amount", async () => {
  const r = await runJx([...args(), "--format", "json"], process.cwd());
  expect(r.code).toBe(1);
  const lists = JSON.parse(r.stdout).coverage.lists as { label: string; total: { projects: number; amount: number }; covered: { projects: number; amount: number }; notOnBudget: number }[];
  expect(lists).toHaveLength(1);
  expect(lists[0].label).toContain("绩效监控清单");
  // In scope: 6 lines after excluding 涉密 and 基本支出 (as for targets); 2 of them are on the monitoring list.
  expect(lists[0].total.projects).toBe(6);
  expect(lists[0].covered.projects).toBe(2);
  expect(lists[0].covered.amount).toBeCloseTo(285.5, 4);
  expect(lists[0].notOnBudget).toBe(1);
});

test("text: the list's figures are printed", async () => {
  const r = await runJx(args(), process.cwd());
  const at = r.stdout.indexOf("绩效监控清单.xlsx 覆盖率 coverage of this list");
  expect(at).toBeGreaterThan(0);
  const block = r.stdout.slice(at, at + 300);
  expect(block).toMatch(/按项目数 by count: 2\/6 = 33\.33%/);
  expect(block).toMatch(/按金额 by amount: 285\.5\/1358\.3 万元 = 21\.02%/);
});

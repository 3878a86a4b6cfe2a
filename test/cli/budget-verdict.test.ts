/**
 * One budget list, one verdict (issue 24, item 4): the sample 预算项目清单 is judged by its coverage whether it is
 * chosen with --budget or recognized in a folder, in the text, in JSON and in the --out workbook's 汇总; never
 * "不可提交", which is the frame of a form to submit, not of a list.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import Ajv from "ajv";
import { runJx } from "../helpers/cli";

const SAMPLES = path.join(__dirname, "..", "..", "samples");
const BUDGET = "预算项目清单.xlsx";
const schema = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "schema", "jx-report.schema.json"), "utf8"));
const validate = new Ajv({ allErrors: true }).compile(schema);
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-budget-verdict-"));
  fs.mkdirSync(path.join(dir, "in"));
  for (const f of ["自评表-示例.xlsx", "绩效目标-清单.xlsx", BUDGET]) fs.copyFileSync(path.join(SAMPLES, f), path.join(dir, "in", f));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const runs: Record<string, readonly string[]> = {
  recognized: ["check", "in"],
  chosen: ["check", "in/自评表-示例.xlsx", "in/绩效目标-清单.xlsx", "--budget", `in/${BUDGET}`],
};

async function summaryVerdict(out: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.worksheets[0];
  let found = "";
  ws.eachRow((row) => {
    if (row.getCell(1).text.endsWith(BUDGET)) found = row.getCell(4).text;
  });
  return found;
}

for (const [how, argv] of Object.entries(runs)) {
  test(`the budget list ${how}: coverage gaps in text, JSON and the report's 汇总`, async () => {
    const text = await runJx(argv, dir);
    const block = (text.stdout.split("■ ").find((b) => b.includes(BUDGET)) ?? "").split("\n\n")[0];
    expect(block).toMatch(/覆盖有缺口：\d+ 个预算项目缺少有效的绩效目标/);
    expect(block).not.toMatch(/不可提交/);
    const summaryRow = text.stdout.split("\n").find((l) => l.includes(BUDGET) && !l.startsWith("■") && !l.startsWith("提示")) ?? "";
    expect(summaryRow).toMatch(/覆盖有缺口/);

    const json = JSON.parse((await runJx([...argv, "--format", "json"], dir)).stdout);
    expect(validate(json)).toBe(true);
    const file = json.files.find((f: { file: string }) => f.file.endsWith(BUDGET));
    expect(file.verdict).toBe("coverage-gaps");

    const out = path.join(dir, `${how}.xlsx`);
    await runJx([...argv, "--out", out], dir);
    expect(await summaryVerdict(out)).toBe("覆盖有缺口 / Coverage gaps");
  });
}

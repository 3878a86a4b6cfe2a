/**
 * The honest verdict in every CLI output: text (the verdict line and the summary's 结论 column), JSON (verdict
 * and sheet statuses, schema-valid) and the --out workbook. A file in which nothing was checked is never ready.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import Ajv from "ajv";
import { runJx } from "../helpers/cli";
import { REAL_DIR } from "../helpers/real";

const schema = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "schema", "jx-report.schema.json"), "utf8"));
const validate = new Ajv({ allErrors: true }).compile(schema);
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-verdict-"));
  const notes = new ExcelJS.Workbook();
  notes.addWorksheet("备忘").getCell("A1").value = "会议记录：下周一交材料";
  await notes.xlsx.writeFile(path.join(dir, "notes.xlsx"));
  for (const f of fs.readdirSync(REAL_DIR)) if (/^(21|06)_.*\.csv$/.test(f)) fs.copyFileSync(path.join(REAL_DIR, f), path.join(dir, f));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("text: 无法检查 for a workbook of notes, 未填写 for table 21; the summary has a verdict column and file names", async () => {
  const r = await runJx(["check", "."], dir);
  expect(r.code).toBe(1);
  expect(r.stdout).toMatch(/■ notes\.xlsx\n {2}无法检查：/);
  expect(r.stdout).toMatch(/■ 21_[^\n]*\n {2}未填写：/);
  expect(r.stdout).not.toMatch(/可以提交/);
  expect(r.stdout).toMatch(/文件 File +结论 Verdict/);
  expect(r.stdout).toMatch(/\nnotes\.xlsx +无法检查 /);
  expect(r.stdout).toMatch(/\n06_linxiang[^\n]* +不可提交 /);
});

test("json: verdict and sheet statuses for each file, valid false when nothing was checked, schema-valid", async () => {
  const r = await runJx(["check", ".", "--format", "json"], dir);
  const out = JSON.parse(r.stdout);
  expect(validate(out)).toBe(true);
  const byName = new Map<string, { valid: boolean; verdict: string; sheets: { status: string }[]; issues: { code: string }[] }>(
    out.files.map((f: { file: string }) => [path.basename(f.file), f]),
  );
  const notes = byName.get("notes.xlsx")!;
  expect(notes).toMatchObject({ valid: false, verdict: "not-checked" });
  expect(notes.sheets.map((s) => s.status)).toEqual(["not-recognized"]);
  expect(notes.issues.map((i) => i.code)).toEqual(["table.not-recognized"]);
  const t21 = [...byName.entries()].find(([k]) => k.startsWith("21_"))![1];
  expect(t21).toMatchObject({ valid: false, verdict: "not-filled" });
});

test("--out: the summary sheet says 无法检查 / 未填写, never 可以提交, for files in which nothing was checked", async () => {
  const out = path.join(dir, "report.xlsx");
  await runJx(["check", "notes.xlsx", fs.readdirSync(dir).find((f) => f.startsWith("21_"))!, "--out", out], dir);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const sum = wb.getWorksheet("汇总 Summary")!;
  const verdicts: string[] = [];
  sum.eachRow((row, n) => {
    if (n > 1) verdicts.push(String(row.getCell(4).value));
  });
  expect(verdicts.sort()).toEqual(["无法检查 / Not checked", "未填写 / Not filled in"].sort());
});

test("a budget list whose findings are coverage gaps gets a coverage verdict, not 不可提交; classes in words", async () => {
  const samples = path.join(__dirname, "..", "..", "samples");
  const r = await runJx(["check", path.join(samples, "绩效目标-清单.xlsx"), path.join(samples, "自评表-示例.xlsx"), "--budget", path.join(samples, "预算项目清单.xlsx")], dir);
  expect(r.stdout).toMatch(/预算项目清单 budget list\)\n {2}覆盖有缺口：\d+ 个预算项目缺少有效的绩效目标/);
  expect(r.stdout).toMatch(/预算项目清单\.xlsx +覆盖有缺口 /);
  expect(r.stdout).not.toMatch(/MISSING_TARGET|INVALID_TARGET/);
  expect(r.stdout).toMatch(/缺少目标 no target/);
});

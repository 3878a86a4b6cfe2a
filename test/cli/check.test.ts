import * as fs from "fs";
import * as path from "path";
import Ajv from "ajv";
import ExcelJS from "exceljs";
import schema from "../../schema/jx-report.schema.json";
import { renderTable } from "../../src/cli/format-text";
import { displayWidth } from "../../src/file/width";
import { runJx } from "../helpers/cli";
import { hashTree, removeDir, tempDir, writeScoreSheet } from "../helpers/workbooks";

const SAMPLES = path.join(__dirname, "..", "..", "samples");
const SELF = "自评表-示例.xlsx";
const TARGETS = "绩效目标-清单.xlsx";
const BUDGET = "预算项目清单.xlsx";

interface JsonOut {
  tool: string;
  version: number;
  files: { file: string; valid: boolean; stats: { errors: number; warnings: number }; issues: { code: string; cell: string }[]; error?: { message: string } }[];
  coverage?: { total: { projects: number }; covered: { projects: number }; missing: { code: string }[]; excluded: { reason: string }[] };
}

const validate = new Ajv({ allErrors: true }).compile(schema);

describe("jx check", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    for (const f of [SELF, TARGETS, BUDGET]) fs.copyFileSync(path.join(SAMPLES, f), path.join(dir, f));
  });
  afterAll(() => removeDir(dir));

  it("prints help and version", async () => {
    const help = await runJx(["--help"], dir);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("jx check");
    const v = await runJx(["--version"], dir);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^jx \d+\.\d+\.\d+/);
  });

  it("exits 2 on bad arguments", async () => {
    expect((await runJx([], dir)).code).toBe(2);
    expect((await runJx(["check"], dir)).code).toBe(2);
    const bad = await runJx(["check", SELF, "--format", "xml"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--format");
    expect((await runJx(["check", SELF, "--profile", "beijing"], dir)).code).toBe(2);
    expect((await runJx(["check", SELF, "--bogus"], dir)).code).toBe(2);
    expect((await runJx(["frobnicate"], dir)).code).toBe(2);
    expect((await runJx(["check", "no-such-file.xlsx"], dir)).code).toBe(2);
  });

  it("checks the samples in text: verdicts, issues with cells, summary, coverage; inputs untouched", async () => {
    const before = hashTree(dir);
    const r = await runJx(["check", SELF, TARGETS, "--budget", BUDGET], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("不可提交");
    expect(r.stdout).toContain("自评表!H6");
    expect(r.stdout).toContain("budget.rate-mismatch");
    expect(r.stdout).toContain("score.total-mismatch");
    expect(r.stdout).toContain("indicator.placeholder");
    expect(r.stdout).toContain("汇总 Summary");
    expect(r.stdout).toContain("按主管部门 By department");
    expect(r.stdout).toContain("按预算类型 By budget type");
    expect(r.stdout).toContain("示例县教育局");
    expect(r.stderr).toBe("");
    expect(hashTree(dir)).toEqual(before);
  });

  it("aligns the summary table by display width (CJK counts 2)", async () => {
    const r = await runJx(["check", SELF, TARGETS], dir);
    const lines = r.stdout.split("\n");
    const start = lines.findIndex((l) => l.startsWith("汇总 Summary"));
    const [header, rule, row1, row2] = lines.slice(start + 1, start + 5);
    // The rule line marks each column; the 警告 Warnings column (4th) is numeric and right-aligned, so on every
    // row the character just before the column's end (in display columns, CJK = 2) is a digit.
    expect(header).toContain("警告 Warnings");
    const runs = [...rule.matchAll(/─+/g)];
    const end = displayWidth(rule.slice(0, (runs[3].index ?? 0) + runs[3][0].length));
    const charBefore = (line: string, col: number): string => {
      let w = 0;
      for (const ch of line) {
        w += displayWidth(ch);
        if (w >= col) return ch;
      }
      return "";
    };
    expect(charBefore(row1, end)).toMatch(/\d/);
    expect(charBefore(row2, end)).toMatch(/\d/);
    expect(charBefore(header, end + 1)).not.toMatch(/\S/);
  });

  it("writes JSON that follows the contract and the schema", async () => {
    const r = await runJx(["check", SELF, TARGETS, "--budget", BUDGET, "--format", "json"], dir);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as JsonOut;
    const ok = validate(out);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(out.tool).toBe("jx");
    expect(out.version).toBe(1);
    expect(out.files.map((f) => f.file)).toEqual([SELF, TARGETS, BUDGET]);
    const codes = out.files.flatMap((f) => f.issues.map((i) => i.code));
    expect(codes).toEqual(expect.arrayContaining(["budget.rate-mismatch", "score.total-mismatch", "score.mismatch", "indicator.missing-unit", "indicator.placeholder", "indicator.vague", "indicator.cost-direction", "project.no-target", "project.excluded"]));
    expect(out.coverage).toBeDefined();
    expect(out.coverage?.missing.map((m) => m.code)).toEqual(expect.arrayContaining(["513424230000000001102", "513424230000000002203"]));
    expect(out.coverage?.excluded.map((e) => e.reason).sort()).toEqual(["基本支出", "涉密"]);
  });

  it("uses a lone budget list in a folder as the budget (jx check samples/)", async () => {
    const r = await runJx(["check", ".", "--format", "json"], dir);
    const out = JSON.parse(r.stdout) as JsonOut;
    expect(validate(out)).toBe(true);
    expect(out.coverage?.total.projects).toBe(6);
    expect(r.stderr).toContain("预算项目清单");
  });

  it("exits 0 on a file with warnings only, 1 on a file where nothing was recognized, and honours --fail-on warning", async () => {
    const sub = path.join(dir, "clean");
    fs.mkdirSync(sub);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, TARGETS));
    wb.getWorksheet("绩效目标")!.getCell("H9").value = 800; // fix the placeholder: only warnings remain
    await wb.xlsx.writeFile(path.join(sub, "warnings-only.xlsx"));
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet("备忘").getCell("A1").value = "会议记录";
    await plain.xlsx.writeFile(path.join(sub, "plain.xlsx"));

    // A sheet of notes holds no performance table: nothing was checked, so it is never "ready".
    const plainRun = await runJx(["check", "clean/plain.xlsx"], dir);
    expect(plainRun.code).toBe(1);
    expect(plainRun.stdout).not.toContain("可以提交");
    const w = await runJx(["check", "clean/warnings-only.xlsx"], dir);
    expect(w.stdout).toContain("可以提交");
    expect(w.code).toBe(0);
    expect((await runJx(["check", "clean/warnings-only.xlsx", "--fail-on", "warning"], dir)).code).toBe(1);
  });

  it("reports corrupt, empty and unsupported files and goes on with the batch", async () => {
    const mixed = path.join(dir, "mixed");
    fs.mkdirSync(mixed);
    fs.copyFileSync(path.join(dir, TARGETS), path.join(mixed, "b-ok.xlsx"));
    fs.writeFileSync(path.join(mixed, "a-corrupt.xlsx"), Buffer.from("PK\u0003\u0004 this is not really a zip file"));
    fs.writeFileSync(path.join(mixed, "c-empty.xlsx"), Buffer.alloc(0));
    fs.writeFileSync(path.join(mixed, "d-old.xls"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
    fs.writeFileSync(path.join(mixed, "e-notes.txt"), "说明");
    fs.writeFileSync(path.join(mixed, "~$b-ok.xlsx"), "lock");
    fs.writeFileSync(path.join(mixed, ".hidden.xlsx"), "x");
    const before = hashTree(mixed);

    const text = await runJx(["check", "mixed"], dir);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("mixed/a-corrupt.xlsx");
    expect(text.stdout).toMatch(/无法读取 .xlsx 工作簿/);
    expect(text.stdout).toMatch(/文件为空/);
    expect(text.stdout).toContain("不支持 .xls 格式，请在 Excel 或 WPS 中另存为 .xlsx / .xls is not supported: save it as .xlsx in Excel or WPS");
    expect(text.stdout).toContain("e-notes.txt"); // skipped, but said so
    expect(text.stdout).not.toContain("~$");
    expect(text.stdout).toContain("indicator.placeholder"); // the good file was still checked

    const json = await runJx(["check", "mixed", "--format", "json"], dir);
    const out = JSON.parse(json.stdout) as JsonOut;
    expect(validate(out)).toBe(true);
    const byName = Object.fromEntries(out.files.map((f) => [path.basename(f.file), f]));
    expect(Object.keys(byName).sort()).toEqual(["a-corrupt.xlsx", "b-ok.xlsx", "c-empty.xlsx", "d-old.xls"]);
    expect(byName["a-corrupt.xlsx"].valid).toBe(false);
    expect(byName["a-corrupt.xlsx"].error).toBeDefined();
    expect(byName["c-empty.xlsx"].error?.message).toMatch(/文件为空/);
    expect(byName["b-ok.xlsx"].error).toBeUndefined();
    expect(hashTree(mixed)).toEqual(before);

    // Nothing readable at all: could not run.
    const only = await runJx(["check", "mixed/a-corrupt.xlsx", "mixed/c-empty.xlsx"], dir);
    expect(only.code).toBe(2);
    expect(only.stderr).toMatch(/没有可检查/);
  });

  it("writes a report workbook and refuses to overwrite an input", async () => {
    const refused = await runJx(["check", SELF, "--out", SELF], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("--out");
    expect((await runJx(["check", SELF, "--budget", BUDGET, "--out", BUDGET], dir)).code).toBe(2);
    expect((await runJx(["check", SELF, "--out", "report.csv"], dir)).code).toBe(2);

    const before = hashTree(dir);
    const r = await runJx(["check", SELF, TARGETS, "--budget", BUDGET, "--out", "out/报告.xlsx"], dir).catch((e) => {
      throw e;
    });
    // out/ does not exist: a clear message before any work, exit 2, inputs untouched.
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("--out");
    expect(hashTree(dir)).toEqual(before);

    const ok = await runJx(["check", SELF, TARGETS, "--budget", BUDGET, "--out", "校验报告.xlsx"], dir);
    expect(ok.code).toBe(1);
    const json = JSON.parse((await runJx(["check", SELF, TARGETS, "--budget", BUDGET, "--format", "json"], dir)).stdout) as JsonOut;
    const totalIssues = json.files.reduce((n, f) => n + f.issues.length, 0);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "校验报告.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["汇总 Summary", "问题清单 Issues", "覆盖率统计 Coverage", "缺少目标清单 Missing"]);
    const sum = wb.getWorksheet("汇总 Summary")!;
    expect(sum.rowCount).toBe(4);
    expect(sum.getCell("A2").text).toBe(SELF);
    expect(sum.getCell("B2").value).toBe("示例县交通运输局");
    expect(sum.getCell("I2").value).toBe("优");
    expect(sum.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const iss = wb.getWorksheet("问题清单 Issues")!;
    expect(iss.rowCount).toBe(totalIssues + 1);
    const link = iss.getCell("C2").value as ExcelJS.CellHyperlinkValue;
    expect(link.hyperlink).toMatch(/^自评表-示例\.xlsx#'自评表'!H6$/);
    const cov = wb.getWorksheet("覆盖率统计 Coverage")!;
    const labels: string[] = [];
    cov.eachRow((row) => labels.push(String(row.getCell(1).value)));
    expect(labels).toEqual(expect.arrayContaining(["示例县交通运输局", "一般公共预算", "合计 Total"]));
    const miss = wb.getWorksheet("缺少目标清单 Missing")!;
    expect(miss.rowCount).toBe(1 + 2 + 2 + 2); // 2 missing, 2 invalid, 2 excluded
    // The class in words, as the screen says it, never the engine's identifiers.
    const classes: string[] = [];
    miss.eachRow((row, n) => n > 1 && classes.push(row.getCell(1).text));
    expect(classes).toEqual(["缺少目标 / No target", "缺少目标 / No target", "目标有错 / Target with errors", "目标有错 / Target with errors", "不计入 / Excluded", "不计入 / Excluded"]);
    // A budget type with no project has no rate ("—", as on screen), not 0.00 %.
    const empty: string[][] = [];
    cov.eachRow((row) => {
      if (row.getCell(2).value === 0) empty.push([row.getCell(4).text, row.getCell(7).text]);
    });
    expect(empty.length).toBeGreaterThan(0);
    for (const rates of empty) expect(rates).toEqual(["—", "—"]);
  });

  it("shows a progress bar only on a terminal, in text, for several files", async () => {
    const tty = await runJx(["check", SELF, TARGETS], dir, { tty: true });
    expect(tty.stderr).toContain("█");
    expect(tty.stdout).not.toContain("█");
    expect((await runJx(["check", SELF, TARGETS], dir, { tty: false })).stderr).toBe("");
    expect((await runJx(["check", SELF, TARGETS, "--format", "json"], dir, { tty: true })).stderr).toBe("");
    expect((await runJx(["check", SELF], dir, { tty: true })).stderr).toBe("");
  });
});

describe("jx grade", () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    await writeScoreSheet(path.join(dir, "评分.xlsx"));
    fs.copyFileSync(path.join(SAMPLES, SELF), path.join(dir, SELF));
  });
  afterAll(() => removeDir(dir));

  it("grades each row of a 总分 column, Chinese intact", async () => {
    const r = await runJx(["grade", "评分.xlsx"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("评分结果");
    expect(r.stdout).toMatch(/C2\s+乡村道路养护项目\s+95\.5\s+→ 优/);
    expect(r.stdout).toMatch(/C3\s+学生营养改善计划\s+88\s+→ 良/);
    expect(r.stdout).toMatch(/C4\s+高标准农田建设\s+59\.99\s+→ 差/);
    expect(r.stdout).toMatch(/C5\s+校舍维修改造\s+80\s+→ 良/);
  });

  it("grades the 总分 row of a form", async () => {
    const r = await runJx(["grade", SELF], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/H22\s+总分\s+98\s+→ 优/);
  });

  it("grades totals only: not indicator scores (10 → 差) nor the sum of the weights (100 → 优), and skips header cells", async () => {
    const real = path.join(__dirname, "..", "fixtures", "real");
    const pick = (p: string): string => {
      const f = fs.readdirSync(real).find((n) => n.startsWith(p) && n.endsWith(".csv"))!;
      fs.copyFileSync(path.join(real, f), path.join(dir, f));
      return f;
    };
    // A self-evaluation with no total row: its 得分 column holds indicator scores, nothing to grade.
    const partial = await runJx(["grade", pick("06_")], dir);
    expect(partial.stdout).not.toMatch(/→ 差/);
    expect(partial.stdout).not.toMatch(/无法评级/);
    expect(partial.code).toBe(2);
    // A target table: its 总分 row sums the 分值 column.
    const target = await runJx(["grade", pick("20_")], dir);
    expect(target.stdout).not.toMatch(/100\s+→ 优/);
    // A whole self-evaluation: its 总分 under 得分 is graded.
    const whole = await runJx(["grade", pick("02_")], dir);
    expect(whole.code).toBe(0);
    expect(whole.stdout).toMatch(/H40\s+总分\s+100\s+→ 优/);
  });

  it("exits 2 without a score column or a readable file", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getCell("A1").value = "无分数";
    await wb.xlsx.writeFile(path.join(dir, "none.xlsx"));
    expect((await runJx(["grade", "none.xlsx"], dir)).code).toBe(2);
    fs.writeFileSync(path.join(dir, "bad.xlsx"), "");
    expect((await runJx(["grade", "bad.xlsx"], dir)).code).toBe(2);
    expect((await runJx(["grade"], dir)).code).toBe(2);
  });
});

describe("renderTable", () => {
  it("pads CJK as two columns so columns line up", () => {
    const out = renderTable(["文件 File", "错误"], [["自评表.xlsx", "3"], ["a.xlsx", "12"], ["很长的中文文件名称.xlsx", "0"]]);
    const lines = out.trimEnd().split("\n");
    const widths = lines.map((l) => displayWidth(l));
    expect(new Set(widths).size).toBe(1); // the number column is right-aligned, so every line ends at the same column
    expect(lines[2].endsWith(" 3")).toBe(true);
  });
  it("cuts over-long cells with an ellipsis", () => {
    const out = renderTable(["名称"], [["一二三四五六七八九十"]], 8);
    expect(out).toContain("一二三…");
  });
});

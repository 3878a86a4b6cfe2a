/**
 * jx check with inputs that would cost unbounded work (issue 15): zip bombs and broken packages refused with
 * exit 2 and a bilingual message, cut text reported, findings per file capped with the rest counted (text, JSON
 * and the --out workbook), and progress on stderr for large files.
 */
import * as fs from "fs";
import * as path from "path";
import { performance } from "perf_hooks";
import Ajv from "ajv";
import ExcelJS from "exceljs";
import schema from "../../schema/jx-report.schema.json";
import { capIssues, checkCommand, DEFAULT_MAX_FINDINGS, DEFAULT_PROGRESS_MIN_BYTES, type CheckArgs } from "../../src/cli/check";
import type { CliIO } from "../../src/cli/io";
import type { Issue } from "../../src/domain/issues";
import { findingsOf, writeFindingsCsv } from "../helpers/big-inputs";
import { runJx } from "../helpers/cli";
import { removeDir, tempDir } from "../helpers/workbooks";
import { editZip, minimalXlsx, sheetXml, smallWorkbook, zeroDeflate } from "../helpers/zip";

const validate = new Ajv({ allErrors: true }).compile(schema);

/** checkCommand in-process with the given settings and captured output. */
async function check(args: Partial<CheckArgs> & { inputs: readonly string[] }, cwd: string, tty = false): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), stderrIsTTY: tty, cwd };
  const code = await checkCommand({ coveredBy: [], format: "text", failOn: "error", ...args }, io);
  return { code, stdout, stderr };
}

describe("jx check refuses what it cannot read safely", () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    const bombSheet = { name: "xl/worksheets/sheet1.xml", deflated: zeroDeflate(1024 ** 3), size: 1024 ** 3 };
    fs.writeFileSync(path.join(dir, "bomb.xlsx"), minimalXlsx([{ name: "S", xml: sheetXml("") }], { omit: ["xl/worksheets/sheet1.xml"], extra: [bombSheet] }));
    const liar = { ...bombSheet, size: 5000 };
    fs.writeFileSync(path.join(dir, "liar.xlsx"), minimalXlsx([{ name: "S", xml: sheetXml("") }], { omit: ["xl/worksheets/sheet1.xml"], extra: [liar] }));
    const ok = await smallWorkbook();
    fs.writeFileSync(path.join(dir, "ok.xlsx"), ok);
    fs.writeFileSync(path.join(dir, "no-sheet.xlsx"), editZip(ok, (name) => (name === "xl/worksheets/sheet1.xml" ? null : undefined)));
    fs.writeFileSync(path.join(dir, "merged.xlsx"), editZip(ok, (name, t) => (name === "xl/worksheets/sheet1.xml" ? t.replace(/<mergeCell ref="[^"]*"\/>/, '<mergeCell ref="A1:XFD1048576"/>') : undefined)));
  });
  afterAll(() => removeDir(dir));

  it("a zip bomb: exit 2 in well under a second, 无法读取 / cannot read", async () => {
    for (const f of ["bomb.xlsx", "liar.xlsx"]) {
      const t0 = performance.now();
      const r = await runJx(["check", f], dir);
      expect(performance.now() - t0).toBeLessThan(1000);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^${f}: 无法读取：部件 xl/worksheets/sheet1\\.xml 解压后.* / cannot read: part xl/worksheets/sheet1\\.xml`, "m"));
    }
  });

  it("a workbook missing its sheet is never read as empty and called ready", async () => {
    const alone = await runJx(["check", "no-sheet.xlsx"], dir);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/无法读取：工作表“表1”的部件 xl\/worksheets\/sheet1\.xml 缺失.* \/ cannot read: the part xl\/worksheets\/sheet1\.xml of sheet “表1” is missing/);
    const json = await runJx(["check", "no-sheet.xlsx", "ok.xlsx", "--format", "json"], dir);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(validate(report)).toBe(true);
    const bad = report.files.find((f: { file: string }) => f.file === "no-sheet.xlsx");
    expect(bad.verdict).toBe("not-checked");
    expect(bad.error.message).toMatch(/^无法读取/);
    expect(bad.error.messageEn).toMatch(/^cannot read/);
  });

  it("a workbook merging A1:XFD1048576 is checked in well under a second", async () => {
    const t0 = performance.now();
    const r = await runJx(["check", "merged.xlsx"], dir);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(r.stdout).toMatch(/■ merged\.xlsx\n.*\n {2}工作表 Sheet 表1：/); // read: its sheet was looked at
    expect(r.stdout + r.stderr).not.toMatch(/无法读取|cannot read/);
  });
});

describe("text too long for a cell", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    const long = "说明".repeat(50_000);
    fs.writeFileSync(path.join(dir, "long.xlsx"), minimalXlsx([{ name: "说明", xml: sheetXml(`<row r="3"><c r="C3" t="inlineStr"><is><t>${long}</t></is></c></row>`) }]));
  });
  afterAll(() => removeDir(dir));

  it("is cut and reported as a warning, in text and JSON", async () => {
    const text = await runJx(["check", "long.xlsx", "--fail-on", "warning"], dir);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/说明!C3 {2}警告 warning {2}file\.long-text {2}1 个单元格的文字过长，已截断并在末尾注明“已截断”；第一个是 C3，原长 100000 个字符/);
    const json = JSON.parse((await runJx(["check", "long.xlsx", "--format", "json"], dir)).stdout);
    expect(validate(json)).toBe(true);
    const notice = json.files[0].issues.find((i: { code: string }) => i.code === "file.long-text");
    expect(notice).toMatchObject({ severity: "warning", sheet: "说明", cell: "C3" });
    expect(notice.messageEn).toMatch(/1 cell\(s\) held text too long to keep: cut.*100000 characters long/);
  });
});

describe("findings kept per file are capped, the rest counted", () => {
  const ROWS = 200_000;
  const all = findingsOf(ROWS);
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    writeFindingsCsv(path.join(dir, "list.csv"), ROWS);
    writeFindingsCsv(path.join(dir, "small.csv"), 100);
  });
  afterAll(() => removeDir(dir));

  it("keeps the most severe first, in their order", () => {
    const mk = (severity: Issue["severity"], cell: string): Issue => ({ code: "indicator.vague", severity, sheet: "S", cell, value: "", message: "m", messageEn: "m", source: "s" });
    const issues = [mk("info", "A1"), mk("warning", "A2"), mk("error", "A3"), mk("warning", "A4"), mk("error", "A5")];
    expect(capIssues(issues, 10)).toEqual(issues);
    expect(capIssues(issues, 2).map((i) => i.cell)).toEqual(["A3", "A5"]);
    expect(capIssues(issues, 3).map((i) => i.cell)).toEqual(["A2", "A3", "A5"]);
    expect(capIssues(issues, 0)).toEqual([]);
    expect(DEFAULT_MAX_FINDINGS).toBe(10_000);
  });

  it(`a ${ROWS.toLocaleString("en-US")}-row list with 3 findings a row: JSON and --out list 10,000, stats count all`, async () => {
    const t0 = performance.now();
    const r = await runJx(["check", "list.csv", "--format", "json", "--out", "report.xlsx"], dir);
    const ms = performance.now() - t0;
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(validate(report)).toBe(true);
    const f = report.files[0];
    expect(f.stats).toEqual({ errors: all.errors, warnings: all.warnings, infos: 0 });
    expect(f.truncated).toEqual({ shown: 10_000, total: all.total });
    expect(f.issues).toHaveLength(10_000);
    expect(f.issues.every((i: { severity: string }) => i.severity === "error")).toBe(true); // errors first
    expect(f.verdict).toBe("not-ready");
    // The report workbook lists the same 10,000 and a note with the count of the rest; its summary counts all.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "report.xlsx"));
    const issues = wb.getWorksheet("问题清单 Issues");
    expect(issues?.rowCount).toBe(1 + 10_000 + 1);
    const note = issues?.getRow(10_002).values as unknown[];
    expect(note).toContain(`另有 ${all.total - 10_000} 个问题未列出（每个文件最多列出 10000 个，错误优先；统计数字包含全部问题）`);
    const summary = wb.getWorksheet("汇总 Summary")?.getRow(2).values as unknown[];
    expect(summary).toContain(all.errors);
    expect(summary).toContain(all.warnings);
    // Reported for the record only: speed is the benchmarks' business (bench/), not a unit test's; a wall-clock
    // bound here failed on a loaded machine with nothing wrong.
    console.log(`${ROWS} rows, ${all.total} findings: JSON and --out in ${Math.round(ms)} ms`);
  }, 120_000);

  it("the text output lists what is kept and says how many more there are", async () => {
    const r = await check({ inputs: ["small.csv"], maxFindings: 50 }, dir);
    expect(r.code).toBe(1);
    const lines = r.stdout.split("\n").filter((l) => /^ {2}small!/.test(l));
    expect(lines).toHaveLength(50);
    expect(lines.every((l) => / 错误 error /.test(l))).toBe(true);
    const more = findingsOf(100).total - 50;
    expect(r.stdout).toContain(`  另有 ${more} 个问题未列出（每个文件最多列出 50 个，错误优先；统计数字包含全部问题） / ${more} more findings not listed (at most 50 per file, errors first; the counts include them all)`);
    expect(r.stdout).toMatch(/共 1 个文件：202 个错误，100 个警告/);
    // Under the cap nothing is said.
    const all100 = await check({ inputs: ["small.csv"], maxFindings: 1000 }, dir);
    expect(all100.stdout).not.toMatch(/未列出/);
  });

  it("findings added after the engine (a file notice) count toward the total", async () => {
    fs.writeFileSync(path.join(dir, "bytes.csv"), Buffer.concat([Buffer.from("项目编码,项目名称,一级指标,二级指标,三级指标,计算符号,指标值,计量单位,分值\n", "utf8"), Buffer.from("P1,项目\xff,产出指标,数量指标,培训人次,≥,有所提高,,0\n", "latin1")]));
    const whole = JSON.parse((await check({ inputs: ["bytes.csv"], format: "json" }, dir)).stdout).files[0];
    expect(whole.truncated).toBeUndefined();
    expect(whole.issues.map((i: { code: string }) => i.code)).toContain("file.invalid-bytes");
    const f = JSON.parse((await check({ inputs: ["bytes.csv"], maxFindings: 2, format: "json" }, dir)).stdout).files[0];
    expect(f.issues.map((i: { code: string }) => i.code)).not.toContain("file.invalid-bytes"); // errors first
    expect(f.truncated).toEqual({ shown: 2, total: whole.issues.length });
    expect(f.stats).toEqual(whole.stats);
  });
});

describe("progress on stderr for large files", () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    fs.writeFileSync(path.join(dir, "book.xlsx"), await smallWorkbook());
    writeFindingsCsv(path.join(dir, "list.csv"), 10);
  });
  afterAll(() => removeDir(dir));

  it("shows the stages of reading a large .xlsx on a terminal, then clears the line", async () => {
    // Each frame starts "\r ESC[2K" (back to the start of the line, clear it); shown here as <CLR>.
    const frames = (t: string): string => t.split("\r\u001b[2K").join("<CLR>");
    const r = frames((await check({ inputs: ["book.xlsx"], progressMinBytes: 1 }, dir, true)).stderr);
    expect(r).toMatch(/<CLR>读取 reading {2}book\.xlsx/);
    expect(r).toMatch(/<CLR>\[█+\] 100% 解压 unzipping {2}book\.xlsx/);
    expect(r).toMatch(/<CLR>解析 parsing {2}book\.xlsx/);
    expect(r).toMatch(/<CLR>\[█+\] 100% 转换 converting {2}book\.xlsx/);
    expect(r).toMatch(/<CLR>检查 checking {2}book\.xlsx<CLR>$/);
    const csv = frames((await check({ inputs: ["list.csv"], progressMinBytes: 1 }, dir, true)).stderr);
    expect(csv).toMatch(/^<CLR>读取 reading {2}list\.csv<CLR>检查 checking {2}list\.csv<CLR>$/);
  });

  it("draws nothing for small files, or when stderr is not a terminal", async () => {
    expect(DEFAULT_PROGRESS_MIN_BYTES).toBe(2 * 1024 * 1024);
    expect((await check({ inputs: ["book.xlsx"] }, dir, true)).stderr).toBe("");
    expect((await check({ inputs: ["book.xlsx"], progressMinBytes: 1 }, dir, false)).stderr).toBe("");
  });
});

/**
 * The reader's limits as flags of jx check (issue 15): --max-cells (a workbook or a CSV), --max-merges and
 * --max-findings, each validated (a positive whole number) and explained in --help in both languages; a limit
 * below what a file holds refuses it (exit 2, no partial result), one above lets it through.
 */
import * as fs from "fs";
import { constants } from "buffer";
import * as path from "path";
import { USAGE } from "../../src/cli/main";
import { csvCellCount } from "../../src/file/csv";
import { DEFAULT_MAX_FILE_BYTES, MAX_FILE_BYTES, MAX_FILE_MB, readRegularFile } from "../../src/file/inputs";
import { parseCsv } from "../../src/domain/csv";
import { findingsCsv } from "../helpers/big-inputs";
import { runJx } from "../helpers/cli";
import { removeDir, tempDir } from "../helpers/workbooks";
import { editZip, smallWorkbook } from "../helpers/zip";

const CLEAN = [
  "一级指标,二级指标,三级指标,指标值,计量单位,分值",
  "产出指标,数量指标,培训人次,≥500,人次,30",
  "产出指标,时效指标,培训按时完成率,100%,%,20",
  "效益指标,社会效益指标,参训人员技能提升率,≥90%,%,30",
  "满意度指标,服务对象满意度指标,参训人员满意度,≥90%,%,10",
].join("\n");

let dir: string;
beforeAll(async () => {
  dir = tempDir("jx-flags-");
  fs.writeFileSync(path.join(dir, "clean.csv"), CLEAN + "\n");
  fs.writeFileSync(path.join(dir, "findings.csv"), findingsCsv(50));
  const ok = await smallWorkbook();
  fs.writeFileSync(path.join(dir, "ok.xlsx"), ok);
  const merges = Array.from({ length: 5 }, (_, i) => `<mergeCell ref="E${i * 2 + 10}:F${i * 2 + 10}"/>`).join("");
  fs.writeFileSync(
    path.join(dir, "merges.xlsx"),
    editZip(ok, (name, t) => (name === "xl/worksheets/sheet1.xml" ? t.replace(/<mergeCells[^>]*>[\s\S]*?<\/mergeCells>/, `<mergeCells count="6"><mergeCell ref="A1:C1"/>${merges}</mergeCells>`) : undefined)),
  );
});
afterAll(() => removeDir(dir));

describe("--help explains every limit in both languages", () => {
  test.each(["--max-size", "--max-cells", "--max-merges", "--max-findings"])("%s", (flag) => {
    const lines = USAGE.split("\n");
    const line = lines.findIndex((l) => l.trimStart().startsWith(flag));
    expect(line).toBeGreaterThan(0);
    let end = line + 1;
    while (end < lines.length && /^\s{10,}\//.test(lines[end])) end++; // continuation lines
    const text = lines.slice(line, end).join(" ");
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(text).toMatch(/\/ ?[a-z]/);
    expect(text).toMatch(/default/);
  });
});

describe("flag values are validated (exit 2, a bilingual usage error, nothing read)", () => {
  test.each([
    ["--max-cells", "0"],
    ["--max-cells", "-5"],
    ["--max-cells", "1.5"],
    ["--max-cells", "abc"],
    ["--max-cells", "1e6"],
    ["--max-cells", ""],
    ["--max-cells", "99999999999999999999"],
    ["--max-merges", "0"],
    ["--max-merges", "NaN"],
    ["--max-findings", "0"],
    ["--max-findings", "Infinity"],
    ["--max-size", "0"],
    ["--max-size", "-1"],
  ])("%s %j", async (flag, value) => {
    const r = await runJx(["check", "clean.csv", `${flag}=${value}`], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`${flag} 需要`);
    expect(r.stderr).toMatch(new RegExp(`error: ${flag} takes a positive`));
  });

  test("a count may be written with separators: 1_000_000 and 1,000,000", async () => {
    for (const v of ["1_000_000", "1,000,000"]) expect((await runJx(["check", "clean.csv", "--max-cells", v], dir)).code).toBe(0);
  });

  test("jx grade does not take them", async () => {
    const r = await runJx(["grade", "ok.xlsx", "--max-cells", "10"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("jx grade 不接受 --max-cells");
  });
});

describe("--max-cells bounds a CSV and a workbook", () => {
  test("a CSV of 30 cells: refused under --max-cells 29 (before parsing), read at 30", async () => {
    expect(csvCellCount(CLEAN + "\n", ",")).toBe(30);
    const under = await runJx(["check", "clean.csv", "--max-cells", "29"], dir);
    expect(under.code).toBe(2);
    expect(under.stderr).toContain("CSV 有 30 个单元格，超过上限 29 个，未读取");
    expect(under.stderr).toContain("the CSV has 30 cells, above the limit of 29");
    expect(under.stdout).not.toContain("可以提交");
    expect((await runJx(["check", "clean.csv", "--max-cells", "30"], dir)).code).toBe(0);
  });

  test("a workbook of 6 cells (a merge over 3, 3 values): refused under --max-cells 5", async () => {
    const under = await runJx(["check", "ok.xlsx", "--max-cells", "5"], dir);
    expect(under.code).toBe(2);
    expect(under.stderr).toContain("工作簿的单元格超过上限 5 个");
    expect((await runJx(["check", "ok.xlsx", "--max-cells", "6"], dir)).stderr).not.toContain("超过上限");
  });
});

test("--max-merges: six merged areas refused under 5, read at 6", async () => {
  const under = await runJx(["check", "merges.xlsx", "--max-merges", "5"], dir);
  expect(under.code).toBe(2);
  expect(under.stderr).toContain("合并单元格超过上限 5 个");
  expect((await runJx(["check", "merges.xlsx", "--max-merges", "6"], dir)).stderr).not.toContain("超过上限");
});

test("--max-findings: 152 findings, 7 listed and the rest counted", async () => {
  const r = await runJx(["check", "findings.csv", "--max-findings", "7", "--format", "json"], dir);
  expect(r.code).toBe(1);
  const json = JSON.parse(r.stdout) as { files: { stats: { errors: number; warnings: number }; issues: { code: string }[] }[] };
  const f = json.files[0];
  expect(f.stats.errors + f.stats.warnings).toBe(152);
  expect(f.issues.filter((i) => i.code !== "file.findings-not-listed")).toHaveLength(7);
  const text = await runJx(["check", "findings.csv", "--max-findings", "7"], dir);
  expect(text.stdout).toContain("另有 145 个问题未列出（每个文件最多列出 7 个");
});

describe("csvCellCount counts the cells parseCsv makes", () => {
  test.each([
    "",
    "a",
    "a,b\n",
    "a,b",
    "a,\n,b\r\n",
    "\n\n\n",
    'a,"b,c\nd",e\n',
    '"x""y",z',
    'a"b,c',
    "\ufeffa,b\nc",
    "a,b\r\nc,d\re",
    '"unclosed,\n,,',
  ])("%j", (text) => {
    const cells = parseCsv(text).reduce((n, row) => n + row.length, 0);
    expect(csvCellCount(text, ",")).toBe(cells);
  });

  test("a million commas: counted in one pass", () => {
    expect(csvCellCount(",".repeat(1_000_000), ",")).toBe(1_000_001);
  });
});

/**
 * --max-size above what the reader can hold (issue 25 item 7): a file is read whole into memory and a CSV's text must
 * fit one string, so the flag has a fixed ceiling; above it the flag itself is refused, in both languages, before
 * any file is looked at. Before, 2–4 GiB aborted natively (a read past 2 GiB) and above 4 GiB said "no permission".
 * The large inputs are sparse files: no data block is written.
 */
describe("--max-size has a fixed ceiling the reader can handle", () => {
  const GiB = 1024 * 1024 * 1024;
  beforeAll(() => {
    for (const [name, size] of [["sparse-3g.csv", 3 * GiB], ["sparse-5g.csv", 5 * GiB]] as const) {
      const fd = fs.openSync(path.join(dir, name), "w");
      fs.ftruncateSync(fd, size);
      fs.closeSync(fd);
    }
  });

  test("the ceiling lets every CSV's text fit one string (each character takes at least one byte)", () => {
    expect(MAX_FILE_BYTES).toBe(MAX_FILE_MB * 1024 * 1024);
    expect(MAX_FILE_BYTES).toBeLessThan(constants.MAX_STRING_LENGTH);
    expect(MAX_FILE_BYTES).toBeGreaterThan(DEFAULT_MAX_FILE_BYTES);
    expect(USAGE).toContain(`最大 ${MAX_FILE_MB}`);
  });

  test.each([
    ["sparse-3g.csv", "3000"],
    ["sparse-3g.csv", "4095"],
    ["sparse-5g.csv", "6000"],
    ["clean.csv", String(MAX_FILE_MB + 1)],
    ["clean.csv", "99999999999"],
  ])("%s --max-size %s: the flag is refused (exit 2), nothing read", async (file, value) => {
    const r = await runJx(["check", file, "--max-size", value], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`错误：--max-size 最大为 ${MAX_FILE_MB}（MB）`);
    expect(r.stderr).toContain(`error: --max-size is at most ${MAX_FILE_MB} MB`);
    expect(r.stderr).not.toMatch(/权限|permission|Assertion/);
  });

  test("at the ceiling, a 3 GiB file is refused as too large, naming both sizes", async () => {
    const r = await runJx(["check", "sparse-3g.csv", "--max-size", String(MAX_FILE_MB)], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`文件过大（3072 MB），超过上限 ${MAX_FILE_MB} MB，未读取`);
    expect(r.stderr).toContain(`the file is too large (3072 MB, limit ${MAX_FILE_MB} MB) and was not read`);
    expect(r.stderr).not.toContain("--max-size 提高上限");
    expect((await runJx(["check", "clean.csv", "--max-size", String(MAX_FILE_MB)], dir)).code).toBe(0);
  });

  test("a caller of the reader asking for more than the ceiling gets the ceiling: a 5 GiB file is refused, not read", async () => {
    await expect(readRegularFile(path.join(dir, "sparse-5g.csv"), 8 * GiB)).rejects.toThrow("文件过大（5120 MB），超过上限 500 MB，未读取 / the file is too large (5120 MB, limit 500 MB) and was not read");
  });
});

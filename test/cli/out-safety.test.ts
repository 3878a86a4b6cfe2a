/**
 * `--out` never replaces an input (caught by real path and device + inode, not by name: symlinks, hard links,
 * inputs given through links) and never an existing file without `--force`. Refusals exit 2, in Chinese then
 * English, and write nothing at all.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { writeOutFile } from "../../src/cli/out-file";
import { runJx } from "../helpers/cli";
import { hashTree, removeDir, sha256, tempDir } from "../helpers/workbooks";

const SAMPLES = path.join(__dirname, "..", "..", "samples");
const SELF = "自评表-示例.xlsx";
const BUDGET = "预算项目清单.xlsx";
const TARGETS = "绩效目标-清单.xlsx";

/** Every entry under dir: links as links (a link replaced by a file would show), files by hash and mtime. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      const rel = path.relative(dir, p);
      if (e.isSymbolicLink()) out[rel] = `link → ${fs.readlinkSync(p)}`;
      else if (e.isDirectory()) walk(p);
      else out[rel] = `${sha256(p)} ${fs.statSync(p).mtimeMs}`;
    }
  };
  walk(dir);
  return out;
}

let dir: string;
beforeEach(() => {
  dir = tempDir("jx-out-");
  fs.mkdirSync(path.join(dir, "材料"));
  for (const f of [SELF, BUDGET, TARGETS]) fs.copyFileSync(path.join(SAMPLES, f), path.join(dir, "材料", f));
});
afterEach(() => removeDir(dir));

async function refused(argv: readonly string[], zh: RegExp, en: RegExp): Promise<void> {
  const before = snapshot(dir);
  const r = await runJx(argv, dir);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).toMatch(new RegExp(`^错误：${zh.source}[^\\n]*\\nerror: ${en.source}`));
  expect(snapshot(dir)).toEqual(before);
}

const SAME = /--out 不能是被检查的文件：.*是同一个文件/;
const SAME_EN = /--out must not be one of the inputs: .* is the same file as /;

test("a symlink to an input, even with --force", async () => {
  fs.symlinkSync(path.join(dir, "材料", SELF), path.join(dir, "链接.xlsx"));
  await refused(["check", `材料/${SELF}`, "--out", "链接.xlsx"], SAME, SAME_EN);
  await refused(["check", `材料/${SELF}`, "--out", "链接.xlsx", "--force"], SAME, SAME_EN);
  // A relative link, and a link to a link.
  fs.symlinkSync(`材料/${SELF}`, path.join(dir, "相对.xlsx"));
  fs.symlinkSync("相对.xlsx", path.join(dir, "二级.xlsx"));
  await refused(["check", `材料/${SELF}`, "--out", "二级.xlsx", "--force"], SAME, SAME_EN);
});

test("a hard link to an input, a budget list or a covered-by list", async () => {
  fs.linkSync(path.join(dir, "材料", SELF), path.join(dir, "硬链接.xlsx"));
  await refused(["check", `材料/${SELF}`, "--out", "硬链接.xlsx", "--force"], SAME, SAME_EN);
  fs.linkSync(path.join(dir, "材料", BUDGET), path.join(dir, "清单副本.xlsx"));
  await refused(["check", `材料/${SELF}`, "--budget", `材料/${BUDGET}`, "--out", "清单副本.xlsx", "--force"], SAME, SAME_EN);
  fs.linkSync(path.join(dir, "材料", TARGETS), path.join(dir, "监控.xlsx"));
  await refused(["check", `材料/${SELF}`, "--covered-by", `材料/${TARGETS}`, "--out", "监控.xlsx", "--force"], SAME, SAME_EN);
});

test("the real path of an input given through a symlink (file or folder)", async () => {
  fs.symlinkSync(path.join(dir, "材料", SELF), path.join(dir, "入口.xlsx"));
  await refused(["check", "入口.xlsx", "--out", `材料/${SELF}`, "--force"], SAME, SAME_EN);
  fs.symlinkSync(path.join(dir, "材料"), path.join(dir, "别名"));
  await refused(["check", "别名", "--out", `材料/${BUDGET}`, "--force"], SAME, SAME_EN);
  await refused(["check", "材料", "--out", `别名/${TARGETS}`, "--force"], SAME, SAME_EN);
  // The same name written differently.
  await refused(["check", `材料/${SELF}`, "--out", `./材料/../材料/${SELF}`, "--force"], SAME, SAME_EN);
});

test("an existing file only with --force; a folder or a special file never", async () => {
  fs.writeFileSync(path.join(dir, "旧报告.xlsx"), "不要覆盖我");
  await refused(["check", `材料/${SELF}`, "--out", "旧报告.xlsx"], /--out 的文件已存在：旧报告\.xlsx；如要覆盖，请加 --force/, /--out file already exists: 旧报告\.xlsx: add --force to overwrite it/);
  fs.mkdirSync(path.join(dir, "文件夹.xlsx"));
  await refused(["check", `材料/${SELF}`, "--out", "文件夹.xlsx", "--force"], /--out 是一个文件夹/, /--out is a folder/);
  fs.symlinkSync("/dev/null", path.join(dir, "空.xlsx"));
  await refused(["check", `材料/${SELF}`, "--out", "空.xlsx", "--force"], /--out 不是普通文件/, /--out is not a regular file/);

  const inputs = hashTree(path.join(dir, "材料"));
  const ok = await runJx(["check", `材料/${SELF}`, "--out", "旧报告.xlsx", "--force"], dir);
  expect(ok.code).toBe(1);
  expect(ok.stdout).toContain("报告已写入 / report written: 旧报告.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, "旧报告.xlsx"));
  expect(wb.worksheets[0].name).toBe("汇总 Summary");
  expect(hashTree(path.join(dir, "材料"))).toEqual(inputs);
  // Nothing else was left behind (no temporary file).
  expect(fs.readdirSync(dir).sort()).toEqual(["文件夹.xlsx", "旧报告.xlsx", "材料", "空.xlsx"].sort());
});

test("a new file is written without --force; a broken link is replaced only with --force, never followed", async () => {
  const ok = await runJx(["check", `材料/${SELF}`, "--out", "新报告.xlsx"], dir);
  expect(ok.code).toBe(1);
  expect(fs.statSync(path.join(dir, "新报告.xlsx")).size).toBeGreaterThan(1000);

  fs.symlinkSync(path.join(dir, "不存在", "x.xlsx"), path.join(dir, "断链.xlsx"));
  await refused(["check", `材料/${SELF}`, "--out", "断链.xlsx"], /--out 的文件已存在/, /--out file already exists/);
  expect((await runJx(["check", `材料/${SELF}`, "--out", "断链.xlsx", "--force"], dir)).code).toBe(1);
  expect(fs.lstatSync(path.join(dir, "断链.xlsx")).isFile()).toBe(true);
  expect(fs.existsSync(path.join(dir, "不存在"))).toBe(false);
});

test("help and README-style usage name --force", async () => {
  const help = await runJx(["--help"], dir);
  expect(help.stdout).toMatch(/--force\s+允许 --out 覆盖已有文件 \/ let --out replace an existing file/);
  expect((await runJx(["grade", `材料/${SELF}`, "--force"], dir)).code).toBe(2);
});

describe("writeOutFile checks again at write time", () => {
  const input = (): { path: string; display: string } => ({ path: path.join(dir, "材料", SELF), display: `材料/${SELF}` });

  it("does not replace a file that appeared while the report was being written (no --force)", async () => {
    const out = path.join(dir, "报告.xlsx");
    await expect(
      writeOutFile(out, "报告.xlsx", [input()], false, async (tmp) => {
        fs.writeFileSync(tmp, "report");
        fs.writeFileSync(out, "someone else's");
      }),
    ).rejects.toThrow(/--out 的文件已存在/);
    expect(fs.readFileSync(out, "utf8")).toBe("someone else's");
    expect(fs.readdirSync(dir).sort()).toEqual(["报告.xlsx", "材料"].sort());
  });

  it("does not replace an input that the out path became meanwhile (even with --force)", async () => {
    const out = path.join(dir, "报告.xlsx");
    const before = hashTree(path.join(dir, "材料"));
    await expect(
      writeOutFile(out, "报告.xlsx", [input()], true, async (tmp) => {
        fs.writeFileSync(tmp, "report");
        fs.linkSync(input().path, out);
      }),
    ).rejects.toThrow(/--out 不能是被检查的文件/);
    expect(hashTree(path.join(dir, "材料"))).toEqual(before);
    expect(fs.readdirSync(dir).sort()).toEqual(["报告.xlsx", "材料"].sort());
  });

  it("removes the temporary file when the write fails", async () => {
    await expect(
      writeOutFile(path.join(dir, "报告.xlsx"), "报告.xlsx", [], true, async (tmp) => {
        fs.writeFileSync(tmp, "half");
        throw new Error("disk full");
      }),
    ).rejects.toThrow("disk full");
    expect(fs.readdirSync(dir)).toEqual(["材料"]);
  });
});

/**
 * Inputs are byte-identical after every run: each input (workbooks, CSV in UTF-8 and GBK, a budget list, a
 * covered-by list, files reached through a folder or a symlink) is hashed (sha256) before and after every
 * `jx check` run with `--out` and `--budget`, the runs that write a report and the runs that are refused alike.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import * as iconv from "iconv-lite";
import { runJx } from "../helpers/cli";
import { removeDir, tempDir } from "../helpers/workbooks";

const SAMPLES = path.join(__dirname, "..", "..", "samples");
const REAL = path.join(__dirname, "..", "fixtures", "real");

let dir: string;
let inputs: string[];

function digest(file: string): string {
  const st = fs.statSync(file);
  return `${createHash("sha256").update(fs.readFileSync(file)).digest("hex")} ${st.size} ${st.mtimeMs} ${st.mode}`;
}

function hashes(): Record<string, string> {
  return Object.fromEntries(inputs.map((f) => [f, digest(path.join(dir, f))]));
}

beforeAll(() => {
  dir = tempDir("jx-unchanged-");
  fs.mkdirSync(path.join(dir, "各部门"));
  for (const f of ["自评表-示例.xlsx", "绩效目标-清单.xlsx", "预算项目清单.xlsx"]) fs.copyFileSync(path.join(SAMPLES, f), path.join(dir, f));
  fs.copyFileSync(path.join(SAMPLES, "自评表-示例.xlsx"), path.join(dir, "各部门", "甲局.xlsx"));
  const csv = fs.readdirSync(REAL).find((f) => f.startsWith("02_") && f.endsWith(".csv")) as string;
  fs.copyFileSync(path.join(REAL, csv), path.join(dir, "各部门", "乙局.csv"));
  fs.writeFileSync(path.join(dir, "各部门", "丙局-gbk.csv"), iconv.encode(fs.readFileSync(path.join(REAL, csv), "utf8"), "gbk"));
  fs.symlinkSync(path.join(dir, "自评表-示例.xlsx"), path.join(dir, "链接.xlsx"));
  fs.linkSync(path.join(dir, "绩效目标-清单.xlsx"), path.join(dir, "硬链接.xlsx"));
  fs.symlinkSync("预算项目清单.xlsx", path.join(dir, "到清单.xlsx"));
  fs.writeFileSync(path.join(dir, "旧报告.xlsx"), "old");
  inputs = ["自评表-示例.xlsx", "绩效目标-清单.xlsx", "预算项目清单.xlsx", "各部门/甲局.xlsx", "各部门/乙局.csv", "各部门/丙局-gbk.csv"];
});
afterAll(() => removeDir(dir));

const BASE = ["check", "各部门", "链接.xlsx", "绩效目标-清单.xlsx", "--budget", "预算项目清单.xlsx", "--covered-by", "各部门/甲局.xlsx"];

test.each([
  ["a new report", [...BASE, "--out", "报告1.xlsx"], 1],
  ["a report replacing an old one with --force", [...BASE, "--out", "旧报告.xlsx", "--force"], 1],
  ["JSON and a report", [...BASE, "--format", "json", "--out", "报告2.xlsx"], 1],
  ["--out through a symlink to the budget list", [...BASE, "--out", "到清单.xlsx"], 2],
  ["--out on a hard link to an input", [...BASE, "--out", "硬链接.xlsx"], 2],
  ["--out on the real path of an input given through a symlink", [...BASE, "--out", "自评表-示例.xlsx"], 2],
  ["--out on the budget list, with --force", [...BASE, "--out", "预算项目清单.xlsx", "--force"], 2],
] as [string, string[], number][])("%s: every input is byte-identical afterwards", async (_name, argv, code) => {
  const before = hashes();
  const r = await runJx(argv, dir);
  expect(r.code).toBe(code); // 1: the samples' findings, report written; 2: --out refused
  expect(r.stderr).not.toMatch(/内部错误|internal error/);
  expect(hashes()).toEqual(before);
  expect(fs.lstatSync(path.join(dir, "链接.xlsx")).isSymbolicLink()).toBe(true);
}, 60_000);

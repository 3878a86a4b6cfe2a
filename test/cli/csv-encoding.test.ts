/**
 * `jx check` on CSV files in awkward encodings: a UTF-8 table with one stray 0xFF keeps its table and gets a
 * warning naming the byte offset (text, JSON and --out); UTF-16 without a BOM is read; all-NUL and random bytes
 * are "not checked", never "ready".
 */
import * as fs from "fs";
import * as path from "path";
import Ajv from "ajv";
import ExcelJS from "exceljs";
import * as iconv from "iconv-lite";
import schema from "../../schema/jx-report.schema.json";
import { runJx } from "../helpers/cli";
import { removeDir, tempDir } from "../helpers/workbooks";

const REAL = path.join(__dirname, "..", "fixtures", "real");
const TEXT = fs.readFileSync(path.join(REAL, fs.readdirSync(REAL).find((f) => f.startsWith("02_") && f.endsWith(".csv")) as string), "utf8");

interface JsonOut {
  files: {
    file: string;
    valid: boolean;
    stats: { errors: number; warnings: number };
    tables: { kind: string; project?: string }[];
    issues: { code: string; severity: string; sheet: string; cell: string; value: string; message: string; messageEn: string }[];
    error?: { message: string; messageEn: string };
  }[];
}

let dir: string;
let at: number;
beforeAll(() => {
  dir = tempDir("jx-csv-enc-");
  const utf8 = Buffer.from(TEXT, "utf8");
  at = utf8.indexOf(Buffer.from("灾害", "utf8"));
  fs.writeFileSync(path.join(dir, "stray.csv"), Buffer.concat([utf8.subarray(0, at), Buffer.from([0xff]), utf8.subarray(at)]));
  fs.writeFileSync(path.join(dir, "u16.csv"), iconv.encode(TEXT, "utf-16le"));
  fs.writeFileSync(path.join(dir, "nul.csv"), Buffer.alloc(2048));
  const random = Buffer.alloc(4096);
  let seed = 15;
  for (let i = 0; i < random.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    random[i] = seed >> 16;
  }
  fs.writeFileSync(path.join(dir, "random.csv"), random);
});
afterAll(() => removeDir(dir));

test("a UTF-8 table with a stray 0xFF keeps its table and gets a warning with the byte offset", async () => {
  const json = await runJx(["check", "stray.csv", "--format", "json"], dir);
  const out = JSON.parse(json.stdout) as JsonOut;
  expect(new Ajv().compile(schema)(out)).toBe(true);
  const f = out.files[0];
  expect(f.tables).toEqual([expect.objectContaining({ kind: "self-evaluation", project: "水旱\uFFFD灾害防御经费" })]);
  const notice = f.issues.find((i) => i.code === "file.invalid-bytes");
  expect(notice).toEqual(
    expect.objectContaining({
      severity: "warning",
      sheet: "stray",
      cell: "B3",
      value: "水旱\uFFFD灾害防御经费",
      message: `按 UTF-8 读取，有 1 处字节无法解码（第一处在字节偏移 ${at}，0xFF），已替换为 �；请核对该处内容或将文件另存为 UTF-8`,
      messageEn: `read as UTF-8; 1 byte sequence(s) could not be decoded (the first at byte offset ${at}, 0xFF) and were replaced with �: check the text there or save the file as UTF-8`,
    }),
  );
  // The engine's own findings on the table are all still there.
  const clean = path.join(dir, "clean.csv");
  fs.writeFileSync(clean, TEXT);
  const cleanOut = JSON.parse((await runJx(["check", "clean.csv", "--format", "json"], dir)).stdout) as JsonOut;
  fs.rmSync(clean);
  expect(f.issues.filter((i) => i.code !== "file.invalid-bytes").map((i) => `${i.code}@${i.cell}`)).toEqual(cleanOut.files[0].issues.map((i) => `${i.code}@${i.cell}`));
  expect(f.stats.warnings).toBe(cleanOut.files[0].stats.warnings + 1);

  const text = await runJx(["check", "stray.csv"], dir);
  expect(text.stdout).toContain(`  stray!B3  警告 warning  file.invalid-bytes  按 UTF-8 读取，有 1 处字节无法解码（第一处在字节偏移 ${at}，0xFF）`);
  expect(text.stdout).toContain("项目 水旱�灾害防御经费");

  const report = await runJx(["check", "stray.csv", "--out", "报告.xlsx"], dir);
  expect(report.code).toBe(1);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, "报告.xlsx"));
  const codes: string[] = [];
  wb.getWorksheet("问题清单 Issues")?.eachRow((row) => codes.push(String(row.getCell(5).value)));
  expect(codes).toContain("file.invalid-bytes");
});

test("UTF-16 without a BOM is read; all-NUL and random bytes are not checked, never ready", async () => {
  const json = JSON.parse((await runJx(["check", "u16.csv", "nul.csv", "random.csv", "--format", "json"], dir)).stdout) as JsonOut;
  const byName = Object.fromEntries(json.files.map((f) => [f.file, f]));
  expect(byName["u16.csv"].tables).toEqual([expect.objectContaining({ kind: "self-evaluation", project: "水旱灾害防御经费" })]);
  expect(byName["u16.csv"].issues.some((i) => i.code === "file.invalid-bytes")).toBe(false);
  for (const bad of ["nul.csv", "random.csv"]) {
    expect(byName[bad].valid).toBe(false);
    expect(byName[bad].error?.message).toMatch(/^文件不是可识别编码的文本（UTF-8、GB18030\/GBK、Big5 或 UTF-16）/);
    expect(byName[bad].error?.messageEn).toMatch(/^not text in a known encoding/);
  }
  const alone = await runJx(["check", "nul.csv"], dir);
  expect(alone.code).toBe(2);
  expect(alone.stdout).not.toContain("可以提交");
  expect(alone.stderr).toContain("nul.csv: 文件不是可识别编码的文本");
});

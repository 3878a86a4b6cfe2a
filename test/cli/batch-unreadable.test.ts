/**
 * `jx check` on a batch with things it cannot read: an unreadable subfolder, a FIFO, a device given by name, a
 * file above --max-size. Each is reported as a problem of its own; the batch goes on; never an internal error.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { runJx } from "../helpers/cli";
import { removeDir, tempDir } from "../helpers/workbooks";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "自评表-示例.xlsx");
const AS_ROOT = typeof process.getuid === "function" && process.getuid() === 0;

let dir: string;
beforeAll(() => {
  dir = tempDir("jx-unreadable-");
  fs.mkdirSync(path.join(dir, "批次", "锁住"), { recursive: true });
  fs.copyFileSync(SAMPLE, path.join(dir, "批次", "a.xlsx"));
  fs.copyFileSync(SAMPLE, path.join(dir, "批次", "锁住", "b.xlsx"));
  fs.copyFileSync(SAMPLE, path.join(dir, "批次", "z.xlsx"));
  execFileSync("mkfifo", [path.join(dir, "批次", "管道.csv")]);
});
afterAll(() => removeDir(dir));

/** The folder cannot be listed: mode 000 for an ordinary user; as root, readdir fails for it. */
function denyFolder(folder: string): () => void {
  if (!AS_ROOT) {
    fs.chmodSync(folder, 0o000);
    return () => fs.chmodSync(folder, 0o755);
  }
  const real = fs.promises.readdir.bind(fs.promises);
  const spy = jest.spyOn(fs.promises, "readdir").mockImplementation(((p: fs.PathLike, ...rest: unknown[]) =>
    path.resolve(String(p)) === folder
      ? Promise.reject(Object.assign(new Error(`EACCES: permission denied, scandir '${folder}'`), { code: "EACCES" }))
      : (real as (...a: unknown[]) => Promise<unknown>)(p, ...rest)) as typeof fs.promises.readdir);
  return () => spy.mockRestore();
}

test("an unreadable subfolder and a FIFO are reported; the other files are checked; no internal error", async () => {
  const restore = denyFolder(path.join(dir, "批次", "锁住"));
  let text, json;
  try {
    text = await runJx(["check", "批次"], dir);
    json = await runJx(["check", "批次", "--format", "json"], dir);
  } finally {
    restore();
  }
  expect(text.code).toBe(1);
  expect(text.stderr).not.toMatch(/内部错误|internal error|\n\s+at /);
  expect(text.stdout).toContain("■ 批次/锁住\n  无法检查 / Not checked: 无法读取文件夹（没有权限，EACCES），其中的文件未检查 / could not read the folder (no permission, EACCES)");
  expect(text.stdout).toContain("■ 批次/管道.csv\n  无法检查 / Not checked: 不是普通文件（设备、管道或套接字），不会读取 / not a regular file (a device, pipe or socket): not read");
  expect(text.stdout).toContain("■ 批次/a.xlsx\n  不可提交");
  expect(text.stdout).toContain("■ 批次/z.xlsx\n  不可提交");
  expect(text.stdout).toMatch(/共 4 个文件：.*2 个无法检查/);

  const files = (JSON.parse(json.stdout) as { files: { file: string; error?: { message: string } }[] }).files;
  expect(files.map((f) => [f.file, f.error !== undefined])).toEqual([
    ["批次/a.xlsx", false],
    ["批次/z.xlsx", false],
    ["批次/管道.csv", true],
    ["批次/锁住", true],
  ]);
}, 60_000);

test("a device or a FIFO given by name is refused before any read, with exit 2 when nothing else is left", async () => {
  for (const dev of ["/dev/zero", "/dev/urandom", "批次/管道.csv"]) {
    const r = await runJx(["check", dev], dir);
    expect(r.code).toBe(2);
    const line = `${dev}: 不是普通文件（设备、管道或套接字），不会读取 / not a regular file (a device, pipe or socket): not read\n`;
    expect(r.stderr.split(line).length - 1).toBe(1); // said once
  }
  const budget = await runJx(["check", "批次/a.xlsx", "--budget", "/dev/zero"], dir);
  expect(budget.code).toBe(2);
  expect(budget.stderr).toContain("不是普通文件");
}, 10_000);

test("--max-size refuses larger files before reading them; the batch goes on", async () => {
  fs.writeFileSync(path.join(dir, "小.csv"), "项目名称,分值\n指标1,10\n");
  const r = await runJx(["check", "批次/a.xlsx", "小.csv", "--max-size", "0.005"], dir); // 5.1 KB: the sample is 8.5 KB
  expect(r.stdout).toContain("■ 批次/a.xlsx\n  无法检查 / Not checked: 文件过大（8.5 KB），超过上限 5.1 KB，未读取；确需检查时可用 --max-size 提高上限 / the file is too large");
  expect(r.stdout).toContain("■ 小.csv\n");
  expect((await runJx(["check", "小.csv", "--max-size", "-1"], dir)).code).toBe(2);
  expect((await runJx(["check", "小.csv", "--max-size", "abc"], dir)).stderr).toContain("--max-size 需要一个正数");
});

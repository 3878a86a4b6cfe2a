/**
 * Inputs that are not plain readable files: an unreadable folder or a broken link inside a batch, devices, FIFOs,
 * sockets, and files above the size limit. Each is reported with a bilingual reason, before any read, and the
 * rest of the batch is still found.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as net from "net";
import * as path from "path";
import { DEFAULT_MAX_FILE_BYTES, expandInputs, readInput, readRegularFile } from "../../src/file/inputs";
import { removeDir, tempDir } from "../helpers/workbooks";

const AS_ROOT = typeof process.getuid === "function" && process.getuid() === 0;

/** Makes `dir` unreadable: mode 000 for an ordinary user; as root (who reads anything) readdir is made to fail. */
function denyFolder(dir: string): () => void {
  if (!AS_ROOT) {
    fs.chmodSync(dir, 0o000);
    return () => fs.chmodSync(dir, 0o755);
  }
  const real = fs.promises.readdir.bind(fs.promises);
  const spy = jest.spyOn(fs.promises, "readdir").mockImplementation(((p: fs.PathLike, ...rest: unknown[]) => {
    if (path.resolve(String(p)) === dir) {
      return Promise.reject(Object.assign(new Error(`EACCES: permission denied, scandir '${dir}'`), { code: "EACCES", errno: -13, syscall: "scandir", path: dir }));
    }
    return (real as (...a: unknown[]) => Promise<unknown>)(p, ...rest);
  }) as typeof fs.promises.readdir);
  return () => spy.mockRestore();
}

describe("expandInputs on files and folders that cannot be read", () => {
  let dir: string;
  let server: net.Server | undefined;
  beforeAll(async () => {
    dir = tempDir();
    fs.mkdirSync(path.join(dir, "批次", "锁住"), { recursive: true });
    fs.writeFileSync(path.join(dir, "批次", "a.csv"), "x");
    fs.writeFileSync(path.join(dir, "批次", "锁住", "hidden-from-us.csv"), "x");
    fs.writeFileSync(path.join(dir, "批次", "z.xlsx"), "x");
    fs.symlinkSync(path.join(dir, "批次", "gone.xlsx"), path.join(dir, "批次", "broken.xlsx"));
    fs.symlinkSync("loop.csv", path.join(dir, "批次", "loop.csv"));
    fs.symlinkSync("/dev/zero", path.join(dir, "批次", "zero.csv"));
    fs.symlinkSync(dir, path.join(dir, "批次", "up"));
    execFileSync("mkfifo", [path.join(dir, "批次", "pipe.csv")]);
    execFileSync("mkfifo", [path.join(dir, "pipe.xlsx")]);
    server = net.createServer();
    await new Promise<void>((resolve) => server?.listen(path.join(dir, "批次", "sock.csv"), resolve));
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    removeDir(dir);
  });

  it("reports an unreadable subfolder, broken links and special files, and still finds the rest", async () => {
    const locked = path.join(dir, "批次", "锁住");
    const restore = denyFolder(locked);
    let r;
    try {
      r = await expandInputs(["批次"], dir);
    } finally {
      restore();
    }
    expect(r.files.map((f) => f.display)).toEqual(["批次/a.csv", "批次/z.xlsx"]);
    const byName = Object.fromEntries(r.problems.map((p) => [p.display, p]));
    expect(byName["批次/锁住"]).toMatchObject({ code: "unreadable" });
    expect(byName["批次/锁住"].message).toMatch(/^无法读取文件夹（没有权限，EACCES）/);
    expect(byName["批次/锁住"].messageEn).toMatch(/^could not read the folder \(no permission, EACCES\)/);
    expect(byName["批次/broken.xlsx"]).toMatchObject({ code: "unreadable", message: "无法打开（链接失效或已被删除，ENOENT）" });
    expect(byName["批次/loop.csv"]).toMatchObject({ code: "unreadable", messageEn: "could not open (a link loop, ELOOP)" });
    expect(byName["批次/zero.csv"]).toMatchObject({ code: "not-regular", message: "不是普通文件（设备、管道或套接字），不会读取" });
    expect(byName["批次/pipe.csv"]).toMatchObject({ code: "not-regular", messageEn: "not a regular file (a device, pipe or socket): not read" });
    expect(byName["批次/sock.csv"]).toMatchObject({ code: "not-regular" });
    expect(byName["批次/up"]).toMatchObject({ code: "skipped", messageEn: "a link to a folder: not followed" });
  });

  it("refuses devices, FIFOs and sockets given by name, without opening them", async () => {
    const r = await expandInputs(["/dev/zero", "/dev/urandom", "pipe.xlsx", "批次/sock.csv", "批次/zero.csv"], dir);
    expect(r.files).toEqual([]);
    expect(r.problems.map((p) => [p.display, p.code])).toEqual([
      ["/dev/zero", "not-regular"],
      ["/dev/urandom", "not-regular"],
      ["pipe.xlsx", "not-regular"],
      ["批次/sock.csv", "not-regular"],
      ["批次/zero.csv", "not-regular"],
    ]);
  });

  it("reports a path it may not stat as unreadable, not as missing", async () => {
    const spy = jest.spyOn(fs.promises, "stat").mockRejectedValueOnce(Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" }));
    try {
      const r = await expandInputs(["批次/a.csv"], dir);
      expect(r.problems).toEqual([expect.objectContaining({ display: "批次/a.csv", code: "unreadable", message: "无法打开（没有权限，EACCES）" })]);
    } finally {
      spy.mockRestore();
    }
  });
});

describe("readInput reads only regular files within the size limit", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    execFileSync("mkfifo", [path.join(dir, "fifo.csv")]);
  });
  afterAll(() => removeDir(dir));

  it("refuses a device or a FIFO before reading (a read would never end or would block)", async () => {
    await expect(readInput({ path: "/dev/zero", display: "/dev/zero", kind: "csv" })).rejects.toThrow(/不是普通文件（设备、管道或套接字）/);
    await expect(readInput({ path: "/dev/urandom", display: "/dev/urandom", kind: "xlsx" })).rejects.toThrow(/not a regular file/);
    await expect(readRegularFile(path.join(dir, "fifo.csv"))).rejects.toThrow(/不是普通文件/);
  }, 5000);

  it("refuses a file above the limit before reading it, and reads one at the limit", async () => {
    const f = path.join(dir, "big.csv");
    fs.writeFileSync(f, "a,b\n1,2\n"); // 8 bytes
    await expect(readInput({ path: f, display: "big.csv", kind: "csv" }, { maxBytes: 7 })).rejects.toThrow(/文件过大.*超过上限.*--max-size/);
    const g = await readInput({ path: f, display: "big.csv", kind: "csv" }, { maxBytes: 8 });
    expect(g[0].values).toEqual([["a", "b"], [1, 2]]);
  });

  it("has a 200 MB default limit, checked from the size alone (a sparse file is never read)", async () => {
    expect(DEFAULT_MAX_FILE_BYTES).toBe(200 * 1024 * 1024);
    const f = path.join(dir, "huge.xlsx");
    const fd = fs.openSync(f, "w");
    fs.ftruncateSync(fd, DEFAULT_MAX_FILE_BYTES + 1);
    fs.closeSync(fd);
    const readFile = jest.spyOn(fs.promises, "readFile");
    try {
      await expect(readInput({ path: f, display: "huge.xlsx", kind: "xlsx" })).rejects.toThrow(/文件过大（200 MB），超过上限 200 MB.*too large/s);
      expect(readFile).not.toHaveBeenCalled();
    } finally {
      readFile.mockRestore();
    }
  });
});

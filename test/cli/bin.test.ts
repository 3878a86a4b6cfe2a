/** The real binary: build lib/ with tsc, then spawn `node bin/jx.js` (the command npm run demo runs). */
import { execFileSync, spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import Ajv from "ajv";
import ExcelJS from "exceljs";
import schema from "../../schema/jx-report.schema.json";
import { hashTree, removeDir, tempDir } from "../helpers/workbooks";

const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "jx.js");

jest.setTimeout(120_000);

interface Closed {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs bin/jx.js with its stdout (or stderr) a pipe whose reader goes away: at once, before the command writes
 * anything, or after the first `keepBytes` bytes (as `| head -c` does). The other stream is captured.
 */
function runWithClosedReader(args: readonly string[], cwd: string, closing: "stdout" | "stderr", keepBytes = 0): Promise<Closed> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
    const reader = closing === "stdout" ? child.stdout : child.stderr;
    const other = closing === "stdout" ? child.stderr : child.stdout;
    let read = "";
    let kept = "";
    other.setEncoding("utf8");
    other.on("data", (t: string) => void (kept += t));
    if (keepBytes === 0) reader.destroy();
    else {
      reader.setEncoding("utf8");
      reader.on("data", (t: string) => {
        read += t;
        if (read.length >= keepBytes) reader.destroy();
      });
    }
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout: closing === "stdout" ? read : kept, stderr: closing === "stderr" ? read : kept }));
  });
}

describe("bin/jx.js", () => {
  let dir: string;
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json"], { cwd: ROOT, stdio: "pipe" });
    dir = tempDir();
    for (const f of fs.readdirSync(path.join(ROOT, "samples"))) if (f.endsWith(".xlsx")) fs.copyFileSync(path.join(ROOT, "samples", f), path.join(dir, f));
  });
  afterAll(() => removeDir(dir));

  it("runs the demo command: findings → exit 1, Chinese output, inputs untouched", () => {
    const before = hashTree(dir);
    const r = spawnSync(process.execPath, [BIN, "check", "自评表-示例.xlsx", "绩效目标-清单.xlsx", "--budget", "预算项目清单.xlsx"], { cwd: dir, encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("不可提交");
    expect(r.stdout).toContain("绩效目标覆盖率");
    expect(r.stderr).toBe("");
    expect(hashTree(dir)).toEqual(before);
  });

  it("prints schema-valid JSON and exits 2 on bad arguments", () => {
    const r = spawnSync(process.execPath, [BIN, "check", ".", "--format", "json"], { cwd: dir, encoding: "utf8" });
    expect(r.status).toBe(1);
    const validate = new Ajv().compile(schema);
    expect(validate(JSON.parse(r.stdout))).toBe(true);
    const bad = spawnSync(process.execPath, [BIN, "check"], { cwd: dir, encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("jx --help");
  });

  describe("a reader that stops reading (jx check … | head): the output stops quietly, the exit code is as usual", () => {
    it("stdout closed before the first line: findings → exit 1, no EPIPE, no stack", async () => {
      const r = await runWithClosedReader(["check", "自评表-示例.xlsx", "绩效目标-清单.xlsx", "--budget", "预算项目清单.xlsx"], dir, "stdout");
      expect([r.code, r.signal]).toEqual([1, null]);
      expect(r.stderr).toBe("");
    });

    it("stdout closed on a clean run: exit 0 (an uncaught EPIPE would exit 1)", async () => {
      fs.writeFileSync(path.join(dir, "clean.csv"), "一级指标,二级指标,三级指标,指标值,计量单位,分值\n产出指标,数量指标,培训人次,≥500,人次,30\n产出指标,时效指标,培训按时完成率,100%,%,20\n效益指标,社会效益指标,参训人员技能提升率,≥90%,%,30\n满意度指标,服务对象满意度指标,参训人员满意度,≥90%,%,10\n");
      const clean = spawnSync(process.execPath, [BIN, "check", "clean.csv"], { cwd: dir, encoding: "utf8" });
      expect(clean.status).toBe(0);
      const r = await runWithClosedReader(["check", "clean.csv"], dir, "stdout");
      expect([r.code, r.signal, r.stderr]).toEqual([0, null, ""]);
    });

    it("JSON of many files read for its first 100 bytes only (| head -c 100): exit 1, no stack, --out still written", async () => {
      const many = path.join(dir, "many");
      fs.mkdirSync(many, { recursive: true });
      for (let i = 0; i < 80; i++) fs.copyFileSync(path.join(dir, "自评表-示例.xlsx"), path.join(many, `自评表-${i}.xlsx`));
      const full = spawnSync(process.execPath, [BIN, "check", "many", "--format", "json"], { cwd: dir, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
      expect(Buffer.byteLength(full.stdout)).toBeGreaterThan(256 * 1024); // more than a pipe holds: the writer meets the closed pipe
      const r = await runWithClosedReader(["check", "many", "--format", "json", "--out", "report-many.xlsx"], dir, "stdout", 100);
      expect([r.code, r.signal]).toEqual([1, null]);
      expect(r.stdout.length).toBeGreaterThanOrEqual(100);
      expect(r.stderr).not.toMatch(/EPIPE|\n\s+at |内部错误/);
      expect(fs.statSync(path.join(dir, "report-many.xlsx")).size).toBeGreaterThan(0);
    });

    it("stderr closed on a usage error: exit 2, as usual", async () => {
      const r = await runWithClosedReader(["check", "--format", "xml", "clean.csv"], dir, "stderr");
      expect([r.code, r.signal, r.stdout]).toEqual([2, null, ""]);
    });

    (fs.existsSync("/dev/full") ? it : it.skip)("any other write failure (a full disk: /dev/full) is said on stderr, exit 2", () => {
      const fd = fs.openSync("/dev/full", "w");
      try {
        const r = spawnSync(process.execPath, [BIN, "check", "clean.csv"], { cwd: dir, encoding: "utf8", stdio: ["ignore", fd, "pipe"] });
        expect(r.status).toBe(2);
        expect(r.stderr).toContain("输出无法写出（ENOSPC）");
        expect(r.stderr).not.toMatch(/\n\s+at /);
      } finally {
        fs.closeSync(fd);
      }
    });
  });

  describe("--jobs: worker threads give the output of one thread, byte for byte", () => {
    let batch: string;
    beforeAll(() => {
      batch = tempDir();
      // The samples, the real published tables, an empty file and a refused format: every kind of entry.
      for (const f of fs.readdirSync(path.join(ROOT, "samples"))) if (f.endsWith(".xlsx")) fs.copyFileSync(path.join(ROOT, "samples", f), path.join(batch, f));
      const real = path.join(ROOT, "test", "fixtures", "real");
      for (const f of fs.readdirSync(real)) if (f.endsWith(".csv")) fs.copyFileSync(path.join(real, f), path.join(batch, f));
      fs.writeFileSync(path.join(batch, "空.xlsx"), Buffer.alloc(0));
      fs.writeFileSync(path.join(batch, "旧.xls"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
    });
    afterAll(() => removeDir(batch));

    const run = (args: readonly string[]) => spawnSync(process.execPath, [BIN, "check", ...args], { cwd: batch, encoding: "utf8", maxBuffer: 64 << 20 });

    it.each([["text"], ["json"], ["jsonl"]])("--format %s, with the budget list found among the files and chosen", (format) => {
      for (const extra of [[], ["--budget", "预算项目清单.xlsx", "--max-findings", "3"]]) {
        const one = run([".", "--format", format, "--jobs", "1", ...extra]);
        const three = run([".", "--format", format, "--jobs", "3", ...extra]);
        expect(one.status).toBe(1);
        expect(one.stdout.length).toBeGreaterThan(1000);
        expect(three.status).toBe(one.status);
        expect(three.stdout).toBe(one.stdout);
        expect(three.stderr).toBe(one.stderr);
      }
    });

    it("the report workbook holds the same values", async () => {
      const values = async (jobs: string): Promise<string[]> => {
        const out = path.join(batch, `..`, `report-${path.basename(batch)}-${jobs}.xlsx`);
        const r = run([".", "--jobs", jobs, "--out", out, "--max-findings", "5"]);
        expect(r.status).toBe(1);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(out);
        fs.rmSync(out);
        const cells: string[] = [];
        wb.eachSheet((ws) => ws.eachRow((row, n) => cells.push(`${ws.name}!${n}: ${JSON.stringify(row.values)}`)));
        return cells;
      };
      const one = await values("1");
      expect(one.length).toBeGreaterThan(50);
      expect(one.some((c) => c.startsWith("问题清单 Issues!") && c.includes("indicator."))).toBe(true);
      expect(await values("2")).toEqual(one);
    });

    it("refuses a --jobs that is not a positive whole number, or too many", () => {
      for (const bad of ["0", "-1", "two", "1000"]) {
        const r = run([".", "--jobs", bad]);
        expect(r.status).toBe(2);
        expect(r.stderr).toContain("--jobs");
      }
    });
  });
});


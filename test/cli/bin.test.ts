/** The real binary: build lib/ with tsc, then spawn `node bin/jx.js` (the command npm run demo runs). */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import Ajv from "ajv";
import schema from "../../schema/jx-report.schema.json";
import { hashTree, removeDir, tempDir } from "../helpers/workbooks";

const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "jx.js");

jest.setTimeout(120_000);

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
});

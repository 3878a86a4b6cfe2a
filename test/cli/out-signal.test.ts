/**
 * Ctrl-C or a kill while `--out` is being written (issue 25 item 7): the report goes to a hidden `.tmp` file beside
 * the target first, and an interrupted run used to leave it there. Now the signal removes it and the process still
 * ends by that signal (the shell sees an interrupted run, not a clean exit).
 *
 * The CLI is spawned from its TypeScript sources (ts-node, transpile only, as the benchmarks run it), on a list
 * with thousands of findings so the report takes over a second to write; the folder is watched until the `.tmp`
 * appears, then the signal is sent.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { writeFindingsCsv } from "../helpers/big-inputs";
import { removeDir, tempDir } from "../helpers/workbooks";

const ROOT = path.join(__dirname, "..", "..");

jest.setTimeout(120_000);

const RUN_CLI = [
  `require(${JSON.stringify(path.join(ROOT, "node_modules", "ts-node"))}).register({ transpileOnly: true, compilerOptions: { module: "CommonJS", moduleResolution: "node" } });`,
  `require(${JSON.stringify(path.join(ROOT, "src", "cli", "main.ts"))}).main(process.argv.slice(1)).then((code) => { process.exitCode = code; });`,
].join("\n");

interface Ended {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
  /** The folder's names when the signal was sent. */
  readonly seen: readonly string[];
}

const tmpNames = (dir: string): string[] => fs.readdirSync(dir).filter((n) => n.endsWith(".tmp"));

/** Runs `jx check list.csv --out report.xlsx` in `dir` and sends `signal` once the report's `.tmp` exists. */
function interruptWhileWriting(dir: string, signal: NodeJS.Signals): Promise<Ended> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", RUN_CLI, "check", "list.csv", "--max-findings", "100000", "--out", "report.xlsx"], {
      cwd: dir,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    let seen: string[] = [];
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (t: string) => void (stderr += t));
    const poll = setInterval(() => {
      const tmp = tmpNames(dir);
      if (tmp.length === 0) return;
      clearInterval(poll);
      seen = fs.readdirSync(dir);
      child.kill(signal);
    }, 5);
    child.on("error", reject);
    child.on("close", (code, sig) => {
      clearInterval(poll);
      resolve({ code, signal: sig, stderr, seen });
    });
  });
}

describe("a signal while --out is written leaves no .tmp beside the target", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir("jx-signal-");
    writeFindingsCsv(path.join(dir, "list.csv"), 3000);
  });
  afterAll(() => removeDir(dir));
  afterEach(() => {
    for (const n of fs.readdirSync(dir)) if (n !== "list.csv") fs.rmSync(path.join(dir, n), { force: true });
  });

  test.each(["SIGINT", "SIGTERM"] as const)("%s", async (signal) => {
    const r = await interruptWhileWriting(dir, signal);
    // The signal came while the report was being written (not before, not after).
    expect(r.seen.filter((n) => n.endsWith(".tmp"))).toHaveLength(1);
    expect(r.seen).not.toContain("report.xlsx");
    // The run ends by the signal, saying in both languages that no report was written.
    expect(r.signal).toBe(signal);
    expect(r.stderr).toContain("已中断，报告未写出 / interrupted: the report was not written");
    expect(fs.readdirSync(dir).sort()).toEqual(["list.csv"]);
  });
});

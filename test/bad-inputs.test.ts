/**
 * The bad-input corpus (test/fixtures/bad/cases.ts) through the real CLI (src/cli/main, as `jx check` runs it):
 * each case's exit code and a substring of its message, never an internal error or a stack trace, and the
 * case's own absences (raw control characters, a file's secret content, a file written outside the run).
 *
 * Inputs: the committed text files (test/fixtures/bad/files/), the generated ones (tools/make-bad-inputs.js, into
 * a temp folder: binary, re-encoded and large files are not committed), and links, a FIFO and folders made here.
 * Cases whose current behaviour is wrong are listed as KNOWN_WRONG with the reason and skipped.
 *
 * JX_BAD_RECORD=1 records the current behaviour instead (code and message lines of every case that can run);
 * JX_BAD_HEAVY=1 runs the heavy cases too (right, but too slow or big for npm test).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { generatedNames, makeBadInputs } from "../tools/make-bad-inputs";
import { runJx, type RunResult } from "./helpers/cli";
import { removeDir, tempDir } from "./helpers/workbooks";
import { CASES, SPECIAL, type BadCase, type Outcome } from "./fixtures/bad/cases";

jest.setTimeout(120_000);

const FILES = path.join(__dirname, "fixtures", "bad", "files");
const RECORD = process.env.JX_BAD_RECORD === "1";
const HEAVY = process.env.JX_BAD_HEAVY === "1";

/** KNOWN_WRONG cases do not run (some take minutes today); heavy ones only with JX_BAD_HEAVY=1. */
function runs(k: BadCase): boolean {
  return !k.knownWrong && (!k.heavy || HEAVY);
}

const committed = new Set(fs.readdirSync(FILES));
const special = new Set<string>(SPECIAL);
/** The files a case reads: its inputs and the spreadsheets its arguments name (not the one --out writes). */
const inputNames = (k: BadCase): string[] => [...k.inputs, ...(k.args ?? []).filter((a, i, all) => /\.(xlsx|xlsm|csv)$/i.test(a) && all[i - 1] !== "--out")];

let dir: string;
beforeAll(() => {
  dir = tempDir("jx-bad-");
  for (const f of committed) fs.copyFileSync(path.join(FILES, f), path.join(dir, f));
  // Only what the running cases need (the skipped ones include a 50 MB CSV and gigabyte zip bombs).
  const needed = new Set<string>();
  for (const k of CASES) if (runs(k)) for (const n of inputNames(k)) if (!committed.has(n) && !special.has(n)) needed.add(n);
  makeBadInputs(dir, [...needed]);
  // Special inputs.
  fs.symlinkSync("does-not-exist.xlsx", path.join(dir, "broken-link.xlsx"));
  fs.symlinkSync("/dev/zero", path.join(dir, "zero-link.csv"));
  execFileSync("mkfifo", [path.join(dir, "fifo.csv")]);
  fs.mkdirSync(path.join(dir, "folder.xlsx"));
  fs.copyFileSync(path.join(FILES, "notes.csv"), path.join(dir, "folder.xlsx", "说明.csv"));
  fs.mkdirSync(path.join(dir, "bad-folder"));
  for (const f of ["notes.csv", "single-cell.csv", "clean.xls", "clean.txt"]) fs.copyFileSync(path.join(FILES, f), path.join(dir, "bad-folder", f));
  fs.mkdirSync(path.join(dir, "empty-folder"));
});
afterAll(() => removeDir(dir));

function matches(r: RunResult, o: Outcome): boolean {
  return r.code === o.code && (r.stdout + r.stderr).includes(o.message);
}

function firstLines(r: RunResult): string {
  const text = (r.stdout + r.stderr).split("\n").filter((l) => l.trim() !== "");
  return text.slice(0, 3).map((l) => `      ${l.slice(0, 200)}`).join("\n");
}

const known = CASES.filter((k) => k.knownWrong);
const listing = known
  .map((k) => `  - ${k.id} [${k.inputs.join(", ")}]\n      expected: exit ${k.expect.code}, "${k.expect.message}"\n      now: ${k.knownWrong?.now}`)
  .join("\n");

describe(`bad-input corpus: ${CASES.length} cases through jx check`, () => {
  test("the corpus: at least 100 cases, unique ids, every input committed, generated or made here", () => {
    const heavy = CASES.filter((k) => k.heavy).map((k) => `  - ${k.id}: ${k.heavy}${HEAVY ? "" : " (skipped; JX_BAD_HEAVY=1 runs it)"}`);
    process.stdout.write(`bad-input corpus: ${CASES.length} cases, ${known.length} KNOWN_WRONG (skipped):\n${listing}\nheavy:\n${heavy.join("\n")}\n`);
    expect(CASES.length).toBeGreaterThanOrEqual(100);
    expect(new Set(CASES.map((k) => k.id)).size).toBe(CASES.length);
    const generated = new Set(generatedNames());
    for (const k of CASES) for (const n of inputNames(k)) expect([n, committed.has(n) || generated.has(n) || special.has(n) || n === "没有这个文件.xlsx"]).toEqual([n, true]);
  });

  for (const k of CASES) {
    const name = `${k.id} → exit ${k.expect.code}`;
    if (!runs(k)) {
      // KNOWN_WRONG: the expectation is the right behaviour; today's is in knownWrong.now (printed above).
      test.skip(`${k.knownWrong ? "KNOWN_WRONG" : "heavy"} ${name}`, () => undefined);
      continue;
    }
    test(name, async () => {
      const r = await runJx(["check", ...k.inputs, ...(k.args ?? [])], dir);
      const all = r.stdout + r.stderr;
      if (RECORD) {
        process.stdout.write(`=== ${k.id} [${k.inputs.join(" ")}${k.args ? " " + k.args.join(" ") : ""}] exit ${r.code}\n${firstLines(r)}\n`);
        return;
      }
      const ok = matches(r, k.expect) || (k.alsoRight !== undefined && matches(r, k.alsoRight));
      if (!ok) {
        throw new Error(
          `expected exit ${k.expect.code} with "${k.expect.message}"${k.alsoRight ? ` (or exit ${k.alsoRight.code} with "${k.alsoRight.message}")` : ""}, got exit ${r.code}:\n${all.slice(0, 1500)}`,
        );
      }
      expect(all).not.toContain("内部错误");
      expect(all).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
      for (const s of k.absent ?? []) expect([s, all.includes(s)]).toEqual([s, false]);
      for (const f of k.noFile ?? []) expect([f, fs.existsSync(path.join(dir, f))]).toEqual([f, false]);
      if ((k.args ?? []).includes("json") && r.stdout.trim() !== "") expect(() => JSON.parse(r.stdout)).not.toThrow();
    });
  }
});

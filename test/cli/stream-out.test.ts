/**
 * `jx check` writes its output from the spool as it goes (src/cli/stream-out.ts): the text and JSON written must be
 * what the whole batch held in memory gives (runCheck, then formatText and toJsonReport), and each JSON Lines line
 * the JSON report's file entry or finding.
 */
import * as fs from "fs";
import * as path from "path";
import { runCheck, type CheckArgs } from "../../src/cli/check";
import { toJsonReport } from "../../src/cli/format-json";
import { formatText } from "../../src/cli/format-text";
import type { CliIO } from "../../src/cli/io";
import { runJx } from "../helpers/cli";
import { removeDir, tempDir } from "../helpers/workbooks";

const ROOT = path.join(__dirname, "..", "..");

jest.setTimeout(60_000);

const quiet = (cwd: string): CliIO => ({ stdout: () => undefined, stderr: () => undefined, stderrIsTTY: false, cwd });

interface Line {
  type: string;
  file?: string;
  [k: string]: unknown;
}

describe("the streamed output is the batch's output", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    for (const f of fs.readdirSync(path.join(ROOT, "samples"))) if (f.endsWith(".xlsx")) fs.copyFileSync(path.join(ROOT, "samples", f), path.join(dir, f));
    const real = path.join(ROOT, "test", "fixtures", "real");
    for (const f of fs.readdirSync(real)) if (f.endsWith(".csv")) fs.copyFileSync(path.join(real, f), path.join(dir, f));
    fs.writeFileSync(path.join(dir, "空.csv"), Buffer.alloc(0));
  });
  afterAll(() => removeDir(dir));

  const cases: [string, string[], Partial<CheckArgs>][] = [
    ["every file, the budget list found among them", ["."], {}],
    ["--budget, two findings listed per file (coverage findings merged into capped lists)", [".", "--budget", "预算项目清单.xlsx", "--max-findings", "2"], { budget: "预算项目清单.xlsx", maxFindings: 2 }],
    ["--covered-by a list that is also checked", ["自评表-示例.xlsx", "绩效目标-清单.xlsx", "--budget", "预算项目清单.xlsx", "--covered-by", "自评表-示例.xlsx"], { budget: "预算项目清单.xlsx", coveredBy: ["自评表-示例.xlsx"] }],
  ];

  it.each(cases)("%s: text and json as in memory", async (_name, argv, extra) => {
    const inputs = argv.filter((a, k) => !a.startsWith("--") && (k === 0 || !argv[k - 1].startsWith("--")));
    const args: CheckArgs = { inputs, coveredBy: [], format: "text", failOn: "error", ...extra };
    const outcome = await runCheck(args, quiet(dir));
    const text = await runJx(["check", ...argv], dir);
    expect(text.code).toBe(1);
    expect(text.stdout).toBe(formatText(outcome));
    const json = await runJx(["check", ...argv, "--format", "json"], dir);
    expect(json.stdout).toBe(JSON.stringify(toJsonReport(outcome), null, 2) + "\n");
  });

  it.each(cases)("%s: each jsonl line is a file entry or a finding of the JSON report, in its order", async (_name, argv) => {
    const json = JSON.parse((await runJx(["check", ...argv, "--format", "json"], dir)).stdout) as { files: { file: string; issues: object[] }[]; coverage?: object };
    const r = await runJx(["check", ...argv, "--format", "jsonl"], dir);
    expect(r.code).toBe(1);
    expect(r.stdout.endsWith("\n")).toBe(true);
    const lines = r.stdout.slice(0, -1).split("\n");
    for (const l of lines) expect(l).not.toContain("\n");
    const parsed = lines.map((l) => JSON.parse(l) as Line);
    const expected: Line[] = [];
    for (const f of json.files) {
      const { issues, ...entry } = f;
      expected.push({ type: "file", ...entry });
      for (const i of issues) expected.push({ type: "issue", file: f.file, ...i });
    }
    if (json.coverage) expected.push({ type: "coverage", ...json.coverage });
    expect(parsed).toEqual(expected);
    expect(parsed.filter((l) => l.type === "issue").length).toBeGreaterThan(5);
  });
});

/**
 * The page's batch (pageBatch.runBatch, what its worker runs) against `jx check` (runCheck) on the same files: the
 * same files in the same order, the same findings and counts per file, the same coverage, and the same report rows.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCheck, type CheckArgs } from "../../src/cli/check";
import type { CliIO } from "../../src/cli/io";
import { reportEntry } from "../../src/file/batch";
import type { ExcelJSModule } from "../../src/file/grid-convert";
import { runBatch, type PageInput } from "../../src/taskpane/browser/pageBatch";

const SAMPLES = path.join(__dirname, "..", "..", "samples");
const REAL = path.join(__dirname, "..", "fixtures", "real");
const loadExcel = async (): Promise<ExcelJSModule> => ExcelJS as unknown as ExcelJSModule;

function io(cwd: string): CliIO {
  return { stdout: () => undefined, stderr: () => undefined, stderrIsTTY: false, cwd };
}

/** Files of a folder as the page gets them when chosen one by one. */
function pageInputs(dir: string, names: readonly string[]): PageInput[] {
  return names.map((name) => {
    const bytes = fs.readFileSync(path.join(dir, name));
    return { name, size: bytes.length, explicit: true, read: async () => new Uint8Array(bytes) };
  });
}

async function compare(dir: string, names: readonly string[], budget?: string): Promise<void> {
  const args: CheckArgs = { inputs: names.filter((n) => n !== budget), coveredBy: [], format: "json", failOn: "error", ...(budget ? { budget } : {}) };
  const cli = await runCheck(args, io(dir));
  const page = await runBatch(pageInputs(dir, names), { loadExcel, ...(budget ? { budget } : {}) });
  expect(page.outcome.files.map((f) => [f.file, f.role])).toEqual(cli.files.map((f) => [f.file, f.role]));
  for (const [k, f] of cli.files.entries()) {
    const p = page.outcome.files[k];
    expect(p.report.stats).toEqual(f.report.stats);
    expect(p.report.issues.map((i) => `${i.code}@${i.sheet}!${i.cell}`)).toEqual(f.report.issues.map((i) => `${i.code}@${i.sheet}!${i.cell}`));
    expect(p.error).toEqual(f.error);
  }
  expect(page.outcome.coverage).toEqual(cli.coverage);
  expect(page.outcome.budgetFile).toEqual(cli.budgetFile);
  // The report workbook's rows: the CLI's, but for the file links only a file on disk can have.
  expect(page.files.map(reportEntry)).toEqual(cli.files.map((f) => reportEntry(f)));
}

describe("the page's batch is jx check's", () => {
  it("on the samples, the budget list recognized among them", async () => {
    await compare(SAMPLES, ["预算项目清单.xlsx", "绩效目标-清单.xlsx", "自评表-示例.xlsx"]);
  });

  it("on the samples' targets with the budget list chosen (--budget)", async () => {
    await compare(SAMPLES, ["绩效目标-清单.xlsx", "预算项目清单.xlsx"], "预算项目清单.xlsx");
  });

  it("on real tables, an empty file and a refused format", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-page-"));
    try {
      const real = fs.readdirSync(REAL).filter((f) => f.endsWith(".csv"));
      for (const f of real) fs.copyFileSync(path.join(REAL, f), path.join(dir, f));
      fs.writeFileSync(path.join(dir, "空.xlsx"), Buffer.alloc(0));
      fs.writeFileSync(path.join(dir, "旧.xls"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
      await compare(dir, [...real, "空.xlsx", "旧.xls"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * Issue 25: bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) in a file name, a sheet name and cell
 * text reorder what a person reads ("报告\u202Exslx.exe" reads 报告exe.xlsx). Wherever such text is echoed to a human it
 * goes through src/file/shown-text.ts and shows without them: `jx check`'s text output, the report workbook's cells
 * (the command line's --out and the page's download), the page's preview rows and the pane's sheets (safeText). The
 * JSON output keeps the raw text: it is data for programs, and a program must get the name it can open.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { ExcelJSModule } from "../../src/file/grid-convert";
import { safeText } from "../../src/excel/sheets";
import { shownData, shownName, shownText } from "../../src/file/shown-text";
import { batchReportBytes, runBatch } from "../../src/taskpane/browser/pageBatch";
import type { FromWorker } from "../../src/taskpane/browser/protocol";
import { workerCore } from "../../src/taskpane/browser/workerCore";
import { runJx } from "../helpers/cli";
import { removeDir, tempDir } from "../helpers/workbooks";

const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
const loadExcel = async (): Promise<ExcelJSModule> => ExcelJS as unknown as ExcelJSModule;

const FILE = "报告\u202Exslx.xlsx";
const SHEET = "指标\u202E表";

/** A target list whose names and values carry bidi controls, with findings that quote them. */
async function writeBook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  ws.addRows([
    ["项目名称", "培训\u2067项目\u2069"],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ["产出指标", "数量指标", "培训\u202E人次", "≥500"],
    ["产出指标", "质量指标", "合格\u202D率", "≥95%"],
    ["效益指标", "社会效益指标", "群众\u202E知晓", "长期有效\u202E"],
    ["满意度指标", "服务对象满意度指标", "满意\u2066度", "≥90%"],
  ]);
  await wb.xlsx.writeFile(file);
}

/** Every text of every cell of a workbook (hyperlink texts too), and the hyperlinks' targets. */
async function cellTexts(bytes: Uint8Array | string): Promise<{ texts: string[]; links: string[] }> {
  const wb = new ExcelJS.Workbook();
  if (typeof bytes === "string") await wb.xlsx.readFile(bytes);
  else await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const texts: string[] = [];
  const links: string[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        if (typeof v === "string") texts.push(v);
        else if (v && typeof v === "object" && "hyperlink" in v) {
          texts.push(String((v as ExcelJS.CellHyperlinkValue).text));
          links.push((v as ExcelJS.CellHyperlinkValue).hyperlink);
        }
      }),
    );
  }
  return { texts, links };
}

describe("bidi controls from a workbook are shown neutralised, kept raw in JSON", () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    await writeBook(path.join(dir, FILE));
  });
  afterAll(() => removeDir(dir));

  it("jx check: none in the text output nor in the report's cells; the links keep the real sheet name", async () => {
    const r = await runJx(["check", FILE, "--out", "r.xlsx"], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`■ ${shownName(FILE)}`);
    expect(r.stdout).toContain("培训人次");
    expect(r.stdout + r.stderr).not.toMatch(BIDI);
    const { texts, links } = await cellTexts(path.join(dir, "r.xlsx"));
    expect(texts).toContain(shownName(FILE));
    expect(texts.some((t) => t.includes("培训人次"))).toBe(true);
    for (const t of texts) expect(t).not.toMatch(BIDI);
    // A link must find the sheet: its target names it as it is.
    expect(links.some((l) => l.includes(SHEET))).toBe(true);
  });

  it("jx check --format json keeps the raw names and values (data, not display)", async () => {
    const r = await runJx(["check", FILE, "--format", "json"], dir);
    const json = JSON.parse(r.stdout) as { files: { file: string; issues: { sheet: string; message: string }[] }[] };
    expect(json.files[0].file).toBe(FILE);
    expect(json.files[0].issues.some((i) => i.sheet === SHEET)).toBe(true);
    expect(json.files[0].issues.some((i) => BIDI.test(i.message))).toBe(true);
  });

  it("the page: none in the downloaded report, the preview's rows or the coverage data shown", async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(dir, FILE)));
    const run = await runBatch([{ name: FILE, size: bytes.length, explicit: true, read: async () => bytes }], { loadExcel });
    expect(run.outcome.files[0].report.issues.some((i) => BIDI.test(i.message))).toBe(true);
    const { texts } = await cellTexts(await batchReportBytes(run, loadExcel));
    expect(texts).toContain(shownName(FILE));
    for (const t of texts) expect(t).not.toMatch(BIDI);

    const got: FromWorker[] = [];
    const core = workerCore(loadExcel, (m) => got.push(m));
    core({ type: "check", inputs: [{ name: FILE, explicit: true, file: new File([bytes as BlobPart], FILE) }] });
    for (let i = 0; i < 200 && !got.some((m) => m.type === "done" || m.type === "failed"); i++) await new Promise((r) => setTimeout(r, 10));
    core({ type: "rows", file: 0, sheet: 0, block: 0 });
    const rows = got.find((m) => m.type === "rows");
    expect(rows && rows.type === "rows" ? rows.rows.flat() : []).toContain("培训人次");
    for (const m of got) if (m.type === "rows") for (const t of m.rows.flat()) expect(t).not.toMatch(BIDI);

    const coverage = shownData({ missing: [{ name: "项目\u202E甲", sheet: SHEET, cell: "A1" }] });
    expect(coverage.missing[0]).toEqual({ name: "项目甲", sheet: SHEET, cell: "A1" });
  });

  it("the pane's sheets: safeText takes them out before the formula guard", () => {
    expect(safeText("\u202E=1+1")).toBe("'=1+1");
    expect(safeText("长期\u2066有效\u2069")).toBe("长期有效");
    expect(shownText("一\n二\t三\u202E")).toBe("一\n二\t三");
  });
});

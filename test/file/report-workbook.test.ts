import * as path from "path";
import { shownName } from "../../src/file/shown-text";
import ExcelJS from "exceljs";
import { cellLink, writeReportWorkbook } from "../../src/file/report-workbook";
import { buildReportWorkbook } from "../../src/file/report-book";
import type { ExcelJSModule } from "../../src/file/grid-convert";
import type { Issue } from "../../src/domain/issues";
import { removeDir, tempDir } from "../helpers/workbooks";

/** Texts a table may hold that a spreadsheet could read as a formula, a number or a quote prefix. */
const HOSTILE = ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "＝1+1", "\t=1+1", " -1", "'=1", "-5", "0012", '=HYPERLINK("http://example.invalid","x")'];

describe("writeReportWorkbook", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });
  afterAll(() => removeDir(dir));

  it("writes a summary with unreadable files and an issues sheet saying there is nothing", async () => {
    const out = path.join(dir, "r.xlsx");
    await writeReportWorkbook(out, [
      { file: "a.xlsx", path: path.join(dir, "a.xlsx"), report: { valid: true, stats: { errors: 0, warnings: 0, infos: 0 }, byCode: {}, tables: [], issues: [] } },
      { file: "b.xlsx", error: { message: "文件为空（0 字节）", messageEn: "the file is empty (0 bytes)" } },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["汇总 Summary", "问题清单 Issues"]);
    const s = wb.getWorksheet("汇总 Summary")!;
    expect(s.getCell("D2").value).toBe("可以提交 / Ready");
    expect(String(s.getCell("D3").value)).toContain("文件为空");
    expect((s.getCell("A2").value as ExcelJS.CellHyperlinkValue).hyperlink).toBe("a.xlsx");
    expect(wb.getWorksheet("问题清单 Issues")!.getCell("F2").value).toContain("未发现问题");
  });

  it("links to a cell of another workbook, quoting the sheet", () => {
    expect(cellLink("/r/out/rep.xlsx", "/r/in/表.xlsx", "O'Brien 表", "B2")).toBe("../in/表.xlsx#'O''Brien 表'!B2");
    expect(cellLink("/r/rep.xlsx", "/r/t.csv", "t", "B2")).toBe("t.csv");
    expect(cellLink("/r/rep.xlsx", "/r/a'b.xlsx", "'=1+1'", "C3")).toBe("a'b.xlsx#'''=1+1'''!C3");
  });

  it("keeps a file name that looks like a URL scheme a relative path", () => {
    expect(cellLink("/r/rep.xlsx", "/r/javascript:alert(1).xlsx", "S", "A1")).toBe("./javascript:alert(1).xlsx#'S'!A1");
    expect(cellLink("/r/rep.xlsx", "/r/http:x/t.xlsx")).toBe("./http:x/t.xlsx");
  });

  it("writes hostile user text as plain text cells: no formula, text format, the same string back", async () => {
    const out = path.join(dir, "hostile.xlsx");
    const issues: Issue[] = HOSTILE.map((t, i) => ({
      code: "value.format" as Issue["code"],
      severity: "error",
      sheet: t,
      cell: `B${i + 2}`,
      value: t,
      expected: t,
      message: t,
      messageEn: t,
      source: t,
    }));
    const files = HOSTILE.map((t, i) => ({
      file: `${t}.xlsx`,
      path: path.join(dir, `f${i}.xlsx`),
      department: t,
      project: t,
      total: t,
      grade: t,
      ...(i === 0
        ? { error: { message: t, messageEn: t } }
        : { report: { valid: false, stats: { errors: 1, warnings: 0, infos: 0 }, byCode: {}, tables: [], issues: [issues[i]] } }),
    }));
    const line = (t: string, i: number) => ({ code: t, name: t, department: t, amount: i, class: "A" });
    const group = { projects: 1, covered: 0, amount: 1, coveredAmount: 0, rateByCount: 0, rateByAmount: 0 };
    await writeReportWorkbook(out, files, {
      total: { projects: 1, amount: 1 },
      covered: { projects: 0, amount: 0 },
      rateByCount: 0,
      rateByAmount: 0,
      missing: HOSTILE.map(line),
      invalid: HOSTILE.map(line),
      excluded: HOSTILE.map((t) => ({ code: t, name: t, reason: t })),
      byDepartment: HOSTILE.map((t) => ({ ...group, department: t })),
      byBudgetType: HOSTILE.map((t) => ({ ...group, budgetType: t })),
    });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["汇总 Summary", "问题清单 Issues", "覆盖率统计 Coverage", "缺少目标清单 Missing"]);
    const seen = new Set<string>();
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.formula).toBeUndefined();
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          const v = cell.value;
          const text = typeof v === "object" && v !== null && "hyperlink" in v ? (v as ExcelJS.CellHyperlinkValue).text : v;
          if (typeof text !== "string") return;
          seen.add(text);
          if (HOSTILE.some((h) => text.includes(h))) expect({ at: `${ws.name}!${cell.address}`, numFmt: cell.numFmt }).toEqual({ at: `${ws.name}!${cell.address}`, numFmt: "@" });
        }),
      );
    }
    for (const t of HOSTILE) {
      expect(seen).toContain(t);
      // File names as every front shows them (a tab or line break in a name is shown as a space or a visible \n).
      expect(seen).toContain(shownName(`${t}.xlsx`));
    }
    // "-5" reads back as the text "-5", as the user wrote it; the link's sheet is quoted.
    const iss = wb.getWorksheet("问题清单 Issues")!;
    const row = HOSTILE.indexOf("-5");
    expect(iss.getCell(row + 1, 7).value).toBe("-5");
    expect(iss.getCell(row + 1, 2).value).toBe("-5");
    expect((iss.getCell(row + 1, 3).value as ExcelJS.CellHyperlinkValue).hyperlink).toBe(`f${row}.xlsx#'-5'!B${row + 2}`);
  });

  it("streams the workbook the page builds in memory: the same sheets, values, text formats and widths", async () => {
    const issue = (n: number, severity: Issue["severity"]): Issue => ({
      code: "indicator.vague" as Issue["code"],
      severity,
      sheet: "表一",
      cell: `E${n}`,
      value: `很长的指标值${"好".repeat(n)}\n第二行`,
      message: `消息 ${n}`,
      messageEn: `message ${n}`,
      source: "财预〔2020〕10号",
    });
    const files = [
      { file: "a.xlsx", department: "教育局", project: "项目甲", total: "91", grade: "优", report: { valid: false, stats: { errors: 1, warnings: 1, infos: 0 }, byCode: {}, tables: [], issues: [issue(3, "error"), issue(40, "warning")] } },
      { file: "b.csv", report: { valid: true, stats: { errors: 0, warnings: 0, infos: 0 }, byCode: {}, tables: [], issues: [] } },
      { file: "c.xlsx", error: { message: "文件为空（0 字节）", messageEn: "the file is empty (0 bytes)" } },
    ];
    const group = { projects: 2, covered: 1, amount: 30.5, coveredAmount: 10, rateByCount: 0.5, rateByAmount: 10 / 30.5 };
    const coverage = {
      total: { projects: 2, amount: 30.5 },
      covered: { projects: 1, amount: 10 },
      rateByCount: 0.5,
      rateByAmount: 10 / 30.5,
      missing: [{ code: "P1", name: "修路", department: "交通局", amount: 20.5, class: "MISSING_TARGET" }],
      invalid: [],
      excluded: [{ code: "P9", name: "涉密", reason: "涉密" }],
      byDepartment: [{ ...group, department: "交通局" }],
      byBudgetType: [{ ...group, budgetType: "一般公共预算" }],
    };
    const out = path.join(dir, "streamed.xlsx");
    await writeReportWorkbook(out, files, coverage);
    const streamed = new ExcelJS.Workbook();
    await streamed.xlsx.readFile(out);
    const inMemory = new ExcelJS.Workbook();
    const bytes = await buildReportWorkbook(ExcelJS as unknown as ExcelJSModule, files, coverage);
    await inMemory.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const cells = (wb: ExcelJS.Workbook): string[] => {
      const out: string[] = [];
      for (const ws of wb.worksheets) {
        // An empty text is a cell in memory and no cell once streamed: the same blank in Excel.
        ws.eachRow((row, n) => row.eachCell((c, col) => void (c.value !== "" && out.push(`${ws.name}!${n}:${col} ${JSON.stringify(c.value)} ${c.numFmt ?? ""}`))));
        for (let c = 1; c <= ws.columnCount; c++) out.push(`${ws.name} column ${c} width ${ws.getColumn(c).width ?? "-"}`);
      }
      return out;
    };
    expect(streamed.worksheets.map((w) => w.name)).toEqual(["汇总 Summary", "问题清单 Issues", "覆盖率统计 Coverage", "缺少目标清单 Missing"]);
    expect(cells(streamed)).toEqual(cells(inMemory));
    expect(streamed.getWorksheet("问题清单 Issues")!.getCell("G3").value).toContain("第二行");
  });
});


import * as path from "path";
import ExcelJS from "exceljs";
import { cellLink, writeReportWorkbook } from "../../src/file/report-workbook";
import { removeDir, tempDir } from "../helpers/workbooks";

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
  });
});

/** Temporary folders and small generated workbooks for the file and CLI tests. */
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";

export function tempDir(prefix = "jx-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

export function sha256(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** Hashes of every file under a folder (relative path → hash), to prove inputs were not touched. */
export function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = sha256(p) + ":" + fs.statSync(p).mtimeMs;
    }
  };
  walk(dir);
  return out;
}

/** A workbook exercising every value kind the reader handles. */
export async function writeKitchenSink(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("指标表 2024");
  ws.getCell("A1").value = "项目支出绩效自评表";
  ws.mergeCells("A1:C1");
  ws.getCell("A2").value = "完成日期";
  ws.getCell("B2").value = new Date(Date.UTC(2023, 11, 31));
  ws.getCell("B2").numFmt = "yyyy-mm-dd";
  ws.getCell("C2").value = 0.978;
  ws.getCell("C2").numFmt = "0.00%";
  ws.getCell("A3").value = { richText: [{ text: "产出" }, { font: { bold: true }, text: "指标" }] };
  ws.getCell("B3").value = { formula: "1+2", result: 3 };
  ws.getCell("C3").value = { formula: "NA()", result: { error: "#N/A" } };
  ws.getCell("A4").value = { error: "#DIV/0!" };
  ws.getCell("B4").value = true;
  ws.getCell("C4").value = { text: "链接文字", hyperlink: "https://example.org/" };
  ws.getCell("A5").value = { formula: "B3*2" }; // no cached result
  ws.getCell("B5").value = "";
  // Shared formula: D6 master, D7:D8 share it.
  ws.getCell("B6").value = 1;
  ws.getCell("C6").value = 2;
  ws.getCell("B7").value = 3;
  ws.getCell("C7").value = 4;
  ws.getCell("B8").value = 5;
  ws.getCell("C8").value = 6;
  ws.getCell("D6").value = { formula: "B6+C6", result: 3, shareType: "shared", ref: "D6:D8" } as ExcelJS.CellFormulaValue;
  ws.getCell("D7").value = { sharedFormula: "D6", result: 7 };
  ws.getCell("D8").value = { sharedFormula: "D6", result: 11 };
  ws.getCell("A9").value = "一级";
  ws.mergeCells("A9:A11");
  // Formats alone on trailing cells must not extend the grid.
  ws.getCell("H20").numFmt = "0.00";
  ws.getCell("H20").border = { top: { style: "thin" } };
  const hidden = wb.addWorksheet("隐藏表");
  hidden.state = "hidden";
  hidden.getCell("A1").value = "hidden data";
  const vh = wb.addWorksheet("配置");
  vh.state = "veryHidden";
  vh.getCell("A1").value = "lookup";
  await wb.xlsx.writeFile(file);
}

/** A workbook with a 总分 column (for `jx grade`). */
export async function writeScoreSheet(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("评分结果");
  ws.addRow(["项目名称", "主管部门", "总 分"]);
  ws.addRow(["乡村道路养护项目", "交通运输局", 95.5]);
  ws.addRow(["学生营养改善计划", "教育局", 88]);
  ws.addRow(["高标准农田建设", "农业农村局", 59.99]);
  ws.addRow(["校舍维修改造", "教育局", { formula: "50+30", result: 80 }]);
  await wb.xlsx.writeFile(file);
}

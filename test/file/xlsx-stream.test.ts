/**
 * The CLI's streaming .xlsx reader against the ExcelJS reader the browser page uses: the same grids (values,
 * number formats, merges, cut texts) for real workbooks, ExcelJS-written ones and hand-written XML covering
 * every cell kind, and for a sheet long enough to cross many inflate chunks.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { loadXlsxContent } from "../../src/file/grid-convert";
import { inflateRawNode } from "../../src/file/xlsx";
import { streamXlsxContent } from "../../src/file/xlsx-stream";
import { removeDir, tempDir, writeKitchenSink } from "../helpers/workbooks";
import { minimalXlsx, sheetXml, smallWorkbook, editZip } from "../helpers/zip";

const SAMPLES = path.join(__dirname, "..", "..", "samples");

async function both(buf: Buffer, limits = {}, chunkBytes?: number): Promise<{ stream: unknown; exceljs: unknown }> {
  // Refusals compare by their words (the detail after them names the reader's own failure).
  const refused = (e: { messageZh?: string; messageEn?: string; message: string }) => ({ error: e.messageZh ? `${e.messageZh} / ${e.messageEn}` : e.message });
  const stream = await streamXlsxContent(buf, { inflateRaw: inflateRawNode, limits, ...(chunkBytes ? { chunkBytes } : {}) }).catch(refused);
  const exceljs = await loadXlsxContent(ExcelJS, buf, { inflateRaw: inflateRawNode, limits }).catch(refused);
  return { stream, exceljs };
}

const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/><numFmt numFmtId="165" formatCode="0.0&quot;万元&quot;"/></numFmts>
<cellXfs count="6"><xf numFmtId="3"/><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="10"/></cellXfs></styleSheet>`;

describe("streaming .xlsx reader = ExcelJS reader", () => {
  it.each(fs.readdirSync(SAMPLES).filter((f) => f.endsWith(".xlsx")))("sample %s", async (f) => {
    const { stream, exceljs } = await both(fs.readFileSync(path.join(SAMPLES, f)));
    expect((stream as { grids: unknown[] }).grids.length).toBeGreaterThan(0);
    expect(stream).toEqual(exceljs);
  });

  it("the kitchen sink (dates, percentages, rich text, formulas, errors, booleans, links, merges, hidden sheets)", async () => {
    const dir = tempDir();
    try {
      const file = path.join(dir, "k.xlsx");
      await writeKitchenSink(file);
      const { stream, exceljs } = await both(fs.readFileSync(file));
      expect(stream).toEqual(exceljs);
      expect((stream as { grids: { sheet: string }[] }).grids.map((g) => g.sheet)).toEqual(["指标表 2024", "隐藏表"]);
    } finally {
      removeDir(dir);
    }
  });

  it("a merge with values in its other cells", async () => {
    const buf = editZip(await smallWorkbook(), (name, text) => (name === "xl/worksheets/sheet1.xml" ? text.replace(/<row r="1"[^>]*>[\s\S]*?<\/row>/, (r) => r.replace(/<c r="B1"[^>]*\/>/, '<c r="B1" t="inlineStr"><is><t>x</t></is></c>')) : undefined));
    const { stream, exceljs } = await both(buf);
    expect(stream).toEqual(exceljs);
  });

  it("hand-written XML: every cell kind, formats, 1904 dates, escapes, cells out of order", async () => {
    const rows =
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>` +
      `<row r="2"><c r="A2" s="2"><v>45291.25</v></c><c r="B2" s="3"><v>45000</v></c><c r="C2" s="4"><v>12.5</v></c><c r="D2" s="5"><v>0.95</v></c><c r="E2" s="1"><v>7</v></c><c r="F2" s="0"><v>8</v></c></row>` +
      `<row r="3"><c r="C3"><f>1+1</f><v>2</v></c><c r="A3" t="str"><f>A1</f><v>a&amp;amp;b</v></c><c r="B3" t="b"><f>TRUE()</f><v>1</v></c><c r="D3" t="e"><f>NA()</f><v>#N/A</v></c><c r="E3" s="2"><f>TODAY()</f></c></row>` +
      `<row r="5"><c r="A5" t="inlineStr"><is><t>行内 &lt;文字&gt;</t></is></c><c r="B5" t="inlineStr"><is><r><t>富</t></r><r><rPr><b/></rPr><t>文本_x000D_</t></r></is></c><c r="C5" t="b"><v>0</v></c><c r="D5" t="e"><v>#DIV/0!</v></c><c r="E5"><v>abc</v></c></row>` +
      `<row r="6"><c r="A6" s="3"/><c r="B6" s="4"></c><c r="H6" s="1"><v></v></c></row>` +
      `<row r="7" spans="1:3"><c r="B7" t="str"><v>plain\r\nline</v></c></row>` +
      `<row r="9"><c r="C9"><v>3</v></c></row>`;
    const sst = [
      `<si><t>项目名称_x000A_第二行</t></si>`,
      `<si><r><t>产出</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 指标</t></r><rPh sb="0" eb="1"><t>さん</t></rPh></si>`,
      `<si><t/></si>`,
      `<si><t>有注音</t><rPh sb="0" eb="1"><t>ゆう</t></rPh></si>`,
    ];
    const base = minimalXlsx([{ name: "表", xml: sheetXml(rows, `<mergeCells count="1"><mergeCell ref="A9:C9"/></mergeCells>`) }], {
      sharedStrings: ["x"],
      extra: [{ name: "xl/styles.xml", data: STYLES }],
    });
    const buf = editZip(base, (name, text) => (name === "xl/sharedStrings.xml" ? text.replace(/<si>[\s\S]*<\/si>/, sst.join("")) : undefined));
    const { stream, exceljs } = await both(buf);
    expect(stream).toEqual(exceljs);
    const grid = (stream as { grids: { values: unknown[][]; numberFormats?: unknown[][] }[] }).grids[0];
    expect(grid.values[0][0]).toBe("项目名称\n第二行");
    expect(grid.values[1][0]).toBe(45291.25);
    expect(grid.numberFormats?.[1][2]).toBe('0.0"万元"');
    const in1904 = editZip(buf, (name, text) => (name === "xl/workbook.xml" ? text.replace("<sheets>", '<workbookPr date1904="1"/><sheets>') : undefined));
    const d = await both(in1904);
    expect(d.stream).toEqual(d.exceljs);
  });

  it("a long sheet crossing many inflate chunks, multi-byte text split anywhere, cut texts", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("长表");
    ws.mergeCells("A1:D1");
    ws.getCell("A1").value = "标题";
    for (let i = 0; i < 3_000; i++) ws.addRow([`项目${i}——城关镇道路硬化工程`, i, i % 3 === 0 ? "≥95%" : null, `P${i}`]);
    ws.getCell("B5").numFmt = "0.00";
    ws.getCell("C7").value = "长".repeat(200);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const { stream, exceljs } = await both(buf, { maxCellChars: 100 }, 4099);
    expect((stream as { cut?: { count: number } }).cut?.count).toBe(1);
    expect(stream).toEqual(exceljs);
  }, 60_000);

  it("refuses what the ExcelJS path refuses, with the same message", async () => {
    const missing = minimalXlsx([{ name: "表", xml: sheetXml(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`) }]);
    const a = await both(missing);
    expect(a.stream).toEqual(a.exceljs);
    expect((a.stream as { error: string }).error).toMatch(/共享字符串/);
    const many = minimalXlsx([{ name: "大表", xml: sheetXml(Array.from({ length: 30 }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>1</v></c><c r="B${r + 1}"><v>2</v></c></row>`).join("")) }]);
    const b = await both(many, { maxCells: 40 });
    expect((b.stream as { error: string }).error).toMatch(/^无法读取：工作簿的单元格超过上限 40 个/);
    expect((b.exceljs as { error: string }).error).toMatch(/^无法读取：工作簿的单元格超过上限 40 个/);
  });
});

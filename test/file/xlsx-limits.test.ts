/**
 * Bounded work for any .xlsx (issue 15): the zip's central directory is checked before anything is inflated,
 * parts are inflated no further than they declare, packages that are not whole workbooks are refused, merged
 * areas stay rectangles, and cells and text are bounded. Every file is built here, in memory.
 */
import { randomBytes } from "crypto";
import ExcelJS from "exceljs";
import { performance } from "perf_hooks";
import { cutMarker, cutText, DEFAULT_XLSX_LIMITS, InflateOverflowError, loadXlsxContent, readZipDirectory, webInflater } from "../../src/file/grid-convert";
import { defaultMaxCells, readXlsx, readXlsxContent, WorkbookReadError } from "../../src/file/xlsx";
import { editZip, minimalXlsx, readZip, sheetXml, smallWorkbook, withSheetTail, writeZip, zeroDeflate, type ZipEntryIn } from "../helpers/zip";

/**
 * The bound: no input takes more than 10 s here. Before the limits these inputs ran for minutes (a 1 GB
 * bomb 13 s and 1.2 GB, a whole-sheet merge 6 min); a generous bound keeps the test honest on a loaded machine.
 */
const BOUND_MS = 10_000;

const GB = 1024 ** 3;
const MB = 1024 ** 2;

/** Rejects with a WorkbookReadError whose message matches, within `ms`; returns the error. */
async function refused(p: Promise<unknown>, re: RegExp, ms = 1000): Promise<WorkbookReadError> {
  const t0 = performance.now();
  let err: unknown;
  try {
    await p;
  } catch (e) {
    err = e;
  }
  const took = performance.now() - t0;
  expect(err).toBeInstanceOf(WorkbookReadError);
  expect((err as WorkbookReadError).message).toMatch(re);
  expect(took).toBeLessThan(ms);
  return err as WorkbookReadError;
}

/** A one-sheet workbook whose sheet part is `sheet` (deflated data given as they are, with a declared size). */
function withSheetPart(sheet: ZipEntryIn): Buffer {
  return minimalXlsx([{ name: "S", xml: sheetXml("") }], { omit: ["xl/worksheets/sheet1.xml"], extra: [{ ...sheet, name: "xl/worksheets/sheet1.xml" }] });
}

function editSheet(buf: Buffer, edit: (xml: string) => string): Buffer {
  return editZip(buf, (name, text) => (name === "xl/worksheets/sheet1.xml" ? edit(text) : undefined));
}

describe("zip bombs and limits, from the central directory", () => {
  it("refuses a part declaring more than 200 MB in well under a second, without inflating it", async () => {
    const bomb = withSheetPart({ name: "", deflated: zeroDeflate(GB), size: GB });
    expect(bomb.length).toBeLessThan(1.2 * MB);
    const rss = process.memoryUsage().rss;
    const e = await refused(readXlsx(bomb), /^无法读取：部件 xl\/worksheets\/sheet1\.xml 解压后为 1 GB，超过单个部件的上限 200 MB.* \/ cannot read: part .* would inflate to 1 GB/, BOUND_MS);
    expect(e.reason).toBe("too-large");
    expect(process.memoryUsage().rss - rss).toBeLessThan(200 * MB);
  });

  it("stops a part that lies about its size as soon as it inflates past what it declared", async () => {
    const bomb = withSheetPart({ name: "", deflated: zeroDeflate(GB), size: 100_000 });
    const rss = process.memoryUsage().rss;
    await refused(readXlsx(bomb), /解压后超过它声明的 98 KB（压缩炸弹或文件已损坏）.*inflates beyond its declared 98 KB/, BOUND_MS);
    expect(process.memoryUsage().rss - rss).toBeLessThan(200 * MB);
    // The web platform's inflater (the browser page) stops the same way.
    const inflate = webInflater();
    expect(inflate).toBeDefined();
    const t0 = performance.now();
    await expect(Promise.resolve(inflate?.(zeroDeflate(GB), 100_000))).rejects.toBeInstanceOf(InflateOverflowError);
    expect(performance.now() - t0).toBeLessThan(BOUND_MS);
  });

  it("refuses an absurd compression ratio, too much in all, and too many parts", async () => {
    await refused(readXlsx(withSheetPart({ name: "", deflated: zeroDeflate(MB), size: 50 * MB })), /压缩比为 [\d,]+:1（.*像是压缩炸弹.*compression ratio of [\d,]+:1/);
    // Six parts of 190 MB each (at an ordinary ratio): each is allowed, all together are not.
    const media = Array.from({ length: 6 }, (_, k): ZipEntryIn => ({ name: `xl/media/image${k}.png`, deflated: randomBytes(400_000), size: 190 * MB }));
    await refused(readXlsx(minimalXlsx([{ name: "S", xml: sheetXml("") }], { extra: media })), /工作簿解压后超过 1 GB（总量上限）.*more than 1 GB in all/);
    const many = Array.from({ length: 10_001 }, (_, k): ZipEntryIn => ({ name: `customXml/item${k}.xml`, data: "<a/>", method: 0 }));
    await refused(readXlsx(minimalXlsx([{ name: "S", xml: sheetXml("") }], { extra: many })), /压缩包中有 10,006 个部件，超过上限 10,000 个.*10,006 parts, above the limit of 10,000/);
  });

  it("takes its limits as settings", async () => {
    const ok = await smallWorkbook();
    await expect(readXlsx(ok)).resolves.toHaveLength(1);
    await refused(readXlsx(ok, { limits: { maxEntryBytes: 500 } }), /超过单个部件的上限 500 bytes/);
    await refused(readXlsx(ok, { limits: { maxEntries: 3 } }), /超过上限 3 个/);
    expect(DEFAULT_XLSX_LIMITS).toEqual({
      maxEntryBytes: 200 * MB,
      maxTotalBytes: GB,
      maxRatio: 1000,
      ratioMinBytes: 10 * MB,
      maxEntries: 10_000,
      maxCells: 20_000_000,
      maxMerges: 1_000_000,
      maxCellChars: 32_767,
    });
  });

  it("reads the directory of a zip64 workbook (sizes in the extra field)", async () => {
    const plain = await smallWorkbook();
    const z64 = editZip(plain, () => undefined, [], { zip64: true });
    const entries = readZipDirectory(z64);
    expect(entries.map((e) => e.name)).toContain("xl/workbook.xml");
    expect(entries.every((e) => e.size < 0xffffffff && e.dataOffset < z64.length)).toBe(true);
    expect((await readXlsx(z64))[0].values).toEqual((await readXlsx(plain))[0].values);
  });
});

describe("packages that are not whole workbooks are refused, never read as empty", () => {
  const sheet = sheetXml(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`);
  const whole = (): Buffer => minimalXlsx([{ name: "表1", xml: sheet }], { sharedStrings: ["项目名称"] });

  it("reads the whole minimal workbook", async () => {
    expect((await readXlsx(whole()))[0].values).toEqual([["项目名称"]]);
  });

  it("an empty zip, a truncated one, a .docx, an .ods, an .xlsb, a pptx", async () => {
    await refused(readXlsx(writeZip([])), /^无法读取：压缩包是空的，不是 \.xlsx 工作簿 \/ cannot read: the zip is empty/);
    const w = whole();
    await refused(readXlsx(w.subarray(0, Math.floor(w.length / 2))), /^无法读取 \.xlsx 工作簿：zip 结构已损坏或不完整.* \/ cannot read the \.xlsx workbook/);
    const docx = writeZip([{ name: "[Content_Types].xml", data: "<Types/>" }, { name: "word/document.xml", data: "<w:document/>" }]);
    await refused(readXlsx(docx), /这是 Word 文档（\.docx）.*this is a Word document/);
    const ods = writeZip([{ name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet", method: 0 }, { name: "content.xml", data: "<office:document-content/>" }]);
    await refused(readXlsx(ods), /OpenDocument.*另存为 \.xlsx.*save it as \.xlsx/);
    await refused(readXlsx(writeZip([{ name: "xl/workbook.bin", data: "x" }])), /\.xlsb 二进制工作簿/);
    await refused(readXlsx(writeZip([{ name: "ppt/presentation.xml", data: "<p/>" }])), /PowerPoint/);
    await refused(readXlsx(writeZip([{ name: "notes.txt", data: "hello" }])), /这是 zip 压缩包，但不是 \.xlsx 工作簿（缺少 xl\/workbook\.xml）/);
  });

  it("a workbook missing its workbook part, its relationships, a sheet or the shared strings", async () => {
    const w = whole();
    const drop = (part: string): Buffer => editZip(w, (name) => (name === part ? null : undefined));
    await refused(readXlsx(drop("xl/workbook.xml")), /缺少 xl\/workbook\.xml.*no xl\/workbook\.xml/);
    await refused(readXlsx(drop("xl/_rels/workbook.xml.rels")), /工作簿缺少部件 xl\/_rels\/workbook\.xml\.rels.*lacks its part/);
    await refused(readXlsx(drop("xl/worksheets/sheet1.xml")), /工作表“表1”的部件 xl\/worksheets\/sheet1\.xml 缺失.*the part xl\/worksheets\/sheet1\.xml of sheet “表1” is missing/);
    await refused(readXlsx(drop("xl/sharedStrings.xml")), /工作表“表1”引用了共享字符串，但工作簿缺少部件 xl\/sharedStrings\.xml/);
    // The same for a workbook ExcelJS wrote.
    const ej = await smallWorkbook();
    await refused(readXlsx(editZip(ej, (name) => (name === "xl/worksheets/sheet1.xml" ? null : undefined))), /部件 xl\/worksheets\/sheet1\.xml 缺失/);
    await refused(readXlsx(editZip(ej, (name) => (name === "xl/sharedStrings.xml" ? null : undefined))), /共享字符串/);
  });

  it("a workbook listing no sheet, a sheet without a relationship, or one in a part ExcelJS would skip", async () => {
    const w = whole();
    const editWb = (f: (t: string) => string): Buffer => editZip(w, (name, t) => (name === "xl/workbook.xml" ? f(t) : undefined));
    await refused(readXlsx(editWb((t) => t.replace(/<sheets>.*<\/sheets>/, "<sheets/>"))), /工作簿中没有任何工作表.*has no sheets/);
    await refused(readXlsx(editWb((t) => t.replace('r:id="rId1"', 'r:id="rId9"'))), /工作表“表1”在 xl\/_rels\/workbook\.xml\.rels 中没有对应的部件/);
    const renamed = editZip(w, (name, t) => (name === "xl/_rels/workbook.xml.rels" ? t.replace("worksheets/sheet1.xml", "worksheets/data.xml") : name === "xl/worksheets/sheet1.xml" ? null : undefined), [
      { name: "xl/worksheets/data.xml", data: sheet },
    ]);
    await refused(readXlsx(renamed), /保存在不常见的部件 xl\/worksheets\/data\.xml 中/);
  });

  it("an encrypted part, an unknown compression method, corrupt deflate data", async () => {
    await refused(readXlsx(withSheetPart({ name: "", data: sheet, flags: 1 })), /已加密.*encrypted/);
    await refused(readXlsx(withSheetPart({ name: "", data: sheet, method: 12 })), /不支持的压缩方式（12）/);
    await refused(readXlsx(withSheetPart({ name: "", deflated: Buffer.from([0xff, 0xff, 0xff, 0xff]), size: 100 })), /部件 xl\/worksheets\/sheet1\.xml 已损坏，无法解压/);
  });
});

describe("merged areas are rectangles, never expanded cell by cell", () => {
  it("reads a small workbook merging A1:XFD1048576 in well under a second", async () => {
    const buf = editSheet(await smallWorkbook(), (x) => withSheetTail(x, `<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>`));
    expect(buf.length).toBeLessThan(10_000);
    const rss = process.memoryUsage().rss;
    const t0 = performance.now();
    const [g] = await readXlsx(buf);
    expect(performance.now() - t0).toBeLessThan(BOUND_MS);
    expect(process.memoryUsage().rss - rss).toBeLessThan(100 * MB);
    // Only the top-left cell of the area holds a value; the area is clamped to what is left of the used range.
    expect(g.values).toEqual([["项目支出绩效目标表"]]);
    expect(g.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 0 }]);
  });

  it("clamps a merge to the used range, keeps the rows it spans, and drops one wholly outside", async () => {
    const rows = Array.from({ length: 50 }, (_, r) => `<row r="${r + 1}"><c r="B${r + 1}"><v>${r}</v></c></row>`).join("");
    const xml = sheetXml(rows, `<mergeCells count="3"><mergeCell ref="A1:A100000"/><mergeCell ref="D1:Z5"/><mergeCell ref="A200:C300"/></mergeCells>`);
    const t0 = performance.now();
    const [g] = await readXlsx(minimalXlsx([{ name: "S", xml }]));
    expect(performance.now() - t0).toBeLessThan(BOUND_MS);
    expect(g.values.length).toBe(50);
    expect(g.merges).toEqual([{ top: 0, left: 0, bottom: 49, right: 0 }]);
  });

  it("keeps only the top-left value of an area even when the file stores others", async () => {
    const xml = sheetXml(
      `<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c><c r="B1" t="inlineStr"><is><t>残留</t></is></c><c r="C1"><v>3</v></c><c r="D1"><v>4</v></c></row>` +
        `<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row>`,
      `<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>`,
    );
    const [g] = await readXlsx(minimalXlsx([{ name: "S", xml }]));
    expect(g.values).toEqual([
      ["标题", null, null, 4],
      [1, 2],
    ]);
    expect(g.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
  });

  it("reads merges the way ExcelJS did for an ordinary workbook", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("表");
    for (let r = 1; r <= 6; r++) for (let c = 1; c <= 4; c++) ws.getCell(r, c).value = r * 10 + c;
    ws.mergeCells("A1:D1");
    ws.mergeCells("A2:A4");
    ws.mergeCells("B5:C6");
    const [g] = await readXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(g.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 3 },
      { top: 1, left: 0, bottom: 3, right: 0 },
      { top: 4, left: 1, bottom: 5, right: 2 },
    ]);
    expect(g.values[0]).toEqual([11]);
    expect(g.values[2]).toEqual([null, 32, 33, 34]);
    expect(g.values[5]).toEqual([61, null, null, 64]);
  });

  it("refuses overlapping areas that would make clearing quadratic, and more areas than the limit", async () => {
    const rows = Array.from({ length: 1000 }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${r}</v></c></row>`).join("");
    const overlapping = `<mergeCells>${'<mergeCell ref="A1:XFD1048576"/>'.repeat(30_000)}</mergeCells>`;
    // The clearing budget is the cell limit (20 million by default: about 0.2 s in plain Node, far slower under jest).
    await refused(readXlsx(minimalXlsx([{ name: "S", xml: sheetXml(rows, overlapping) }]), { limits: { maxCells: 1_000_000 } }), /工作表“S”的合并单元格过多或相互重叠/, BOUND_MS);
    const many = `<mergeCells>${Array.from({ length: 11 }, (_, k) => `<mergeCell ref="A${k + 1}:B${k + 1}"/>`).join("")}</mergeCells>`;
    await refused(readXlsx(minimalXlsx([{ name: "S", xml: sheetXml(rows, many) }]), { limits: { maxMerges: 10 } }), /合并单元格超过上限 10 个/);
  });

  it("data validations and defined names over the whole sheet cost nothing", async () => {
    const buf = editZip(await smallWorkbook(), (name, t) => {
      if (name === "xl/worksheets/sheet1.xml") {
        return withSheetTail(t, `<dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>`);
      }
      if (name === "xl/workbook.xml") return t.replace("</workbook>", `<definedNames><definedName name="全部">'表1'!$A$1:$XFD$1048576</definedName></definedNames></workbook>`).replace(/<definedNames\/>/, "");
      return undefined;
    });
    const t0 = performance.now();
    const [g] = await readXlsx(buf);
    expect(performance.now() - t0).toBeLessThan(BOUND_MS);
    expect(g.values[1]).toEqual(["指标", 12, "完成"]);
  });
});

describe("cells and text", () => {
  it("limits cells to what the heap can hold (Node), at most 20 million", () => {
    expect(defaultMaxCells(4 * GB)).toBe(5_368_709);
    expect(defaultMaxCells(64 * GB)).toBe(20_000_000);
    expect(defaultMaxCells()).toBeGreaterThan(1_000_000);
  });

  it("counts cells in the sheet XML before ExcelJS builds them", async () => {
    const rows = Array.from({ length: 101 }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>1</v></c></row>`).join("");
    const buf = minimalXlsx([{ name: "大表", xml: sheetXml(rows) }]);
    await expect(readXlsx(buf, { limits: { maxCells: 101 } })).resolves.toHaveLength(1);
    await refused(readXlsx(buf, { limits: { maxCells: 100 } }), /^无法读取：工作簿的单元格超过上限 100 个（数到工作表“大表”时已有 101 个）.*more than 100 cells/);
  });

  it("refuses more row elements than a sheet has rows, before ExcelJS builds them; reads a repeated row as ExcelJS does", async () => {
    const many = '<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(1_048_577);
    await refused(readXlsx(minimalXlsx([{ name: "S", xml: sheetXml(many) }])), /^无法读取：工作表“S”有 1,048,577 行，超过 Excel 的上限 1,048,576 行（文件已损坏）.*beyond Excel's 1,048,576/, BOUND_MS);
    // A row given twice: the last wins (as ExcelJS reads it).
    const twice = `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row><row r="1"><c r="B1"><v>3</v></c></row>`;
    const [g] = await readXlsx(minimalXlsx([{ name: "S", xml: sheetXml(twice) }]));
    expect(g.values).toEqual([[null, 3], [2]]);
  });

  it("refuses a sparse sheet whose grid would be billions of cells (a cell at XFD on every row)", async () => {
    const rows = Array.from({ length: 2000 }, (_, r) => `<row r="${r + 1}"><c r="XFD${r + 1}"><v>1</v></c></row>`).join("");
    const t0 = performance.now();
    const e = await refused(readXlsx(minimalXlsx([{ name: "S", xml: sheetXml(rows) }])), /工作表“S”的已用区域过大（到 XFD\d+），工作簿的单元格超过上限 [\d,]+ 个/, BOUND_MS);
    expect(e.messageEn).toMatch(/the used area of sheet “S” is too large/);
    expect(performance.now() - t0).toBeLessThan(3000);
    // One far cell is fine: its row is wide, the rest are not.
    const [g] = await readXlsx(minimalXlsx([{ name: "S", xml: sheetXml(`<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>`) }]));
    expect(g.values.length).toBe(1_048_576);
    expect(g.values[1_048_575].length).toBe(16_384);
    // A row number beyond Excel's sheet would be a hundred million empty rows: refused.
    await refused(readXlsx(minimalXlsx([{ name: "S", xml: sheetXml(`<row r="99999999"><c r="A99999999"><v>1</v></c></row>`) }])), /有 99,999,999 行，超过 Excel 的上限 1,048,576 行/);
  });

  it("cuts text longer than Excel's limit with a marker, and says which cells", async () => {
    const long = "很长的说明".repeat(20_000); // 100,000 characters
    const xml = sheetXml(
      `<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c></row><row r="2"><c r="B2" t="inlineStr"><is><t>${long}</t></is></c><c r="C2" t="inlineStr"><is><t>${long}x</t></is></c></row>`,
    );
    const content = await readXlsxContent(minimalXlsx([{ name: "说明", xml }]));
    const [g] = content.grids;
    const b2 = g.values[1][1] as string;
    expect(b2.length).toBeLessThanOrEqual(32_767);
    expect(b2.endsWith(cutMarker(100_000))).toBe(true);
    expect(b2.startsWith("很长的说明很长的说明")).toBe(true);
    expect(g.values[0][0]).toBe("标题");
    expect(content.cut).toEqual({ first: { sheet: "说明", cell: "B2", length: 100_000 }, count: 2 });
    // Within the limit nothing is cut or reported.
    const small = await readXlsxContent(minimalXlsx([{ name: "说明", xml }]), { limits: { maxCellChars: 200_000 } });
    expect(small.grids[0].values[1][1]).toBe(long);
    expect(small.cut).toBeUndefined();
  });

  it("never splits a surrogate pair when cutting", () => {
    const s = "𠀀".repeat(100); // 200 UTF-16 units
    const marker = cutMarker(200);
    const cut = cutText(s, marker.length + 5); // 5 units: two pairs and half of one
    expect(cut).toBe("𠀀𠀀" + marker);
  });
});

describe("both inflaters give the same grids", () => {
  it("zlib (Node) and DecompressionStream (the browser page) read a workbook alike", async () => {
    const buf = editSheet(await smallWorkbook(), (x) => withSheetTail(x, `<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>`));
    const node = await readXlsxContent(buf);
    const web = await loadXlsxContent(ExcelJS, buf);
    expect(web).toEqual(node);
    expect(readZip(buf).has("xl/workbook.xml")).toBe(true);
  });
});

describe("shared strings and styles are bounded by the cell budget (issue 25)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { HOSTILE_XLSX } = require("../../tools/make-bad-inputs") as typeof import("../../tools/make-bad-inputs");
  const limits = { maxCells: 1000 };
  test("2,000 empty shared strings pass a budget of 1,000 cells: both readers refuse, before keeping them", async () => {
    const buf = HOSTILE_XLSX["many-empty-shared-strings"](2000);
    await refused(readXlsxContent(buf, { limits }), /共享字符串超过单元格上限 1,000 个（至少 1,001 个）.*\/ cannot read: part xl\/sharedStrings\.xml holds more shared strings than the cell limit/);
    await refused(loadXlsxContent(ExcelJS, buf, { limits }), /共享字符串超过单元格上限 1,000 个（有 2,025 个）.*holds more shared strings than the cell limit/);
  });
  test("within the budget they are read as before", async () => {
    const buf = HOSTILE_XLSX["many-empty-shared-strings"](500);
    expect((await readXlsxContent(buf, { limits })).grids[0].values[1][2]).toBe("培训人次");
    expect((await loadXlsxContent(ExcelJS, buf, { limits })).grids[0].values[1][2]).toBe("培训人次");
  });
});

describe("CRC checked on every part, by both readers (issue 25)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { makeBadInputs } = require("../../tools/make-bad-inputs") as typeof import("../../tools/make-bad-inputs");
  test("a stored sheet with one byte changed is refused in both languages, by the CLI's reader and the page's", async () => {
    const fs = await import("fs");
    const os = await import("os");
    const path = await import("path");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-crc-"));
    try {
      makeBadInputs(dir, ["crc-one-byte-changed.xlsx", "bad-crc.xlsx"]);
      for (const f of ["crc-one-byte-changed.xlsx", "bad-crc.xlsx"]) {
        const buf = fs.readFileSync(path.join(dir, f));
        await refused(readXlsxContent(buf), /^无法读取：部件 xl\/worksheets\/sheet1\.xml 已损坏（CRC 校验不符.* \/ cannot read: part xl\/worksheets\/sheet1\.xml is corrupt \(CRC mismatch/, 5000);
        await refused(loadXlsxContent(ExcelJS, buf), /CRC 校验不符.*CRC mismatch/, 5000);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * Issue 25, item 6: one XML reading for the command line and the page. Valid but unusual ways of writing an .xlsx's
 * parts (namespace prefixes, CDATA, entities and character references, xml:space, attributes in odd order and quotes,
 * inline strings, rich-text runs, phonetic runs, self-closing cells, rows and cells without `r`, a byte-order mark,
 * UTF-16, comments, a ">" inside a value, spaces in end tags) each give the grid an XML parser would read, and the same
 * grid on both fronts: `jx check`'s reader (src/file/xlsx.ts: zlib) and the page's (pageBatch.readXlsxBytes: the
 * browser's DecompressionStream), both the one streaming reader over xml-normal.ts's plain form. Before, the page
 * read through ExcelJS and the command line through its own searches, and they disagreed on several of these.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { ExcelJSModule } from "../../src/file/grid-convert";
import { readXlsxContent } from "../../src/file/xlsx";
import { readXlsxBytes } from "../../src/taskpane/browser/pageBatch";
import { removeDir, tempDir, writeKitchenSink } from "../helpers/workbooks";
import { minimalXlsx, readZip, sheetXml, writeZip } from "../helpers/zip";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const loadExcel = async (): Promise<ExcelJSModule> => ExcelJS as unknown as ExcelJSModule;

/** What each front reads (a refusal as its words). */
async function fronts(buf: Buffer): Promise<{ cli: unknown; page: unknown }> {
  const refused = (e: { messageZh?: string; messageEn?: string; message: string }) => ({ error: e.messageZh ? `${e.messageZh} / ${e.messageEn}` : e.message });
  const cli = await readXlsxContent(buf).catch(refused);
  const page = await readXlsxBytes(new Uint8Array(buf), loadExcel).catch(refused);
  return { cli, page };
}

/** Both fronts read the same grids, and these are the values expected. */
async function expectValues(buf: Buffer, values: unknown[][][]): Promise<void> {
  const { cli, page } = await fronts(buf);
  expect(page).toEqual(cli);
  expect((cli as { grids: { values: unknown[][] }[] }).grids.map((g) => g.values)).toEqual(values);
}

/** A one-sheet workbook of the given sheetData rows, shared strings and extra parts. */
function book(rows: string, opts: { sst?: string; after?: string } = {}): Buffer {
  const base = minimalXlsx([{ name: "表", xml: sheetXml(rows, opts.after ?? "") }], opts.sst !== undefined ? { sharedStrings: ["x"] } : {});
  if (opts.sst === undefined) return base;
  const parts = readZip(base);
  parts.set("xl/sharedStrings.xml", Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}">${opts.sst}</sst>`));
  return writeZip([...parts].map(([name, data]) => ({ name, data })));
}

/** Every element of a SpreadsheetML (or relationships) part given the prefix `p`, the namespace declared for it. */
function prefixed(xml: string, p: string): string {
  return xml
    .replace(new RegExp(`xmlns="(${MAIN}|${PKG})"`), `xmlns:${p}="$1"`)
    .replace(/<(\/?)([A-Za-z]\w*)(?=[\s/>])/g, `<$1${p}:$2`);
}

/** The zip with some parts rewritten (text in, bytes out), and how many parts the edit changed. */
function rewritten(buf: Buffer, edit: (name: string, text: string) => Buffer | string | undefined): { buf: Buffer; changed: number } {
  let changed = 0;
  const entries = [...readZip(buf)].map(([name, data]) => {
    const next = edit(name, data.toString("utf8"));
    if (next !== undefined && !Buffer.from(next).equals(data)) changed++;
    return { name, data: next ?? data };
  });
  return { buf: writeZip(entries), changed };
}

function rewrite(buf: Buffer, edit: (name: string, text: string) => Buffer | string | undefined): Buffer {
  return rewritten(buf, edit).buf;
}

function utf16(text: string, bom: boolean): Buffer {
  const body = Buffer.from(text.replace(/encoding="UTF-8"/i, 'encoding="UTF-16"'), "utf16le");
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}

const SHEET_OR_SST = /^xl\/(worksheets\/sheet\d+|sharedStrings|styles|workbook)\.xml$/;

describe("valid but odd XML parts: one reading on both fronts", () => {
  let dir: string;
  let kitchen: Buffer;
  let kitchenGrids: unknown;

  beforeAll(async () => {
    dir = tempDir();
    const file = path.join(dir, "k.xlsx");
    await writeKitchenSink(file);
    kitchen = fs.readFileSync(file);
    kitchenGrids = (await readXlsxContent(kitchen)).grids;
  });
  afterAll(() => removeDir(dir));

  // An ExcelJS-written workbook, rewritten in another valid form: both fronts read exactly what they read of the original.
  const rewrites: [string, (name: string, text: string) => Buffer | string | undefined][] = [
    ["every SpreadsheetML element prefixed (x:row, x:c, x:v, x:si …), relationships too", (n, t) => (SHEET_OR_SST.test(n) ? prefixed(t, "x") : n.endsWith(".rels") ? prefixed(t, "pr") : undefined)],
    ["every part with a UTF-8 byte-order mark", (n, t) => (n.endsWith(".xml") || n.endsWith(".rels") ? `\uFEFF${t}` : undefined)],
    ["sheets, shared strings and styles in UTF-16 with a byte-order mark", (n, t) => (SHEET_OR_SST.test(n) && !n.endsWith("workbook.xml") ? utf16(t, true) : undefined)],
    ["the sheets in UTF-16 without a byte-order mark", (n, t) => (/worksheets\/sheet\d+\.xml$/.test(n) ? utf16(t.replace(/^<\?xml[^>]*\?>\s*/, ""), false) : undefined)],
    ["comments and processing instructions between every row", (n, t) => (/worksheets\/sheet\d+\.xml$/.test(n) ? t.replace(/<\/row>/g, '</row><!-- <row r="99"><c r="A99"><v>9</v></c></row> --><?jx note?>') : undefined)],
    ["end tags with spaces before their >", (n, t) => (SHEET_OR_SST.test(n) ? t.replace(/<\/(\w+)>/g, "</$1 \n>") : undefined)],
    ["attributes in single quotes, spaces around =, in reverse order", (n, t) =>
      /worksheets\/sheet\d+\.xml$/.test(n) ? t.replace(/<c ([^>]*?)(\/?)>/g, (_m, attrs: string, self: string) => `<c ${attrs.split(/ (?=\w+=)/).reverse().map((a) => a.replace(/^(\w+)="([^"]*)"$/, "$1 = '$2'")).join("\n ")}${self}>`) : undefined],
  ];

  it.each(rewrites)("%s", async (_label, edit) => {
    const { buf, changed } = rewritten(kitchen, edit);
    expect(changed).toBeGreaterThan(0);
    const { cli, page } = await fronts(buf);
    expect(page).toEqual(cli);
    expect((cli as { grids?: unknown }).grids).toEqual(kitchenGrids);
  });

  it("CDATA in inline and shared strings, entities and character references, a CR kept from &#13;", async () => {
    await expectValues(
      book(
        `<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[a<b & "c"]]></t></is></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>&#x9884;&#31639; &lt;&amp;&gt; &quot;&apos;</t></is></c>` +
          `<c r="D1" t="inlineStr"><is><t>一&#13;二</t></is></c><c r="E1" t="inlineStr"><is><t>三\r\n四</t></is></c><c r="F1"><v><![CDATA[12.5]]></v></c></row>`,
        { sst: `<si><t><![CDATA[<产出>]]>&amp;<![CDATA[指标]]></t></si>` },
      ),
      [[["a<b & \"c\"", "<产出>&指标", "预算 <&> \"'", "一\r二", "三\n四", 12.5]]],
    );
  });

  it("xml:space, rich-text runs, phonetic runs left out, inline rich text", async () => {
    await expectValues(
      book(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><r><t>富</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 文本 </t></r></is></c></row>`, {
        sst: `<si><t xml:space="preserve">  两端空格  </t></si><si><r><t>效益</t></r><r><t>指标</t></r><rPh sb="0" eb="2"><t>こうか</t></rPh><phoneticPr fontId="1"/></si>`,
      }),
      [[["  两端空格  ", "效益指标", "富 文本 "]]],
    );
  });

  it("self-closing cells and rows, rows and cells without r, attributes in any order and quotes", async () => {
    await expectValues(
      book(`<row><c t='inlineStr'><is><t>甲</t></is></c><c/><c><v>2</v></c></row><row r="3"/><row><c r = "B4" ><v>4</v></c></row><row spans="1:3" r='6'><c s="0" r="C6" t="b"><v>1</v></c></row>`),
      [[["甲", null, 2], [], [], [null, 4], [], [null, null, true]]],
    );
  });

  it("a > inside attribute values (a sheet name, a number format's condition) and a cell reference given by character references", async () => {
    const styles = `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="[>=100]0.0;0.00"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>`;
    let buf = minimalXlsx([{ name: "甲>乙", xml: sheetXml(`<row r="1"><c r="&#65;1" s="1" x="a>b"><v>150</v></c><c r="B1" t="inlineStr"><is><t>x</t></is></c></row>`) }], { extra: [{ name: "xl/styles.xml", data: styles }] });
    // minimalXlsx writes the name as given: escape nothing else, keep the raw ">" in the attribute.
    buf = rewrite(buf, () => undefined);
    const { cli, page } = await fronts(buf);
    expect(page).toEqual(cli);
    const [g] = (cli as { grids: { sheet: string; values: unknown[][]; numberFormats?: unknown[][] }[] }).grids;
    expect(g.sheet).toBe("甲>乙");
    expect(g.values).toEqual([[150, "x"]]);
    expect(g.numberFormats?.[0][0]).toBe("[>=100]0.0;0.00");
  });

  it("elements of another namespace keep their prefix and are not read as cells", async () => {
    await expectValues(book(`<row r="1"><c r="A1"><v>1</v></c><x14:c xmlns:x14="urn:other" r="B1"><x14:v>2</x14:v></x14:c></row>`), [[[1]]]);
  });

  it("a DOCTYPE is refused on both fronts, wherever it is", async () => {
    const withDoctype = rewrite(kitchen, (n, t) => (/sheet1\.xml$/.test(n) ? t.replace("?>", '?><!DOCTYPE worksheet [<!ENTITY x "y">]>') : undefined));
    const { cli, page } = await fronts(withDoctype);
    expect(page).toEqual(cli);
    expect((cli as { error?: string }).error).toMatch(/^无法读取 \.xlsx 工作簿.*could not read/);
  });
});

#!/usr/bin/env node
/**
 * The generated half of the bad-input corpus (test/fixtures/bad/): binary, re-encoded and large files that are
 * not committed. Every file is made from code, deterministically (seeded bytes, fixed zip dates), so a case always
 * sees the same bytes. test/bad-inputs.test.ts calls makeBadInputs(tempDir); by hand:
 *
 *   node tools/make-bad-inputs.js <outDir>        writes every generated file into outDir and lists them
 *
 * .xlsx files are written by a small zip writer here (not ExcelJS), so parts can be left out, sizes can lie,
 * archives can be cut short, and entries can inflate to a gigabyte from a megabyte. Files of several gigabytes are
 * sparse (SPARSE): a size and no data written.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const iconv = require("iconv-lite");

const ROOT = path.join(__dirname, "..");
const REAL = path.join(ROOT, "test", "fixtures", "real");

// ------------------------------------------------------------------------------------------------------------------
// Bytes

/** Deterministic pseudo-random bytes (LCG, as test/cli/csv-encoding.test.ts makes its random file). */
function randomBytes(n, seed = 15) {
  const b = Buffer.alloc(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    b[i] = s >> 16;
  }
  return b;
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** CRC-32 of `buf`, continuing from `crc` (zlib.crc32 when Node has it). */
function crc32(buf, crc = 0) {
  if (typeof zlib.crc32 === "function") return zlib.crc32(buf, crc);
  let c = ~crc;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

// ------------------------------------------------------------------------------------------------------------------
// A zip writer that can lie

/**
 * entries: [{ name, data?: Buffer, method?: 0 | 8, deflated?: Buffer, crc?, size?, csize?, flags?, localSize?, localCsize? }]
 * `deflated` is precompressed data (with `size` and `crc` given); size/csize/crc override what is written.
 */
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  const DOS_TIME = 0x4800; // 09:00:00
  const DOS_DATE = ((2024 - 1980) << 9) | (3 << 5) | 1; // 2024-03-01
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const method = e.method ?? 8;
    const data = e.data ?? Buffer.alloc(0);
    const body = e.deflated ?? (method === 8 ? zlib.deflateRawSync(data) : data);
    const crc = e.crc ?? crc32(data);
    const size = e.size ?? data.length;
    const csize = e.csize ?? body.length;
    const flags = (e.flags ?? 0) | 0x0800; // UTF-8 names
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE((e.localCsize ?? csize) >>> 0, 18);
    local.writeUInt32LE((e.localSize ?? size) >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(csize >>> 0, 20);
    central.writeUInt32LE(size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/**
 * A deflate stream of `chunk` repeated `times` times, made from one compressed copy (each copy ends on a sync
 * flush, so the copies concatenate), with its CRC and size: a gigabyte costs a megabyte and a second.
 */
function repeatedDeflate(prefix, chunk, times, suffix) {
  const flush = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  const head = zlib.deflateRawSync(prefix, flush);
  const one = zlib.deflateRawSync(chunk, flush);
  const tail = zlib.deflateRawSync(suffix); // final block
  let crc = crc32(prefix);
  for (let i = 0; i < times; i++) crc = crc32(chunk, crc);
  crc = crc32(suffix, crc);
  const parts = [head];
  for (let i = 0; i < times; i++) parts.push(one);
  parts.push(tail);
  return { deflated: Buffer.concat(parts), size: prefix.length + chunk.length * times + suffix.length, crc };
}

// ------------------------------------------------------------------------------------------------------------------
// .xlsx parts, written by hand

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function esc(s) {
  return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function colName(c) {
  let n = c + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * Sheet XML from rows of values: strings (shared or inline), numbers, booleans, { error }, { f, v? } formulas.
 * opts: { merges: ["A1:B2"], strings: SharedStrings | null (inline strings when null), dimension, extra }
 */
function sheetXml(rows, opts = {}) {
  const out = [XML, `<worksheet xmlns="${NS}" xmlns:r="${NS_R}">`];
  if (opts.dimension) out.push(`<dimension ref="${opts.dimension}"/>`);
  out.push("<sheetData>");
  rows.forEach((row, r) => {
    if (!row || row.length === 0) return;
    const cells = [];
    row.forEach((v, c) => {
      if (v === null || v === undefined || v === "") return;
      const ref = `${colName(c)}${r + 1}`;
      if (typeof v === "number") cells.push(`<c r="${ref}"><v>${v}</v></c>`);
      else if (typeof v === "boolean") cells.push(`<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`);
      else if (typeof v === "object" && "error" in v) cells.push(`<c r="${ref}" t="e"><v>${esc(v.error)}</v></c>`);
      else if (typeof v === "object" && "f" in v) cells.push(`<c r="${ref}"><f>${esc(v.f)}</f>${v.v !== undefined ? `<v>${v.v}</v>` : ""}</c>`);
      else if (opts.strings) cells.push(`<c r="${ref}" t="s"><v>${opts.strings.index(String(v))}</v></c>`);
      else cells.push(`<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>`);
    });
    if (cells.length) out.push(`<row r="${r + 1}">${cells.join("")}</row>`);
  });
  out.push("</sheetData>");
  if (opts.merges && opts.merges.length) out.push(`<mergeCells count="${opts.merges.length}">${opts.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`);
  if (opts.extra) out.push(opts.extra);
  out.push("</worksheet>");
  return out.join("");
}

class SharedStrings {
  constructor() {
    this.list = [];
    this.map = new Map();
  }
  index(s) {
    let i = this.map.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.map.set(s, i);
    }
    return i;
  }
  xml() {
    return `${XML}<sst xmlns="${NS}" count="${this.list.length}" uniqueCount="${this.list.length}">${this.list.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join("")}</sst>`;
  }
}

const STYLES = `${XML}<styleSheet xmlns="${NS}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf/></cellXfs></styleSheet>`;

/**
 * The parts of an .xlsx: sheets [{ name, rows, merges?, state?, xml? (the sheet XML itself), dimension? }].
 * opts.shared: shared strings (default) or inline strings. Returns an ordered list of { name, data }.
 */
function xlsxParts(sheets, opts = {}) {
  const strings = opts.shared === false ? null : new SharedStrings();
  const sheetParts = sheets.map((s, i) => ({
    name: `xl/worksheets/sheet${i + 1}.xml`,
    data: Buffer.from(s.xml ?? sheetXml(s.rows, { merges: s.merges, strings, dimension: s.dimension }), "utf8"),
  }));
  const wb = `${XML}<workbook xmlns="${NS}" xmlns:r="${NS_R}"><sheets>${sheets
    .map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`)
    .join("")}</sheets></workbook>`;
  const n = sheets.length;
  const wbRels = `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join("")}<Relationship Id="rId${n + 1}" Type="${NS_R}/styles" Target="styles.xml"/>${
    strings ? `<Relationship Id="rId${n + 2}" Type="${NS_R}/sharedStrings" Target="sharedStrings.xml"/>` : ""
  }</Relationships>`;
  const types = `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets
    .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
    .join("")}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${
    strings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ""
  }</Types>`;
  const rels = `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${NS_R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const parts = [
    { name: "[Content_Types].xml", data: Buffer.from(types, "utf8") },
    { name: "_rels/.rels", data: Buffer.from(rels, "utf8") },
    { name: "xl/workbook.xml", data: Buffer.from(wb, "utf8") },
    { name: "xl/_rels/workbook.xml.rels", data: Buffer.from(wbRels, "utf8") },
    ...sheetParts,
    { name: "xl/styles.xml", data: Buffer.from(STYLES, "utf8") },
  ];
  if (strings) parts.push({ name: "xl/sharedStrings.xml", data: Buffer.from(strings.xml(), "utf8") });
  return parts;
}

function xlsx(sheets, opts) {
  return zip(xlsxParts(sheets, opts));
}

/** The parts without those named, or with some replaced. */
function without(parts, ...names) {
  return parts.filter((p) => !names.includes(p.name));
}
function replaced(parts, name, data) {
  return parts.map((p) => (p.name === name ? { name, data: Buffer.from(data, "utf8") } : p));
}

// ------------------------------------------------------------------------------------------------------------------
// Tables

/** A committed file of the corpus (test/fixtures/bad/files/), as UTF-8 text. */
function badFile(name) {
  return fs.readFileSync(path.join(ROOT, "test", "fixtures", "bad", "files", name), "utf8");
}

function realCsv(prefix) {
  const f = fs.readdirSync(REAL).find((x) => x.startsWith(prefix + "_") && x.endsWith(".csv"));
  return fs.readFileSync(path.join(REAL, f), "utf8");
}

/** CSV text → rows (enough for the real tables: quoted fields, doubled quotes). */
function csvRows(text) {
  const rows = [];
  let row = [];
  let field = "";
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (q) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else q = false;
      } else field += ch;
    } else if (ch === '"' && field === "") q = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.map((r) => r.map((v) => (v === "" ? null : /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v)));
}

/** A small indicator list that the engine finds clean (the corpus's control case). */
const CLEAN_LIST = [
  ["一级指标", "二级指标", "三级指标", "指标值", "计量单位", "分值"],
  ["产出指标", "数量指标", "培训人次", "≥500", "人次", 20],
  ["产出指标", "质量指标", "培训合格率", "≥95%", "%", 20],
  ["产出指标", "时效指标", "培训按时完成率", "100%", "%", 10],
  ["效益指标", "社会效益指标", "参训人员技能提升率", "≥90%", "%", 30],
  ["满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90%", "%", 20],
];

/** A page of notes: text, no table. */
const NOTES = [["关于报送2024年度项目支出绩效自评材料的通知"], ["各单位："], ["请于3月31日前报送自评表及佐证材料。"], ["联系人：张三", null, "电话：12345678"]];

// ------------------------------------------------------------------------------------------------------------------
// The generated files

function table02() {
  return csvRows(realCsv("02"));
}

/** Rows with every value replaced by `f(v)` (header rows included). */
function mapRows(rows, f) {
  return rows.map((r) => r.map((v) => (v === null ? null : f(v))));
}

function fullWidthDigits(s) {
  return String(s).replace(/[0-9.%]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

/**
 * The form of table 02 as the finance bureau hands it out: labels, 一级/二级 and "指标1:" stems kept; project, units,
 * figures, indicator names' contents, values, weights and scores blank.
 */
function template(rows) {
  return rows.map((r, i) => {
    if (i === 2 || i === 3) return r.map((v, c) => (c === 0 || c === 4 ? v : null)); // 项目名称 / 主管部门 / 实施单位
    if (i >= 5 && i <= 8) return r.map((v, c) => (c <= 1 ? v : null)); // funds rows: labels only
    if (i === 10) return r.map((v, c) => (c === 0 ? v : null)); // 预期目标 / 实际完成情况 text
    if (i >= 12) return r.map((v, c) => (c <= 2 ? v : c === 3 && typeof v === "string" ? v.replace(/^(指标\d+)[:：].*$/, "$1:") : null));
    return r;
  });
}

// ------------------------------------------------------------------------------------------------------------------
// Hostile .xlsx of issue 25: small files that made the reader's work grow with the square of their size. Each takes
// the size `n` of its hostile part, so a test can double it and compare the work; the corpus keeps one size of each.

/** The clean list's sheet XML with `extraRows` after its rows and `cellTail` inside its last row. */
function cleanSheetWith({ extraRows = "", rowAttr = "", cellAttr = "" } = {}) {
  const xml = sheetXml(CLEAN_LIST, { strings: null });
  let out = xml.replace("</sheetData>", `${extraRows}</sheetData>`);
  if (rowAttr) out = out.replace('<row r="1">', `<row r="1" ${rowAttr}>`);
  if (cellAttr) out = out.replace('<c r="A2" ', `<c r="A2" ${cellAttr} `);
  return out;
}

const HOSTILE_XLSX = {
  // A cell tag whose attribute name is n characters and has no "=" (a backtracking regex took 92–100 s at 200,000).
  "long-cell-attribute-name": (n) => xlsx([{ name: "指标", xml: cleanSheetWith({ cellAttr: "a".repeat(n) }) }], { shared: false }),
  // The same on a row tag.
  "long-row-attribute-name": (n) => xlsx([{ name: "指标", xml: cleanSheetWith({ rowAttr: "b".repeat(n) }) }], { shared: false }),
  // An attribute value of n characters left unclosed: z=" and an even number of y=" after it (so the quotes never
  // pair up whatever n is), the rest of the sheet inside the value.
  "unclosed-attribute-values": (n) => xlsx([{ name: "指标", xml: cleanSheetWith({ cellAttr: `z="${'y="'.repeat(2 * Math.floor(n / 6))}` }) }], { shared: false }),
  // A clean table followed by n empty <row></row> elements (32 s at 100,000 before).
  "empty-rows-after-table": (n) => xlsx([{ name: "指标", xml: cleanSheetWith({ extraRows: "<row></row>".repeat(n) }) }], { shared: false }),
  // A cell style whose attribute name is n characters, and n/4 "<xf" starts with no ">" after them.
  "long-style-attribute": (n) =>
    zip(replaced(xlsxParts([{ name: "指标", rows: CLEAN_LIST }]), "xl/styles.xml", STYLES.replace("<cellXfs count=\"1\"><xf/>", `<cellXfs count="1"><xf ${"c".repeat(n)}/>`))),
  "unclosed-style-tags": (n) => zip(replaced(xlsxParts([{ name: "指标", rows: CLEAN_LIST }]), "xl/styles.xml", STYLES.replace("<cellXfs count=\"1\"><xf/>", `<cellXfs count="1"><xf/>${"<xf".repeat(Math.floor(n / 3))}`))),
  // n empty shared strings after the clean list's (39 million of them drove memory to 5 GB from a 7 MB file).
  "many-empty-shared-strings": (n) => {
    const parts = xlsxParts([{ name: "指标", rows: CLEAN_LIST }]);
    const sst = parts.find((p) => p.name === "xl/sharedStrings.xml").data.toString("utf8").replace("</sst>", `${"<si/>".repeat(n)}</sst>`);
    return zip(replaced(parts, "xl/sharedStrings.xml", sst));
  },
  // A last shared string (not used by a cell) with n/4 phonetic runs "<rPh" that never close.
  "unclosed-phonetic-runs": (n) => {
    const parts = xlsxParts([{ name: "指标", rows: CLEAN_LIST }]);
    const sst = parts.find((p) => p.name === "xl/sharedStrings.xml").data.toString("utf8").replace("</sst>", `<si><t>x</t>${"<rPh".repeat(Math.floor(n / 4))}</si></sst>`);
    return zip(replaced(parts, "xl/sharedStrings.xml", sst));
  },
};

/** Every generated file: name → () => Buffer. */
function generated() {
  const t02 = table02();
  const text02 = realCsv("02");
  const utf8 = Buffer.from(text02, "utf8");
  const base = xlsxParts([{ name: "自评表", rows: t02 }]);
  const baseZip = zip(base);
  const mergesEverywhere = [];
  for (let r = 1; r <= 40; r += 2) for (let c = 0; c < 8; c += 2) mergesEverywhere.push(`${colName(c)}${r}:${colName(c + 1)}${r + 1}`);
  const bombRow = (i) => `<row r="${i}"><c r="A${i}" t="inlineStr"><is><t>x</t></is></c></row>`;
  const files = {
    // --- issue 25: small .xlsx files that took the square of their size to read (each now linear: test/file/xlsx-linear.test.ts)
    ...Object.fromEntries(Object.entries(HOSTILE_XLSX).map(([k, f]) => [`hostile-${k}.xlsx`, () => f(200_000)])),
    "hostile-empty-rows-after-table-1m.xlsx": () => HOSTILE_XLSX["empty-rows-after-table"](1_048_570),
    "hostile-3m-empty-shared-strings.xlsx": () => HOSTILE_XLSX["many-empty-shared-strings"](3_000_000),
    // --- not a workbook at all
    "renamed-pdf.xlsx": () => Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n", "latin1"),
    "renamed-png.xlsx": () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(200, 7)]),
    "renamed-jpg.xlsx": () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(200, 8)]),
    "renamed-xls.xlsx": () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
    "renamed-gzip.xlsx": () => zlib.gzipSync(utf8),
    "html-table.xlsx": () => Buffer.from("<html><body><table><tr><td>一级指标</td><td>分值</td></tr></table></body></html>", "utf8"),
    "csv-text.xlsx": () => utf8,
    "random.xlsx": () => randomBytes(4096, 15),
    "random-pk.xlsx": () => Buffer.concat([Buffer.from("PK\u0003\u0004", "latin1"), randomBytes(4096, 16)]),
    "all-nul.xlsx": () => Buffer.alloc(4096),
    "one-byte.xlsx": () => Buffer.from("P"),
    "pk-only.xlsx": () => Buffer.from("PK"),
    // --- zips that are not spreadsheets
    "empty-zip.xlsx": () => zip([]),
    "renamed-docx.xlsx": () =>
      zip([
        { name: "[Content_Types].xml", data: Buffer.from(`${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`) },
        { name: "_rels/.rels", data: Buffer.from(`${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${NS_R}/officeDocument" Target="word/document.xml"/></Relationships>`) },
        { name: "word/document.xml", data: Buffer.from(`${XML}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>一级指标 二级指标 三级指标</w:t></w:r></w:p></w:body></w:document>`) },
      ]),
    "renamed-ods.xlsx": () =>
      zip([
        { name: "mimetype", data: Buffer.from("application/vnd.oasis.opendocument.spreadsheet"), method: 0 },
        { name: "META-INF/manifest.xml", data: Buffer.from(`${XML}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>`) },
        { name: "content.xml", data: Buffer.from(`${XML}<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="自评表"><table:table-row><table:table-cell><text:p>一级指标</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`) },
      ]),
    "zip-of-csv.xlsx": () => zip([{ name: "自评表.csv", data: utf8 }]),
    "renamed-jar.xlsx": () => zip([{ name: "META-INF/MANIFEST.MF", data: Buffer.from("Manifest-Version: 1.0\n") }]),
    // --- .xlsx with parts missing or broken
    "no-workbook.xlsx": () => zip(without(base, "xl/workbook.xml")),
    "no-sheet.xlsx": () => zip(without(base, "xl/worksheets/sheet1.xml")),
    "no-shared-strings.xlsx": () => zip(without(base, "xl/sharedStrings.xml")),
    "no-rels.xlsx": () => zip(without(base, "_rels/.rels")),
    "no-workbook-rels.xlsx": () => zip(without(base, "xl/_rels/workbook.xml.rels")),
    "no-content-types.xlsx": () => zip(without(base, "[Content_Types].xml")),
    "no-styles.xlsx": () => zip(without(base, "xl/styles.xml")),
    "only-sheet-part.xlsx": () => zip(base.filter((p) => p.name === "xl/worksheets/sheet1.xml")),
    "no-sheets-listed.xlsx": () => zip(replaced(base, "xl/workbook.xml", `${XML}<workbook xmlns="${NS}" xmlns:r="${NS_R}"><sheets/></workbook>`)),
    "sheet-not-xml.xlsx": () => zip(replaced(base, "xl/worksheets/sheet1.xml", "this is not XML at all")),
    "sheet-xml-unclosed.xlsx": () => zip(replaced(base, "xl/worksheets/sheet1.xml", `${XML}<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>一级指标`)),
    "workbook-not-xml.xlsx": () => zip(replaced(base, "xl/workbook.xml", "garbage")),
    "shared-strings-short.xlsx": () => zip(replaced(base, "xl/sharedStrings.xml", `${XML}<sst xmlns="${NS}" count="1" uniqueCount="1"><si><t>只有一个</t></si></sst>`)),
    "billion-laughs.xlsx": () =>
      zip(
        replaced(
          base,
          "xl/sharedStrings.xml",
          `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]><sst xmlns="${NS}"><si><t>&lol9;</t></si></sst>`,
        ),
      ),
    "xxe.xlsx": () =>
      zip(replaced(base, "xl/worksheets/sheet1.xml", `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]><worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row></sheetData></worksheet>`)),
    "strict-ooxml.xlsx": () => zip(xlsxParts([{ name: "自评表", rows: t02 }]).map((p) => ({ name: p.name, data: Buffer.from(p.data.toString("utf8").split(NS).join("http://purl.oclc.org/ooxml/spreadsheetml/main"), "utf8") }))),
    // --- broken zips
    "truncated-half.xlsx": () => baseZip.subarray(0, Math.floor(baseZip.length / 2)),
    "truncated-no-central-directory.xlsx": () => baseZip.subarray(0, baseZip.length - 22 - 60),
    "truncated-last-byte.xlsx": () => baseZip.subarray(0, baseZip.length - 1),
    // issue 25: one byte of the stored sheet changed after its CRC was taken: "≥500" now reads "≥100" (unzip -t flags it)
    "crc-one-byte-changed.xlsx": () => {
      const parts = xlsxParts([{ name: "指标", rows: CLEAN_LIST }], { shared: false });
      return zip(
        parts.map((p) => {
          if (p.name !== "xl/worksheets/sheet1.xml") return p;
          const data = Buffer.from(p.data.toString("utf8").replace("≥500", "≥100"), "utf8");
          return { ...p, data, method: 0, crc: crc32(p.data) };
        }),
      );
    },
    "bad-crc.xlsx": () => zip(base.map((p) => (p.name === "xl/worksheets/sheet1.xml" ? { ...p, crc: 0x12345678 } : p))),
    "flipped-bytes.xlsx": () => {
      const b = Buffer.from(baseZip);
      for (let i = 200; i < b.length - 200; i += 97) b[i] ^= 0xff;
      return b;
    },
    "encrypted-flag.xlsx": () => zip(base.map((p) => ({ ...p, flags: 1 }))),
    "unknown-method.xlsx": () => zip(base.map((p) => (p.name === "xl/worksheets/sheet1.xml" ? { ...p, method: 99, deflated: p.data } : p))),
    "duplicate-entries.xlsx": () => zip([...base, { name: "xl/worksheets/sheet1.xml", data: Buffer.from(sheetXml(NOTES)) }]),
    "path-traversal-entry.xlsx": () => zip([...base, { name: "../../evil.txt", data: Buffer.from("evil") }]),
    // --- zip bombs: sheet XML inflating to about 1 GB
    "zip-bomb.xlsx": () => {
      const b = repeatedDeflate(Buffer.from(`${XML}<worksheet xmlns="${NS}"><sheetData>`), Buffer.alloc(1 << 20, 0x20), 1024, Buffer.from("</sheetData></worksheet>"));
      return zip(base.map((p) => (p.name === "xl/worksheets/sheet1.xml" ? { name: p.name, ...b } : p)));
    },
    "zip-bomb-lying-sizes.xlsx": () => {
      const b = repeatedDeflate(Buffer.from(`${XML}<worksheet xmlns="${NS}"><sheetData>`), Buffer.alloc(1 << 20, 0x20), 1024, Buffer.from("</sheetData></worksheet>"));
      return zip(base.map((p) => (p.name === "xl/worksheets/sheet1.xml" ? { name: p.name, deflated: b.deflated, crc: b.crc, size: 4096 } : p)));
    },
    "zip-bomb-rows.xlsx": () => {
      // 2,000,000 one-cell rows, all claiming row 1 … then the real rows: ~140 MB of XML from ~1 MB
      let chunk = "";
      for (let i = 1; i <= 1000; i++) chunk += bombRow(i);
      const b = repeatedDeflate(Buffer.from(`${XML}<worksheet xmlns="${NS}"><sheetData>`), Buffer.from(chunk), 2000, Buffer.from("</sheetData></worksheet>"));
      return zip(base.map((p) => (p.name === "xl/worksheets/sheet1.xml" ? { name: p.name, ...b } : p)));
    },
    "zip-bomb-shared-strings.xlsx": () => {
      const b = repeatedDeflate(Buffer.from(`${XML}<sst xmlns="${NS}"><si><t>`), Buffer.alloc(1 << 20, 0x41), 1024, Buffer.from("</t></si></sst>"));
      return zip(base.map((p) => (p.name === "xl/sharedStrings.xml" ? { name: p.name, ...b } : p)));
    },
    "many-entries.xlsx": () => {
      const extra = [];
      for (let i = 0; i < 20000; i++) extra.push({ name: `xl/media/pad${i}.bin`, data: Buffer.alloc(0), method: 0 });
      return zip([...base, ...extra]);
    },
    // --- spreadsheets with awkward content
    "template-never-filled.xlsx": () => xlsx([{ name: "自评表", rows: template(t02) }]),
    "notes-only.xlsx": () => xlsx([{ name: "说明", rows: NOTES }]),
    "header-only.xlsx": () => xlsx([{ name: "指标", rows: [CLEAN_LIST[0]] }]),
    "clean.xlsx": () => xlsx([{ name: "指标", rows: CLEAN_LIST }]),
    "clean-inline-strings.xlsx": () => xlsx([{ name: "指标", rows: CLEAN_LIST }], { shared: false }),
    "errors-everywhere.xlsx": () => xlsx([{ name: "自评表", rows: mapRows(t02, (v) => ({ error: ["#N/A", "#VALUE!", "#REF!", "#DIV/0!"][String(v).length % 4] })) }]),
    "errors-in-values.xlsx": () => xlsx([{ name: "自评表", rows: t02.map((r, i) => (i > 11 ? r.map((v, c) => (c >= 4 && v !== null ? { error: "#N/A" } : v)) : r)) }]),
    "formulas-no-cache.xlsx": () => xlsx([{ name: "自评表", rows: t02.map((r, i) => (i > 4 ? r.map((v) => (typeof v === "number" ? { f: `${v}+0` } : v)) : r)) }]),
    "formulas-cached.xlsx": () => xlsx([{ name: "自评表", rows: t02.map((r, i) => (i > 4 ? r.map((v) => (typeof v === "number" ? { f: `${v}+0`, v } : v)) : r)) }]),
    "hidden-sheet-with-table.xlsx": () => xlsx([{ name: "说明", rows: NOTES }, { name: "自评表", rows: t02, state: "hidden" }]),
    "very-hidden-table-only.xlsx": () => xlsx([{ name: "说明", rows: NOTES }, { name: "自评表", rows: t02, state: "veryHidden" }]),
    "merged-everywhere.xlsx": () => xlsx([{ name: "自评表", rows: t02, merges: mergesEverywhere }]),
    "huge-merge.xlsx": () => xlsx([{ name: "自评表", rows: t02, merges: ["A1:XFD1048576"] }]),
    "big-merge-a1-z100000.xlsx": () => xlsx([{ name: "自评表", rows: t02, merges: ["A1:Z100000"] }]),
    "merge-whole-column.xlsx": () => xlsx([{ name: "自评表", rows: t02, merges: ["J1:J1048576"] }]),
    "overlapping-merges.xlsx": () => xlsx([{ name: "自评表", rows: t02, merges: ["A1:C3", "B2:D4", "A1:A1"] }]),
    "bad-merge-refs.xlsx": () => xlsx([{ name: "自评表", rows: t02, merges: ["A0:B2", "ZZZZ1:A1", "C3", "", "B5:A1"] }]),
    "full-width-digits.xlsx": () => xlsx([{ name: "自评表", rows: mapRows(t02, (v) => (typeof v === "number" ? fullWidthDigits(v) : fullWidthDigits(v))) }]),
    "numbers-as-text.xlsx": () => xlsx([{ name: "自评表", rows: mapRows(t02, (v) => String(v)) }]),
    "cell-at-xfd1048576.xlsx": () => xlsx([{ name: "自评表", rows: t02, xml: sheetXml(t02, { strings: null }).replace("</sheetData>", '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>') }]),
    "cell-refs-out-of-range.xlsx": () =>
      xlsx([{ name: "自评表", rows: [], xml: `${XML}<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A0"><v>1</v></c><c r="XFE1"><v>2</v></c></row><row r="1048577"><c r="A1048577"><v>3</v></c></row></sheetData></worksheet>` }]),
    "huge-dimension.xlsx": () => xlsx([{ name: "自评表", rows: t02, dimension: "A1:XFD1048576" }]),
    "wide-16384-columns.xlsx": () => {
      const row = new Array(16384).fill(null).map((_, c) => (c % 97 === 0 ? `列${c}` : null));
      row[16383] = "一级指标";
      return xlsx([{ name: "宽表", rows: [row, ...t02] }]);
    },
    "long-string-cell.xlsx": () => xlsx([{ name: "自评表", rows: t02.map((r, i) => (i === 12 ? r.map((v, c) => (c === 3 ? "指标".repeat(50000) : v)) : r)) }]),
    "long-digit-run.xlsx": () => xlsx([{ name: "自评表", rows: t02.map((r, i) => (i === 12 ? r.map((v, c) => (c === 4 ? "9".repeat(60000) : v)) : r)) }]),
    "many-sheets.xlsx": () => xlsx(Array.from({ length: 300 }, (_, i) => ({ name: `表${i + 1}`, rows: i === 299 ? t02 : [] }))),
    "many-empty-sheets.xlsx": () => xlsx(Array.from({ length: 50 }, (_, i) => ({ name: `空${i + 1}`, rows: [] }))),
    // C1 CSI and a bidi override in the sheet name and a cell (C0 escapes are not allowed in XML at all)
    "sheet-name-escapes.xlsx": () => xlsx([{ name: "表\u009b31m红\u202e反", rows: [["说明\u009b2J\u202e文字"], ...NOTES] }]),
    "empty.xlsx": () => Buffer.alloc(0),
    "empty.csv": () => Buffer.alloc(0),
    "empty.xlsm": () => Buffer.alloc(0),
    "duplicate-cells.xlsx": () => xlsx([{ name: "自评表", rows: [], xml: sheetXml(CLEAN_LIST, { strings: null }).replace("</sheetData>", '<row r="2"><c r="F2"><v>999</v></c></row></sheetData>') }]),
    "numbers-nan-inf.xlsx": () =>
      xlsx([{ name: "指标", rows: [], xml: sheetXml(CLEAN_LIST, { strings: null }).replace(/<v>20<\/v>/, "<v>NaN</v>").replace(/<v>30<\/v>/, "<v>1e400</v>") }]),
    "two-tables-one-sheet.xlsx": () => xlsx([{ name: "自评表", rows: [...t02, [], [], ...t02] }]),
    // --- CSV in other encodings and not text
    "utf16le-bom.csv": () => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text02, "utf-16le")]),
    "utf16le-no-bom.csv": () => iconv.encode(text02, "utf-16le"),
    "utf16be-bom.csv": () => Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text02, "utf-16be")]),
    "utf16be-no-bom.csv": () => iconv.encode(text02, "utf-16be"),
    "utf8-bom.csv": () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]),
    "gbk.csv": () => iconv.encode(text02, "gbk"),
    "gb18030-4byte.csv": () => iconv.encode(text02.replace("天长市水利局", "天长市水利局𠀀"), "gb18030"),
    "big5.csv": () => iconv.encode(text02, "big5"),
    // Traditional-character tables (committed as UTF-8 in files/) in Big5, as Taiwan, Hong Kong and Macau save them,
    // and in GBK, which holds traditional characters too (in its extension rows, second bytes 40–A0 like Big5's).
    "big5-target.csv": () => iconv.encode(badFile("traditional-target.csv"), "big5"),
    "big5-overall.csv": () => iconv.encode(badFile("traditional-overall.csv"), "big5"),
    "big5-cp950-crlf.csv": () => iconv.encode(badFile("traditional-overall.csv").replace(/\n/g, "\r\n"), "cp950"),
    "gbk-traditional.csv": () => iconv.encode(badFile("traditional-target.csv"), "gbk"),
    // Eight characters and no table word: GBK or Big5 cannot be told (refused, not guessed)
    "big5-doubtful.csv": () => iconv.encode("長者社區照顧服務\n", "big5"),
    // The traditional table in Big5 followed by table 02 in GBK: table words both ways (refused, not guessed)
    "mixed-big5-gbk.csv": () => Buffer.concat([iconv.encode(badFile("traditional-target.csv"), "big5"), iconv.encode(text02, "gbk")]),
    "shift-jis.csv": () => iconv.encode("一級指標,二級指標,三級指標,指標値\n産出,数量,研修回数,10\n", "shift_jis"),
    "latin1.csv": () => iconv.encode("Catégorie,Indicateur,Valeur,Poids\nProduit,Quantité,≥500,20\n".replace("≥", ">="), "latin1"),
    "utf8-stray-ff.csv": () => {
      const at = utf8.indexOf(Buffer.from("灾害", "utf8"));
      return Buffer.concat([utf8.subarray(0, at), Buffer.from([0xff]), utf8.subarray(at)]);
    },
    "utf8-many-stray.csv": () => {
      const b = Buffer.from(utf8);
      for (let i = 50; i < b.length; i += 40) b[i] = 0xff;
      return b;
    },
    "all-nul.csv": () => Buffer.alloc(2048),
    "random.csv": () => randomBytes(4096, 15),
    "nul-sprinkled.csv": () => Buffer.from(text02.split("\n").join("\u0000\n"), "utf8"),
    "bom-only.csv": () => Buffer.from([0xef, 0xbb, 0xbf]),
    "xlsx-bytes.csv": () => zip(xlsxParts([{ name: "指标", rows: CLEAN_LIST }])),
    "gzip.csv": () => zlib.gzipSync(utf8),
    // --- large CSV
    "1000-columns.csv": () => Buffer.from([Array.from({ length: 1000 }, (_, i) => `列${i + 1}`).join(","), Array.from({ length: 1000 }, (_, i) => String(i)).join(",")].join("\n") + "\n"),
    "very-long-line.csv": () => Buffer.from("说明," + "很长的一行".repeat(400000) + "\n", "utf8"),
    // issue 25: a clean list whose first indicator name is a 30 MB quoted field (120 MB aborted V8 before), and one cell of 190 MB
    "long-quoted-name-3mb.csv": () => Buffer.from(CLEAN_LIST.map((r, i) => r.map((v, c) => (i === 1 && c === 2 ? `"${"x".repeat(3_000_000)}"` : v)).join(",")).join("\n") + "\n", "utf8"),
    "long-quoted-name-30mb.csv": () => Buffer.from(CLEAN_LIST.map((r, i) => r.map((v, c) => (i === 1 && c === 2 ? `"${"x".repeat(30_000_000)}"` : v)).join(",")).join("\n") + "\n", "utf8"),
    "single-cell-190mb.csv": () => Buffer.alloc(190 * 1024 * 1024, 0x61),
    "very-long-quoted-field.csv": () => Buffer.from(text02 + `,"${"长".repeat(1_000_000)}"\n`, "utf8"),
    "100k-blank-lines-then-table.csv": () => Buffer.from("\n".repeat(100000) + text02, "utf8"),
    "table-after-1000-empty-columns.csv": () => Buffer.from(text02.split("\n").map((l) => ",".repeat(1000) + l).join("\n"), "utf8"),
    "30k-header-rows.csv": () => Buffer.from((CLEAN_LIST[0].join(",") + "\n").repeat(30000), "utf8"),
    // Excel's row limit of indicator rows, two findings each (no unit, zero weight): about 2 million findings
    "million-rows.csv": () => {
      const lines = [CLEAN_LIST[0].join(",")];
      for (let i = 0; i < 1_048_576; i++) lines.push(`产出指标,数量指标,培训人次${i},≥${i % 1000},,0`);
      return Buffer.from(lines.join("\n") + "\n", "utf8");
    },
    // 40,000 rows named like the template's stems (指标N) and carrying a 分值: template rows with a weight
    // issue 25: names whose bidi override or isolate would reorder what is shown (发票\u202Egnp.csv reads 发票vsc.png)
    "发票\u202Egnp.csv": () => Buffer.from(badFile("clean.csv"), "utf8"),
    "清单\u2067x\u2069\n换行.csv": () => Buffer.from(badFile("clean.csv"), "utf8"),
    "placeholder-rows-40k.csv": () => {
      const lines = [CLEAN_LIST[0].join(",")];
      for (let i = 0; i < 40_000; i++) lines.push(`产出指标,数量指标,指标${i},≥${i % 1000},,0`);
      return Buffer.from(lines.join("\n") + "\n", "utf8");
    },
  };
  return files;
}

const GiB = 1024 * 1024 * 1024;

/**
 * Files above what --max-size may reach (issue 25: 2–4 GiB aborted natively, above 4 GiB said "no permission"), made
 * sparse: their size is set and no data block is written, so they cost nothing on disk. Never read (refused by size).
 */
const SPARSE = { "sparse-3gib.csv": 3 * GiB, "sparse-5gib.xlsx": 5 * GiB };

/** Writes every generated file into `dir`; returns their names. */
function makeBadInputs(dir, only) {
  fs.mkdirSync(dir, { recursive: true });
  const files = generated();
  const names = Object.keys(files).filter((n) => !only || only.includes(n));
  for (const n of names) fs.writeFileSync(path.join(dir, n), files[n]());
  for (const [n, size] of Object.entries(SPARSE)) {
    if (only && !only.includes(n)) continue;
    const fd = fs.openSync(path.join(dir, n), "w");
    try {
      fs.ftruncateSync(fd, size);
    } finally {
      fs.closeSync(fd);
    }
    names.push(n);
  }
  return names;
}

module.exports = { makeBadInputs, generatedNames: () => [...Object.keys(generated()), ...Object.keys(SPARSE)], zip, xlsx, xlsxParts, sheetXml, CLEAN_LIST, HOSTILE_XLSX };

if (require.main === module) {
  const out = process.argv[2];
  if (!out) {
    process.stderr.write("usage: node tools/make-bad-inputs.js <outDir>\n");
    process.exit(2);
  }
  const names = makeBadInputs(out);
  for (const n of names) process.stdout.write(`${n}\t${fs.statSync(path.join(out, n)).size}\n`);
}

/**
 * Zip files built at test time: a small writer (stored or deflated entries, with sizes that may lie), a reader,
 * an editor for the parts of an ExcelJS-written workbook, a minimal .xlsx from parts, and deflate streams that
 * inflate to any size from a few kilobytes (zip bombs), so no large file is ever committed.
 */
import * as zlib from "zlib";
import ExcelJS from "exceljs";

export interface ZipEntryIn {
  readonly name: string;
  /** The entry's bytes (or text, UTF-8). Ignored when `deflated` is given. */
  readonly data?: Buffer | string;
  /** 0 stored, 8 deflated (default 8). */
  readonly method?: number;
  /** Compressed bytes given as they are (e.g. a bomb), with `size` as the declared uncompressed size. */
  readonly deflated?: Buffer;
  /** The declared uncompressed size (default: the real one). */
  readonly size?: number;
  /** General-purpose flags (bit 0: encrypted). */
  readonly flags?: number;
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

/**
 * A zip file of the entries, in order. Sizes and CRCs are what the entries say (they may lie). With `zip64`, the
 * central directory gives every size and offset as 0xFFFFFFFF and the real ones in a zip64 extra field.
 */
export function writeZip(entries: readonly ZipEntryIn[], opts: { zip64?: boolean } = {}): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const raw = e.data === undefined ? Buffer.alloc(0) : typeof e.data === "string" ? Buffer.from(e.data, "utf8") : e.data;
    const method = e.deflated ? 8 : (e.method ?? 8);
    const body = e.deflated ?? (method === 8 ? zlib.deflateRawSync(raw) : raw);
    const size = e.size ?? raw.length;
    const crc = e.deflated ? 0 : zlib.crc32(raw);
    const flags = (e.flags ?? 0) | 0x0800;
    const local = Buffer.concat([u32(0x04034b50), u16(20), u16(flags), u16(method), u16(0), u16(0x21), u32(crc), u32(body.length), u32(size), u16(name.length), u16(0), name]);
    if (opts.zip64) {
      const u64 = (n: number): Buffer => {
        const b = Buffer.alloc(8);
        b.writeBigUInt64LE(BigInt(n));
        return b;
      };
      const extra = Buffer.concat([u16(0x0001), u16(24), u64(size), u64(body.length), u64(offset)]);
      const max = 0xffffffff;
      central.push(
        Buffer.concat([u32(0x02014b50), u16(45), u16(45), u16(flags), u16(method), u16(0), u16(0x21), u32(crc), u32(max), u32(max), u16(name.length), u16(extra.length), u16(0), u16(0), u16(0), u32(0), u32(max), name, extra]),
      );
    } else {
      central.push(
        Buffer.concat([u32(0x02014b50), u16(20), u16(20), u16(flags), u16(method), u16(0), u16(0x21), u32(crc), u32(body.length), u32(size), u16(name.length), u16(0), u16(0), u16(0), u16(0), u32(0), u32(offset), name]),
      );
    }
    locals.push(local, body);
    offset += local.length + body.length;
  }
  const cd = Buffer.concat(central);
  const eocd = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(entries.length), u16(entries.length), u32(cd.length), u32(offset), u16(0)]);
  return Buffer.concat([...locals, cd, eocd]);
}

/** The entries of a (well-formed, small) zip, by name, inflated. */
export function readZip(buf: Buffer): Map<string, Buffer> {
  let eocd = -1;
  for (let i = buf.length - 22; i >= 0; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("no end of central directory");
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let k = 0; k < count; k++) {
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const body = buf.subarray(start, start + csize);
    out.set(name, method === 8 ? zlib.inflateRawSync(body) : Buffer.from(body));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Rewrites some parts of a zip: `edit` returns new text, undefined to keep the part, or null to drop it. */
export function editZip(buf: Buffer, edit: (name: string, text: string) => string | null | undefined, add: readonly ZipEntryIn[] = [], opts: { zip64?: boolean } = {}): Buffer {
  const entries: ZipEntryIn[] = [];
  for (const [name, data] of readZip(buf)) {
    const next = edit(name, data.toString("utf8"));
    if (next === null) continue;
    entries.push({ name, data: next === undefined ? data : next });
  }
  return writeZip([...entries, ...add], opts);
}

/** A small workbook written by ExcelJS: one sheet 表1 with a few values and one merge. */
export async function smallWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("表1");
  ws.getCell("A1").value = "项目支出绩效目标表";
  ws.mergeCells("A1:C1");
  ws.getCell("A2").value = "指标";
  ws.getCell("B2").value = 12;
  ws.getCell("C2").value = "完成";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Sheet XML with `inner` inserted before `</worksheet>` (for merges, validations and the like). */
export function withSheetTail(sheetXml: string, inner: string): string {
  return sheetXml.replace(/<mergeCells[\s\S]*?<\/mergeCells>/, "").replace("</worksheet>", `${inner}</worksheet>`);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

/** Sheet XML around the given sheetData rows (and anything after sheetData). */
export function sheetXml(rows: string, after = ""): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>${rows}</sheetData>${after}</worksheet>`;
}

/** A minimal .xlsx from parts: sheets by name with their XML, optional shared strings and extra entries. */
export function minimalXlsx(sheets: readonly { name: string; xml: string }[], opts: { sharedStrings?: readonly string[]; extra?: readonly ZipEntryIn[]; omit?: readonly string[] } = {}): Buffer {
  const wbXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
    .map((s, k) => `<sheet name="${s.name}" sheetId="${k + 1}" r:id="rId${k + 1}"/>`)
    .join("")}</sheets></workbook>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
    .map((_, k) => `<Relationship Id="rId${k + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${k + 1}.xml"/>`)
    .join("")}${opts.sharedStrings ? `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` : ""}</Relationships>`;
  const entries: ZipEntryIn[] = [
    { name: "[Content_Types].xml", data: CONTENT_TYPES },
    { name: "_rels/.rels", data: ROOT_RELS },
    { name: "xl/workbook.xml", data: wbXml },
    { name: "xl/_rels/workbook.xml.rels", data: rels },
    ...sheets.map((s, k) => ({ name: `xl/worksheets/sheet${k + 1}.xml`, data: s.xml })),
  ];
  if (opts.sharedStrings) {
    const sst = opts.sharedStrings.map((t) => `<si><t xml:space="preserve">${t}</t></si>`).join("");
    entries.push({ name: "xl/sharedStrings.xml", data: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${opts.sharedStrings.length}" uniqueCount="${opts.sharedStrings.length}">${sst}</sst>` });
  }
  const omit = new Set(opts.omit ?? []);
  return writeZip([...entries.filter((e) => !omit.has(e.name)), ...(opts.extra ?? [])]);
}

/**
 * A raw deflate stream that inflates to `bytes` zero bytes, built from independent sync-flushed blocks of 16 MB
 * (about 16 KB each) and a final empty block: a gigabyte in about a megabyte, made in milliseconds.
 */
export function zeroDeflate(bytes: number): Buffer {
  const block = 16 * 1024 * 1024;
  const whole = zlib.deflateRawSync(Buffer.alloc(block), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const parts: Buffer[] = [];
  let left = bytes;
  while (left >= block) {
    parts.push(whole);
    left -= block;
  }
  if (left > 0) parts.push(zlib.deflateRawSync(Buffer.alloc(left), { finishFlush: zlib.constants.Z_SYNC_FLUSH }));
  parts.push(Buffer.from([0x03, 0x00])); // a final, empty fixed-Huffman block
  return Buffer.concat(parts);
}

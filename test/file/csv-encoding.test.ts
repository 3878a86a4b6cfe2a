/**
 * CSV encoding detection never silently drops a table: a UTF-8 file with a stray byte stays UTF-8 (the byte
 * becomes U+FFFD and is reported with its offset), GBK files are still GBK, UTF-16 without a BOM is found from
 * its NUL pattern, and bytes that are not text are refused rather than decoded into garbage.
 */
import * as fs from "fs";
import * as path from "path";
import * as iconv from "iconv-lite";
import fc from "fast-check";
import { decodeCsvText, inspectCsvBytes } from "../../src/file/csv-grid";
import { decodeCsvBytes, detectEncoding, readCsv } from "../../src/file/csv";

const REAL = path.join(__dirname, "..", "fixtures", "real");
const TABLES: readonly [string, string][] = fs
  .readdirSync(REAL)
  .filter((f) => f.endsWith(".csv"))
  .map((f) => [f, fs.readFileSync(path.join(REAL, f), "utf8")]);

/** `bytes` with `extra` inserted at `at`. */
function insert(bytes: Buffer, at: number, extra: readonly number[]): Buffer {
  return Buffer.concat([bytes.subarray(0, at), Buffer.from(extra), bytes.subarray(at)]);
}

/** Byte offsets in UTF-8 text that fall between characters. */
function boundaries(bytes: Buffer): number[] {
  const out: number[] = [];
  for (let i = 0; i <= bytes.length; i++) if (i === bytes.length || (bytes[i] & 0xc0) !== 0x80) out.push(i);
  return out;
}

describe("a UTF-8 file with a stray byte", () => {
  const [, text02] = TABLES.find(([f]) => f.startsWith("02_")) as [string, string];
  const utf8 = Buffer.from(text02, "utf8");
  const at = utf8.indexOf(Buffer.from("灾害", "utf8"));

  it("is read as UTF-8 with the byte replaced and reported, not decoded as GB18030 (the table would vanish)", async () => {
    const bytes = insert(utf8, at, [0xff]);
    expect(inspectCsvBytes(bytes)).toEqual({ encoding: "utf-8", invalid: { count: 1, offset: at, byte: 0xff } });
    const g = await readCsv(bytes, "02");
    expect(g.encoding).toBe("utf-8");
    expect(g.invalid).toEqual({ count: 1, offset: at, byte: 0xff });
    const clean = await readCsv(utf8, "02");
    expect(g.values[0]).toEqual(clean.values[0]);
    expect(g.values[2]).toEqual(["项目名称", "水旱\uFFFD灾害防御经费"]);
    expect(g.values.slice(3)).toEqual(clean.values.slice(3));
    // The browser page decides the same way.
    expect(decodeCsvText(bytes).encoding).toBe("utf-8");
    expect(decodeCsvText(bytes).text).toBe(text02.replace("水旱灾害", "水旱\uFFFD灾害"));
  });

  it("stays UTF-8 for every real table with one to three stray bytes anywhere", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TABLES),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0xff, 0xfe, 0x80, 0xbf, 0xc3, 0xe4, 0xf5, 0xc0)), { minLength: 1, maxLength: 3 }),
        ([, text], strays) => {
          let bytes: Buffer = Buffer.from(text, "utf8");
          for (const [where, byte] of strays) {
            const b = boundaries(bytes);
            bytes = insert(bytes, b[Math.floor(where * (b.length - 1))], [byte]);
          }
          const info = inspectCsvBytes(bytes);
          expect(info.encoding).toBe("utf-8");
          expect(info.invalid?.count).toBeGreaterThanOrEqual(1);
          expect(info.invalid?.count).toBeLessThanOrEqual(strays.length);
          const decoded = decodeCsvBytes(bytes).text;
          // Nothing but the stray bytes changed: removing the replacement characters gives the table back.
          expect(decoded.split("\uFFFD").join("")).toBe(text);
        },
      ),
      { numRuns: 300, seed: 15 },
    );
  });

  it("is UTF-8 also when the file is ASCII apart from the stray byte", () => {
    const bytes = insert(Buffer.from("code,score\nA1,10\n"), 5, [0xff]);
    expect(inspectCsvBytes(bytes)).toEqual({ encoding: "utf-8", invalid: { count: 1, offset: 5, byte: 0xff } });
  });
});

describe("GBK / GB18030 files", () => {
  it.each(TABLES)("%s in GBK is read as GB18030, whole and without notice", (_f, text) => {
    const bytes = iconv.encode(text, "gbk");
    expect(inspectCsvBytes(bytes)).toEqual({ encoding: "gb18030" });
    expect(decodeCsvBytes(bytes).text).toBe(text);
    expect(decodeCsvText(bytes).text).toBe(text);
  });

  it("short GBK texts are still GBK", () => {
    for (const t of ["名称\n", "分值,得分\n10,9\n", "项目名称,分值\n指标1,10\n", "联通,移动\n"]) expect(detectEncoding(iconv.encode(t, "gbk"))).toBe("gb18030");
  });

  it("a GBK file with a stray byte is GB18030 with the byte reported", () => {
    const gbk = iconv.encode(TABLES[0][1], "gbk");
    const at = gbk.indexOf(0x2c); // before the first comma: between characters
    const bytes = insert(gbk, at, [0xff]);
    expect(inspectCsvBytes(bytes)).toEqual({ encoding: "gb18030", invalid: { count: 1, offset: at, byte: 0xff } });
    expect(decodeCsvBytes(bytes).text.split("\uFFFD").join("")).toBe(TABLES[0][1]);
  });
});

describe("UTF-16 without a BOM", () => {
  const text = "项目名称,水旱灾害防御经费\n指标,年度指标值,分值\n完成率,≥95%,10\n";

  it.each([
    ["utf-16le", (t: string) => iconv.encode(t, "utf-16le")],
    ["utf-16be", (t: string) => iconv.encode(t, "utf-16be")],
  ] as const)("%s is found from its NUL bytes and decoded", async (encoding, encode) => {
    const bytes = encode(text);
    expect(bytes[0] === 0xff || bytes[0] === 0xfe).toBe(false); // no BOM
    expect(inspectCsvBytes(bytes)).toEqual({ encoding });
    expect(decodeCsvBytes(bytes).text).toBe(text);
    expect(decodeCsvText(bytes).text).toBe(text);
    const g = await readCsv(bytes, "u16");
    expect(g.values[2]).toEqual(["完成率", "≥95%", 10]);
  });

  it("every real table in UTF-16 without BOM reads back whole", () => {
    for (const [, t] of TABLES) {
      expect(decodeCsvBytes(iconv.encode(t, "utf-16le")).text).toBe(t);
      expect(decodeCsvBytes(iconv.encode(t, "utf-16be")).text).toBe(t);
    }
  });
});

describe("bytes that are not text are refused, not decoded into garbage", () => {
  const NOT_TEXT = /文件不是可识别编码的文本（UTF-8、GB18030\/GBK、Big5 或 UTF-16）.*not text in a known encoding/s;

  it("refuses an all-NUL file, a zip renamed .csv and random bytes", () => {
    expect(() => inspectCsvBytes(Buffer.alloc(4096))).toThrow(NOT_TEXT);
    const xlsx = fs.readFileSync(path.join(__dirname, "..", "..", "samples", "自评表-示例.xlsx"));
    expect(() => inspectCsvBytes(xlsx)).toThrow(NOT_TEXT);
    let seed = 15;
    const random = Buffer.alloc(8192);
    for (let i = 0; i < random.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      random[i] = seed >> 16;
    }
    expect(() => inspectCsvBytes(random)).toThrow(NOT_TEXT);
    expect(() => decodeCsvText(random)).toThrow(NOT_TEXT);
  });

  it("keeps a text file with a stray NUL", () => {
    const utf8 = Buffer.from(TABLES[0][1], "utf8");
    const bytes = insert(utf8, utf8.indexOf(0x2c), [0x00]);
    expect(inspectCsvBytes(bytes)).toEqual({ encoding: "utf-8" });
  });

  it("scans in linear time (10 MB under a second)", () => {
    const big = Buffer.from("项目名称,分值\n".repeat(500_000), "utf8");
    big[big.length - 2] = 0xff;
    const t0 = Date.now();
    expect(inspectCsvBytes(big).encoding).toBe("utf-8");
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});

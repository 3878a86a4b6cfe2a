/**
 * Big5 against GB18030/GBK (issue 15): Big5 bytes are nearly all valid GBK too, so they used to be decoded as
 * GB18030 into garbage. Now traditional-character tables in Big5 are read as Big5 (the same grid as their UTF-8
 * text), GBK stays GBK (simplified or traditional characters), and what cannot be told is refused with a message.
 * The tables: test/fixtures/bad/files/traditional-*.csv (written for this, in traditional characters) and the ten
 * real tables of test/fixtures/real (simplified).
 */
import * as fs from "fs";
import * as path from "path";
import * as iconv from "iconv-lite";
import fc from "fast-check";
import { decodeCsvText, inspectCsvBytes, invalidBytesMessage } from "../../src/file/csv-grid";
import { readCsv } from "../../src/file/csv";
import { WorkbookReadError } from "../../src/file/grid-convert";

const BAD = path.join(__dirname, "..", "fixtures", "bad", "files");
const REAL = path.join(__dirname, "..", "fixtures", "real");
const TRADITIONAL: readonly [string, string][] = ["traditional-target.csv", "traditional-overall.csv"].map((f) => [f, fs.readFileSync(path.join(BAD, f), "utf8")]);
const REAL_TABLES: readonly [string, string][] = fs
  .readdirSync(REAL)
  .filter((f) => f.endsWith(".csv"))
  .map((f) => [f, fs.readFileSync(path.join(REAL, f), "utf8")]);

/** The encoding decided, or "refused" (a WorkbookReadError). */
function decided(bytes: Uint8Array): string {
  try {
    return inspectCsvBytes(bytes).encoding;
  } catch (e) {
    if (e instanceof WorkbookReadError) return "refused";
    throw e;
  }
}

test("the fixtures are traditional text and hold the words of the brief", () => {
  const all = TRADITIONAL.map(([, t]) => t).join("");
  for (const w of ["整體績效目標表", "指標", "預算", "萬元"]) expect(all).toContain(w);
  // Every character survives Big5 (no "?" from a character Big5 lacks).
  for (const [, t] of TRADITIONAL) expect(iconv.decode(iconv.encode(t, "big5"), "big5")).toBe(t);
});

describe.each(TRADITIONAL)("%s", (name, text) => {
  const utf8 = Buffer.from(text, "utf8");

  test.each(["big5", "cp950"])("in %s: read as Big5, the same grid as its UTF-8 text (Node and the browser page)", async (enc) => {
    const bytes = iconv.encode(text, enc);
    expect(inspectCsvBytes(bytes)).toEqual({ encoding: "big5" });
    const g = await readCsv(bytes, name);
    const u = await readCsv(utf8, name);
    expect(g.encoding).toBe("big5");
    expect(g.values).toEqual(u.values);
    expect(decodeCsvText(bytes)).toEqual({ text, encoding: "big5" });
    // Before: read as GB18030, the header was garbage.
    expect(iconv.decode(bytes, "gb18030")).not.toContain("指標");
  });

  test("in GBK (traditional characters in GBK's extension rows): still GBK", async () => {
    const bytes = iconv.encode(text, "gbk");
    expect(inspectCsvBytes(bytes)).toEqual({ encoding: "gb18030" });
    expect((await readCsv(bytes, name)).values).toEqual((await readCsv(utf8, name)).values);
  });

  test("every line alone: in Big5 never read as GB18030, in GBK never as Big5 (each is right or refused)", () => {
    for (const line of text.split("\n").filter((l) => /[\u0080-\uffff]/.test(l))) {
      expect([line, decided(iconv.encode(line, "big5"))]).not.toEqual([line, "gb18030"]);
      expect([line, decided(iconv.encode(line, "gbk"))]).not.toEqual([line, "big5"]);
    }
  });

  test("a stray byte in the Big5 file: read as Big5, the byte reported", async () => {
    const bytes = iconv.encode(text, "big5");
    const at = bytes.indexOf(iconv.encode("指標", "big5"));
    const stray = Buffer.concat([bytes.subarray(0, at), Buffer.from([0x80]), bytes.subarray(at)]);
    const info = inspectCsvBytes(stray);
    expect(info).toEqual({ encoding: "big5", invalid: { count: 1, offset: at, byte: 0x80 } });
    expect(invalidBytesMessage(info.encoding, info.invalid!).message).toContain("按 Big5 读取，有 1 处字节无法解码");
  });
});

describe("the real tables (simplified) are never taken for Big5", () => {
  test.each(REAL_TABLES)("%s in GBK and GB18030", (_name, text) => {
    expect(decided(iconv.encode(text, "gbk"))).toBe("gb18030");
    expect(decided(iconv.encode(text, "gb18030"))).toBe("gb18030");
  });

  test("any run of lines of any real table in GBK: GB18030 (or refused when too short to tell), never Big5", () => {
    fc.assert(
      fc.property(fc.constantFrom(...REAL_TABLES), fc.nat(), fc.integer({ min: 1, max: 12 }), ([, text], from, count) => {
        const lines = text.split("\n");
        const start = from % lines.length;
        const slice = lines.slice(start, start + count).join("\n");
        const got = decided(iconv.encode(slice, "gbk"));
        if (!/[\u0080-\uffff]/.test(slice)) return got === "utf-8";
        return got === "gb18030" || got === "refused";
      }),
      { numRuns: 300, seed: 15 },
    );
  });

  test("a run of lines holding a table word is GB18030 exactly", () => {
    fc.assert(
      fc.property(fc.constantFrom(...REAL_TABLES), fc.nat(), fc.integer({ min: 1, max: 12 }), ([, text], from, count) => {
        const lines = text.split("\n");
        const start = from % lines.length;
        const slice = lines.slice(start, start + count).join("\n");
        fc.pre(/指标|项目|预算|绩效|目标|产出|满意度|万元|资金|金额|完成|得分|年度|成本/.test(slice));
        return decided(iconv.encode(slice, "gbk")) === "gb18030";
      }),
      { numRuns: 300, seed: 15 },
    );
  });
});

describe("what cannot be told is refused with a message, never guessed", () => {
  test("a few Big5 characters and no table word", () => {
    const bytes = iconv.encode("長者社區照顧服務\n", "big5");
    expect(() => inspectCsvBytes(bytes)).toThrow(WorkbookReadError);
    expect(() => inspectCsvBytes(bytes)).toThrow(/无法确定文件编码（GB18030\/GBK、Big5 或其他编码），未检查.*cannot tell the encoding/);
  });

  test("a Big5 table and a GBK table in one file", () => {
    const bytes = Buffer.concat([iconv.encode(TRADITIONAL[0][1], "big5"), iconv.encode(REAL_TABLES[0][1], "gbk")]);
    expect(() => inspectCsvBytes(bytes)).toThrow(/table words: GB18030 \d+, Big5 \d+/);
  });

  test("a 4 MB Big5 file: the words counted in its first 256 KB, the pairs in one pass", () => {
    const bytes = iconv.encode(TRADITIONAL[0][1].repeat(Math.ceil((4 * 1024 * 1024) / 300)), "big5");
    expect(bytes.length).toBeGreaterThan(4 * 1024 * 1024);
    expect(inspectCsvBytes(bytes).encoding).toBe("big5");
  });
});

import * as fs from "fs";
import * as path from "path";
import { readXlsx, dateToSerial, WorkbookReadError } from "../../src/file/xlsx";
import { removeDir, sha256, tempDir, writeKitchenSink } from "../helpers/workbooks";

describe("readXlsx", () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = tempDir();
    file = path.join(dir, "样例 工作簿.xlsx");
    await writeKitchenSink(file);
  });
  afterAll(() => removeDir(dir));

  it("reads every value kind into the grid model", async () => {
    const grids = await readXlsx(file);
    expect(grids.map((g) => g.sheet)).toEqual(["指标表 2024", "隐藏表"]); // veryHidden skipped, hidden kept
    const g = grids[0];
    expect(g.top).toBe(0);
    expect(g.left).toBe(0);
    const v = g.values;
    expect(v[0]).toEqual(["项目支出绩效自评表"]); // merged slaves B1, C1 are null → trimmed
    expect(v[1][0]).toBe("完成日期");
    expect(v[1][1]).toBe(45291); // 2023-12-31 as an Excel serial
    expect(g.numberFormats?.[1][1]).toBe("yyyy-mm-dd");
    expect(v[1][2]).toBe(0.978);
    expect(g.numberFormats?.[1][2]).toBe("0.00%");
    expect(v[2]).toEqual(["产出指标", 3, { error: "#N/A" }]);
    expect(v[3]).toEqual([{ error: "#DIV/0!" }, true, "链接文字"]);
    expect(v[4][0] ?? null).toBeNull(); // formula with no cached result
    expect(v[4][1] ?? null).toBeNull(); // empty string
    expect(v[5][3]).toBe(3);
    expect(v[6][3]).toBe(7); // shared formula slave: its own cached result
    expect(v[7][3]).toBe(11);
    expect(v[8][0]).toBe("一级");
    expect(v.length).toBe(9); // A10:A11 are merged slaves (null) and H20 has only a format: trimmed
    expect(g.merges).toEqual(
      expect.arrayContaining([
        { top: 0, left: 0, bottom: 0, right: 2 },
        { top: 8, left: 0, bottom: 8, right: 0 }, // A9:A11 clamped to the used range: rows 10–11 hold nothing
      ]),
    );
  });

  it("reads from a buffer and never writes to the input", async () => {
    const before = sha256(file);
    const mtime = fs.statSync(file).mtimeMs;
    const grids = await readXlsx(fs.readFileSync(file));
    expect(grids[0].sheet).toBe("指标表 2024");
    expect(sha256(file)).toBe(before);
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
  });

  it("gives a bilingual error for empty, corrupt and old .xls files", async () => {
    await expect(readXlsx(Buffer.alloc(0))).rejects.toThrow(/文件为空.*empty/);
    await expect(readXlsx(Buffer.from("PK\u0003\u0004 definitely not a zip"))).rejects.toBeInstanceOf(WorkbookReadError);
    await expect(readXlsx(Buffer.from("hello, world"))).rejects.toThrow(/不是有效的 .xlsx.*not a valid/);
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await expect(readXlsx(ole)).rejects.toThrow(/另存为 .xlsx/);
  });

  it("converts dates to serials in both date systems", () => {
    expect(dateToSerial(new Date(Date.UTC(2023, 11, 31)))).toBe(45291);
    expect(dateToSerial(new Date(Date.UTC(2023, 11, 31)), 24107)).toBe(43829); // 1904 system
    expect(dateToSerial(new Date(Date.UTC(2024, 0, 1, 12)))).toBe(45292.5);
  });
});

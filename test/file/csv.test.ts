import * as fs from "fs";
import * as path from "path";
import * as iconv from "iconv-lite";
import { csvValue, detectEncoding, readCsv } from "../../src/file/csv";
import { removeDir, tempDir } from "../helpers/workbooks";

const TEXT = '项目名称,水旱灾害防御经费,,\n指标,年度指标值,实际完成值,分值\n"完成率\n(含结转)",97.80%,≥95%,10\n编码,007,513424230000000001101,-3.5\n,,,\n';

describe("readCsv", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });
  afterAll(() => removeDir(dir));

  const expectGrid = (values: readonly (readonly unknown[])[]): void => {
    expect(values).toEqual([
      ["项目名称", "水旱灾害防御经费"],
      ["指标", "年度指标值", "实际完成值", "分值"],
      ["完成率\n(含结转)", "97.80%", "≥95%", 10],
      ["编码", "007", "513424230000000001101", -3.5],
    ]);
  };

  it("reads UTF-8 without BOM", async () => {
    const f = path.join(dir, "自评表.csv");
    fs.writeFileSync(f, TEXT, "utf8");
    const g = await readCsv(f);
    expect(g.sheet).toBe("自评表");
    expect(g.encoding).toBe("utf-8");
    expectGrid(g.values);
  });

  it("reads UTF-8 with BOM", async () => {
    const f = path.join(dir, "bom.csv");
    fs.writeFileSync(f, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, "utf8")]));
    const g = await readCsv(f);
    expect(g.encoding).toBe("utf-8");
    expect(g.values[0][0]).toBe("项目名称");
    expectGrid(g.values);
  });

  it("reads GBK bytes (as Excel on Chinese Windows saves them)", async () => {
    const f = path.join(dir, "gbk.csv");
    const bytes = iconv.encode(TEXT, "gbk");
    fs.writeFileSync(f, bytes);
    expect(detectEncoding(bytes)).toBe("gb18030");
    const g = await readCsv(f);
    expectGrid(g.values);
  });

  it("reads UTF-16 tab-separated text (Excel's Unicode text export)", async () => {
    const f = path.join(dir, "u16.csv");
    const t = "项目名称\t分值\n指标1\t10\n";
    fs.writeFileSync(f, Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(t, "utf-16le")]));
    const g = await readCsv(f);
    expect(g.values).toEqual([
      ["项目名称", "分值"],
      ["指标1", 10],
    ]);
  });

  it("turns only plain decimals into numbers", () => {
    expect(csvValue("880")).toBe(880);
    expect(csvValue("0.25")).toBe(0.25);
    expect(csvValue("97.80%")).toBe("97.80%");
    expect(csvValue("≥95%")).toBe("≥95%");
    expect(csvValue("1,234")).toBe("1,234");
    expect(csvValue("007")).toBe("007");
    expect(csvValue("1234567890123456")).toBe("1234567890123456");
    expect(csvValue(null)).toBeNull();
  });

  it("reads the real published tables unchanged in text", async () => {
    const real = path.join(__dirname, "..", "fixtures", "real");
    const file = fs.readdirSync(real).find((f) => f.startsWith("02_") && f.endsWith(".csv"));
    expect(file).toBeDefined();
    const g = await readCsv(path.join(real, file as string));
    expect(g.values[0][0]).toBe("项目支出绩效自评表");
    const totalRow = g.values.find((r) => r[0] === "总分");
    expect(totalRow?.slice(6, 8)).toEqual([100, 100]);
  });
});

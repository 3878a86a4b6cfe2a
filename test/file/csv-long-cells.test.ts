/**
 * Issue 25, item 3: a CSV within the default limits never runs out of memory, and its cells are cut at Excel's
 * 32,767 characters and reported (file.long-text), as .xlsx cells are. Fields are slices of the text: the parser
 * used to grow a field a character at a time, and a 190 MB cell (or a 120 MB quoted name) aborted V8 with
 * "Reached heap limit". Memory is measured here, not time.
 */
import { csvTextToGrid } from "../../src/file/csv-grid";
import { parseCsv } from "../../src/domain/csv";
import { readInputContent } from "../../src/file/inputs";
import * as fs from "fs";
import * as path from "path";
import { removeDir, tempDir } from "../helpers/workbooks";

const HEADER = "一级指标,二级指标,三级指标,指标值,计量单位,分值\n";

function heapAfter(f: () => unknown): { delta: number; kept: unknown } {
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  const kept = f();
  const delta = process.memoryUsage().heapUsed - before;
  return { delta, kept };
}

describe("long CSV cells", () => {
  test("a 20-million-character quoted field costs about its own size, not a string object per character", () => {
    const text = `${HEADER}产出指标,数量指标,"${"长".repeat(20_000_000)}",≥500,人次,20\n`;
    const { delta, kept } = heapAfter(() => parseCsv(text));
    // The text is 40 MB (two bytes a character); growing the field a character at a time made hundreds of MB.
    expect(delta).toBeLessThan(120 * 1024 * 1024);
    expect((kept as string[][])[1][2].length).toBe(20_000_000);
  });

  test("cells past 32,767 characters are cut and the first is named, quoted or not", () => {
    const long = "x".repeat(40_000);
    const g = csvTextToGrid(`${HEADER}产出指标,数量指标,"${long}",≥500,人次,20\n产出指标,数量指标,培训人次,${long},人次,20\n`, "S");
    expect((g.values[1][2] as string).length).toBe(32_767);
    expect((g.values[2][3] as string).length).toBe(32_767);
    expect(g.cut).toEqual({ first: { sheet: "S", cell: "C2", length: 40_000 }, count: 2 });
  });

  test("the CLI's reader gives the file.long-text warning", async () => {
    const dir = tempDir("jx-csv-long-");
    try {
      const file = path.join(dir, "长.csv");
      fs.writeFileSync(file, `${HEADER}产出指标,数量指标,"${"名".repeat(50_000)}",≥500,人次,20\n`);
      const content = await readInputContent({ path: file, kind: "csv" } as never);
      expect(content.notices.map((n) => n.code)).toContain("file.long-text");
      expect((content.grids[0] as { cut?: unknown }).cut).toBeUndefined();
    } finally {
      removeDir(dir);
    }
  });

  test("doubled quotes and text after a closing quote read as before", () => {
    expect(parseCsv('"a""b",c\n"x"y,\n""z\n"""w"')).toEqual([['a"b', "c"], ["xy", null], ["z"], ['"w']]);
    expect(parseCsv("a,\r\nb\rc")).toEqual([["a", null], ["b"], ["c"]]);
    expect(parseCsv('"open\nline')).toEqual([["open\nline"]]);
  });
});

/** The fake itself must behave like office.js where our adapter depends on it. */
import { createFakeExcel, parseAddress, fullAddress, type FakeRequestContext } from "../fakes/excel-fake";

async function run<T>(fake: ReturnType<typeof createFakeExcel>, f: (ctx: FakeRequestContext) => Promise<T>): Promise<T> {
  return fake.Excel.run(f);
}

describe("excel fake", () => {
  it("throws PropertyNotLoaded before load, and before sync", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "S", values: [[1]] }] });
    await run(fake, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      r.load("values");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(r.values).toEqual([[1]]);
      expect(() => r.address).toThrow(/not available/);
    });
    expect(fake.stats.syncs).toBe(1);
  });

  it("queues writes until sync, checks shapes, and Excel.run flushes what is left", async () => {
    const fake = createFakeExcel();
    await run(fake, async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      ws.getRange("A1:B1").values = [["x", 2]];
      expect(fake.model.sheets[0].cell(0, 0)).toBeUndefined();
      await ctx.sync();
      expect(fake.model.sheets[0].cell(0, 0)?.value).toBe("x");
      ws.getRange("A1:B2").values = [[1]];
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      ws.getRange("C1").numberFormat = [["0.00%"]];
    });
    expect(fake.stats.syncs).toBe(3);
    expect(fake.model.sheets[0].cell(0, 2)?.numberFormat).toBe("0.00%");
  });

  it("reads Range.values as typed input: formula starts, numbers, the quote prefix and the text format", async () => {
    const fake = createFakeExcel();
    const typed = ["=1+1", "+A1", "-2+3", "@SUM(A1)", "＝1", "\t=1", "-5", "0012", "'=1+1", "''x", "text", 7];
    await run(fake, async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      ws.getRange("B1:B12").numberFormat = [["@"]];
      ws.getRange("A1:A12").values = typed.map((v) => [v]);
      ws.getRange("B1:B12").values = typed.map((v) => [v]);
    });
    const s = fake.model.sheets[0];
    const col = (c: number) => typed.map((_, r) => s.cell(r, c)?.formula ?? s.cell(r, c)?.value);
    expect(col(0)).toEqual(["=1+1", "=+A1", "=-2+3", "=@SUM(A1)", "=＝1", "=1", -5, 12, "=1+1", "'x", "text", 7]);
    expect(col(1)).toEqual(["=1+1", "+A1", "-2+3", "@SUM(A1)", "＝1", "\t=1", "-5", "0012", "=1+1", "'x", "text", 7]);
    expect(typed.every((_, r) => s.cell(r, 1)?.formula === undefined && s.cell(r, 1)?.numberFormat === "@")).toBe(true);
  });

  it("models worksheets: add, getItem, items, delete, getItemOrNullObject", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Sheet1" }] });
    await run(fake, async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      const added = sheets.add("校验报告");
      added.load("name");
      const missing = sheets.getItemOrNullObject("nope");
      sheets.load("items/name");
      await ctx.sync();
      expect(added.name).toBe("校验报告");
      expect(sheets.items.map((s) => s.name)).toEqual(["Sheet1", "校验报告"]);
      expect(missing.isNullObject).toBe(true);
      sheets.getItem("校验报告").delete();
      await ctx.sync();
      sheets.getItem("nope").load("name");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
    expect(fake.model.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  it("models selection, used range, formulas and select()", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "S", at: "B2", values: [[1, null], [null, "z"]], formulas: [["=1", null]] }], selection: "S!A1" });
    await run(fake, async (ctx) => {
      const used = ctx.workbook.worksheets.getItem("S").getUsedRange();
      used.load("address,formulas,values,rowCount,columnCount");
      await ctx.sync();
      expect(used.address).toBe("S!B2:C3");
      expect(used.formulas).toEqual([["=1", ""], ["", "z"]]);
      expect([used.rowCount, used.columnCount]).toEqual([2, 2]);
      used.getCell(1, 1).select();
      await ctx.sync();
    });
    expect(fullAddress(fake.model.selection.sheet.name, fake.model.selection.area)).toBe("S!C3");
  });

  it("parses and prints A1 addresses with sheet prefixes", () => {
    expect(parseAddress("'My ''s'!$A$1:B3")).toEqual({ sheet: "My 's", area: { top: 0, left: 0, bottom: 2, right: 1 } });
    expect(parseAddress("A:C")?.area.bottom).toBe(1048575);
    expect(parseAddress("A0")).toBeUndefined();
    expect(fullAddress("自评表", { top: 0, left: 27, bottom: 0, right: 27 })).toBe("自评表!AB1");
    expect(fullAddress("My sheet", { top: 0, left: 0, bottom: 1, right: 0 })).toBe("'My sheet'!A1:A2");
  });
});

/** The fake itself must behave like office.js where our adapter depends on it. */
import { createFakeExcel, parseAddress, fullAddress, FakeWorkbookModel, type FakeRequestContext } from "../fakes/excel-fake";

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

  it("runs a sync's commands in order and stops at the first failure, keeping what ran before it", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "S" }] });
    fake.model.failNext(/set Range\.values/, "GeneralException", "boom", 1);
    await run(fake, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      ws.getRange("A1").values = [["first"]];
      ws.getRange("A2").values = [["second"]];
      ctx.workbook.worksheets.add("never");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "GeneralException" });
    });
    expect(fake.model.sheets[0].cell(0, 0)?.value).toBe("first");
    expect(fake.model.sheets[0].cell(1, 0)).toBeUndefined();
    expect(fake.model.sheet("never")).toBeUndefined();
  });

  it("models workbook-scoped names: a reference follows renames and becomes #REF! when its sheet is deleted", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "A" }, { name: "B" }], names: [{ name: "Mine", refersTo: "B!C3", comment: "c" }] });
    await run(fake, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("A");
      const item = ctx.workbook.names.add("_JX_T", ws.getRange("A1"), "note");
      item.visible = false;
      ctx.workbook.names.add("_JX_K", '="tok"');
      ws.name = "A 2";
      const names = ctx.workbook.names;
      names.load("items/name,items/type,items/value,items/formula,items/comment,items/visible");
      await ctx.sync();
      expect(names.items.map((n) => [n.name, n.type, n.value, n.formula, n.comment, n.visible])).toEqual([
        ["Mine", "Range", "B!$C$3", "=B!$C$3", "c", true],
        ["_JX_T", "Range", "'A 2'!$A$1", "='A 2'!$A$1", "note", false],
        ["_JX_K", "String", "tok", '="tok"', "", true],
      ]);
      ctx.workbook.worksheets.getItem("B").delete();
      const mine = ctx.workbook.names.getItem("mine");
      mine.load("type,value,formula");
      const none = ctx.workbook.names.getItemOrNullObject("nope");
      await ctx.sync();
      expect([mine.type, mine.value, mine.formula]).toEqual(["Error", "#REF!", "=#REF!$C$3"]);
      expect(none.isNullObject).toBe(true);
    });
  });

  it("keeps table names and defined names in one namespace, with Excel's name rules", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "S", tables: [{ name: "JX_Report", address: "A1:B2" }] }], names: [{ name: "Taken", constant: 1 }] });
    await run(fake, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      for (const bad of ["jx_report", "TAKEN", "A1", "R1C1", "has space", "1st", "C"]) {
        const t = ws.tables.add(bad === "jx_report" ? "D1:E2" : `D${bad.length * 3}:E${bad.length * 3 + 1}`, true);
        t.name = bad;
        await expect(ctx.sync()).rejects.toMatchObject({ code: expect.stringMatching(/ItemAlreadyExists|InvalidArgument/) });
      }
      ctx.workbook.names.add("JX_Report", '="x"');
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
      const all = ctx.workbook.tables;
      all.load("items/name");
      const one = ctx.workbook.tables.getItem("jx_report");
      one.load("name");
      await ctx.sync();
      expect(all.items.map((t) => t.name)).toContain("JX_Report");
      expect(one.name).toBe("JX_Report");
    });
    expect(fake.model.names.map((n) => n.name)).toEqual(["Taken"]);
  });

  it("refuses sheet names Excel refuses", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "S" }] });
    await run(fake, async (ctx) => {
      for (const bad of ["a/b", "a:b", "x".repeat(32), "'q", ""]) {
        ctx.workbook.worksheets.getItem("S").name = bad;
        await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      }
    });
    expect(fake.model.sheets[0].name).toBe("S");
  });

  it("parses and prints A1 addresses with sheet prefixes", () => {
    expect(parseAddress("'My ''s'!$A$1:B3")).toEqual({ sheet: "My 's", area: { top: 0, left: 0, bottom: 2, right: 1 } });
    expect(parseAddress("A:C")?.area.bottom).toBe(1048575);
    expect(parseAddress("A0")).toBeUndefined();
    expect(fullAddress("自评表", { top: 0, left: 27, bottom: 0, right: 27 })).toBe("自评表!AB1");
    expect(fullAddress("My sheet", { top: 0, left: 0, bottom: 1, right: 0 })).toBe("'My sheet'!A1:A2");
  });
});

describe("a large block written at once (kept packed, off the heap)", () => {
  it("reads, changes and iterates as the same cells written one by one", () => {
    const rows = Array.from({ length: 3000 }, (_, r) => [`项目${r}`, r % 5 ? r * 1.5 : "", r % 3 === 0, null, "𠮷≥95%"]);
    const packed = new FakeWorkbookModel({ sheets: [{ name: "S" }] }).sheets[0];
    const plain = new FakeWorkbookModel({ sheets: [{ name: "S" }] }).sheets[0];
    packed.write(2, 1, rows);
    rows.forEach((row, r) => row.forEach((v, c) => plain.setValue(2 + r, 1 + c, v)));
    const same = (): void => {
      expect(packed.cells.size).toBe(plain.cells.size);
      expect([...packed.cells.entries()].sort()).toEqual([...plain.cells.entries()].sort());
      expect(packed.usedArea(true)).toEqual(plain.usedArea(true));
      expect(packed.usedArea()).toEqual(plain.usedArea());
      for (const [r, c] of [[2, 1], [2, 2], [5, 3], [2, 4], [3001, 5], [3002, 1], [0, 0], [3, 2], [4, 3]]) {
        expect(packed.cell(r, c)).toEqual(plain.cell(r, c));
        expect(packed.cells.valueAt(r, c)).toEqual(plain.cell(r, c)?.value ?? "");
      }
    };
    same();
    for (const s of [packed, plain]) {
      s.setValue(2, 1, "改");
      s.setFormula(3, 2, "=1+1");
      s.setNumberFormat(4, 3, "0.00%");
      s.setValue(5, 5, "");
      s.setValue(5000, 0, 7);
    }
    same();
    // A block written over existing cells goes cell by cell (write's semantics: formats kept).
    packed.write(2, 1, rows);
    plain.write(2, 1, rows);
    same();
  });
});

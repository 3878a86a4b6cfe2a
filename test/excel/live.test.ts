/**
 * WorksheetChanged in the fake, as office.js documents it (register with `add` + `context.sync()`, remove with
 * `Excel.run(result.context, …)` + `result.remove()` + sync, args with worksheetId, address, changeType, source,
 * triggerSource), and the adapter on top: watchChanges passes on the user's edits but not the add-in's own writes,
 * and readSheetGrid reads one sheet in 3 syncs without touching the others.
 */
import { createFakeExcel, installFakeExcel, type FakeWorksheetChangedEventArgs } from "../fakes/excel-fake";
import { readSheetGrid, watchChanges, type SheetChange } from "../../src/excel/live";
import { writeReportSheet } from "../../src/excel/report";
import { readWorkbookGrids } from "../../src/excel/workbook";

const g = globalThis as { Excel?: unknown };
afterEach(() => {
  delete g.Excel;
});

/** Lets setTimeout(0) dispatch and the handlers' promises settle. */
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 5));

describe("fake Excel events", () => {
  it("registers a handler only at sync, calls it after the change with the documented args, and removes it on its context", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "表一", values: [["a"]] }, { name: "表二" }] });
    const seen: FakeWorksheetChangedEventArgs[] = [];
    const result = await fake.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("表一").onChanged.add(async (args) => {
        seen.push(args);
      });
      // Not registered before the sync.
      expect(fake.model.handlers).toHaveLength(0);
      await ctx.sync();
      expect(fake.model.handlers).toHaveLength(1);
      return r;
    });
    fake.model.edit("表一!B3", [["新值"]]);
    expect(seen).toHaveLength(0); // asynchronous: never inside the edit
    await settle();
    expect(seen).toEqual([{ type: "WorksheetChanged", worksheetId: fake.model.sheets[0].id, address: "B3", changeType: "RangeEdited", source: "Local", triggerSource: "Unknown" }]);
    // A sheet's handler hears only that sheet.
    fake.model.edit("表二!A1:B1", [[1, 2]], "Remote");
    await settle();
    expect(seen).toHaveLength(1);

    // remove() outside a batch on its context fails; inside one it takes effect at the sync.
    expect(() => result.remove()).toThrow(expect.objectContaining({ code: "InvalidRequestContext" }));
    await fake.Excel.run(async (other) => {
      expect(() => result.remove()).toThrow(expect.objectContaining({ code: "InvalidRequestContext" }));
      await other.sync();
    });
    await fake.Excel.run(result.context, async (ctx) => {
      result.remove();
      expect(fake.model.handlers).toHaveLength(1);
      await ctx.sync();
    });
    expect(fake.model.handlers).toHaveLength(0);
    fake.model.edit("表一!A1", [["x"]]);
    await settle();
    expect(seen).toHaveLength(1);
  });

  it("the collection's handler hears every sheet, and writes by the add-in come with triggerSource ThisLocalAddin", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "S1" }, { name: "S2" }] });
    const seen: FakeWorksheetChangedEventArgs[] = [];
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.onChanged.add((args) => {
        seen.push(args);
      });
      await ctx.sync();
    });
    fake.model.edit("S2!C2", [["x"]], "Remote");
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S1").getRange("A1:B2").values = [[1, 2], [3, 4]];
      ctx.workbook.worksheets.getItem("S1").getRange("D1").numberFormat = [["0%"]]; // a format: no onChanged
      await ctx.sync();
    });
    await settle();
    expect(seen.map((e) => [e.worksheetId, e.address, e.source, e.triggerSource])).toEqual([
      [fake.model.sheets[1].id, "C2", "Remote", "Unknown"],
      [fake.model.sheets[0].id, "A1:B2", "Local", "ThisLocalAddin"],
    ]);
  });
});

describe("live adapter", () => {
  it("watchChanges reports the user's edits, not the add-in's own writes, until stopped (one sync each way)", async () => {
    const fake = installFakeExcel(g, { sheets: [{ name: "自评表", values: [["项目名称", "x"]] }] });
    const seen: SheetChange[] = [];
    const watch = await watchChanges((c) => seen.push(c));
    expect(fake.stats.syncs).toBe(1);
    fake.model.edit("自评表!B1", [["y"]]);
    await writeReportSheet({ issues: [], stats: { errors: 0, warnings: 0, infos: 0 }, caption: "c" });
    await settle();
    expect(seen).toEqual([{ worksheetId: fake.model.sheets[0].id, address: "B1", source: "Local", triggerSource: "Unknown" }]);
    const before = fake.stats.syncs;
    await watch.stop();
    expect(fake.stats.syncs - before).toBe(1);
    expect(fake.model.handlers).toHaveLength(0);
    await watch.stop(); // twice is harmless
    fake.model.edit("自评表!B1", [["z"]]);
    await settle();
    expect(seen).toHaveLength(1);
  });

  it("readSheetGrid reads one sheet by id in 3 syncs, as the workbook read reads it, and skips the add-in's own sheets", async () => {
    const big = Array.from({ length: 2000 }, (_, r) => [`行${r}`, r, r * 2, "一些文字内容"]);
    const fake = installFakeExcel(g, {
      sheets: [
        { name: "目标", at: "B2", values: [["项目名称", "分值"], ["甲", 10]], merges: ["B2:C2"], numberFormat: [[null, null], [null, "0.00"]] },
        { name: "大表", values: big },
      ],
    });
    const whole = await readWorkbookGrids();
    fake.resetStats();
    const one = await readSheetGrid(fake.model.sheets[0].id);
    expect(one.syncs).toBe(3);
    expect(fake.stats.syncs).toBe(3);
    expect(one.own).toBe(false);
    expect(one.grid).toEqual(whole.grids[0]);
    // The big sheet was not read: a few hundred bytes came back, not its cells.
    const bytes = fake.stats.responseBytes.reduce((a, b) => a + b, 0);
    expect(bytes).toBeLessThan(2000);

    await writeReportSheet({ issues: [], stats: { errors: 0, warnings: 0, infos: 0 }, caption: "c" });
    const report = fake.model.sheets.find((s) => s.name === "校验报告")!;
    const own = await readSheetGrid(report.id);
    expect([own.sheet, own.own, own.grid]).toEqual(["校验报告", true, undefined]);
    const gone = await readSheetGrid("{no-such-id}");
    expect([gone.sheet, gone.own, gone.grid]).toEqual([undefined, false, undefined]);
  });
});

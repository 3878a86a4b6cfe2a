/**
 * A read streamed to a RowSink (the pane hands each batch to its check worker as it arrives) gives the grids of the
 * plain read, in the same syncs: the sink gets every row once, in order, packed; `streamed` names which rows make
 * which grid, the add-in's own proved sheets left out and an empty sheet kept empty.
 */
import { installFakeExcel, type FakeExcel, type FakeWorkbookInit } from "../fakes/excel-fake";
import { readWorkbookGrids, type StreamedGrid } from "../../src/excel/workbook";
import { unpackCells, type PackedRows } from "../../src/excel/packed";
import type { CellValue, Grid } from "../../src/domain/grid";

const g = globalThis as { Excel?: unknown };
afterEach(() => {
  delete g.Excel;
});

function install(init: FakeWorkbookInit): FakeExcel {
  return installFakeExcel(g, init);
}

/** The grids a sink's rows and the read's `streamed` make. */
function gridsOf(streamed: readonly StreamedGrid[], got: Map<number, PackedRows[]>): Grid[] {
  return streamed.map((h) => {
    const base = { sheet: h.sheet, top: h.top, left: h.left };
    if (h.source === undefined) return { ...base, values: [] };
    const values: CellValue[][] = [];
    const formats: (string | null)[][] = [];
    for (const p of got.get(h.source) ?? []) {
      const u = unpackCells(p);
      values.push(...u.values);
      formats.push(...(u.formats ?? []));
    }
    return { ...base, values, numberFormats: formats, merges: h.merges };
  });
}

describe("readWorkbookGrids with a sink", () => {
  const init = (): FakeWorkbookInit => ({
    sheets: [
      { name: "大表", at: "B3", values: Array.from({ length: 20000 }, (_, i) => [`项目${i}`, i % 7 ? i * 1.5 : "", i % 3 === 0, "≥95%", i % 11 ? null : "#N/A"]), merges: ["B3:C3"] },
      { name: "空表" },
      { name: "小表", values: [["指标", "值"], ["满意度", 0.95]], numberFormat: [[null, null], [null, "0.00%"]] },
    ],
  });

  it.each([4_000_000, 150_000])("gives the plain read's grids in the same syncs (budget %i bytes)", async (payloadBudget) => {
    const plainFake = install(init());
    const plain = await readWorkbookGrids({ payloadBudget });
    const plainSyncs = plainFake.stats.syncs;
    delete g.Excel;

    const fake = install(init());
    const got = new Map<number, PackedRows[]>();
    const r = await readWorkbookGrids({
      payloadBudget,
      sink: {
        rows: (source, rows) => {
          got.set(source, [...(got.get(source) ?? []), rows]);
        },
      },
    });
    expect(r.grids).toEqual([]);
    expect(r.syncs).toBe(plain.syncs);
    expect(fake.stats.syncs).toBe(plainSyncs);
    expect(r.streamed?.map((s) => s.sheet)).toEqual(["大表", "空表", "小表"]);
    expect(r.streamed?.[1].source).toBeUndefined();
    expect(gridsOf(r.streamed ?? [], got)).toEqual(plain.grids);
    if (payloadBudget < 1_000_000) expect(got.get(0)?.length).toBeGreaterThan(2);
  });

  it("splits a batch Excel refuses as too large and still hands over every row once, in order", async () => {
    const long = "很长的说明".repeat(200);
    const sheets = [{ name: "长文本", values: Array.from({ length: 3000 }, (_, i) => [i, long]) }];
    const plainFake = install({ sheets, payloadLimit: 5 * 1024 * 1024 });
    const plain = await readWorkbookGrids({ bytesPerCell: 8 });
    delete g.Excel;
    const fake = install({ sheets, payloadLimit: 5 * 1024 * 1024 });
    const got = new Map<number, PackedRows[]>();
    const r = await readWorkbookGrids({ bytesPerCell: 8, sink: { rows: (s, p) => got.set(s, [...(got.get(s) ?? []), p]) } });
    expect(fake.stats.syncs).toBe(plainFake.stats.syncs);
    expect(gridsOf(r.streamed ?? [], got)).toEqual(plain.grids);
  });
});

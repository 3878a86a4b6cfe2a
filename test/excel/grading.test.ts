import { installFakeExcel, type FakeExcel } from "../fakes/excel-fake";
import { gradeSelection, readSelectionValues } from "../../src/excel";

const g = globalThis as { Excel?: unknown };

function withWorkbook(selection: string, values: (string | number | boolean | null)[][], sheet = "Sheet1"): FakeExcel {
  return installFakeExcel(g, { sheets: [{ name: sheet, values }], selection });
}

afterEach(() => {
  delete g.Excel;
});

describe("readSelectionValues", () => {
  it("reads values and address in one sync", async () => {
    const fake = withWorkbook("Sheet1!A1:B2", [[1, "a"], [null, 2]]);
    const r = await readSelectionValues();
    expect(r.address).toBe("Sheet1!A1:B2");
    expect(r.values).toEqual([[1, "a"], [null, 2]]);
    expect(fake.stats.syncs).toBe(1);
    expect(fake.stats.runs).toBe(1);
  });

  it("reads only the used part of a whole-column selection", async () => {
    const fake = withWorkbook("A:A", [[95], [80]]);
    const r = await readSelectionValues();
    expect(r.address).toBe("Sheet1!A1:A2");
    expect(r.values).toEqual([[95], [80]]);
    expect(fake.stats.syncs).toBe(1);
  });

  it("gives no values for an empty selection, still one sync", async () => {
    const fake = withWorkbook("C3:D4", [[1]]);
    const r = await readSelectionValues();
    expect(r).toEqual({ address: "Sheet1!C3:D4", values: [], numberFormats: [] });
    expect(fake.stats.syncs).toBe(1);
  });
});

describe("gradeSelection", () => {
  it("grades numbers and number-like text with exactly one sync", async () => {
    const fake = withWorkbook("A1:A6", [[95], [85.5], ["７０"], [40], ["abc"], [" 88.5 "]]);
    const r = await gradeSelection();
    expect(fake.stats.syncs).toBe(1);
    expect(r.address).toBe("Sheet1!A1:A6");
    expect(r.cells.map((c) => c.address)).toEqual(["Sheet1!A1", "Sheet1!A2", "Sheet1!A3", "Sheet1!A4", "Sheet1!A5", "Sheet1!A6"]);
    expect(r.cells.map((c) => (c.result.ok ? c.result.grade : "×"))).toEqual(["优", "良", "中", "差", "×", "良"]);
    const bad = r.cells[4].result;
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.reason).toMatch(/[\u4e00-\u9fff]/);
      expect(bad.reasonEn).toMatch(/[a-z]/);
    }
  });

  it("skips empty cells, keeps sheet names with spaces quoted, rejects out-of-range scores", async () => {
    const fake = withWorkbook("'自评 表'!B2:C3", [[null, null, null], [null, 120, null], [null, null, -1]], "自评 表");
    const r = await gradeSelection();
    expect(fake.stats.syncs).toBe(1);
    expect(r.cells.map((c) => c.address)).toEqual(["'自评 表'!B2", "'自评 表'!C3"]);
    expect(r.cells.every((c) => !c.result.ok)).toBe(true);
  });

  it("reports Excel errors in cells as ungradable", async () => {
    withWorkbook("A1", [["#N/A"]]);
    const r = await gradeSelection();
    expect(r.cells).toHaveLength(1);
    expect(r.cells[0].text).toBe("#N/A");
    expect(r.cells[0].result.ok).toBe(false);
  });
});

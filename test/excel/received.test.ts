/**
 * A batch read from Excel is measured and converted a slice of rows at a time (workbook.ts `received`): the same
 * grid rows as converting it whole, and to the byte the payload payloadBytes gives the whole matrices (what sizes
 * the later batches, so the number of syncs stays what it was).
 */
import { payloadBytes, received } from "../../src/excel/workbook";
import { fromExcelValues } from "../../src/excel/values";

describe("received", () => {
  const cells: unknown[] = ["", "产出指标", "≥95%", 12.5, 0, true, "#N/A", "𠮷野家", 'a "quoted" \\ text', "\n\t", "Ａ１", -3e-7];
  const formats: unknown[] = ["General", "0.00%", "@", null, "yyyy-mm-dd", "#,##0"];
  const matrix = (rows: number, cols: number, pool: readonly unknown[]): unknown[][] =>
    Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => pool[(r * 7 + c * 3) % pool.length]));

  it.each([
    [0, 0],
    [1, 1],
    [3, 5],
    [2000, 9],
  ])("%i × %i: the rows converted whole and the bytes of the whole matrices", async (rows, cols) => {
    const v = matrix(rows, cols, cells);
    const f = matrix(rows, cols, formats);
    const got = await received(v, f);
    expect(got.values).toEqual(fromExcelValues(v));
    expect(got.formats).toEqual(f.map((row) => row.map((x) => (x == null ? null : String(x)))));
    expect(got.bytes).toBe(payloadBytes(v) + payloadBytes(f));
  });
});

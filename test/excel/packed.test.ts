/**
 * The packed form of a batch (src/excel/packed.ts): unpacked, it gives the grid rows `received` gives (what the
 * engine checked before the pane streamed its reads), and it weighs, to the byte, what payloadBytes gives the two
 * matrices (what sizes the later batches: the number of syncs stays what it was).
 */
import fc from "fast-check";
import { jsonStringBytes, packCells, packedTransfer, unpackCells } from "../../src/excel/packed";
import { payloadBytes, received } from "../../src/excel/workbook";

describe("packCells", () => {
  const cells: unknown[] = ["", "产出指标", "≥95%", 12.5, 0, -0, true, false, "#N/A", "𠮷野家", 'a "quoted" \\ text', "\n\t\u0001\u007f", "Ａ１", -3e-7, 1e21, 123456789012, NaN, null];
  const formats: unknown[] = ["General", "0.00%", "@", null, "yyyy-mm-dd", "#,##0", "“元”"];
  const matrix = (rows: number, cols: number, pool: readonly unknown[]): unknown[][] =>
    Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => pool[(r * 7 + c * 3) % pool.length]));

  it.each([
    [0, 0],
    [1, 1],
    [3, 5],
    [2000, 9],
  ])("%i × %i: the rows received() gives, and the bytes of both matrices", async (rows, cols) => {
    const v = matrix(rows, cols, cells);
    const f = matrix(rows, cols, formats);
    const { packed, bytes } = await packCells(v, f);
    const want = await received(v, f);
    const got = unpackCells(structuredClone(packed));
    expect(got.values).toEqual(want.values);
    expect(got.formats).toEqual(want.formats);
    expect(bytes).toBe(payloadBytes(v) + payloadBytes(f));
    expect(packedTransfer(packed)).toHaveLength(4);
  });

  it("measures any text as JSON.stringify then payloadBytes do (escapes, surrogate pairs, lone halves)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        expect(jsonStringBytes(s)).toBe(payloadBytes(s));
      }),
      { numRuns: 500 },
    );
    for (const s of ["\ud800", "\udc00x", "a\ud83d\ude00b", "\ud83d", '"\\\b\f\n\r\t\u001f']) expect(jsonStringBytes(s)).toBe(payloadBytes(s));
  });

  it("round-trips any matrix of Office.js values, with the payload's bytes", async () => {
    const value = fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(""), fc.constantFrom("#REF!", "#DIV/0!"));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 6 }), fc.array(fc.array(value, { minLength: 6, maxLength: 6 }), { maxLength: 20 }), async (cols, rows) => {
        const v = rows.map((r) => r.slice(0, cols));
        const f = v.map((r) => r.map((_, c) => (c % 2 ? "0.00" : "General")));
        const { packed, bytes } = await packCells(v, f);
        const want = await received(v, f);
        expect(unpackCells(packed)).toEqual({ values: want.values, formats: want.formats });
        expect(bytes).toBe(payloadBytes(v) + payloadBytes(f));
      }),
      { numRuns: 200 },
    );
  });
});

/**
 * a1Position: a finding's cell as one number for its sort key, read without a regex. It must agree with parseA1 on
 * every text (the report order of findings depends on it) and order cells as (row, column) does.
 */
import fc from "fast-check";
import { a1, a1Position, NO_POSITION, parseA1, positionCol, positionRow } from "../../src/domain/grid";

function viaParse(s: string): number {
  const at = parseA1(s);
  return at ? at.row * 32768 + at.col : NO_POSITION;
}

/** Texts near an address: optional $, 0–4 letters of either case, 0–8 digits, now and then a space or a stray character. */
const nearAddress = fc
  .tuple(
    fc.constantFrom("", "$", " ", "$$"),
    fc.stringMatching(/^[A-Za-z]{0,4}$/),
    fc.constantFrom("", "$", "-", "@", "["),
    fc.stringMatching(/^[0-9]{0,8}$/),
    fc.constantFrom("", " ", "\t", "x", "$", ":B2"),
  )
  .map((p) => p.join(""));

test("agrees with parseA1 on texts near an address and on any text", () => {
  fc.assert(fc.property(fc.oneof(nearAddress, fc.string(), fc.string({ unit: "grapheme" })), (s) => expect(a1Position(s)).toBe(viaParse(s))), { numRuns: 5000 });
});

test("gives back the row and column a1 wrote, for cells up to Excel's last", () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 1_048_575 }), fc.integer({ min: 0, max: 16_383 }), (row, col) => {
      const p = a1Position(a1(row, col));
      expect([positionRow(p), positionCol(p)]).toEqual([row, col]);
    }),
  );
});

test("orders cells as (row, column) does; what is not a cell comes after every cell", () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 1_048_575 }), fc.integer({ min: 0, max: 18_277 }), fc.integer({ min: 0, max: 1_048_575 }), fc.integer({ min: 0, max: 18_277 }), (r1, c1, r2, c2) => {
      const d = Math.sign(a1Position(a1(r1, c1)) - a1Position(a1(r2, c2)));
      expect(d).toBe(Math.sign(r1 - r2 || c1 - c2));
      expect(a1Position(a1(r1, c1))).toBeLessThan(a1Position("合计"));
    }),
  );
  expect(a1Position("")).toBe(NO_POSITION);
  expect(a1Position("A0")).toBe(NO_POSITION);
  expect(a1Position(" $c$12 ")).toBe(11 * 32768 + 2);
});

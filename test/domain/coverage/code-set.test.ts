/**
 * CodeSet (digit-only codes by value in a flat table, others as strings) against the plain reference it replaced:
 * every code normalized (normalizeCode), digit-only codes by their loose key (leading zeros dropped), one string set.
 */
import fc from "fast-check";
import { CodeSet, buildCodeSet, hasTarget, isExclusionFlag, missingRows } from "../../../src/domain/coverage";
import { looseCodeKey, normalizeCode } from "../../../src/domain/coverage/normalize";
import type { CellValue } from "../../../src/domain/grid";

/** The reference: one key per code, a string set. */
function referenceKey(v: CellValue | undefined): string {
  const c = normalizeCode(v);
  return c === "" ? "" : (looseCodeKey(c) ?? c);
}

function referenceSet(cells: readonly (CellValue | undefined)[]): Set<string> {
  const s = new Set<string>();
  for (const v of cells) {
    const k = referenceKey(v);
    if (k !== "") s.add(k);
  }
  return s;
}

function referenceMissing(rows: readonly (readonly (CellValue | undefined)[])[], col: number, targets: readonly CellValue[], flags: readonly CellValue[]): CellValue[][] {
  const set = referenceSet(targets);
  const out: CellValue[][] = [];
  rows.forEach((row, r) => {
    const k = referenceKey(row[col]);
    if (k === "" || set.has(k) || isExclusionFlag(flags[r])) return;
    out.push(row.map((v) => (v === undefined ? null : v)));
  });
  return out;
}

/** Codes as they come in real lists and as Excel mangles them, with the edges of the value table. */
const code: fc.Arbitrary<CellValue | undefined> = fc.oneof(
  fc.constantFrom<CellValue | undefined>(
    "1", "01", "001", "0", "000", "12", "０１２", "１２", "'12", "'0012", "‘12", " 12 ", "1 2", "12\u3000", "\u3000", "  ", "",
    "A1", "a1", "Ａ１", "财政001", "财政００１", "P-001", "p-001", "1.5", "1e3", "-12", "一二",
    "999999999999999", "0999999999999999", "1000000000000000", "01000000000000000", "9007199254740993",
    "12345678901234567890", "000000000000000000000000012",
    null, undefined, true, false, { error: "#N/A" },
    0, -0, 1, 12, 1.5, -12, 999999999999999, 1e15, 1e15 + 2, 9007199254740992, 1e21, 1e22, NaN, Infinity,
  ),
  fc.integer({ min: 0, max: 40 }),
  fc.integer({ min: 0, max: 40 }).map((n) => String(n).padStart(3, "0")),
  fc.bigInt({ min: 0n, max: 10n ** 20n }).map((n) => (n % 2n === 0n ? n.toString() : `00${n.toString()}`)),
  fc.double({ min: 0, max: 1e17, noNaN: true }).map((x) => Math.floor(x)),
  fc.stringMatching(/^[0-9０-９A-Za-z' ]{0,6}$/),
);

describe("CodeSet", () => {
  it("holds a code exactly when the reference set holds its key", () => {
    fc.assert(
      fc.property(fc.array(code, { maxLength: 40 }), fc.array(code, { maxLength: 40 }), (targets, probes) => {
        const set = buildCodeSet(targets.map((v) => [v]));
        const ref = referenceSet(targets);
        expect(set.size).toBe(ref.size);
        for (const v of [...probes, ...targets]) {
          const k = referenceKey(v);
          expect(hasTarget(v, set)).toBe(k !== "" && ref.has(k));
          expect(set.lookup(v)).toBe(k === "" ? undefined : ref.has(k));
          const c = normalizeCode(v);
          expect(set.has(c)).toBe(k !== "" && ref.has(k));
        }
      }),
      { numRuns: 500 },
    );
  });

  it("grows past the size it was made for", () => {
    const set = new CodeSet(0);
    for (let i = 0; i < 5000; i++) set.addCell(i % 3 === 0 ? 1234_0000_0000 + i : String(1234_0000_0000 + i).padStart(14, "0"));
    expect(set.size).toBe(5000);
    for (let i = 0; i < 5000; i++) expect(set.lookup(String(1234_0000_0000 + i))).toBe(true);
    expect(set.lookup(1234_0000_0000 + 5000)).toBe(false);
    expect(set.lookup(1234_0000_0000 - 1)).toBe(false);
  });
});

describe("missingRows against the reference", () => {
  const flag = fc.constantFrom<CellValue>("是", "否", "", null, "涉密", "基本支出", "不纳入", 1, 0, true, "Y");
  it("same rows, same order, same cells (blanks, duplicates, numbers, full-width codes, exclusions)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(code, fc.constantFrom<CellValue | undefined>("道路", null, 10, undefined)), { maxLength: 30 }),
        fc.array(code, { maxLength: 30 }),
        fc.array(flag, { maxLength: 30 }),
        (rows, targets, flags) => {
          const budget = rows.map(([c, x]) => [c, x]);
          const expected = referenceMissing(budget, 0, targets as CellValue[], flags);
          expect(missingRows(budget, 0, targets.map((v) => [v]), flags)).toEqual(expected);
          // Duplicated budget rows are each reported (flags padded so each copy keeps its own); a set built once gives the same.
          const twice = [...budget, ...budget];
          const pad = new Array<CellValue>(Math.max(0, budget.length - flags.length)).fill(null);
          const flagsTwice = [...flags.slice(0, budget.length), ...pad, ...flags];
          expect(missingRows(twice, 0, buildCodeSet(targets), flagsTwice)).toEqual(referenceMissing(twice, 0, targets as CellValue[], flagsTwice));
        },
      ),
      { numRuns: 500 },
    );
  });
});

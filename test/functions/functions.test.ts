import { gradeMatrix, jxGrade } from "../../src/functions/functions";
import { isCellError, mapCells } from "../../src/functions/cells";

describe("JX.GRADE", () => {
  it("grades a single cell, given as [[v]]", () => {
    expect(jxGrade([[92]])).toEqual([["优"]]);
  });

  it("keeps the shape of a range and reads number-like text", () => {
    const out = gradeMatrix([[95, "85.5"], ["７０", 40]]);
    expect(out).toEqual([["优", "良"], ["中", "差"]]);
  });

  it("returns a #VALUE! error with a Chinese reason in cells it cannot grade", () => {
    const out = gradeMatrix([["abc"], [null], [101], [true]]);
    for (const row of out) {
      expect(isCellError(row[0])).toBe(true);
      expect(row[0]).toMatchObject({ code: "#VALUE!" });
      expect((row[0] as { message: string }).message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("uses the runtime's CustomFunctions.Error when present", () => {
    class FakeError {
      constructor(
        readonly code: string,
        readonly message?: string,
      ) {}
    }
    const g = globalThis as { CustomFunctions?: unknown };
    g.CustomFunctions = { Error: FakeError, ErrorCode: { invalidValue: "#VALUE!", invalidNumber: "#NUM!", notAvailable: "#N/A" } };
    try {
      const [[e]] = gradeMatrix([["x"]]);
      expect(e).toBeInstanceOf(FakeError);
    } finally {
      delete g.CustomFunctions;
    }
  });
});

describe("mapCells", () => {
  it("treats a scalar as [[v]] and empty strings as empty", () => {
    expect(mapCells(5, (v) => v)).toEqual([[5]]);
    expect(mapCells([["", 1]], (v) => v)).toEqual([[null, 1]]);
  });
});

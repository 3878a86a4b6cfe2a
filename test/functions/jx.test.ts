/**
 * The JX custom functions called as Excel calls them: every argument a 2-D array ([[v]] for one cell), blanks as
 * null or "", omitted optionals as null, whole columns with a million blank rows; results as Excel shows them.
 */
import {
  jxCheck,
  jxCompletion,
  jxCoverage,
  jxCoverageBy,
  jxExecScore,
  jxGrade,
  jxHasTarget,
  jxMissing,
  jxParse,
  jxReduction,
  jxScore,
} from "../../src/functions/functions";
import { isCellError } from "../../src/functions/cells";
import { lift, toMatrix, usedExtent } from "../../src/functions/args";
import { NONE_MISSING } from "../../src/functions/jx";

type Err = { code: string; message: string };

/** What Excel passes for an omitted optional argument (null), typed as the declarations' `p?: T`. */
const OMITTED = null as unknown as undefined;

function expectError(v: unknown, code: string): void {
  expect(isCellError(v)).toBe(true);
  expect((v as Err).code).toBe(code);
  // A Chinese reason first, never an empty message.
  expect((v as Err).message).toMatch(/^[^a-z]*[\u4e00-\u9fff]/i);
}

const pct = (x: unknown): string => `${((x as number) * 100).toFixed(2)}%`;

/** A whole column: the values, then blank cells up to Excel's last row. */
function wholeColumn(values: unknown[], rows = 1_048_576): unknown[][] {
  const out: unknown[][] = new Array(rows);
  for (let i = 0; i < rows; i++) out[i] = [i < values.length ? values[i] : null];
  return out;
}

describe("JX.SCORE", () => {
  it("reproduces the worked examples of rules.md §4.3", () => {
    expect(jxScore([["≥500"]], [[450]], [[10]])).toEqual([[9]]);
    expect(jxScore([["≥500"]], [[600]], [[10]])).toEqual([[10]]);
    expect(jxScore([["≤90万元"]], [[99]], [[8]])).toEqual([[7.2]]);
    expect(jxScore([["≤90"]], [["180"]], [[8]])).toEqual([[0]]);
    expect(jxScore([["＝100%"]], [["98%"]], [[10]])).toEqual([[9.8]]);
    expect(jxScore([["=0"]], [[1]], [[5]])).toEqual([[0]]);
  });

  it("reads a target as text with words and full-width signs, and a separate sign column", () => {
    expect(jxScore([["95%以上"]], [["96%"]], [[10]])).toEqual([[10]]);
    expect(jxScore([["≧９５％"]], [["９０％"]], [["１０"]])).toEqual([[9.47]]);
    expect(jxScore([[500]], [[450]], [[10]], [["≥"]])).toEqual([[9]]);
    expect(jxScore([[90]], [[99]], [[8]], [["反向"]])).toEqual([[7.2]]);
  });

  it("reads a percent-formatted actual (Excel passes 0.97) against a % target", () => {
    expect(jxScore([["≥95%"]], [[0.97]], [[10]])).toEqual([[10]]);
    expect(jxScore([["≥95%"]], [[0.76]], [[10]])).toEqual([[8]]);
    // and a percent-formatted target against an actual written with %
    expect(jxScore([[0.95]], [["76%"]], [[10]], [["≥"]])).toEqual([[8]]);
  });

  it("works element-wise on ranges, broadcasting a single weight, blank rows staying blank", () => {
    const out = jxScore([["≥500"], ["≤90"], [null], ["=0"]], [[450], [99], [null], [0]], [[10]]);
    expect(out).toEqual([[9], [9], [""], [10]]);
  });

  it("ignores the blank rows of whole columns", () => {
    const out = jxScore(wholeColumn(["≥500", "≥10"]), wholeColumn([450, 5]), [[10]]);
    expect(out).toEqual([[9], [5]]);
  });

  it("gives Excel errors with a reason, never a thrown exception or a silent 0", () => {
    expectError(jxScore([["≥500"]], [[null]], [[10]])[0][0], "#N/A");
    expectError(jxScore([["有效"]], [["有效"]], [[10]])[0][0], "#N/A");
    expectError(jxScore([["≥500"]], [["很多"]], [[10]])[0][0], "#VALUE!");
    expectError(jxScore([["≥500"]], [[450]], [[null]])[0][0], "#VALUE!");
    expectError(jxScore([["≥500"]], [[450]], [["十分"]])[0][0], "#VALUE!");
    expectError(jxScore([["≥90%"]], [["5万元"]], [[10]])[0][0], "#VALUE!");
    expectError(jxScore([[500]], [[450]], [[10]], [["大约"]])[0][0], "#VALUE!");
  });

  it("passes on an error value from an input cell", () => {
    const [[e]] = jxScore([[{ code: "#DIV/0!" }]], [[1]], [[10]]);
    expectError(e, "#DIV/0!");
  });

  it("gives #N/A where ranges of different sizes do not overlap (as Excel does)", () => {
    const out = jxScore([["≥500"], ["≥500"], ["≥500"]], [[450], [500]], [[10]]);
    expect(out[0]).toEqual([9]);
    expect(out[1]).toEqual([10]);
    expectError(out[2][0], "#N/A");
  });
});

describe("JX.COMPLETION", () => {
  it("is X/T for positive and equal, T/X for reverse", () => {
    expect(jxCompletion([["≥500"]], [[450]])).toEqual([[0.9]]);
    expect(jxCompletion([["≤90"]], [[100]])).toEqual([[0.9]]);
    expect(jxCompletion([["≥95%"]], [[0.95]])).toEqual([[1]]);
    expect(jxCompletion([[200]], [[100]], [["正向"]])).toEqual([[0.5]]);
  });
  it("spills over a range and errors on qualitative targets", () => {
    const out = jxCompletion([["≥10"], ["达到预期"]], [[5], ["达到"]]);
    expect(out[0]).toEqual([0.5]);
    expectError(out[1][0], "#N/A");
  });
});

describe("JX.EXECSCORE", () => {
  it("reproduces §4.2: 251.89/251.89 → 10, 170/200 → 8.5; capped at the points", () => {
    expect(jxExecScore([[251.89], [200], [100]], [[251.89], [170], [120]])).toEqual([[10], [8.5], [10]]);
  });
  it("takes other points, text numbers and full-width digits", () => {
    expect(jxExecScore([["２００"]], [["170"]], [[20]])).toEqual([[17]]);
    expect(jxExecScore([["1,000"]], [["900"]], OMITTED)).toEqual([[9]]);
  });
  it("errors: A = 0 → #DIV/0!, blank → #N/A, text → #VALUE!", () => {
    expectError(jxExecScore([[0]], [[5]])[0][0], "#DIV/0!");
    expectError(jxExecScore([[100]], [[null]])[0][0], "#N/A");
    expectError(jxExecScore([["一百"]], [[5]])[0][0], "#VALUE!");
    expectError(jxExecScore([[100]], [[5]], [[0]])[0][0], "#VALUE!");
  });
});

describe("JX.GRADE (kept)", () => {
  it("grades the §4.6 example total 88.5 as 良", () => {
    expect(jxGrade([[88.5]])).toEqual([["良"]]);
  });
});

describe("JX.PARSE", () => {
  it("spills sign, number, unit; qualitative text; dates", () => {
    expect(jxParse([["≥95%"]])).toEqual([["≥", 95, "%"]]);
    expect(jxParse([["≤475元/亩"], ["有效"], ["2023年12月"], ["28.8萬元"], ["100百分比"], [""], [null]])).toEqual([
      ["≤", 475, "元/亩"],
      ["", "有效", ""],
      ["", "2023-12", "日期"],
      ["", 28.8, "万元"],
      ["", 100, "%"],
    ]);
  });
  it("gives three columns per cell of a 2-D range, and a blank row inside stays blank", () => {
    expect(jxParse([["≥1", "＝2个"], [null, null], ["<3", "有效"]])).toEqual([
      ["≥", 1, "", "＝", 2, "个"],
      ["", "", "", "", "", ""],
      ["＜", 3, "", "", "有效", ""],
    ]);
  });
  it("a single blank cell gives three blanks", () => {
    expect(jxParse([[null]])).toEqual([["", "", ""]]);
  });
});

describe("JX.HASTARGET", () => {
  it("matches normalized codes (full-width, leading ', lost leading zeros)", () => {
    const out = jxHasTarget([["001"], ["'ＡＢ１"], [1230002], ["999"]], [["1"], ["ab1"], ["001230002"]]);
    expect(out).toEqual([[true], [true], [true], [false]]);
  });
  it("takes whole columns on both sides", () => {
    const out = jxHasTarget(wholeColumn(["项目编码", "A1", "A2"]), wholeColumn(["项目编码", "A2"]));
    expect(out).toEqual([[true], [false], [true]]);
  });
});

describe("JX.MISSING", () => {
  const budget = [
    ["项目名称", "项目编码", "金额"],
    ["道路", "001", 100],
    ["学校", "002", 50],
    ["绿化", 3, 20],
    ["涉密工程", "004", 10],
    [null, null, null],
  ];
  it("spills the budget rows without a target, all columns, in budget order, skipping the title row", () => {
    expect(jxMissing(budget, [["1"], ["0003"]])).toEqual([
      ["学校", "002", 50],
      ["涉密工程", "004", 10],
    ]);
  });
  it("leaves out excluded rows (a parallel flag column, with its own title)", () => {
    expect(jxMissing(budget, [["1"]], [["是否涉密"], ["否"], [""], [null], ["是"]])).toEqual([
      ["学校", "002", 50],
      ["绿化", 3, 20],
    ]);
  });
  it("uses the first column when there is no title row", () => {
    expect(jxMissing([["001", "道路"], ["002", "学校"]], [["001"]])).toEqual([["002", "学校"]]);
  });
  it("an empty result is a clear marker, not an error", () => {
    const out = jxMissing(budget, [["001"], ["002"], ["3"], ["004"]]);
    expect(out).toEqual([[NONE_MISSING]]);
    expect(isCellError(out[0][0])).toBe(false);
  });
  it("blank cells come back blank and input errors pass on", () => {
    const out = jxMissing([["001", null, { error: "#N/A" }]], [["x"]]);
    expect(out[0][0]).toBe("001");
    expect(out[0][1]).toBe("");
    expectError(out[0][2], "#N/A");
  });
});

describe("JX.COVERAGE — seed figures of rules.md §6.4", () => {
  // D1: 557 projects, 59002万元; monitoring covers 384 projects, 42905万元.
  const codes: unknown[][] = [["项目编码"]];
  const amounts: unknown[][] = [["金额（万元）"]];
  const covered: unknown[][] = [];
  for (let i = 0; i < 557; i++) {
    const code = `P${String(i).padStart(4, "0")}`;
    codes.push([code]);
    if (i < 384) {
      covered.push([code]);
      amounts.push([i < 383 ? 100 : 42905 - 38300]);
    } else amounts.push([i < 556 ? 90 : 59002 - 42905 - 172 * 90]);
  }
  it("by amount: 42905 / 59002 = 72.72%", () => {
    expect(pct(jxCoverage(codes, covered, amounts))).toBe("72.72%");
  });
  it("by count: 384 / 557 = 68.94%", () => {
    expect(pct(jxCoverage(codes, covered, OMITTED))).toBe("68.94%");
  });
  it("D2 部门整体: 18 / 22 = 81.82%, amounts as text with full-width digits too", () => {
    const depts = Array.from({ length: 22 }, (_, i) => [`D${i}`]);
    expect(pct(jxCoverage(depts, depts.slice(0, 18)))).toBe("81.82%");
    expect(pct(jxCoverage([["a"], ["b"]], [["a"]], [["１０"], ["30"]]))).toBe("25.00%");
  });
  it("takes whole columns", () => {
    expect(jxCoverage(wholeColumn(["项目编码", "a", "b"]), wholeColumn(["a"]))).toBe(0.5);
  });
  it("nothing to count → #DIV/0! with a reason", () => {
    expectError(jxCoverage([[null], [null]], [["a"]]), "#DIV/0!");
    expectError(jxCoverage([["a"]], [["a"]], [[0]]), "#DIV/0!");
  });
});

describe("JX.COVERAGEBY", () => {
  it("spills a table with a header row, groups in first-seen order", () => {
    const out = jxCoverageBy(
      [["主管部门"], ["教育局"], ["卫健委"], ["教育局"], [null]],
      [["项目编码"], ["a"], ["b"], ["c"], ["d"]],
      [["a"], ["b"]],
      [["金额"], [100], [50], [300], [10]],
    );
    expect(out).toEqual([
      ["分组", "项目数", "已覆盖", "覆盖率", "金额", "已覆盖金额", "金额覆盖率"],
      ["教育局", 2, 1, 0.5, 400, 100, 0.25],
      ["卫健委", 1, 1, 1, 50, 50, 1],
      ["未分类", 1, 0, 0, 10, 0, 0],
    ]);
  });
  it("has 4 columns without amounts, and #DIV/0! for a group without amount", () => {
    const out = jxCoverageBy([["x"], ["y"]], [["a"], ["b"]], [["a"]], OMITTED);
    expect(out).toEqual([
      ["分组", "项目数", "已覆盖", "覆盖率"],
      ["x", 1, 1, 1],
      ["y", 1, 0, 0],
    ]);
    const withZero = jxCoverageBy([["x"]], [["a"]], [["a"]], [[0]]);
    expectError(withZero[1][6], "#DIV/0!");
  });
});

describe("JX.REDUCTION", () => {
  it("reproduces §6.4: 117186/347740 = 33.70%, (7038.7 − 3607.7)/7038.7 = 48.74%", () => {
    const out = jxReduction([[347740], ["7038.7"]], [[230554], [3607.7]]);
    expect(out.map((r) => pct(r[0]))).toEqual(["33.70%", "48.74%"]);
  });
  it("errors: 申报 0 → #DIV/0!, blank → #N/A", () => {
    expectError(jxReduction([[0]], [[0]])[0][0], "#DIV/0!");
    expectError(jxReduction([[null]], [[5]])[0][0], "#N/A");
    expect(jxReduction([[null]], [[null]])).toEqual([[""]]);
  });
});

describe("JX.CHECK", () => {
  it('is "" for a clean row and lists codes with messages otherwise', () => {
    expect(jxCheck([["产出指标"]], [["数量指标"]], [["培训人次"]], [["≥500"]], [["人次"]], [[10]])).toEqual([[""]]);
    const [[text]] = jxCheck([["产出指标"]], [["数量指标"]], [["培训人次"]], [["≥500"]], [[null]], [[10]]);
    expect(text).toMatch(/^indicator\.missing-unit [\u4e00-\u9fff]/);
  });
  it("works row by row over ranges", () => {
    const out = jxCheck(
      [["产出指标"], [null], ["效益指标"], [null]],
      [["数量指标"], [null], ["社会效益指标"], [null]],
      [["培训人次"], [null], ["群众满意"], [null]],
      [["≥500"], [null], ["有所提高"], [null]],
      [["人次"], [null], [null], [null]],
      [[10], [null], [10], [null]],
    );
    // The blank row inside stays blank; the trailing blank row is trimmed.
    expect(out).toHaveLength(3);
    expect(out[0]).toEqual([""]);
    expect(out[1]).toEqual([""]);
    expect(String(out[2][0])).toContain("indicator.vague");
  });
});

describe("Excel errors through the runtime's CustomFunctions", () => {
  class FakeError {
    constructor(
      readonly code: string,
      readonly message?: string,
    ) {}
  }
  const g = globalThis as { CustomFunctions?: unknown };
  beforeAll(() => {
    g.CustomFunctions = {
      Error: FakeError,
      ErrorCode: { invalidValue: "#VALUE!", invalidNumber: "#NUM!", notAvailable: "#N/A", divisionByZero: "#DIV/0!" },
    };
  });
  afterAll(() => {
    delete g.CustomFunctions;
  });
  it("returns CustomFunctions.Error instances with the code and a Chinese message", () => {
    const cases: [unknown, string][] = [
      [jxScore([["≥1"]], [[null]], [[1]])[0][0], "#N/A"],
      [jxExecScore([[0]], [[1]])[0][0], "#DIV/0!"],
      [jxCoverage([[null]], [["a"]]), "#DIV/0!"],
      [jxParse([[{ error: "#VALUE!" }]])[0][0], "#VALUE!"],
    ];
    for (const [e, code] of cases) {
      expect(e).toBeInstanceOf(FakeError);
      expect((e as FakeError).code).toBe(code);
      expect((e as FakeError).message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe("argument plumbing", () => {
  it("treats scalars and 1-D arrays as matrices and trims trailing blanks", () => {
    expect(toMatrix(5)).toEqual([[5]]);
    expect(toMatrix([1, ""])).toEqual([[1, null]]);
    expect(usedExtent([[1, null], [null, 2], [null, null]])).toEqual({ rows: 2, cols: 2 });
    expect(usedExtent([[null]])).toEqual({ rows: 0, cols: 0 });
  });
  it("lifts over a row and a column (Excel broadcasting)", () => {
    const out = lift([[[1, 2, 3]], [[10], [20]]], { primary: [] }, ([a, b]) => (a as number) + (b as number));
    expect(out).toEqual([
      [11, 12, 13],
      [21, 22, 23],
    ]);
  });
  it("never throws, whatever the input", () => {
    const junk: unknown[] = [undefined, null, [], [[]], {}, [[{}]], [[Symbol.iterator.toString()]], [[NaN]], [[Infinity]], [[true]]];
    for (const a of junk) {
      expect(() => jxScore(a as never, a as never, a as never)).not.toThrow();
      expect(() => jxMissing(a as never, a as never)).not.toThrow();
      expect(() => jxCoverageBy(a as never, a as never, a as never, a as never)).not.toThrow();
      expect(() => jxParse(a as never)).not.toThrow();
      expect(() => jxCheck(a as never, a as never, a as never, a as never, a as never, a as never)).not.toThrow();
    }
  });
});

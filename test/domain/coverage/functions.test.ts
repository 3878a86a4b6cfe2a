/** Array-level functions behind JX.HASTARGET, JX.MISSING, JX.COVERAGE, JX.COVERAGEBY, JX.REDUCTION. */
import { buildCodeSet, coverageBy, coverageRate, hasTarget, missingRows, reductionRate } from "../../../src/domain/coverage";

describe("hasTarget / buildCodeSet", () => {
  const set = buildCodeSet([["1230001"], ["'001230002"], [null], ["ＡＢ１"], [""], [{ error: "#N/A" }]]);
  it("normalizes codes on both sides", () => {
    // 1230001, 1230002 (its leading zeros and the ' dropped) and AB1: three codes in all.
    expect(set.size).toBe(3);
    expect(hasTarget("001230001", set)).toBe(true);
    expect(hasTarget(1230002, set)).toBe(true);
    expect(hasTarget("ab1", set)).toBe(true);
    expect(hasTarget("1230003", set)).toBe(false);
    expect(hasTarget(null, set)).toBe(false);
    expect(hasTarget("", set)).toBe(false);
  });
  it("takes a range directly", () => {
    expect(hasTarget(" 1230001 ", ["x", 1230001])).toBe(true);
  });
});

describe("missingRows", () => {
  const rows = [
    ["001", "道路", 100],
    ["002", "学校", 50],
    [3, "绿化", 20],
    [null, "合计", 170],
    ["004", "涉密", 10],
    [null, null, null],
    [null, null, null],
  ];
  it("returns the rows without a target, in budget order", () => {
    expect(missingRows(rows, 0, ["1", "0003"])).toEqual([
      ["002", "学校", 50],
      ["004", "涉密", 10],
    ]);
  });
  it("leaves out rows flagged as excluded", () => {
    expect(missingRows(rows, 0, [["1"]], [["否"], [""], [null], [null], ["是"]])).toEqual([
      ["002", "学校", 50],
      [3, "绿化", 20],
    ]);
    expect(missingRows(rows, 0, [], ["基本支出", "否", "否", null, "否"])).toEqual([
      ["002", "学校", 50],
      [3, "绿化", 20],
      ["004", "涉密", 10],
    ]);
  });
  it("empty when every line has a target", () => {
    expect(missingRows(rows, 0, ["1", "2", "3", "4"])).toEqual([]);
  });
});

describe("coverageRate", () => {
  it("by count and by amount", () => {
    expect(coverageRate(["1", "2", "3", "4"], ["1", "2", "3"])).toBe(0.75);
    expect(coverageRate([["1"], ["2"], [null]], ["2"], [["１,０００"], [3000], [99]])).toBe(0.75);
  });
  it("ignores blank codes and trailing empties; NaN when nothing to count", () => {
    expect(coverageRate(["1", null, "", "2", null], ["1"])).toBe(0.5);
    expect(coverageRate([null, ""], ["1"])).toBeNaN();
    expect(coverageRate(["1"], ["1"], [0])).toBeNaN();
  });
});

describe("coverageBy", () => {
  it("groups in first-seen order, blank group → 未分类", () => {
    const groups = ["教育局", "交通局", "教育局", null, "交通局"];
    const codes = ["1", "2", "3", "4", "5"];
    expect(coverageBy(groups, codes, ["1", "2", "4"])).toEqual([
      ["教育局", 2, 1, 0.5],
      ["交通局", 2, 1, 0.5],
      ["未分类", 1, 1, 1],
    ]);
    expect(coverageBy(groups, codes, ["1", "2", "4"], [10, 20, 30, 40, "５０"])).toEqual([
      ["教育局", 2, 1, 0.5, 40, 10, 0.25],
      ["交通局", 2, 1, 0.5, 70, 20, 20 / 70],
      ["未分类", 1, 1, 1, 40, 40, 1],
    ]);
  });
});

describe("reductionRate (审减率)", () => {
  it("(申报 − 核定) / 申报", () => {
    expect(reductionRate(100, 80)).toBeCloseTo(0.2, 12);
    expect(reductionRate(0, 0)).toBeNaN();
  });
});

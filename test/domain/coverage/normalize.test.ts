import {
  codesMatch,
  isBasicExpense,
  isYesFlag,
  looseCodeKey,
  normalizeBudgetType,
  normalizeCode,
  normalizeName,
} from "../../../src/domain/coverage";

describe("normalizeCode", () => {
  it.each([
    ["  1230001 ", "1230001"],
    ["１２３０００１", "1230001"],
    ["'001230001", "001230001"],
    ["＇001230001", "001230001"],
    ["ab-12 3", "AB-123"],
    ["", ""],
  ])("%j → %j", (input, out) => {
    expect(normalizeCode(input)).toBe(out);
  });
  it("reads numbers with all their digits", () => {
    expect(normalizeCode(1230001)).toBe("1230001");
    expect(normalizeCode(123456789012345)).toBe("123456789012345");
    expect(normalizeCode(null)).toBe("");
    expect(normalizeCode({ error: "#N/A" })).toBe("");
    expect(normalizeCode(true)).toBe("");
  });
});

describe("leading zeros", () => {
  it("loose key of digit-only codes", () => {
    expect(looseCodeKey("001230001")).toBe("1230001");
    expect(looseCodeKey("000")).toBe("0");
    expect(looseCodeKey("A001")).toBeUndefined();
  });
  it("codes match when they differ only by leading zeros", () => {
    expect(codesMatch(1230001, "001230001")).toBe(true);
    expect(codesMatch("'001230001", "１２３０００１")).toBe(true);
    expect(codesMatch(1230001, "012300010")).toBe(false);
    expect(codesMatch("", "")).toBe(false);
  });
});

describe("normalizeName", () => {
  it("unifies brackets, spaces and a trailing 项目", () => {
    expect(normalizeName("污水处理厂（一期）项目")).toBe(normalizeName("污水处理厂(一期)"));
    expect(normalizeName("污水处理厂项目（一期）")).toBe(normalizeName("污水处理厂(一期)"));
    expect(normalizeName(" 道路 改造【2023】")).toBe(normalizeName("道路改造(2023)项目"));
    expect(normalizeName("项目")).toBe("项目");
  });
  it("keeps 一期 and 二期 distinct", () => {
    expect(normalizeName("污水处理厂（一期）")).not.toBe(normalizeName("污水处理厂（二期）"));
    expect(normalizeName("一期工程")).not.toBe(normalizeName("二期工程"));
  });
});

describe("预算类型 (四本预算)", () => {
  it.each([
    ["一般公共预算", "一般公共预算"],
    ["公共预算", "一般公共预算"],
    ["一般预算", "一般公共预算"],
    ["政府性基金", "政府性基金预算"],
    ["基金预算", "政府性基金预算"],
    ["国有资本经营预算", "国有资本经营预算"],
    ["社会保险基金预算", "社会保险基金预算"],
    ["专项债券", "政府性基金预算"],
    ["其他", "其他"],
    ["", "未分类"],
  ])("%j → %j", (t, out) => {
    expect(normalizeBudgetType(t, true)).toBe(out);
  });
  it("专项债券 stays as typed when the setting is off", () => {
    expect(normalizeBudgetType("专项债券", false)).toBe("专项债券");
  });
});

describe("flags", () => {
  it("是否涉密", () => {
    for (const y of ["是", "Y", "yes", "1", "涉密", " 是 ", true, 1]) expect(isYesFlag(y)).toBe(true);
    for (const n of ["否", "N", "", "0", "不涉密", "非涉密", false, 0, null]) expect(isYesFlag(n)).toBe(false);
  });
  it("基本支出", () => {
    expect(isBasicExpense("基本支出")).toBe(true);
    expect(isBasicExpense("人员经费")).toBe(true);
    expect(isBasicExpense("项目支出")).toBe(false);
    expect(isBasicExpense(undefined)).toBe(false);
  });
});

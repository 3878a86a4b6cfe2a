/**
 * A form with no 分值 column (real 74): a score that is a round weight times a completion ratio above 1 was not capped
 * at its weight (score.exceeds-weight, aboveImplied); a name that gives its unit as (%) over a figure above 100
 * (indicator.unit-mismatch, percentNameAmount). Forms of our own, both ways.
 */
import { checkWorkbook } from "../../../src/domain/engine";
import type { CellValue } from "../../../src/domain/grid";

type Row = CellValue[];
const form = (rows: Row[]): Row[] => [
  ["项目名称", "新型经营主体扶持", null, null, null, null],
  ["一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
  ...rows,
  ["满意度指标", "服务对象满意度指标", "满意度", "≥90%", "90%", 10],
];
const found = (rows: Row[], code: string) =>
  checkWorkbook([{ sheet: "自评表", top: 0, left: 0, values: form(rows) }])
    .issues.filter((i) => i.code === code)
    .map((i) => [i.cell, i.expected]);

describe("a score above the weight it was computed from, on a form with no 分值 column", () => {
  test("31.9 = 20 × 12767.36/8000 and 11.1 = 10 × 100/90: each above its weight", () => {
    const rows: Row[] = [
      ["产出指标", "数量指标", "扶持经营主体(个)", 15, 15, 20],
      ["效益指标", "经济效益指标", "实现产值(万元)", 8000, 12767.36, 31.9],
      ["效益指标", "社会效益指标", "群众满意度(%)", 90, 100, 11.1],
    ];
    expect(found(rows, "score.exceeds-weight")).toEqual([
      ["F4", "≤ 20"],
      ["F5", "≤ 10"],
    ]);
  });

  test.each<[string, Row]>([
    ["a score at its weight", ["效益指标", "经济效益指标", "实现产值(万元)", 8000, 12767.36, 20]],
    ["a completion below the target", ["效益指标", "经济效益指标", "实现产值(万元)", 8000, 6000, 15]],
    ["a score near no multiple of 5 times the ratio", ["效益指标", "经济效益指标", "实现产值(万元)", 8000, 12767.36, 27.3]],
    ["a ceiling target", ["产出指标", "成本指标", "成本(万元)", "≤8000", 12767.36, 31.9]],
  ])("%s says nothing", (_why, row) => {
    expect(found([row], "score.exceeds-weight")).toEqual([]);
  });

  test("a form with a 分值 column compares with the printed weight instead", () => {
    const values: Row[] = [
      ["项目名称", "新型经营主体扶持", null, null, null, null, null],
      ["一级指标", "二级指标", "三级指标", "分值", "年初目标值", "实际完成值", "得分"],
      ["效益指标", "经济效益指标", "实现产值(万元)", 30, 8000, 12767.36, 31.9],
    ];
    const codes = checkWorkbook([{ sheet: "自评表", top: 0, left: 0, values }]).issues.filter((i) => i.code === "score.exceeds-weight");
    expect(codes.map((i) => i.expected)).toEqual(["≤ 30"]);
  });
});

describe("a name that gives its unit as (%) over a figure above 100", () => {
  test.each<[string, CellValue, boolean]>([
    ["新型经营主体实现产值(%)", 8000, true], // real 74
    ["群众满意度（％）", 90, false],
    ["实现产值(万元)", 8000, false],
    ["带动就业率(%)", 100, false],
  ])("%s | %s → %s", (name, target, flagged) => {
    const rows: Row[] = [["效益指标", "经济效益指标", name, target, target, 10]];
    expect(found(rows, "indicator.unit-mismatch").some(([cell]) => cell === "C3")).toBe(flagged);
  });
});

/**
 * Template slots a project does not use, marked with 0 points (生态效益指标 | | | 0, real 34; 社会成本指标 | 0 | 0.00% |
 * 0, real 91): not indicators with their fields missing or their weight at 0. The 经济成本 slot is never unused: a
 * project that spends money has a cost. Forms of our own, both ways.
 */
import { checkWorkbook } from "../../../src/domain/engine";
import type { CellValue } from "../../../src/domain/grid";

type Row = CellValue[];
const form = (slot: Row): Row[] => [
  ["项目名称", "安全生产宣传", null, null, null],
  ["一级指标", "二级指标", "三级指标", "指标值", "分值"],
  ["产出指标", "数量指标", "宣传资料份数", "≥500份", 40],
  [null, "质量指标", "资料合格率", "≥95%", 20],
  slot,
  ["效益指标", "社会效益指标", "群众安全意识知晓率", "≥90%", 20],
  ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", 10],
];
const codes = (slot: Row) =>
  checkWorkbook([{ sheet: "目标表", top: 0, left: 0, values: form(slot) }])
    .issues.filter((i) => i.cell.endsWith("5"))
    .map((i) => `${i.code}@${i.cell}`);

describe("a template slot marked unused with 0 points", () => {
  test.each<[string, Row]>([
    ["blank name and value, 0 points (real 34)", ["成本指标", "社会成本指标", null, null, 0]],
    ["0 for its name, 0.00% for its value (real 91)", ["成本指标", "生态环境成本指标", 0, "0.00%", 0]],
    ["a template leftover for its name", ["成本指标", "社会成本指标", "指标1:", null, 0]],
  ])("%s says nothing", (_why, slot) => {
    expect(codes(slot)).toEqual([]);
  });

  test.each<[string, Row, string]>([
    ["the 经济成本 slot left at 0: no cost target set", ["成本指标", "经济成本指标", 0, "0.00%", 0], "indicator.zero-weight@E5"],
    ["a named indicator at 0 points", ["成本指标", "社会成本指标", "噪声投诉", "≤2起", 0], "indicator.zero-weight@E5"],
    ["a value at 0 points with no name", ["成本指标", "社会成本指标", null, "≤2起", 0], "indicator.missing-field@C5"],
  ])("%s is still said", (_why, slot, code) => {
    expect(codes(slot)).toContain(code);
  });
});

/**
 * An indicator table laid out across (transposed.ts; the 广东 专项资金 绩效目标表, real 95): a row of names over a
 * row of targets. Tables of our own, both ways.
 */
import { checkWorkbook } from "../../../src/domain/engine";
import type { CellValue } from "../../../src/domain/grid";
import { recognizeSheet } from "../../../src/domain/tables/recognize";

type Row = CellValue[];
const grid = (values: Row[]) => ({ sheet: "绩效目标表", top: 0, left: 0, values });
const ACROSS: Row[] = [
  ["绩效目标表", null, null, null],
  ["资金名称", "教育发展专项资金", "实施周期", "2021年-2023年"],
  ["一级指标", "产出指标", null, "效益指标"],
  ["二级指标", "数量指标", "质量指标", "社会效益指标"],
  ["三级指标", "新建校舍面积", "工程质量达标率(%)", "新增学位数"],
  ["年度目标值", "≥12000平方米", "100%", "≥3000个"],
  ["实施周期目标值", "≥36000平方米", "100%", "≥9000个"],
];

describe("a table laid out across", () => {
  test("each column is an indicator: its name, the year's target, and the levels above", () => {
    const t = recognizeSheet(grid(ACROSS)).tables[0];
    if (!t || t.kind === "budget-list") throw new Error("no indicator table");
    expect(t.projects[0].indicators.map((r) => [r.category, r.level2?.text, r.name?.text, r.target?.address, r.target?.text])).toEqual([
      ["产出指标", "数量指标", "新建校舍面积", "B6", "≥12000平方米"],
      ["产出指标", "质量指标", "工程质量达标率(%)", "C6", "100%"],
      ["效益指标", "社会效益指标", "新增学位数", "D6", "≥3000个"],
    ]);
  });

  test("its targets are checked where they stand (a count with no unit, real 95)", () => {
    const values = ACROSS.map((r) => [...r]);
    values[5][1] = "7";
    values[4][1] = "新建高校(校区)";
    const found = checkWorkbook([grid(values)]).issues.filter((i) => i.code === "indicator.missing-unit");
    expect(found.map((i) => i.cell)).toEqual(["B6"]);
  });

  test("rows of units and weights under the targets are read as the columns' units and weights", () => {
    const values: Row[] = [
      ["一级指标", "产出指标", "产出指标", "满意度指标"],
      ["二级指标", "数量指标", "质量指标", "服务对象满意度指标"],
      ["三级指标", "培训人次", "培训合格率", "参训人员满意度"],
      ["指标值", "≥500", "≥95%", "≥90%"],
      ["计量单位", "人次", "%", "%"],
      ["分值", 40, 30, 30],
    ];
    const t = recognizeSheet(grid(values)).tables[0];
    if (!t || t.kind === "budget-list") throw new Error("no indicator table");
    expect(t.projects[0].indicators.map((r) => [r.unit?.text, r.weightNumber])).toEqual([
      ["人次", 40],
      ["%", 30],
      ["%", 30],
    ]);
    // The unit row gives ≥500 its unit.
    expect(checkWorkbook([grid(values)]).issues.filter((i) => i.code === "indicator.missing-unit")).toEqual([]);
  });

  test("a names row over a row that is no target row is not read so", () => {
    const values: Row[] = [
      ["三级指标", "新建校舍面积", "工程质量达标率"],
      ["备注", "见附件", "见附件"],
    ];
    expect(recognizeSheet(grid(values)).tables).toEqual([]);
  });
});

/**
 * indicator.explanation-copies-name (checks/explanations.ts): a 指标解释 / 绩效指标描述 column that only repeats the
 * 三级 names. Forms of our own, both ways: one finding per project when most described rows copy, none for a few.
 */
import { checkWorkbook } from "../../../src/domain/engine";
import type { Grid } from "../../../src/domain/grid";

function form(rows: [string, string][]): Grid {
  return {
    sheet: "目标表",
    top: 0,
    left: 0,
    values: [
      ["项目名称", "审判大楼维修", null, null, null],
      ["主管部门", "区法院", "实施单位", "区法院", null],
      ["年度总体目标", "维修审判大楼玻璃幕墙400平方米，消除安全隐患", null, null, null],
      ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值"],
      ["产出指标", "数量指标", rows[0][0], rows[0][1], "≥400平方米"],
      [null, "质量指标", rows[1][0], rows[1][1], "≥98%"],
      [null, "时效指标", rows[2][0], rows[2][1], "100%"],
      ["效益指标", "社会效益指标", rows[3][0], rows[3][1], "≥95%"],
      ["满意度指标", "服务对象满意度指标", rows[4][0], rows[4][1], "≥90%"],
    ],
  };
}
const found = (g: Grid): string[] =>
  checkWorkbook([g])
    .issues.filter((i) => i.code === "indicator.explanation-copies-name")
    .map((i) => `${i.cell} ${i.message}`);

test("every description repeats its name: one finding at the first row", () => {
  const g = form([
    ["维修面积", "维修面积"],
    ["验收合格率", "验收合格率"],
    ["资金支付及时率", "资金支付 及时率。"],
    ["隐患消除率", "隐患消除率"],
    ["干警满意度", "干警满意度"],
  ]);
  expect(found(g)).toEqual(["D5 5 项指标的指标解释（指标描述）只是重复三级指标名称（如“维修面积”），未说明指标的含义、口径或计算方法"]);
});

test("descriptions that say something, or two copies among five, pass", () => {
  const g = form([
    ["维修面积", "维修面积"],
    ["验收合格率", "验收合格的面积占维修面积的比例"],
    ["资金支付及时率", "资金支付及时率"],
    ["隐患消除率", "已消除隐患数/排查隐患数"],
    ["干警满意度", "抽样调查满意的干警占比"],
  ]);
  expect(found(g)).toEqual([]);
});

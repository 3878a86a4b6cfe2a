/**
 * A direction (正向/反向) and an operator (大于等于/≤) in cells of their own that say opposite things
 * (checks/sheet-directions.ts). A form of our own, both ways.
 */
import { checkWorkbook } from "../../../src/domain/engine";
import type { Grid } from "../../../src/domain/grid";

function form(rows: (string | number)[][]): Grid {
  return {
    sheet: "自评表",
    top: 0,
    left: 0,
    values: [
      ["项目名称", "自然资源业务支出", null, null, null, null, null, null, null, null],
      ["主管部门", "自然资源局", "实施单位", "口岸分局", null, null, null, null, null, null],
      ["绩效指标", "一级指标", "二级指标", "三级指标", "指标性质", "指标方向", "年度指标值", "实际完成值", "计量单位", "分值"],
      ...rows.map((r) => [null, ...r]),
    ],
  };
}
const found = (g: Grid): string[] =>
  checkWorkbook([g])
    .issues.filter((i) => i.code === "indicator.direction-conflict")
    .map((i) => `${i.cell} ${i.message}`);

const OK: (string | number)[][] = [
  ["产出指标", "质量指标", "宣传合格率", "正向", "等于", 100, 100, "%", 20],
  ["效益指标", "社会效益指标", "群众知晓率", "正向", "≥", 90, 92, "%", 30],
  ["满意度指标", "服务对象满意度指标", "群众满意度", "正向", "大于等于", 90, 95, "%", 10],
];

test("正向 with 小于等于: flagged at the operator", () => {
  const g = form([["产出指标", "数量指标", "宣传美工制作个数", "正向", "小于等于", 1, 1, "个", 30], ...OK]);
  expect(found(g)).toEqual(["F4 指标方向为“正向”，比较符号却是“小于等于”，两者矛盾；正向指标应设下限（≥），反向指标应设上限（≤）"]);
});

test("反向指标 with ＞, full-width: flagged", () => {
  const g = form([["产出指标", "成本指标", "办公设备购置成本", "反向指标", "＞", 90, 80, "万元", 30], ...OK]);
  expect(found(g).map((s) => s.split(" ")[0])).toEqual(["F4"]);
});

test("directions that agree, an equal sign, or two operator cells in a row: nothing", () => {
  expect(found(form([["产出指标", "成本指标", "办公设备购置成本", "反向", "≤", 90, 80, "万元", 30], ...OK]))).toEqual([]);
  expect(found(form([["产出指标", "数量指标", "出差人数", "正向", "=", 8, 8, "人", 30], ...OK]))).toEqual([]);
  expect(found(form([["产出指标", "数量指标", "≤", "正向", "≥", 8, 8, "人", 30], ...OK]))).toEqual([]);
});

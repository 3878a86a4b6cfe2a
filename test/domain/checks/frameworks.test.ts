/**
 * Older and provincial frameworks are official: the 2015 central template (满意度 as a 二级 of 效益, 财预〔2015〕88号)
 * and provincial category names (项目完成指标, 项目效益指标) are neither unknown categories nor missing ones.
 */
import { checkWorkbook } from "../../../src/domain/engine";
import type { Grid } from "../../../src/domain/grid";

const target = (rows: string[][]): Grid => ({
  sheet: "目标表",
  top: 0,
  left: 0,
  values: [["项目名称", "农村饮水安全", "", "", ""], ["一级指标", "二级指标", "三级指标", "指标值", "计量单位"], ...rows],
});
const codes = (g: Grid) => checkWorkbook([g]).issues.map((i) => i.code);

test("the 2015 central template: 社会公众或服务对象满意度指标 under 效益指标 counts as the 满意度 indicator", () => {
  const g = target([
    ["产出指标", "数量指标", "新建供水点", "≥12", "个"],
    ["效益指标", "社会效益指标", "受益人口", "≥3000", "人"],
    ["", "社会公众或服务对象满意度指标", "群众满意度", "≥90", "%"],
  ]);
  const c = codes(g);
  expect(c).not.toContain("indicator.unknown-category");
  expect(c).not.toContain("project.missing-category");
});

test("provincial names 项目完成指标 / 项目效益指标 are 产出 / 效益", () => {
  const g = target([
    ["项目完成指标", "数量指标", "新建供水点", "≥12", "个"],
    ["项目效益指标", "社会效益指标", "受益人口", "≥3000", "人"],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90", "%"],
  ]);
  const c = codes(g);
  expect(c).not.toContain("indicator.unknown-category");
  expect(c).not.toContain("project.missing-category");
});

test("a 满意度 二级 under 产出 is still misfiled (only the 2015 template's placement is legitimate)", () => {
  const g = target([
    ["产出指标", "数量指标", "新建供水点", "≥12", "个"],
    ["", "服务对象满意度指标", "群众满意度", "≥90", "%"],
    ["效益指标", "社会效益指标", "受益人口", "≥3000", "人"],
  ]);
  expect(codes(g)).toContain("indicator.unknown-category");
});

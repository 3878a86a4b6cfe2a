/**
 * Families the unseen tables 116–127 showed (issue #21's corpus growth): each with forms of our own, both ways.
 *  - project.weight-sum (blockLabels): the indicator block's title against the points its 一级 labels print;
 *  - indicator.vague: a target written as a question, or naming an assessment with no level; a yes/no for a cost;
 *  - categories: 环境效益 is 生态效益; a 满意度 二级 named by the people served is 服务对象满意度指标.
 */
import { checkSingleRow } from "../../../src/domain/checks/single-row";
import { checkWorkbook } from "../../../src/domain/engine";
import type { CellValue } from "../../../src/domain/grid";
import { resolveProfile } from "../../../src/domain/profiles";

type Row = CellValue[];
const national = resolveProfile("national");
const rowCodes = (l1: string, l2: string, name: string, target: string, code: string) =>
  checkSingleRow({ level1: l1, level2: l2, name, target, unit: "", weight: 10 }, national).filter((i) => i.code === code);

describe("the indicator block's title against its 一级 labels", () => {
  const form = (block: string, l1a: string, l1b: string): Row[] => [
    ["项目名称", "服务贸易发展", null, null, null, null, null],
    [block, "一级指标", "二级指标", "三级指标", "年初目标值", "实际完成值", "得分"],
    [null, l1a, "数量指标", "支持企业数量", "≥3家", "3家", 60],
    [null, l1b, "社会效益指标", "带动就业人数", "≥100人", "120人", 20],
    [null, "满意度指标(0分)", "服务对象满意度指标", "企业满意度", "≥90%", "95%", 0],
  ];
  const found = (values: Row[]) =>
    checkWorkbook([{ sheet: "自评表", top: 0, left: 0, values }])
      .issues.filter((i) => i.code === "project.weight-sum" && i.message.startsWith("绩效指标部分标注"))
      .map((i) => [i.cell, i.expected]);

  test("年度绩效目标 (80 分) over 产出 (60 分) and 效益 (40 分): 100, not 80 (real 118)", () => {
    expect(found(form("年度绩效目标 (80 分)", "产出指标 (60 分)", "效益指标 (40 分)"))).toEqual([["A2", "100"]]);
  });
  test("labels that add up to the title say nothing", () => {
    expect(found(form("年度绩效目标 (80 分)", "产出指标 (60 分)", "效益指标 (20 分)"))).toEqual([]);
  });
});

describe("targets that set no level", () => {
  test.each([
    ["是否利于企业走出去", true], // real 118
    ["企业把握正确政治导向和文化方向情况的评价", true], // real 118
    ["群众满意？", true],
    ["第三方评价为良好", false],
    ["是", false], // a yes is a value for a yes/no indicator
    ["≥90%", false],
  ])("“%s” → vague %s", (target, flagged) => {
    expect(rowCodes("效益指标", "可持续影响指标", "企业出口额占比", target, "indicator.vague").length > 0).toBe(flagged);
  });

  test.each([
    ["产出指标", "成本指标", "是", true], // real 117: 种薯采购价格不高于市场价 | 是
    ["成本指标", "经济成本指标", "否", true],
    ["产出指标", "质量指标", "是", false], // a yes/no for a quality standard met
    ["产出指标", "成本指标", "≤3元/粒", false],
  ])("%s / %s: “%s” → a cost with no amount %s", (l1, l2, target, flagged) => {
    const found = rowCodes(l1, l2, "种薯采购价格不高于市场价", target, "indicator.vague");
    expect(found.some((i) => i.message.includes("没有金额或单价"))).toBe(flagged);
  });
});

describe("local names of the framework's categories", () => {
  test.each([
    ["效益指标", "环境效益"],
    ["效益指标", "生态环境效益"],
    ["效益指标", "可持续性"], // real 70
    ["效益指标", "可持续"],
    ["满意度指标", "读者"],
    ["满意度指标", "受益群众"],
  ])("%s / %s is in the framework", (l1, l2) => {
    const name = l1 === "满意度指标" ? "读者满意度" : "数字资源访问量";
    expect(rowCodes(l1, l2, name, "≥90%", "indicator.unknown-category")).toEqual([]);
  });
  test("a satisfaction survey under 效果 in the 产出/效果 scheme is in place (real 122); under 效益 it is misfiled", () => {
    expect(rowCodes("效果指标", "", "救助对象满意度", "≥85%", "indicator.unknown-category")).toEqual([]);
    expect(rowCodes("(二)效果指標", "", "救助对象满意度", "≥85%", "indicator.unknown-category")).toEqual([]);
    expect(rowCodes("效益指标", "社会效益指标", "救助对象满意度", "≥85%", "indicator.unknown-category")).toHaveLength(1);
  });
  test("a name that is no category is still unknown", () => {
    expect(rowCodes("效益指标", "图书馆", "数字资源访问量", "≥10000次", "indicator.unknown-category")).toHaveLength(1);
  });
});

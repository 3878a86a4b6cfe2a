/**
 * form.copied-field (checks/copied-fields.ts): a field of a form's head that repeats another word for word (real
 * 120: 项目设立必要性 = 项目概况, 制度、措施 = 立项依据). Forms of our own, both ways.
 */
import { checkWorkbook } from "../../../src/domain/engine";
import type { CellValue } from "../../../src/domain/grid";

type Row = CellValue[];
const OVERVIEW = "开展农村公路勘察设计审批、进度督导检查、工程质量监督检查和竣工验收等工作";
const BASIS = "省人民政府办公厅2018年96号文件、市人民政府办公室2017年103号文件";
const form = (necessity: string, measures: string): Row[] => [
  ["项目支出绩效目标申报表", null, null, null],
  ["项目名称", "农村公路工作经费", null, null],
  ["项目概况", OVERVIEW, null, null],
  ["立项依据", BASIS, null, null],
  ["项目设立必要性", necessity, null, null],
  ["保证项目实施的制度、措施", measures, null, null],
  ["一级指标", "二级指标", "三级指标", "指标值"],
  ["产出指标", "数量指标", "督导检查次数", "≥12次"],
  ["效益指标", "社会效益指标", "农村公路优良路率", "≥80%"],
  ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"],
];
const found = (values: Row[]) =>
  checkWorkbook([{ sheet: "申报表", top: 0, left: 0, values }])
    .issues.filter((i) => i.code === "form.copied-field")
    .map((i) => [i.cell, i.message]);

describe("a field that copies another", () => {
  test("necessity copying the overview and measures copying the basis: one finding each, at the copy", () => {
    expect(found(form(`${OVERVIEW}。`, BASIS))).toEqual([
      ["B5", "“项目设立必要性”一栏照抄了“项目概况”的内容，没有写出本栏要求的内容"],
      ["B6", "“保证项目实施的制度、措施”一栏照抄了“立项依据”的内容，没有写出本栏要求的内容"],
    ]);
  });

  test("a copy cut short on the page (its last character garbled) is still a copy", () => {
    expect(found(form(`${OVERVIEW.slice(0, 30)}\uFFFD`, "建立专账核算、按进度拨付、竣工验收后结算的资金管理制度")).map(([c]) => c)).toEqual(["B5"]);
  });

  test.each([
    ["fields of their own", "农村公路通车里程长、养护任务重，需专项经费保障勘察设计和质量监督", "建立专账核算、按进度拨付、竣工验收后结算的资金管理制度"],
    ["a short text that happens to match", "见项目概况", "见项目概况"],
    ["a text that starts like another but is not cut", `${OVERVIEW.slice(0, 30)}，并新增养护人员培训`, "建立专账核算制度"],
  ])("%s say nothing", (_why, necessity, measures) => {
    expect(found(form(necessity, measures))).toEqual([]);
  });
});

/**
 * A list whose projects carry their targets in one cell each, as 【一级-二级】 blocks of 指标N: lines (tagged-cell.ts,
 * the 项目绩效目标和指标 tables published with department budgets; real 126). Lists of our own, both ways.
 */
import { checkWorkbook } from "../../../src/domain/engine";
import type { CellValue } from "../../../src/domain/grid";
import { recognizeSheet } from "../../../src/domain/tables/recognize";

type Row = CellValue[];
const TARGETS = [
  "【总体目标】",
  "保障机房设备运转",
  "【产出指标-数量指标】",
  "指标1:机柜数量(≥77台)",
  "指标2:巡检次数（≥12次）",
  "【产出指标-时效指标】",
  "指标1:故障响应时间(<24小时)",
  "【效益指标-社会效益指标】",
  "指标1:服务保障民生(有力保障)",
  "指标2:为经济发展保驾护航(正面支撑)",
  "【满意度指标-服务对象满意度指标】",
  "指标1:使用单位满意度(≥90%)",
].join("\n");

const list = (targets: string): Row[] => [
  ["某局2025年项目绩效目标和指标", null, null, null, null],
  ["单位编码", "单位名称(项目类别/支出项目)", "年度预算安排", "项目内容", "绩效目标"],
  [null, "某局", 2000000, null, null],
  [null, "其他运转类", 1681680, null, null],
  ["037001", "机房租赁服务采购项目", 1681680, "【项目概况】:租赁机柜77个", targets],
];
const grid = (values: Row[]) => ({ sheet: "目标表", top: 0, left: 0, values });

describe("targets in one tagged cell per project", () => {
  test("each 指标N: line is an indicator: its 一级 and 二级 from the tag, its name and target from the line", () => {
    const t = recognizeSheet(grid(list(TARGETS))).tables[0];
    if (!t || t.kind === "budget-list") throw new Error("no indicator table");
    expect(t.projects.map((p) => p.info.name?.text)).toEqual(["机房租赁服务采购项目"]);
    const rows = t.projects[0].indicators;
    expect(rows.map((r) => [r.level1?.text, r.level2?.text, r.name?.text, r.target?.text])).toEqual([
      ["产出指标", "数量指标", "机柜数量", "≥77台"],
      ["产出指标", "数量指标", "巡检次数", "≥12次"],
      ["产出指标", "时效指标", "故障响应时间", "<24小时"],
      ["效益指标", "社会效益指标", "服务保障民生", "有力保障"],
      ["效益指标", "社会效益指标", "为经济发展保驾护航", "正面支撑"],
      ["满意度指标", "服务对象满意度指标", "使用单位满意度", "≥90%"],
    ]);
    expect(new Set(rows.map((r) => r.target?.address))).toEqual(new Set(["E5"]));
  });

  test("its findings point at the project's cell, one per code (two slogans for values are one cause there)", () => {
    const vague = checkWorkbook([grid(list(TARGETS))]).issues.filter((i) => i.code === "indicator.vague");
    expect(vague.map((i) => i.cell)).toEqual(["E5"]);
    expect(vague[0].message).toContain("有力保障");
  });

  test("a missing category is said for the project", () => {
    const noSatisfaction = TARGETS.split("\n").slice(0, -2).join("\n");
    const codes = checkWorkbook([grid(list(noSatisfaction))]).issues.map((i) => i.code);
    expect(codes).toContain("project.missing-category");
  });

  test("a 绩效目标 column of plain text is not read this way", () => {
    const t = recognizeSheet(grid(list("保障机房设备运转，机柜数量不少于77台"))).tables.find((x) => x.kind !== "budget-list");
    expect(t).toBeUndefined();
  });
});

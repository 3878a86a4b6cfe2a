/**
 * Lists whose projects' targets stand in columns of their own under a 绩效目标 / 项目绩效 group (column-targets.ts):
 * read by content (the group's sub-columns are 一级 categories or named indicators), checked, never "nothing
 * recognized"; and the same output declared word for word by two projects of one list (indicator.duplicate).
 * Our own tables, shaped as the published 项目实施情况表 (real 87) and 项目分配表 (real 92).
 */
import { checkWorkbook } from "../../../src/domain/engine";
import type { Grid } from "../../../src/domain/grid";
import type { IndicatorTable } from "../../../src/domain/tables/model";
import { fieldText } from "../../../src/domain/tables/rows";

type Cell = string | number | null;
const grid = (values: Cell[][]): Grid => ({ sheet: "项目表", top: 0, left: 0, values });

const TRACTORS = "采购农用拖拉机2台(含开沟机、播种机)，收割机1台，自走式插秧机1台，植保无人机1台";

const byCategory = (second: string): Cell[][] => [
  ["某镇2023年衔接资金项目实施情况表", null, null, null, null, null, null],
  ["序号", "项目名称", "实施单位及责任人", "资金规模(万元)", "绩效目标", null, null],
  [null, null, null, null, "产出 指标", "效益 指标", "满意度 指标"],
  [1, "甲村农机专业合作社项目", "某镇张三", 100, TRACTORS, "受益户数≥200户,受益脱贫户数≥15户", "脱贫人口满意度≥90%"],
  [2, "甲村农机服务项目", "某镇张三", 83, second, "受益户数≥300户", "脱贫人口满意度≥90%"],
  [3, "乙村农机作业服务队项目", "某镇李四", 30, "购买旋耕机1台，化肥喷洒无人机1台", "受益户数≥220户", null],
];

describe("a list with a column per category under 绩效目标", () => {
  test("each project has one indicator per category, its 一级 from the column's header, its target the cell", () => {
    const r = checkWorkbook([grid(byCategory("购置小麦收割机1台，烘干机1套，用于本村小麦收储"))]);
    const t = r.recognitions[0].tables[0] as IndicatorTable;
    expect([t.kind, t.layout]).toEqual(["target", "list"]);
    expect(t.projects.map((p) => p.info.name?.text)).toEqual(["甲村农机专业合作社项目", "甲村农机服务项目", "乙村农机作业服务队项目"]);
    const first = t.projects[0].indicators;
    expect(first.map((x) => x.category)).toEqual(["产出指标", "效益指标", "满意度指标"]);
    expect(first.map((x) => x.target?.address)).toEqual(["E4", "F4", "G4"]);
    expect(r.issues.map((i) => i.code)).not.toContain("table.not-recognized");
    // project 3's 满意度 left blank: its target is missing, at its own cell
    expect(r.issues.filter((i) => i.code === "indicator.missing-field").map((i) => i.cell)).toEqual(["G6"]);
    expect(r.issues.filter((i) => i.code === "indicator.duplicate")).toEqual([]);
  });

  test("two projects declaring the same output word for word: one finding on the second, naming the first", () => {
    const r = checkWorkbook([grid(byCategory(TRACTORS))]);
    const dup = r.issues.filter((i) => i.code === "indicator.duplicate");
    expect(dup.map((i) => [i.cell, i.expected])).toEqual([["E5", "E4"]]);
    expect(dup[0].message).toMatch(/^项目“甲村农机服务项目”的产出指标与项目“甲村农机专业合作社项目”（E4）一字不差/);
  });

  test("a shared short wording (满意度≥90%) or a 效益 text repeated is the form's, not a copy", () => {
    const rows = byCategory("购置小麦收割机1台，烘干机1套，用于本村小麦收储");
    rows[4][5] = rows[3][5];
    const r = checkWorkbook([grid(rows)]);
    expect(r.issues.filter((i) => i.code === "indicator.duplicate")).toEqual([]);
  });
});

describe("a list with a column per indicator under 项目绩效", () => {
  const sheet: Cell[][] = [
    ["某市2021年生态补偿资金项目分配表", null, null, null, null, null, null],
    ["序号", "辖区", "项目 名称", "项目绩效", null, null, "补助资金(万元)"],
    [null, null, null, "治理水体", "污染负荷消减量 (吨/年)", "生态改善目标", null],
    ["合 计", null, null, null, null, null, 655],
    [1, "甲县", "甲县水源地水质自动监测站建设项目", "城东湖", null, "提升水源地水质监管能力", 430],
    [2, "乙县", "乙县农村污水治理项目", "淠河", "COD 12.5", "出境断面水质稳定达到Ⅲ类", 225],
  ];

  test("each column is an indicator named by its header; a blank one does not apply to the project", () => {
    const r = checkWorkbook([grid(sheet)]);
    const t = r.recognitions[0].tables[0] as IndicatorTable;
    expect(t.projects).toHaveLength(2); // the 合计 row is no project
    expect(t.projects[0].indicators.map((x) => fieldText(x, "name"))).toEqual(["治理水体", "生态改善目标"]);
    expect(t.projects[1].indicators.map((x) => fieldText(x, "name"))).toEqual(["治理水体", "污染负荷消减量 (吨/年)", "生态改善目标"]);
    const codes = r.issues.map((i) => [i.code, i.cell]);
    expect(codes).toContainEqual(["indicator.vague", "F5"]);
    expect(codes).not.toContainEqual(["indicator.missing-field", "E5"]);
    expect(r.issues.map((i) => i.code)).not.toContain("project.missing-category");
  });

  test("one column under the group is a form's label, not a block of targets: not read this way", () => {
    const one = sheet.map((row) => [row[0], row[1], row[2], row[3], row[6]]);
    one[2] = [null, null, null, "生态改善目标", null];
    const r = checkWorkbook([grid(one)]);
    expect(r.recognitions[0].tables.filter((t) => t.kind !== "budget-list")).toEqual([]);
  });
});

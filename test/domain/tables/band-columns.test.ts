/**
 * A target table that grades each indicator in bands instead of one 指标值 (band-columns.ts; 河北 绩效目标表, real
 * 122), and the band check (indicator.band-overlap). Tables of our own, both ways.
 */
import { checkWorkbook } from "../../../src/domain/engine";
import type { CellValue } from "../../../src/domain/grid";
import { recognizeSheet } from "../../../src/domain/tables/recognize";

type Row = CellValue[];
const table = (bands: [string, string, string, string][], header = "绩效指标分类"): Row[] => [
  ["2019年项目绩效目标表", null, null, null, null, null, null, null],
  ["绩效目标", "保障困难群众基本生活", null, null, null, null, null, null],
  [header, "绩效指标", "绩效指标描述", "绩效指标评价标准", null, null, null, "评价标准确定依据"],
  [null, null, null, "优", "良", "中", "差", null],
  ["产出指标", "救助覆盖率", "应救尽救", ...bands[0], "按低保标准评价"],
  [null, "救助资金发放及时率", "按月足额发放", ...bands[1], "按低保标准评价"],
  ["满意度指标", "救助对象满意度", "问卷调查", ...bands[2], "按服务对象满意度评价"],
];
const GOOD: [string, string, string, string][] = [
  ["100%", "95%", "90%", "<90%"],
  ["100%", "95%", "90%", "<90%"],
  ["95%", "90%", "80%", "<80%"],
];
const grid = (values: Row[]) => ({ sheet: "目标表", top: 0, left: 0, values });
const codes = (values: Row[]) => checkWorkbook([grid(values)]).issues.map((i) => `${i.code}@${i.cell}`);

describe("a table graded in bands", () => {
  test("is read: the best band is the target, the 一级 filled down, the description and the basis beside", () => {
    const t = recognizeSheet(grid(table(GOOD))).tables[0];
    if (!t || t.kind === "budget-list") throw new Error("no indicator table");
    expect(t.bands?.map((b) => b.label)).toEqual(["优", "良", "中", "差"]);
    const rows = t.projects[0].indicators;
    expect(rows.map((r) => [r.category, r.name?.text, r.target?.address, r.target?.text])).toEqual([
      ["产出指标", "救助覆盖率", "D5", "100%"],
      ["产出指标", "救助资金发放及时率", "D6", "100%"],
      ["满意度指标", "救助对象满意度", "D7", "95%"],
    ]);
  });

  test("whose 一级 header is garbled is read by the 一级 words under it", () => {
    const t = recognizeSheet(grid(table(GOOD, "???jī)效指标分类"))).tables[0];
    expect(t && t.kind !== "budget-list" ? t.projects[0].indicators.map((r) => r.category) : []).toEqual(["产出指标", "产出指标", "满意度指标"]);
  });

  test("bands that separate say nothing, and no sign is asked of a banded target", () => {
    expect(codes(table(GOOD)).filter((c) => /band-overlap|missing-sign/.test(c))).toEqual([]);
  });

  test("bands that share a threshold are one error for the table, at the first such cell", () => {
    const overlapping: [string, string, string, string][] = [
      ["100%", "90%", "85%", "85%"],
      ["100%", "95%", "90%", "<90%"],
      ["85%", "80%", "70%", "70%"],
    ];
    const found = checkWorkbook([grid(table(overlapping))]).issues.filter((i) => i.code === "indicator.band-overlap");
    expect(found.map((i) => [i.cell, i.severity])).toEqual([["G5", "error"]]);
    expect(found[0].message).toContain("本表2个指标如此");
  });

  test("a paying-at-the-standard rate rated 优 below 100 % is a compliance below full", () => {
    const bands: [string, string, string, string][] = [GOOD[0], ["90%", "80%", "70%", "<70%"], GOOD[2]];
    const values = table(bands);
    values[5] = [null, "救助资金按标准发放的比率", "按标准发放", ...bands[1], "按低保标准评价"];
    expect(codes(values)).toContain("indicator.compliance-below-full@D6");
  });

  test("a row of band words with no header above is not a table", () => {
    const values: Row[] = [[null, null, null, null], ["优", "良", "中", "差"], ["100%", "90%", "80%", "70%"]];
    expect(recognizeSheet(grid(values)).tables).toEqual([]);
  });
});

/**
 * Indicators written as "二级: text" beside their 一级, with no header row (prefixed.ts; 湖南 部门整体支出绩效目标申报表
 * as real 75 publishes it), and the narrative shape of indicator.vague that such targets often take. Our own forms.
 */
import { narrative } from "../../../src/domain/checks/vague";
import { checkWorkbook } from "../../../src/domain/engine";
import type { Grid } from "../../../src/domain/grid";
import type { IndicatorTable } from "../../../src/domain/tables/model";

type Cell = string | number | null;
const grid = (values: Cell[][]): Grid => ({ sheet: "部门整体", top: 0, left: 0, values });

const FORM: Cell[][] = [
  ["部门整体支出绩效目标申报表", null, null],
  ["部门名称", "某县第一中学", null],
  ["年度预算申请(万元)", "资金总额:704", null],
  ["部门整体支出年度绩效指标", "产出指标", "数量指标：保障在校学生1200人、教职工96人的正常教学"],
  [null, null, "质量指标：毕业生合格率达100%"],
  [null, null, "时效指标：按时完成教学任务，顺利完成中考。"],
  [null, "效益指标", "社会效益指标：办学条件逐步改善，教学质量稳步提高，群众认可度不断提升"],
  [null, null, "可持续影响指标：校舍安全使用年限不低于20年"],
  [null, "满意度指标", "服务对象满意度指标：家长满意度≥95%"],
];

describe("indicators written as 二级: text", () => {
  test("each cell is an indicator: its 二级 before the colon, its target after it, its 一级 from the left", () => {
    const r = checkWorkbook([grid(FORM)]);
    const t = r.recognitions[0].tables[0] as IndicatorTable;
    expect([t.kind, t.layout]).toEqual(["target", "form"]);
    const rows = t.projects[0].indicators;
    expect(rows.map((x) => x.level2?.text)).toEqual(["数量指标", "质量指标", "时效指标", "社会效益指标", "可持续影响指标", "服务对象满意度指标"]);
    expect(rows.map((x) => x.category)).toEqual(["产出指标", "产出指标", "产出指标", "效益指标", "效益指标", "满意度指标"]);
    expect(rows[2].target?.text).toBe("按时完成教学任务,顺利完成中考。"); // the cell's text, cleaned (half-width)
    expect(rows[2].target?.address).toBe("C6");
    expect(t.projects[0].info.department?.text).toBe("某县第一中学");
    expect(r.issues.map((i) => i.code)).not.toContain("table.no-indicator-header");
    expect(r.issues.map((i) => i.code)).not.toContain("table.not-recognized");
  });

  test("the targets that measure nothing are found (时效 in words, 效益 as a string of slogans); the measured ones pass", () => {
    const r = checkWorkbook([grid(FORM)]);
    expect(r.issues.filter((i) => i.code === "indicator.vague").map((i) => i.cell)).toEqual(["C6", "C7"]);
    expect(r.issues.find((i) => i.cell === "C6")?.message).toMatch(/^时效指标的指标值“按时完成教学任务,顺利完成中考。”是一段叙述/);
  });

  test("two cells are not enough, and a note with a colon is no indicator", () => {
    const two = FORM.slice(0, 5);
    expect(checkWorkbook([grid(two)]).recognitions[0].tables.filter((t) => (t as IndicatorTable).projects?.[0]?.indicators.length)).toEqual([]);
    const notes = grid([["说明：本表由学校填报"], ["备注：金额单位万元"], ["注意事项：按时报送"]]);
    expect(checkWorkbook([notes]).recognitions[0].tables).toEqual([]);
  });
});

describe("narrative targets", () => {
  test.each<[string, string | undefined, boolean]>([
    ["按时完成教学任务，顺利完成中考。", "时效指标", true],
    ["全年预算全额用于保障教育教学。", "成本指标", true],
    ["以提高质量为核心，打造育人品牌，稳定城区生源，培养合格公民", "可持续影响指标", true],
    ["办学条件改善，教学质量提高", "社会效益指标", false], // two clauses of an effect: qualitative allowed
    ["按时完成教学任务，顺利完成中考。", "质量指标", false],
    ["2024年12月底前完成，验收合格", "时效指标", false], // a date
    ["全年未发生安全事故，师生犯罪率为零，校园稳定", "社会效益指标", false], // 未发生/零 are measured
    ["按时完成", "时效指标", false], // too short: the other shapes judge it
  ])("%s (%s) → %s", (text, level2, expected) => {
    expect(narrative(text, level2)).toBe(expected);
  });
});

/**
 * Layout families of real forms, as variants of our own: weights printed as percentages, two value columns
 * (长期 and 年度), the 总分 row after the notes, and a deviation's reason written in the 备注 column.
 */
import { checkWorkbook } from "../../../src/domain/engine";
import type { Grid } from "../../../src/domain/grid";
import { recognizeSheet } from "../../../src/domain/tables/recognize";
import type { IndicatorTable } from "../../../src/domain/tables/model";

type Row = (string | number | null)[];
const grid = (values: Row[]): Grid => ({ sheet: "表", top: 0, left: 0, values });
const TITLE: Row[] = [["项目名称", "乡村道路养护", null, null, null, null, null, null, null]];

describe("weights printed as percentages", () => {
  test("20% in a 权重 column is 20 points of 100: no zero-weight, sums and scores as points", () => {
    const g = grid([
      ...TITLE,
      ["一级指标", "二级指标", "三级指标", "指标值", "权重", "完成值", "得分"],
      ["产出指标", "数量指标", "养护里程", "≥100公里", "50%", "100公里", 50],
      ["效益指标", "社会效益指标", "通行时间缩短", "≥10%", "30%", "12%", 30],
      ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "10%", "95%", 10],
      ["合计", null, null, null, "90%", null, 90],
    ]);
    const r = checkWorkbook([g]);
    const codes = r.issues.map((i) => i.code);
    expect(codes).not.toContain("indicator.zero-weight");
    expect(codes).not.toContain("project.weight-sum");
    const t = recognizeSheet(g).tables[0] as IndicatorTable;
    expect(t.projects[0].indicators.map((x) => x.weightNumber)).toEqual([50, 30, 10]);
  });

  test("Excel percent-formatted weights (0.2 shown as 20%) read as 20 points", () => {
    const g: Grid = {
      ...grid([...TITLE, ["一级指标", "二级指标", "三级指标", "指标值", "分值"], ["产出指标", "数量指标", "养护里程", "≥100公里", 0.2]]),
      numberFormats: [[], [], [null, null, null, null, "0%"]],
    };
    const t = recognizeSheet(g).tables[0] as IndicatorTable;
    expect(t.projects[0].indicators[0].weightNumber).toBe(20);
  });
});

describe("two value columns", () => {
  test("长期指标值 beside 年度指标值: the year's column is the target; an empty 长期 column is not a missing value", () => {
    const g = grid([
      ...TITLE,
      ["一级指标", "二级指标", "三级指标", "长期指标值", "年度指标值", "计量单位"],
      ["产出指标", "数量指标", "养护里程", null, "≥100", "公里"],
      ["效益指标", "社会效益指标", "通行时间缩短", null, "≥10", "%"],
      ["满意度指标", "服务对象满意度指标", "群众满意度", null, "≥90", "%"],
    ]);
    const t = recognizeSheet(g).tables[0] as IndicatorTable;
    expect(t.columns.target).toBe(4);
    const r = checkWorkbook([g]);
    expect(r.issues.map((i) => i.code)).not.toContain("indicator.missing-field");
    expect(r.issues.map((i) => i.code)).not.toContain("table.not-filled");
  });
});

describe("the 总分 row after notes", () => {
  test("a 总分 row that comes after 其他需要说明事项 is still the table's total (compared with the parts)", () => {
    const g = grid([
      ...TITLE,
      ["绩效指标", "一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值", "得分", "偏差原因"],
      [null, "产出指标", "数量指标", "养护里程", 50, "≥100公里", "100公里", 50, null],
      [null, "效益指标", "社会效益指标", "通行时间缩短", 30, "≥10%", "12%", 30, null],
      [null, "满意度指标", "服务对象满意度指标", "群众满意度", 10, "≥90%", "95%", 10, null],
      ["说明", "其他需要说明事项：无", null, null, null, null, null, null, null],
      ["总分", null, null, null, 90, null, null, 85, null],
    ]);
    const t = recognizeSheet(g).tables[0] as IndicatorTable;
    expect(t.projects[0].total?.score?.address).toBe("H7");
    const r = checkWorkbook([g]);
    expect(r.issues.find((i) => i.code === "score.total-mismatch")?.cell).toBe("H7");
  });
});

describe("a reason given elsewhere in the block", () => {
  test("a deviation explained in the 备注 column counts as explained", () => {
    const rows = (note: string | null): Row[] => [
      ...TITLE,
      ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值", "得分", "偏差原因", "备注"],
      ["产出指标", "数量指标", "养护里程", 50, "≥100公里", "90公里", 45, null, note],
      ["效益指标", "社会效益指标", "通行时间缩短", 30, "≥10%", "12%", 30, null, null],
      ["满意度指标", "服务对象满意度指标", "群众满意度", 10, "≥90%", "95%", 10, null, null],
    ];
    expect(checkWorkbook([grid(rows(null))]).issues.map((i) => i.code)).toContain("score.missing-reason");
    expect(checkWorkbook([grid(rows("雨季停工两周，剩余10公里已列入次年计划"))]).issues.map((i) => i.code)).not.toContain("score.missing-reason");
  });
});

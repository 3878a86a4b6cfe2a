/** Forms written in traditional characters (整體績效目標表, 指標, 預算, 萬元) are read like simplified ones. */
import { checkWorkbook } from "../../../src/domain/engine";
import type { Grid } from "../../../src/domain/grid";
import { hasTraditional, toSimplified } from "../../../src/domain/tables/traditional";
import { readCategoryLabel } from "../../../src/domain/tables/labels";

const SIMPLIFIED: Grid = {
  sheet: "自评",
  top: 0,
  left: 0,
  values: [
    ["项目名称", "道路养护", null, null, null, null, null, null],
    ["项目资金(万元)", null, "全年预算数", "全年执行数", "分值", "执行率", "得分", null],
    [null, "年度资金总额", 100, 90, 10, "90%", 9, null],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值", "得分"],
    [null, "产出指标(50分)", "数量指标", "养护里程", 50, "≥100公里", "100公里", 50],
    [null, "效益指标(30分)", "社会效益指标", "通行时间缩短", 30, "≥10%", "12%", 30],
    [null, "满意度指标(10分)", "服务对象满意度指标", "群众满意度", 10, "≥90%", "95%", 10],
    ["总分", null, null, null, 100, null, null, 99],
  ],
};

const TRADITIONAL: Grid = {
  ...SIMPLIFIED,
  values: SIMPLIFIED.values.map((row) =>
    row.map((v) =>
      typeof v === "string"
        ? v
            .replace(/项目资金/g, "項目資金")
            .replace(/万元/g, "萬元")
            .replace(/预算/g, "預算")
            .replace(/总/g, "總")
            .replace(/额/g, "額")
            .replace(/执行/g, "執行")
            .replace(/指标/g, "指標")
            .replace(/产出/g, "產出")
            .replace(/数量/g, "數量")
            .replace(/满意/g, "滿意")
            .replace(/实际/g, "實際")
        : v,
    ),
  ),
};

test("the traditional copy is really traditional", () => {
  expect(hasTraditional(String(TRADITIONAL.values[4][1]))).toBe(true);
  expect(toSimplified("整體績效目標表")).toBe("整体绩效目标表");
  expect(readCategoryLabel("產出指標（50分）")).toEqual({ core: "产出指标", points: 50, notes: [] });
});

test("a form in traditional characters gets the same tables, scores and findings as its simplified original", () => {
  const a = checkWorkbook([SIMPLIFIED]);
  const b = checkWorkbook([TRADITIONAL]);
  expect(b.tables.map((t) => [t.kind, t.range, t.rows])).toEqual(a.tables.map((t) => [t.kind, t.range, t.rows]));
  expect(b.tables[0].score).toEqual(a.tables[0].score);
  expect(b.issues.map((i) => `${i.code}@${i.cell}`)).toEqual(a.issues.map((i) => `${i.code}@${i.cell}`));
  expect(a.tables[0].score?.total).toBe(99);
});

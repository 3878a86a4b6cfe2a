/**
 * An honest verdict: a file in which nothing was checked is never ready. Sheets get a recognition status;
 * a workbook with no recognized table gets one error-level table.not-recognized (verdict 无法检查), a form never
 * filled in gets one table.not-filled (verdict 未填写) instead of a finding per empty row.
 */
import { checkWorkbook } from "../../src/domain/engine";
import type { Grid } from "../../src/domain/grid";
import { verdictLine, verdictOf } from "../../src/domain/report";
import { realGrid } from "../helpers/real";

const grid = (sheet: string, values: (string | number | null)[][]): Grid => ({ sheet, top: 0, left: 0, values });

const FILLED_TARGET = grid("目标表", [
  ["项目名称", "乡村道路养护", "", "", ""],
  ["一级指标", "二级指标", "三级指标", "指标值", "计量单位"],
  ["产出指标", "数量指标", "养护里程", "≥120", "公里"],
  ["效益指标", "社会效益指标", "通行条件改善", "明显改善", ""],
  ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90", "%"],
]);

describe("verdict: nothing checked is never ready", () => {
  test.each([
    ["a sheet of notes", [grid("备忘", [["会议记录"], ["下周一交材料"]])]],
    ["an empty sheet", [grid("Sheet1", [])]],
    ["no sheet at all", []],
    ["several sheets, none a table", [grid("说明", [["填表说明：请如实填写"]]), grid("Sheet2", [[null, null]])]],
  ])("%s → table.not-recognized, 无法检查, not valid", (_label, grids) => {
    const r = checkWorkbook(grids as Grid[]);
    expect(r.valid).toBe(false);
    expect(r.issues.filter((i) => i.code === "table.not-recognized")).toHaveLength(1);
    expect(r.issues[0].severity).toBe("error");
    expect(verdictOf(r)).toBe("not-checked");
    expect(verdictLine(r)).toMatch(/^无法检查/);
    expect(verdictLine(r)).not.toMatch(/可以提交/);
    for (const s of r.sheets) expect(["not-recognized", "empty"]).toContain(s.status);
  });

  test("a notes sheet beside a checked table: the file is judged on the table; the notes sheet is named not-recognized", () => {
    const r = checkWorkbook([FILLED_TARGET, grid("说明", [["填表说明"]])]);
    expect(r.issues.map((i) => i.code)).not.toContain("table.not-recognized");
    expect(r.sheets.map((s) => s.status)).toEqual(["checked", "not-recognized"]);
    expect(verdictOf(r)).not.toBe("not-checked");
  });

  test("real table 21 (a target form published unfilled) is 未填写, with one finding per form, never ready", () => {
    const r = checkWorkbook([realGrid("21")]);
    expect(r.valid).toBe(false);
    expect(verdictOf(r)).toBe("not-filled");
    const nf = r.issues.filter((i) => i.code === "table.not-filled");
    expect(nf.length).toBeGreaterThanOrEqual(1);
    expect(nf.length).toBe(r.tables.length);
    expect(nf[0].message).toMatch(/指标名称和指标值全部为空/);
    expect(r.sheets[0].status).toBe("not-filled");
  });

  test("a target form whose names are filled and every value empty is not filled in: one finding, not one per row", () => {
    const g = grid("目标表", [
      ["项目名称", "乡村道路养护", "", "", ""],
      ["一级指标", "二级指标", "三级指标", "指标值", "计量单位"],
      ["产出指标", "数量指标", "养护里程", "", ""],
      ["效益指标", "社会效益指标", "通行条件改善", "", ""],
      ["满意度指标", "服务对象满意度指标", "群众满意度", "", ""],
    ]);
    const r = checkWorkbook([g]);
    expect(r.issues.map((i) => `${i.code}@${i.cell}`)).toEqual(["table.not-filled@D3"]);
    expect(verdictOf(r)).toBe("not-filled");
  });

  test("a filled form is checked and judged on its findings", () => {
    const r = checkWorkbook([FILLED_TARGET]);
    expect(r.sheets[0].status).toBe("checked");
    expect(r.issues.map((i) => i.code)).not.toContain("table.not-filled");
    expect(["ready", "not-ready"]).toContain(verdictOf(r));
  });

  test("a self-evaluation with some actuals filled is not 'not filled'", () => {
    const r = checkWorkbook([realGrid("06")]);
    expect(r.issues.map((i) => i.code)).not.toContain("table.not-filled");
  });
});

describe("verdict of the real tables never filled in", () => {
  test("real table 11 (完成值 and 得分 empty throughout, narrative cells still the template's): 未填写", () => {
    expect(verdictOf(checkWorkbook([realGrid("11")]))).toBe("not-filled");
  });
  test("real table 16 (a budget block, its indicator block only a header): never ready", () => {
    const r = checkWorkbook([realGrid("16")]);
    expect(r.valid).toBe(false);
    expect(verdictOf(r)).toBe("not-filled");
  });
});

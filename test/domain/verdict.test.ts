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

describe("verdict: a file whose targets cannot be measured is not ready, though each wording is only a warning", () => {
  // Our own target form: every indicator has its value, no error; the 效益 targets are slogans (indicator.vague).
  const withSlogans = (slogans: number): Grid => {
    const rows: (string | number | null)[][] = [
      ["项目名称", "农村饮水安全巩固提升", "", ""],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "数量指标", "新建集中供水工程", "≥12处"],
      ["产出指标", "质量指标", "工程验收合格率", "100%"],
      ["产出指标", "时效指标", "工程完工时间", "2024年11月底前"],
    ];
    const aims = ["显著提升", "进一步改善", "明显增强", "逐步完善"];
    for (let k = 0; k < 4; k++) rows.push(["效益指标", "社会效益指标", `群众饮水条件${k + 1}`, k < slogans ? aims[k] : `≥${1000 + k}人`]);
    rows.push(["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%"]);
    return grid("目标表", rows);
  };

  test.each([
    [0, "ready"],
    [2, "ready"],
    [3, "not-ready"],
    [4, "not-ready"],
  ])("%i unmeasurable targets → %s", (n, verdict) => {
    const r = checkWorkbook([withSlogans(n)]);
    expect(r.stats.errors).toBe(0);
    expect(r.byCode["indicator.vague"] ?? 0).toBe(n);
    expect(verdictOf(r)).toBe(verdict);
    if (verdict === "not-ready") expect(verdictLine(r)).toMatch(new RegExp(`^不可提交：${n} 个指标值无法衡量.* / Not ready: ${n} target\\(s\\) cannot be measured`));
    else expect(verdictLine(r)).toMatch(/^可以提交/);
  });

  test("the threshold is a setting: 0 turns the rule off, 2 lowers it", () => {
    const r = checkWorkbook([withSlogans(2)]);
    expect(verdictOf(r, { unmeasurableTargets: 2 })).toBe("not-ready");
    expect(verdictOf(checkWorkbook([withSlogans(4)]), { unmeasurableTargets: 0 })).toBe("ready");
  });
});

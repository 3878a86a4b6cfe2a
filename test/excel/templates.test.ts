/** Blank templates, filled in as a user would, are recognized by the checker. */
import { templateLayout, gradeFormula, LEVEL1, LEVEL2 } from "../../src/excel/templates";
import { checkWorkbook } from "../../src/domain/engine";
import type { CellValue } from "../../src/domain/grid";

/** The layout with formulas replaced by what Excel would show for a filled form. */
function filled(kind: "target" | "self-evaluation"): CellValue[][] {
  const L = templateLayout(kind);
  const rows: CellValue[][] = L.rows.map((r) => r.map((c) => (typeof c === "string" && c.startsWith("=") ? null : c === "" ? null : c)));
  rows[2][1] = "测试项目";
  const ind = kind === "target"
    ? [["产出指标", "数量指标", "培训人数", "≥", 100, "人", 45], ["效益指标", "社会效益指标", "群众知晓率", "≥", 90, "%", 35], ["满意度指标", "服务对象满意度指标", "满意度", "≥", 90, "%", 10]]
    : [["产出指标", "数量指标", "培训人数", "≥100人", "120人", 45, 45, ""], ["效益指标", "社会效益指标", "群众知晓率", "≥90%", "95%", 35, 35, ""], ["满意度指标", "服务对象满意度指标", "满意度", "≥90%", "96%", 10, 10, ""]];
  ind.forEach((r, i) => r.forEach((v, c) => (rows[L.firstIndicatorRow + i][c + 1] = v)));
  return rows;
}

describe("templates", () => {
  it.each(["target", "self-evaluation"] as const)("a filled %s template is recognized as its table kind", (kind) => {
    const check = checkWorkbook([{ sheet: "T", top: 0, left: 0, values: filled(kind) }]);
    expect(check.issues.filter((i) => i.code === "table.no-indicator-header")).toEqual([]);
    expect(check.tables.map((t) => t.kind)).toContain(kind);
  });
  it("builds the grade formula from the national bands", () => {
    expect(gradeFormula("H1")).toBe('=IF(H1="","",IF(H1>=90,"优",IF(H1>=80,"良",IF(H1>=60,"中","差"))))');
    expect(LEVEL1).toContain("成本指标");
    expect(LEVEL2.join(",").length).toBeLessThan(255);
  });
});

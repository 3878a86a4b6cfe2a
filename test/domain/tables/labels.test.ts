/**
 * Category labels that carry weights or notes (real tables 02, 14, 15 and variants of our own), the 2021
 * framework's 成本 二级 names filed under 产出 (real table 13), and one finding per category weight.
 */
import * as fc from "fast-check";
import { checkWorkbook } from "../../../src/domain/engine";
import type { Grid } from "../../../src/domain/grid";
import { readCategoryLabel } from "../../../src/domain/tables/labels";
import { realGrid } from "../../helpers/real";

describe("readCategoryLabel", () => {
  test.each([
    ["产出指标 (50)", "产出指标", 50],
    ["产出指标(50分)", "产出指标", 50],
    ["产出指标（５０分）", "产出指标", 50],
    ["效益指标 30分)", "效益指标", 30],
    ["效益指标(30分", "效益指标", 30],
    ["产出\n指标\n（50分）", "产出指标", 50],
    ["产出指标【50分】", "产出指标", 50],
    ["(50分)", "", 50],
    ["满意度指标(10.5分)", "满意度指标", 10.5],
    ["数量指标(必填硬性指标)", "数量指标", undefined],
    ["时效指标（必填）", "时效指标", undefined],
    ["成本指标(必填硬性指标)", "成本指标", undefined],
    ["服务对象满意度指标等", "服务对象满意度指标", undefined],
    ["经济效益指标(10)(必填)", "经济效益指标", 10],
    ["数量指标", "数量指标", undefined],
  ])("%j → core %j, points %j", (text, core, points) => {
    const r = readCategoryLabel(text);
    expect(r.core).toBe(core);
    expect(r.points).toBe(points);
  });

  test("never throws, and what it returns is a part of the compact label", () => {
    const alphabet = fc.constantFrom("产", "出", "指", "标", "(", ")", "（", "）", "【", "】", "5", "0", ".", "分", "等", " ", "\n", "必", "填");
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 30 }).map((a) => a.join("")), (s) => {
        const r = readCategoryLabel(s);
        const compact = s.replace(/\s/g, "").replace(/（/g, "(").replace(/）/g, ")");
        expect(compact.startsWith(r.core)).toBe(true);
        if (r.points !== undefined) expect(Number.isFinite(r.points)).toBe(true);
      }),
    );
  });

  test("linear on 100,000-character labels", () => {
    for (const s of ["(".repeat(100_000), "产出指标" + "(必填)".repeat(25_000), "5".repeat(100_000) + "分)", "等".repeat(100_000)]) {
      const t0 = process.cpuUsage();
      readCategoryLabel(s);
      const us = process.cpuUsage(t0);
      expect((us.user + us.system) / 1000).toBeLessThan(1000);
    }
  });
});

const HEAD = ["绩效指标", "一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分", "偏差原因"];
const FUNDS: (string | number | null)[][] = [
  ["项目名称", "标签测试项目", null, null, null, null, null, null, null],
  ["资金情况(万元)", null, "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分", null, null],
  [null, "年度资金总额:", 100, 100, 10, "100%", 10, null, null],
];
const form = (body: (string | number | null)[][]): Grid => ({ sheet: "自评", top: 0, left: 0, values: [...FUNDS, HEAD, ...body] });

describe("labels with notes in checked tables", () => {
  test("real table 15: 数量指标(必填硬性指标), 时效指标(必填), 成本指标(必填硬性指标) are known categories", () => {
    const r = checkWorkbook([realGrid("15")]);
    expect(r.issues.filter((i) => i.code === "indicator.unknown-category")).toEqual([]);
    // The table's own weight for 产出 (40) against the national 50: one finding at the label, stating both.
    const w = r.issues.filter((i) => i.code === "project.weight-sum" && i.cell === "B11");
    expect(w).toHaveLength(1);
    expect(w[0].message).toMatch(/标注40分/);
    expect(w[0].message).toMatch(/应为50分/);
  });

  test("variants: weight without 分, a closing bracket alone, 等, line breaks; labels and rows agree, no finding", () => {
    const g = form([
      [null, "产出指标 (50)", "数量指标(必填)", "培训人次", 50, "≥300人次", "320人次", 50, null],
      [null, "效益指标 30分)", "社会效益\n指标", "就业人数", 30, "≥20人", "25人", 30, null],
      [null, "满意度\n指标（10分）", "服务对象满意度指标等", "学员满意度", 10, "≥90%", "95%", 10, null],
    ]);
    const r = checkWorkbook([g]);
    const codes = r.issues.map((i) => i.code);
    expect(codes).not.toContain("indicator.unknown-category");
    expect(codes).not.toContain("project.weight-sum");
    expect(codes).not.toContain("project.missing-category");
  });

  test("a label, its rows and the national weight all different: one finding that states the three", () => {
    const g = form([
      [null, "产出指标(45分)", "数量指标", "培训人次", 20, "≥300人次", "320人次", 20, null],
      [null, null, "质量指标", "合格率", 20, "≥95%", "96%", 20, null],
      [null, "效益指标(40分)", "社会效益指标", "就业人数", 40, "≥20人", "25人", 40, null],
      [null, "满意度指标(10分)", "服务对象满意度指标", "学员满意度", 10, "≥90%", "95%", 10, null],
    ]);
    const r = checkWorkbook([g]);
    const at = r.issues.filter((i) => i.code === "project.weight-sum" && i.cell === "B5");
    expect(at).toHaveLength(1);
    expect(at[0].message).toMatch(/标注45分，其下指标分值合计40分；按.*产出指标应为50分/);
    // Never at a header cell.
    expect(r.issues.filter((i) => i.code === "project.weight-sum" && /^[A-Z]+4$/.test(i.cell))).toEqual([]);
  });
});

describe("the 2021 framework (财预〔2021〕101号)", () => {
  test("real table 13: 经济成本指标 under 产出指标 is misfiled, not outside the framework", () => {
    const r = checkWorkbook([realGrid("13")]);
    const f = r.issues.filter((i) => i.code === "indicator.unknown-category");
    expect(f).toHaveLength(1);
    expect(f[0].cell).toBe("C2");
    expect(f[0].message).toMatch(/财预〔2021〕101号/);
    expect(f[0].message).toMatch(/成本指标/);
    expect(f[0].message).not.toMatch(/不在指标体系内/);
  });

  test("a 2021-framework table (成本指标 as 一级) is checked without a category finding", () => {
    const g = form([
      [null, "产出指标(40分)", "数量指标", "培训人次", 40, "≥300人次", "320人次", 40, null],
      [null, "成本指标(10分)", "经济成本指标", "人均培训成本", 10, "≤500元/人", "480元/人", 10, null],
      [null, "效益指标(30分)", "社会效益指标", "就业人数", 30, "≥20人", "25人", 30, null],
      [null, "满意度指标(10分)", "服务对象满意度指标", "学员满意度", 10, "≥90%", "95%", 10, null],
    ]);
    const codes = checkWorkbook([g]).issues.map((i) => i.code);
    expect(codes).not.toContain("indicator.unknown-category");
  });
});

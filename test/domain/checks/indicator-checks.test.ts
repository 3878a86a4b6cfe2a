/** The indicator.* and project.* checks on hand-built tables: each rule fires where it should and only there. */
import { checkIndicatorTable } from "../../../src/domain/engine";
import type { Issue } from "../../../src/domain/issues";
import { resolveProfile } from "../../../src/domain/profiles";
import { PROJECT_CHECKS } from "../../../src/domain/checks";
import { issueType } from "../../../src/domain/catalog";
import { cleanProject, project, row, subtotal, table } from "../../helpers/model";

const codes = (issues: Issue[]): string[] => issues.map((i) => `${i.code}@${i.cell}`).sort();
const check = (t: ReturnType<typeof table>, profile = "national"): Issue[] => checkIndicatorTable(t, { profile });

describe("a clean national target table", () => {
  it("has no findings", () => {
    expect(check(table([cleanProject()]))).toEqual([]);
  });
});

describe("catalog", () => {
  it("every code a check declares is in the catalog", () => {
    for (const c of PROJECT_CHECKS) for (const code of c.codes) expect(issueType(code).code).toBe(code);
  });
});

describe("V1 required fields", () => {
  it("flags an empty 指标值 and an empty 二级 with their cells", () => {
    const p = cleanProject();
    const rows = [...p.indicators];
    rows[1] = row(2, { level1: "产出指标", name: "合格率", sign: "≥", unit: "%", weight: 10 });
    const found = check(table([project(rows)])).filter((i) => i.code === "indicator.missing-field");
    expect(codes(found)).toEqual(["indicator.missing-field@B3", "indicator.missing-field@E3"]);
    expect(found[0].severity).toBe("error");
    expect(found[0].source).toMatch(/必填/);
  });
  it("does not ask for a sign when the table has no sign column", () => {
    const rows = cleanProject().indicators.map((r) => ({ ...r, sign: undefined }));
    const t = table([project(rows)], { columns: { level1: 0, level2: 1, name: 2, target: 4, unit: 5, weight: 7 } });
    expect(check(t).filter((i) => i.code === "indicator.missing-field")).toEqual([]);
  });
});

describe("V4/V5/V6 value format", () => {
  it("flags a quantitative target that is not a number", () => {
    const rows = [...cleanProject().indicators];
    rows[0] = row(1, { level1: "产出指标", level2: "数量指标", name: "培训人次", sign: "≥", target: "较多", unit: "人次", weight: 20 });
    expect(codes(check(table([project(rows)])).filter((i) => i.code === "indicator.not-numeric"))).toEqual(["indicator.not-numeric@E2"]);
  });
  it("flags a missing unit, but not when the unit is glued to the value", () => {
    const rows = [...cleanProject().indicators];
    rows[0] = row(1, { level1: "产出指标", level2: "数量指标", name: "培训人次", sign: "≥", target: "500", weight: 20 });
    rows[4] = row(5, { level1: "效益指标", level2: "社会效益指标", name: "受益人数", target: ">=1200人", weight: 30 });
    expect(codes(check(table([project(rows)])).filter((i) => i.code === "indicator.missing-unit"))).toEqual(["indicator.missing-unit@F2"]);
  });
  it("needs 指标值说明 for 定量（其他）", () => {
    const rows = [...cleanProject().indicators];
    rows[0] = row(1, { level1: "产出指标", level2: "数量指标", name: "培训人次", sign: "定量（其他）", target: "按计划", weight: 20 });
    expect(codes(check(table([project(rows)])).filter((i) => i.code === "indicator.missing-explanation"))).toEqual(["indicator.missing-explanation@D2"]);
  });
  it("a 定性 sign needs neither number nor unit", () => {
    const rows = [...cleanProject().indicators];
    rows[1] = row(2, { level1: "产出指标", level2: "质量指标", name: "工程质量", sign: "定性", target: "合格", weight: 10 });
    expect(check(table([project(rows)]))).toEqual([]);
  });
});

describe("V11/V12 and units", () => {
  it("flags a % target above 100 and a cost indicator with ≥", () => {
    const rows = [...cleanProject().indicators];
    rows[1] = row(2, { level1: "产出指标", level2: "质量指标", name: "合格率", sign: "≥", target: "120", unit: "%", weight: 10 });
    rows[3] = row(4, { level1: "产出指标", level2: "成本指标", name: "总成本", sign: "≥", target: "90", unit: "万元", weight: 10 });
    const found = check(table([project(rows)]));
    expect(codes(found.filter((i) => i.code === "indicator.percent-over-100"))).toEqual(["indicator.percent-over-100@E3"]);
    expect(codes(found.filter((i) => i.code === "indicator.cost-direction"))).toEqual(["indicator.cost-direction@D5"]);
    expect(found.find((i) => i.code === "indicator.cost-direction")?.severity).toBe("warning");
  });
  it("flags an actual whose unit differs from the target's", () => {
    const rows = [...cleanProject().indicators];
    rows[0] = row(1, { level1: "产出指标", level2: "数量指标", name: "培训人次", target: "≥500人次", actual: "95%", weight: 20 });
    expect(codes(check(table([project(rows)])).filter((i) => i.code === "indicator.unit-mismatch"))).toEqual(["indicator.unit-mismatch@G2"]);
  });
});

describe("V7 placeholders and V16 vague wording", () => {
  it("flags ** in a name and XX in a value", () => {
    const rows = [...cleanProject().indicators];
    rows[0] = row(1, { level1: "产出指标", level2: "数量指标", name: "景点开发数量( ≥**个 )", target: ">=4个", weight: 20 });
    rows[4] = row(5, { level1: "效益指标", level2: "社会效益指标", name: "受益人数", sign: "≥", target: "XX", unit: "人", weight: 30 });
    const found = check(table([project(rows)]));
    expect(codes(found.filter((i) => i.code === "indicator.placeholder"))).toEqual(["indicator.placeholder@C2", "indicator.placeholder@E6"]);
    // a placeholder value is not also reported as not numeric
    expect(found.filter((i) => i.code === "indicator.not-numeric")).toEqual([]);
  });
  it("flags vague wording in a target", () => {
    const rows = [...cleanProject().indicators];
    rows[4] = row(5, { level1: "效益指标", level2: "社会效益指标", name: "群众生活水平", sign: "定性", target: "有所提高", weight: 30 });
    expect(codes(check(table([project(rows)])).filter((i) => i.code === "indicator.vague"))).toEqual(["indicator.vague@E6"]);
  });
});

describe("duplicates and categories", () => {
  it("flags the second occurrence of an indicator", () => {
    const rows = [...cleanProject().indicators];
    rows[1] = row(2, { level1: "产出指标", level2: "数量指标", name: "培训 人次", sign: "≥", target: "500", unit: "人次", weight: 10 });
    expect(codes(check(table([project(rows)])).filter((i) => i.code === "indicator.duplicate"))).toEqual(["indicator.duplicate@C3"]);
  });
  it("finds a repeat among many names, and never across projects (the check's state is emptied for each)", () => {
    // 40 distinct names, then the 3rd again: past the few names kept in a list, the lookup is by map.
    const many = Array.from({ length: 41 }, (_, k) =>
      row(k + 1, { level1: "产出指标", level2: "数量指标", name: `培训项目${k === 40 ? 2 : k}人次`, sign: "≥", target: "500", unit: "人次", weight: 1 }),
    );
    expect(codes(check(table([project(many)])).filter((i) => i.code === "indicator.duplicate"))).toEqual(["indicator.duplicate@C42"]);
    // Two projects with the same names, one after the other: no repeat.
    const second = cleanProject().indicators.map((r) => ({ ...r, row: r.row + 20 }));
    const t = table([project([...cleanProject().indicators]), project(second)]);
    expect(check(t).filter((i) => i.code === "indicator.duplicate")).toEqual([]);
  });
  it("infers the category from a standard 二级 under a non-standard 一级 (real table 20)", () => {
    const rows = cleanProject().indicators.map((r) => ({ ...r, level1: { ...r.level1!, text: "项目年度绩效目标(定量指标)", value: "项目年度绩效目标(定量指标)" } }));
    const found = check(table([project(rows)]));
    expect(found.filter((i) => i.code === "indicator.unknown-category").map((i) => i.cell)).toEqual(["A2"]);
    expect(found.filter((i) => i.code === "project.missing-category")).toEqual([]);
  });
  it("flags an unknown 二级, a misplaced 二级 and a 满意度 indicator under 质量", () => {
    const rows = [...cleanProject().indicators];
    rows[0] = row(1, { level1: "产出指标", level2: "制度指标", name: "制度建立", sign: "定性", target: "建立", weight: 20 });
    rows[4] = row(5, { level1: "效益指标", level2: "数量指标", name: "受益人数", sign: "≥", target: "1200", unit: "人", weight: 30 });
    rows[1] = row(2, { level1: "产出指标", level2: "质量指标", name: "资助对象满意度", sign: "≥", target: "95", unit: "%", weight: 10 });
    const found = check(table([project(rows)])).filter((i) => i.code === "indicator.unknown-category");
    expect(codes(found)).toEqual(["indicator.unknown-category@B2", "indicator.unknown-category@B6", "indicator.unknown-category@C3"]);
  });
  it("accepts 产出数量指标 and 成本指标 as a 一级 (2021 framework)", () => {
    const rows = [...cleanProject().indicators];
    rows[0] = row(1, { level1: "产出指标", level2: "产出数量指标", name: "培训人次", sign: "≥", target: "500", unit: "人次", weight: 20 });
    rows[3] = row(4, { level1: "成本指标", level2: "经济成本指标", name: "总成本", sign: "≤", target: "90", unit: "万元", weight: 10 });
    expect(check(table([project(rows)])).filter((i) => i.code === "indicator.unknown-category")).toEqual([]);
  });
  it("V3: a project without 满意度 is an error nationally and a warning on the 四川 profile", () => {
    const rows = cleanProject().indicators.slice(0, 5);
    const nat = check(table([project(rows)])).filter((i) => i.code === "project.missing-category");
    expect(nat.map((i) => [i.expected, i.severity])).toEqual([["满意度指标", "error"]]);
    const sc = check(table([project(rows)]), "sichuan").filter((i) => i.code === "project.missing-category");
    expect(sc.map((i) => [i.expected, i.severity])).toEqual([["满意度指标", "warning"]]);
  });
});

describe("V8/V9/V10 weights", () => {
  it("flags a zero weight", () => {
    const rows = [...cleanProject().indicators];
    rows[1] = row(2, { level1: "产出指标", level2: "质量指标", name: "合格率", sign: "≥", target: "95", unit: "%", weight: 0 });
    expect(codes(check(table([project(rows)])).filter((i) => i.code === "indicator.zero-weight"))).toEqual(["indicator.zero-weight@H3"]);
  });
  it("flags a subtotal label that disagrees with its rows", () => {
    const p = cleanProject();
    const withSub = project([...p.indicators], { subtotals: [subtotal("产出指标", 40, 1, 1, 4), subtotal("效益指标", 30, 5, 5, 5)] });
    const found = check(table([withSub])).filter((i) => i.code === "project.weight-sum");
    expect(found.map((i) => [i.cell, i.expected])).toEqual([["A2", "50"]]);
  });
  it("flags weights that do not total 90/100, and 产出 not 50 on the national profile", () => {
    const rows = [...cleanProject().indicators];
    rows[0] = row(1, { level1: "产出指标", level2: "数量指标", name: "培训人次", sign: "≥", target: "500", unit: "人次", weight: 25 });
    const selfEval = table([project(rows)], { kind: "self-evaluation" });
    const found = check(selfEval).filter((i) => i.code === "project.weight-sum");
    expect(found.map((i) => i.value).sort()).toEqual(["55", "95"]);
    // 四川 sets no 一级 weights: only the total is wrong
    expect(check(selfEval, "sichuan").filter((i) => i.code === "project.weight-sum").map((i) => i.value)).toEqual(["95"]);
    // a 申报表 (target table) is held to the total only: 50/30/10 is the 自评表's split (S6)
    expect(check(table([project(rows)])).filter((i) => i.code === "project.weight-sum").map((i) => i.value)).toEqual(["95"]);
  });
  it("V19 山西: an unfilled default cost indicator may carry at most 5 points", () => {
    const rows = [...cleanProject().indicators];
    rows[3] = row(4, { level1: "产出指标", level2: "成本指标", name: "成本", weight: 10 });
    const sx = check(table([project(rows)]), "shanxi").filter((i) => i.code === "indicator.shanxi-cost");
    expect(codes(sx)).toEqual(["indicator.shanxi-cost@H5"]);
    expect(check(table([project(rows)]), "national").filter((i) => i.code === "indicator.shanxi-cost")).toEqual([]);
  });
});

describe("issues carry what the contract needs", () => {
  it("code, severity, bilingual message, sheet, cell, value and source", () => {
    const rows = [...cleanProject().indicators];
    rows[1] = row(2, { level1: "产出指标", level2: "质量指标", name: "合格率", sign: "≥", target: "120", unit: "%", weight: 10 });
    const [i] = check(table([project(rows)])).filter((x) => x.code === "indicator.percent-over-100");
    expect(i).toMatchObject({ sheet: "S", cell: "E3", value: "120", severity: "warning" });
    expect(i.message).toMatch(/[\u4e00-\u9fff]/);
    expect(i.messageEn).toMatch(/^[\x20-\x7e]+$/);
    expect(i.source.length).toBeGreaterThan(3);
    expect(resolveProfile("national").id).toBe("national");
  });
});

import type { IndicatorTable } from "../../../src/domain/tables/model";
import { recognizeSheet } from "../../../src/domain/tables/recognize";
import { realGrid } from "../../helpers/real";
import { PROFILES, resolveProfile } from "../../../src/domain/profiles";
import { scoreProject } from "../../../src/domain/scoring/totals";
import { buildProject, buildTable, FULL_EXAMPLE, type ProjectSpec } from "./build";

const national = PROFILES.national;

function run(spec: ProjectSpec, profile = national, kind: "self-evaluation" | "evaluation" = "self-evaluation") {
  const p = buildProject(spec);
  return scoreProject(p, buildTable(p, kind), profile);
}

describe("scoreProject: the full example of §4.6", () => {
  const s = run(FULL_EXAMPLE);
  test("per-indicator suggested scores", () => {
    expect(s.indicators.map((e) => (e.result.ok ? e.result.score : e.result.cause))).toEqual([9, 10, 7.2, 9.8, 8, 10, 9, "qualitative", 9]);
    expect(s.indicators[7].basis).toBe("band");
    expect(s.indicators[7].counted).toBe(8);
  });
  test("level subtotals 44 / 27 / 9", () => {
    expect(s.levels.map((l) => [l.level1, l.weight, l.computed, l.printedPoints])).toEqual([
      ["产出指标", 50, 44, 50],
      ["效益指标", 30, 27, 30],
      ["满意度指标", 10, 9, 10],
    ]);
  });
  test("indicators 80, execution 8.50, total 88.50 → 良; the entered 88.5 and 良好 are read", () => {
    expect(s.indicatorTotal).toBe(80);
    expect(s.executionScore).toBe(8.5);
    expect(s.total).toBe(88.5);
    expect(s.grade).toBe("良");
    expect(s.enteredTotal).toBe(88.5);
    expect(s.enteredPartsTotal).toBe(88.5);
    expect(s.enteredGrade).toBe("良好");
    expect(s.enteredGradeNormalized).toBe("良");
    expect(s.complete).toBe(true);
    expect(s.notComputed).toEqual([]);
  });
  test("the reverse alternative (T/X) as a setting: 7.27 instead of 7.20", () => {
    const r = run(FULL_EXAMPLE, resolveProfile("national", { reverseFormula: "ratio" }));
    expect(r.indicators[2].result.ok && r.indicators[2].result.score).toBe(7.27);
    expect(r.total).toBe(88.57);
  });
});

describe("scoreProject: profiles and settings as data", () => {
  const sichuanSpec: ProjectSpec = {
    funds: [{ kind: "total", label: "总额", initial: 238.93, budget: 251.89, spent: 251.89, rate: "100.00%", points: 10, score: 10 }],
    rows: [
      { level1: "产出指标", level2: "数量指标", name: "发放覆盖率", sign: "=", target: 100, unit: "%", actual: 100, weight: 60, score: 60 },
      { level1: "效益指标", level2: "社会效益指标", name: "足额保障率", sign: "=", target: 100, unit: "%", actual: 95, weight: 30, score: 28.5, reason: "个别延迟" },
    ],
    total: { weight: 100, score: 98.5 },
  };
  test("四川 10 + 90: 60 + 28.5 + 10 = 98.5 → 优", () => {
    const s = run(sichuanSpec, resolveProfile("sichuan"));
    expect(s.indicatorTotal).toBe(88.5);
    expect(s.total).toBe(98.5);
    expect(s.grade).toBe("优");
    expect(s.indicatorWeight).toBe(90);
  });
  test("execution points follow the setting when the sheet prints none", () => {
    const spec: ProjectSpec = { ...sichuanSpec, funds: [{ kind: "total", label: "总额", budget: 100, spent: 50 }] };
    expect(run(spec, resolveProfile("national", { executionPoints: 20 })).executionScore).toBe(10);
  });
  test("B > A: capped at the points by default, uncapped as a setting", () => {
    const spec: ProjectSpec = { ...sichuanSpec, funds: [{ kind: "total", label: "总额", budget: 100, spent: 120, points: 10 }] };
    expect(run(spec).executionScore).toBe(10);
    expect(run(spec, resolveProfile("national", { capExecutionScore: false })).executionScore).toBe(12);
  });
  test("rescaling to 100 when rows are not applicable (§4.1), only when the profile says so", () => {
    const spec: ProjectSpec = {
      funds: [{ kind: "total", label: "总额", budget: 100, spent: 100, points: 10, score: 10 }],
      rows: [
        { level1: "产出指标", level2: "数量指标", name: "A", target: "≥10个", actual: "10个", weight: 50, score: 50 },
        { level1: "效益指标", level2: "经济效益指标", name: "B", target: "≥10个", actual: "5个", weight: 20, score: 10, reason: "x" },
        { level2: "生态效益指标", name: "C", weight: "/", score: "/" },
        { level1: "满意度指标", level2: "服务对象满意度指标", name: "D", target: "≥90%", actual: "90%", weight: 10, score: 10 },
      ],
    };
    const plain = run(spec);
    expect(plain.total).toBe(80);
    expect(plain.unscaledTotal).toBeUndefined();
    const rescaled = run(spec, resolveProfile("national", { rescaleNotApplicable: true }));
    // (50 + 10 + 10 + 10) / (80 + 10) × 100 = 88.89
    expect(rescaled.unscaledTotal).toBe(80);
    expect(rescaled.total).toBe(88.89);
    expect(rescaled.grade).toBe("良");
  });
  test("grade bands are data: a profile with other bands grades differently", () => {
    const strict = resolveProfile("national", { gradeBands: [{ grade: "优", min: 95 }, { grade: "良", min: 85 }, { grade: "中", min: 70 }, { grade: "差", min: 0 }] });
    expect(run(FULL_EXAMPLE, strict).grade).toBe("良");
    expect(run({ ...FULL_EXAMPLE, funds: [{ kind: "total", label: "总额", budget: 200, spent: 20, points: 10 }] }, strict).grade).toBe("中");
  });
});

describe("scoreProject: what cannot be computed", () => {
  test("rows with no actual fall back to the entered score and are listed", () => {
    const s = run({
      funds: [{ kind: "total", label: "总额", budget: 10, spent: 10, points: 10, score: 10 }],
      rows: [
        { level1: "产出指标", level2: "质量指标", name: "工程质量合格", weight: 10, score: 10 },
        { level2: "数量指标", name: "数量", target: 1, actual: 1, weight: 10, score: 10 },
      ],
    });
    expect(s.indicators[0].basis).toBe("entered");
    expect(s.total).toBe(30);
    expect(s.complete).toBe(false);
    expect(s.notComputed).toHaveLength(1);
    expect(s.notComputed[0].cell).toBe("F13");
  });
  test("nothing filled in: no total, no grade", () => {
    const s = run({ rows: [{ level1: "产出指标", level2: "数量指标", name: "x", target: 100, weight: 60 }] });
    expect(s.total).toBeUndefined();
    expect(s.grade).toBeUndefined();
    expect(s.complete).toBe(false);
  });
  test("no funds block on a self-evaluation: noted, total of the indicators only", () => {
    const s = run({ rows: [{ level1: "产出指标", level2: "数量指标", name: "x", target: "≥1个", actual: "1个", weight: 10, score: 10 }] });
    expect(s.total).toBe(10);
    expect(s.complete).toBe(false);
    expect(s.notComputed[0].reasonEn).toMatch(/execution/);
  });
  test("a 合计 over the indicators only (weight 90) does not include the budget score", () => {
    const s = run({ ...FULL_EXAMPLE, total: { weight: 90, score: 80 } });
    expect(s.totalIncludesExecution).toBe(false);
    expect(s.enteredPartsTotal).toBe(80);
  });
});

describe("scoreProject on the real tables", () => {
  function real(prefix: "02" | "06" | "11", profile = national) {
    const t = recognizeSheet(realGrid(prefix)).tables.find((x): x is IndicatorTable => x.kind !== "budget-list");
    if (!t) throw new Error("no table");
    return scoreProject(t.projects[0], t, profile);
  }
  test("02: total 100 → 优 (entered 100); execution 880/880 → 10; six rows not computable", () => {
    const s = real("02");
    expect(s).toMatchObject({ total: 100, grade: "优", enteredTotal: 100, enteredPartsTotal: 100, executionScore: 10, complete: false });
    expect(s.notComputed).toHaveLength(6);
    expect(s.levels.map((l) => [l.level1, l.weight, l.computed])).toEqual([
      ["产出指标", 50, 50],
      ["效益指标", 30, 30],
      ["满意度指标", 10, 10],
    ]);
  });
  test("06: indicators 80 + execution 9.78 = 89.78 → 良 (the sheet's own 9 would give 89)", () => {
    const s = real("06");
    expect(s).toMatchObject({ indicatorTotal: 80, executionScore: 9.78, total: 89.78, grade: "良", enteredPartsTotal: 89 });
  });
  test("11: nothing filled in — no total, the reasons listed", () => {
    const s = real("11", resolveProfile("sichuan"));
    expect(s.total).toBeUndefined();
    expect(s.executionScore).toBe(10);
    expect(s.notComputed.map((n) => n.cell)).toEqual(["H15", "H16"]);
  });
});

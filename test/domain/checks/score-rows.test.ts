import { checkWorkbook } from "../../../src/domain/engine";
import { makeIssue } from "../../../src/domain/catalog";
import { checkContext, runCheck } from "../../../src/domain/checks";
import { scoreRows } from "../../../src/domain/checks/score-rows";
import type { IssueDraft } from "../../../src/domain/issues";
import { PROFILES, resolveProfile } from "../../../src/domain/profiles";
import type { Profile } from "../../../src/domain/profiles/types";
import type { IndicatorTable } from "../../../src/domain/tables/model";
import { recognizeSheet } from "../../../src/domain/tables/recognize";
import { realGrid } from "../../helpers/real";
import { buildProject, buildTable, FULL_EXAMPLE, type RowSpec } from "../scoring/build";

const national = PROFILES.national;

function check(rows: RowSpec[], profile: Profile = national, kind: "self-evaluation" | "evaluation" | "target" = "self-evaluation"): IssueDraft[] {
  const p = buildProject({ rows });
  return runCheck(scoreRows, checkContext(p, buildTable(p, kind), profile)).map(makeIssue); // as reported: words written
}
const codes = (issues: IssueDraft[]) => issues.map((i) => i.code);

describe("score-rows on hand-built rows", () => {
  test("declares its codes", () => {
    expect([...scoreRows.codes].sort()).toEqual(
      ["score.exceeds-weight", "score.missing-actual", "score.missing-reason", "score.mismatch", "score.out-of-band", "score.over-achievement"].sort(),
    );
  });
  test("the full example of §4.6 is clean", () => {
    const p = buildProject(FULL_EXAMPLE);
    expect(runCheck(scoreRows, checkContext(p, buildTable(p), national))).toEqual([]);
  });
  test("score.mismatch: entered 7, rule gives 10; expected is the computed value; cell is the score", () => {
    const [i] = check([{ level1: "产出指标", level2: "数量指标", name: "培训人次", target: "≥500人次", actual: "600人次", weight: 10, score: 7, reason: "x" }]);
    expect(i).toMatchObject({ code: "score.mismatch", cell: "H13", value: "7", expected: "10" });
    expect(i.message).toContain("得分7与按规则计算的10不符");
    expect(i.messageEn).toContain("entered score 7, the rule gives 10");
  });
  test("within the tolerance (0.1) is no mismatch; a tighter tolerance as a setting flags it", () => {
    const rows: RowSpec[] = [{ level1: "产出指标", level2: "成本指标", name: "成本", target: "≤90万元", actual: "99万元", weight: 8, score: 7.27, reason: "涨价" }];
    expect(check(rows)).toEqual([]);
    expect(codes(check(rows, resolveProfile("national", { scoreTolerance: 0.05 })))).toEqual(["score.mismatch"]);
  });
  test("the reverse formula is a setting: 7.27 is exact under T/X", () => {
    const rows: RowSpec[] = [{ level1: "产出指标", level2: "成本指标", name: "成本", target: "≤90万元", actual: "99万元", weight: 8, score: 7.27, reason: "涨价" }];
    expect(check(rows, resolveProfile("national", { reverseFormula: "ratio", scoreTolerance: 0 }))).toEqual([]);
  });
  test("score.exceeds-weight", () => {
    const is = check([{ level1: "产出指标", level2: "数量指标", name: "x", target: "≥5个", actual: "5个", weight: 10, score: 12 }]);
    expect(codes(is)).toContain("score.exceeds-weight");
    expect(is.find((i) => i.code === "score.exceeds-weight")).toMatchObject({ expected: "≤ 10", cell: "H13" });
  });
  test("score.missing-reason: below the weight with no reason, or '无'", () => {
    const base: RowSpec = { level1: "产出指标", level2: "数量指标", name: "x", target: "≥500人次", actual: "450人次", weight: 10, score: 9 };
    expect(codes(check([base]))).toEqual(["score.missing-reason"]);
    expect(check([base])[0].cell).toBe("I13");
    expect(codes(check([{ ...base, reason: "无" }]))).toEqual(["score.missing-reason"]);
    expect(check([{ ...base, reason: "部分学员请假" }])).toEqual([]);
  });
  test("score.missing-actual: a weighted row with an empty 实际完成值", () => {
    const [i] = check([{ level1: "产出指标", level2: "质量指标", name: "工程质量合格", weight: 10, score: 10 }]);
    expect(i).toMatchObject({ code: "score.missing-actual", cell: "F13", value: "" });
    expect(i.message).toContain("却得分10");
  });
  test("score.over-achievement: > 20% beyond the target; 20% itself is not flagged; threshold is a setting", () => {
    const row = (actual: string): RowSpec => ({ level1: "产出指标", level2: "数量指标", name: "x", target: "≥100个", actual, weight: 10, score: 10 });
    expect(codes(check([row("130个")]))).toEqual(["score.over-achievement"]);
    expect(check([row("130个")])[0].cell).toBe("F13");
    expect(check([row("120个")])).toEqual([]);
    expect(check([row("130个")], resolveProfile("national", { overAchievementThreshold: 0.5 }))).toEqual([]);
  });
  test("a rate at its ceiling (100 %) is not over-achievement; below the ceiling, or a count, still is", () => {
    const sat = (target: string, actual: string): RowSpec => ({ level1: "满意度指标", level2: "服务对象满意度指标", name: "群众满意度", target, actual, weight: 10, score: 10 });
    expect(check([sat("≥80%", "100%")])).toEqual([]);
    expect(check([sat("≥80％", "100 ％")])).toEqual([]);
    expect(check([sat("≥70%", "100")])).toEqual([]);
    expect(codes(check([sat("≥60%", "95%")]))).toEqual(["score.over-achievement"]);
    const count = (actual: string): RowSpec => ({ level1: "产出指标", level2: "数量指标", name: "x", target: "≥80个", actual, weight: 10, score: 10 });
    expect(codes(check([count("100个")]))).toEqual(["score.over-achievement"]);
  });
  test("score.out-of-band: 部分达成 with 8 of 10 (§4.4)", () => {
    const [i] = check([{ level1: "效益指标", level2: "社会效益指标", name: "x", sign: "定性", target: "有效", actual: "部分达成年度指标并具有一定效果", weight: 10, score: 8, reason: "y" }]);
    expect(i).toMatchObject({ code: "score.out-of-band", expected: "[6, 8)" });
    expect(check([{ level1: "效益指标", level2: "社会效益指标", name: "x", sign: "定性", target: "有效", actual: "部分达成", weight: 10, score: 7, reason: "y" }])).toEqual([]);
  });
  test("an empty 得分 where the rule gives one is a mismatch", () => {
    const [i] = check([{ level1: "产出指标", level2: "数量指标", name: "x", target: "≥5个", actual: "5个", weight: 10 }]);
    expect(i).toMatchObject({ code: "score.mismatch", value: "", expected: "10" });
  });
  test("a time target missed with full marks is a mismatch; finishing early is fine", () => {
    const late = check([{ level1: "产出指标", level2: "时效指标", name: "完工", target: "2023年6月", actual: "2023年9月", weight: 10, score: 10 }]);
    expect(codes(late)).toEqual(["score.mismatch"]);
    expect(late[0].expected).toBe("< 10");
    expect(check([{ level1: "产出指标", level2: "时效指标", name: "完工", target: "2023年12月", actual: "2023年10月", weight: 15, score: 15 }])).toEqual([]);
  });
  test("declarations (target tables) are not scored; an evaluation sheet with 完成值/得分 columns is scored like a self-evaluation", () => {
    const rows: RowSpec[] = [{ level1: "产出指标", level2: "数量指标", name: "x", target: "≥5个", weight: 10, score: 12 }];
    expect(check(rows, national, "target")).toEqual([]);
    // 决策/过程/产出/效益 scoring sheets (银川, 南昌 部门整体 forms in test/real/) carry the same row faults.
    expect(codes(check(rows, national, "evaluation"))).toEqual(["score.exceeds-weight", "score.missing-actual"]);
  });
});

function real(prefix: "02" | "06" | "11", profile: Profile = national): IssueDraft[] {
  const rec = recognizeSheet(realGrid(prefix));
  const t = rec.tables.find((x): x is IndicatorTable => x.kind !== "budget-list");
  if (!t) throw new Error(`no indicator table in ${prefix}`);
  return t.projects.flatMap((p) => runCheck(scoreRows, checkContext(p, t, profile)).map(makeIssue));
}

describe("score-rows on the real tables", () => {
  test("02: the six indicators with empty target and actual but full scores are score.missing-actual, nothing else", () => {
    const is = real("02");
    expect(codes(is)).toEqual(Array(6).fill("score.missing-actual"));
    expect(is.map((i) => i.cell)).toEqual(["F16", "F19", "F22", "F25", "F28", "F34"]);
  });
  test("06: all visible rows are consistent (the 2023年10月 completion beats the 2023年12月 deadline)", () => {
    expect(real("06")).toEqual([]);
  });
  test("11: every empty 完成值 is score.missing-actual", () => {
    const is = real("11", resolveProfile("sichuan"));
    expect(codes(is)).toEqual(["score.missing-actual", "score.missing-actual"]);
    expect(is.map((i) => i.cell)).toEqual(["H15", "H16"]);
  });
});

describe("score.missing-reason on a self-evaluation that scores no row (转移支付, real 111)", () => {
  const sheet = (actual: string, reason: string | null) =>
    checkWorkbook([
      {
        sheet: "自评表",
        top: 0,
        left: 0,
        values: [
          ["中央转移支付项目绩效自评表", null, null, null, null, null],
          ["转移支付(项目)名称", "全民健身中心项目", null, null, null, null],
          ["一级指标", "二级指标", "三级指标", "指标值", "全年实际完成值", "未完成原因和改进措施"],
          ["产出指标", "数量指标", "新建全民健身中心数量", "1个", actual, reason],
          ["效益指标", "社会效益指标", "服务群众人次", "≥5万人次", "6万人次", null],
          ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", null],
        ],
      },
    ]).issues.filter((i) => i.code === "score.missing-reason");
  test.each(["建设中", "主体工程未完工", "正在施工"])("an actual %s with no reason is flagged at the reason cell", (actual) => {
    expect(sheet(actual, null).map((i) => [i.cell, i.message])).toEqual([["F4", `实际完成值“${actual}”表明目标未完成，未填写偏差原因分析及改进措施`]]);
  });
  test("a reason given, or an actual that is done, is not", () => {
    expect(sheet("建设中", "受雨季影响工期顺延，预计次年6月完工")).toEqual([]);
    expect(sheet("1个", null)).toEqual([]);
    expect(sheet("已完成", null)).toEqual([]);
  });
});

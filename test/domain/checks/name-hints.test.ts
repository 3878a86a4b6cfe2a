/**
 * Names that still carry the template's hint, and names that disagree with their 指标值 (real table 17 and
 * variants of our own).
 */
import { checkWorkbook } from "../../../src/domain/engine";
import type { Grid } from "../../../src/domain/grid";
import { checkSingleRow } from "../../../src/domain/checks/single-row";
import { resolveProfile } from "../../../src/domain/profiles";
import { realGrid } from "../../helpers/real";
import fc from "fast-check";
import { mayStateFigure } from "../../../src/domain/checks/name-value";

const HEAD = ["一级指标", "二级指标", "三级指标", "指标值"];
const target = (rows: string[][]): Grid => ({
  sheet: "目标表",
  top: 0,
  left: 0,
  values: [["项目名称", "测试项目", "", ""], HEAD, ...rows, ["效益指标", "社会效益指标", "受益人数", "≥100人"], ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"]],
});

describe("template hints inside a filled indicator's name", () => {
  test("real table 17: ten names with (≥**…) hints and filled values are warnings that say so, never 尚未填写", () => {
    const r = checkWorkbook([realGrid("17")]);
    const ph = r.issues.filter((i) => i.code === "indicator.placeholder");
    expect(ph).toHaveLength(10);
    for (const i of ph) {
      expect(i.severity).toBe("warning");
      expect(i.message).toMatch(/仍留有模板提示/);
      expect(i.message).not.toMatch(/尚未填写/);
    }
    expect(ph.find((i) => i.cell === "D11")?.expected).toBe("贫困地区旅游景点开发数量");
  });

  test.each([
    ["培训人数(≥**人)", "≥300人", "培训人数"],
    ["培训人数（≥XX人）", "≥300人", "培训人数"],
    ["受益人口数≥**人", "≥29人", "受益人口数"],
  ])("%j with value %j: a warning, the name without the hint expected", (name, value, bare) => {
    const r = checkWorkbook([target([["产出指标", "数量指标", name, value]])]);
    const ph = r.issues.filter((i) => i.code === "indicator.placeholder");
    expect(ph).toHaveLength(1);
    expect(ph[0].severity).toBe("warning");
    expect(ph[0].expected).toBe(bare);
  });

  test("a hint in the name with the value left as the hint too is still an unfilled template: an error", () => {
    const r = checkWorkbook([target([["产出指标", "数量指标", "培训人数(≥**人)", "≥**人"]])]);
    const ph = r.issues.filter((i) => i.code === "indicator.placeholder");
    expect(ph.length).toBeGreaterThan(0);
    expect(ph.every((i) => i.severity === "error")).toBe(true);
  });
});

describe("name and value disagree", () => {
  test("real table 17: 质量达标率100% against >=98%, one error at the value (a reviewer asks which is right)", () => {
    const r = checkWorkbook([realGrid("17")]);
    const c = r.issues.filter((i) => i.code === "indicator.name-value-conflict");
    expect(c.map((i) => i.cell)).toEqual(["E13"]);
    expect(c[0].severity).toBe("error");
    expect(c[0].expected).toBe("100%");
  });

  test.each([
    ["建设质量达标率100%", "≥98%", true],
    ["补助标准500元/人", "≥600元/人", true],
    ["完成3个村道路硬化", "≥3个", false], // the name repeats the value
    ["38.75万元", "38.75万元", false],
    ["2023年道路养护里程", "≥120公里", false], // a year is not a figure in the value's unit
    ["覆盖3875人的发放率", "≥95%", false], // a count beside a rate
    ["达标率(100%)", "≥95%", true],
  ])("%j vs %j → conflict %s", (name, value, conflict) => {
    const r = checkWorkbook([target([["产出指标", "质量指标", name, value]])]);
    expect(r.issues.some((i) => i.code === "indicator.name-value-conflict")).toBe(conflict);
  });

  test.each([
    ["年内无群体性事件发生", "小于5次", true], // real 30: none promised, some allowed
    ["杜绝安全事故", "≤2起", true],
    ["年内无群体性事件发生", "0次", false],
    ["群体性事件发生次数", "小于5次", false], // a count kept low, nothing promised
    ["无上访户数增加", "≥5户", false], // a floor is no allowance
  ])("a name that says none over %j: %j → conflict %s", (name, value, conflict) => {
    const r = checkWorkbook([target([["效益指标", "社会效益指标", name, value]])]);
    const found = r.issues.filter((i) => i.code === "indicator.name-value-conflict");
    expect(found.length > 0).toBe(conflict);
    if (conflict) expect(found[0].message).toContain("写明不发生");
  });

  test.each([
    ["慰问伤残军人50人;革命烈士遗属50人;烈士家庭6户", "100%", "数量指标", true], // real 30
    ["慰问伤残军人50人", "≥50人", "数量指标", false], // the count is the target
    ["慰问对象覆盖率(50人)", "100%", "数量指标", false], // a share
    ["慰问伤残军人50人", "100%", "质量指标", false], // not a quantity indicator
  ])("quantities in the name %j over %j (%s) → conflict %s", (name, value, level2, conflict) => {
    const r = checkWorkbook([target([["产出指标", level2, name, value]])]);
    const found = r.issues.filter((i) => i.code === "indicator.name-value-conflict");
    expect(found.length > 0).toBe(conflict);
    if (conflict) expect(found[0].expected).toBe("50人、50人、6户");
  });

  test("JX.CHECK's row checks include it", () => {
    const issues = checkSingleRow({ level1: "产出指标", level2: "质量指标", name: "达标率100%", target: "≥98%", unit: "", weight: 10 }, resolveProfile("national"));
    expect(issues.map((i) => i.code)).toContain("indicator.name-value-conflict");
  });
});

describe("the quick test before a name's figures are read", () => {
  // The expression name-value.ts reads figures with, written again here: the quick test answers for it.
  const FIGURE = /(\d{1,12}(?:\.\d{1,6})?)\s{0,2}(%|％|[^\d\s.,，、;；:：()（）≥≤><=*]{1,4})/;

  test("a name numbered in brackets states no figure; a rate, a count or a spaced figure may", () => {
    expect(mayStateFigure("城关镇道路硬化培训人次(12345)")).toBe(false);
    expect(mayStateFigure("培训人次")).toBe(false);
    expect(mayStateFigure("质量达标率100%")).toBe(true);
    expect(mayStateFigure("培训 3875 人")).toBe(true);
    expect(mayStateFigure("38.75万元")).toBe(true);
  });

  test("never says no where the expression finds a figure (property)", () => {
    const ch = fc.constantFrom("1", "0", "9", ".", " ", "\u3000", "%", "％", "人", "万", "元", ",", "，", "、", ";", "：", "(", ")", "（", "）", "≥", "≤", ">", "<", "=", "*", "１", "率", "a");
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 14 }), (chars) => {
        const name = chars.join("");
        if (FIGURE.test(name)) expect(mayStateFigure(name)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});


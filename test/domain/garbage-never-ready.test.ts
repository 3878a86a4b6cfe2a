/**
 * Garbage is never ready (issue 25 item 4): a table whose targets only hold their place (待定, 见附件, 略, 另附, TBD,
 * N/A, ?, all 0) or whose names are the template's numbering (指标1, 指标2) is not filled in, or its rows are
 * placeholders, by how many rows are so; random text in every cell is not an indicator table at all.
 */
import fc from "fast-check";
import { checkWorkbook } from "../../src/domain/engine";
import type { CellValue } from "../../src/domain/grid";
import { verdictOf } from "../../src/domain/report";

type Row = CellValue[];
const CATS: [string, string][] = [
  ["产出指标", "数量指标"],
  ["产出指标", "质量指标"],
  ["效益指标", "社会效益指标"],
  ["满意度指标", "服务对象满意度指标"],
];
const form = (name: (i: number) => string, target: (i: number) => string): Row[] => [
  ["项目支出绩效目标申报表", null, null, null],
  ["项目名称", "乡村道路养护", "主管部门", "县交通运输局"],
  ["实施单位", "县公路段", null, null],
  ["一级指标", "二级指标", "三级指标", "指标值"],
  ...CATS.map(([l1, l2], i) => [l1, l2, name(i), target(i)]),
];
const list = (name: (i: number) => string, target: (i: number) => string): Row[] => [
  ["项目名称", "一级指标", "二级指标", "三级指标", "指标值"],
  ...CATS.map(([l1, l2], i) => ["道路养护", l1, l2, name(i), target(i)]),
];
const check = (values: Row[]) => checkWorkbook([{ sheet: "表", top: 0, left: 0, values }]);
const NAMES = ["养护里程", "验收合格率", "通行条件改善率", "群众满意度"];

describe.each(["待定", "见附件", "略", "另附", "TBD", "N/A", "?", "0"])("every target “%s”", (placeholder) => {
  it("a form is not filled in", () => {
    const r = check(form((i) => NAMES[i], () => placeholder));
    expect(verdictOf(r)).toBe("not-filled");
  });
});

describe.each(["待定", "见附件", "略", "TBD", "N/A", "?"])("target “%s” in a list", (placeholder) => {
  it("every such row is a placeholder, never ready", () => {
    const r = check(list((i) => NAMES[i], () => placeholder));
    expect(r.issues.filter((i) => i.code === "indicator.placeholder")).toHaveLength(4);
    expect(verdictOf(r)).not.toBe("ready");
  });
});

it("one placeholder target among real ones is that row's error, the form is filled", () => {
  const r = check(form((i) => NAMES[i], (i) => (i === 1 ? "待定" : ["≥120公里", "≥98%", "≥90%", "≥90%"][i])));
  expect(r.issues.filter((i) => i.code === "indicator.placeholder").map((i) => i.cell)).toEqual(["D6"]);
  expect(verdictOf(r)).toBe("not-ready");
});

it("无 and 0 are real answers on a row or two (安全事故 无, 投诉 0起)", () => {
  const r = check(form((i) => ["养护里程", "安全事故", "投诉件数", "群众满意度"][i], (i) => ["≥120公里", "无", "0件", "≥90%"][i]));
  expect(r.issues.filter((i) => i.code === "indicator.placeholder" || i.code === "table.not-filled")).toEqual([]);
});

it("names that are the template's numbering (指标1, 指标2): a form is not filled in; a list's rows are placeholders", () => {
  expect(verdictOf(check(form((i) => `指标${i + 1}`, () => "≥95%")))).toBe("not-filled");
  const r = check(list((i) => `指标${i + 1}`, () => "≥95%"));
  expect(r.issues.filter((i) => i.code === "indicator.placeholder" && i.severity === "error")).toHaveLength(4);
  expect(verdictOf(r)).toBe("not-ready");
});

it("random Chinese text in every cell is not recognized as an indicator table, and never ready (property)", () => {
  const cjk = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));
  const cell = fc.array(cjk, { minLength: 1, maxLength: 8 }).map((a) => a.join(""));
  const grid = fc.array(fc.array(cell, { minLength: 2, maxLength: 8 }), { minLength: 2, maxLength: 12 });
  fc.assert(
    fc.property(grid, (values) => {
      const r = check(values);
      return verdictOf(r) !== "ready";
    }),
    { numRuns: 200, seed: 25 },
  );
});

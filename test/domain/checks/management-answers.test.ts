/**
 * form.management-answer (checks/management-answers.ts): a self-evaluation's management questions answered 否 where
 * the rules want 是 (湖南 项目绩效自评报告表, real 123). Forms of our own, both ways, traditional characters too.
 */
import { checkWorkbook } from "../../../src/domain/engine";
import type { CellValue } from "../../../src/domain/grid";

type Row = CellValue[];
const form = (procured: string, tender: string, treasury: string, contract: string): Row[] => [
  ["2021年项目绩效自评报告表(实施单位用)", null, null],
  ["基本情况", "项目名称", "传染病防治"],
  [null, "项目单位", "市疾控中心"],
  ["实施情况", "是否实施政府采购及金额", procured],
  [null, "是否实行招投标", tender],
  [null, "是否实行国库集中支付", treasury],
  [null, "是否实行工程代理和投资评审制", "□是√否"],
  [null, "是否实行合同管理制", contract],
];
const found = (values: Row[]) =>
  checkWorkbook([{ sheet: "自评报告", top: 0, left: 0, values }])
    .issues.filter((i) => i.code === "form.management-answer")
    .map((i) => [i.cell, i.message]);

describe("management questions answered no", () => {
  test("a purchase with no tender and no contract is one finding; the treasury answer another (real 123)", () => {
    expect(found(form("√是□否", "□是√否", "□是√否", "□是√否"))).toEqual([
      ["C5", "本表填报实施了政府采购，“是否实行招投标”和“是否实行合同管理制”却答“否”：政府采购应订立书面合同，应说明原因或予以纠正"],
      ["C6", "“是否实行国库集中支付”答“否”：财政资金未通过国库集中支付，应说明原因或予以纠正"],
    ]);
  });

  test("written in traditional characters, the same", () => {
    const values = form("√是□否", "□是√否", "□是√否", "√是□否").map((r) => r.map((v) => (typeof v === "string" ? v.replace("实行", "實行").replace("国库", "國庫") : v)));
    expect(found(values).map(([c]) => c)).toEqual(["C5", "C6"]);
  });

  test("a tender answered no with a contract made asks the purchase method, not a breach", () => {
    expect(found(form("√是□否", "□是√否", "√是□否", "√是□否"))).toEqual([
      ["C5", "本表填报实施了政府采购，“是否实行招投标”答“否”且未说明原因：应写明所用的采购方式（如询价、竞争性谈判）"],
    ]);
  });

  test("each form on a sheet answers for itself", () => {
    const second = form("□是√否", "□是√否", "√是□否", "□是√否").slice(1);
    const values = [...form("√是□否", "√是□否", "√是□否", "√是□否"), ...second];
    expect(found(values)).toEqual([]);
  });

  test.each([
    ["no purchase: no tender or contract is asked", "□是√否", "□是√否", "√是□否", "□是√否", []],
    ["every rule followed", "√是□否", "√是□否", "√是□否", "√是□否", []],
    ["an answer with no box ticked says nothing", "√是□否", "□是□否", "是", "√是□否", []],
    ["answers that give their reason are answered", "√是□否", "□是√否(未达公开招标数额标准，采用询价方式)", "□是√否(系单位自有资金)", "√是□否", []],
  ])("%s", (_why, procured, tender, treasury, contract, cells) => {
    expect(found(form(procured, tender, treasury, contract)).map(([c]) => c)).toEqual(cells);
  });
});

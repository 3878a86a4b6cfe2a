/**
 * A funds block written as label | figure rows whose labels name measures (区域绩效自评表, real 32:
 * 转移支付预算数(A) | 5.8万 | 预算执行率(B/A) | 100%, then 转移支付执行数(B) | 5.8万): one row of A, B and the rate,
 * not two sources of money with no spending. Forms of our own, both ways.
 */
import { checkWorkbook } from "../../../src/domain/engine";
import type { CellValue } from "../../../src/domain/grid";
import { recognizeSheet } from "../../../src/domain/tables/recognize";
import type { FundsBlock } from "../../../src/domain/tables/model";

type Row = CellValue[];

function form(funds: Row[]): Row[] {
  return [
    ["2023年度转移支付区域绩效目标自评表", null, null, null, null],
    ["单位名称", "某县市场监督管理局", "联系人", "张三", null],
    ...funds,
    ["一级指标", "二级指标", "三级指标", "年度指标值", "全年实际完成值"],
    ["产出指标", "数量指标", "药品抽验批次", "≥60批次", "62批次"],
    [null, "质量指标", "抽检完成率", "≥95%", "100%"],
    ["效益指标", "社会效益指标", "群众用药安全知晓率", "≥90%", "92%"],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%"],
  ];
}
const grid = (values: Row[]) => ({ sheet: "自评表", top: 0, left: 0, values });
const fundsOf = (values: Row[]): FundsBlock | undefined => {
  const t = recognizeSheet(grid(values)).tables[0];
  return t && t.kind !== "budget-list" ? t.projects[0].funds : undefined;
};
const budgetCodes = (values: Row[]) =>
  checkWorkbook([grid(values)])
    .issues.filter((i) => i.code.startsWith("budget."))
    .map((i) => `${i.code}@${i.cell}`);

const MEASURES = (spent: string, rate: string): Row[] => [
  ["预算执行情况(万元)", "转移支付预算数(A)", "5.8万", "预算执行率(B/A)", rate],
  [null, "转移支付执行数(B)", spent, null, null],
];

describe("a funds block of measures, label | figure", () => {
  test("is one row: A, B and the rate written beside them", () => {
    const f = fundsOf(form(MEASURES("5.8万", "100%")));
    expect(f?.rows.map((r) => [r.kind, r.budget?.address, r.spent?.address, r.rate?.address])).toEqual([["total", "C3", "C4", "E3"]]);
    expect(budgetCodes(form(MEASURES("5.8万", "100%")))).toEqual([]);
  });

  test("its figures are checked: a rate that B/A does not give is said at the rate", () => {
    expect(budgetCodes(form(MEASURES("2.9万", "100%")))).toContain("budget.rate-mismatch@E3");
  });

  test("(A) and (B) alone name the measures too", () => {
    const f = fundsOf(form([["资金情况(万元)", "全年预算数(A)", 10, null, null], [null, "全年执行数(B)", 8, null, null]]));
    expect(f?.rows.map((r) => [r.kind, r.budget?.text, r.spent?.text])).toEqual([["total", "10", "8"]]);
  });

  test("sources of money stay parts of the block", () => {
    const f = fundsOf(form([["项目资金(万元)", "中央财政资金", 5, null, null], [null, "地方财政资金", 3, null, null]]));
    expect(f?.rows.map((r) => r.kind)).toEqual(["part", "part"]);
  });
});

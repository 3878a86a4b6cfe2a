/**
 * form.missing-field in a 转移支付 self-evaluation's 资金管理情况 block (checks/funds-management.ts): an aspect whose
 * 情况说明 is blank. Our own blocks shaped as the published ones (real 96: answers in the column under 情况说明;
 * real 115: a 列次 row and sub-aspects beside the aspects), both ways.
 */
import { checkWorkbook } from "../../../src/domain/engine";
import type { Grid } from "../../../src/domain/grid";

type Cell = string | number | null;
const FUNDS: Cell[][] = [
  ["中央对地方转移支付区域绩效自评表", null, null, null],
  ["转移支付(项目)名称", "就业补助资金", null, null],
  ["资金投入情况(万元)", null, "全年预算数(A)", "全年执行数(B)"],
  [null, "年度资金总额:", 808.1, 808.1],
  [null, "其中:中央财政资金", 808.1, 808.1],
];
const INDICATORS: Cell[][] = [
  ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "全年实际完成值"],
  [null, "产出指标", "数量指标", "补贴人数", "≥500人", "612人"],
];
const blanks = (block: Cell[][]): string[] =>
  checkWorkbook([{ sheet: "自评表", top: 0, left: 0, values: [...FUNDS, ...block, ...INDICATORS] } as Grid])
    .issues.filter((i) => i.code === "form.missing-field")
    .map((i) => `${i.cell} ${i.message}`);

describe("资金管理情况: an aspect left without its 情况说明", () => {
  test("blank aspects are said at their answer cell; filled ones and the next section are not", () => {
    const block: Cell[][] = [
      ["资金管理情况", null, "情况说明", "存在问题和改进措施"],
      [null, "分配科学性", "合理分配，优先保障工资社保。", null],
      [null, "下达及时性", null, null],
      [null, "拨付合规性", "严格按照国库集中支付制度支付", null],
      ["预算绩效管理情况", null, "纳入本级预算绩效管理", null],
      ["支出责任履行情况", null, null, null],
      ["总体目标完成情况", "总体目标", null, "全年实际完成情况"],
    ];
    expect(blanks(block)).toEqual(["C8 资金管理情况中“下达及时性”的情况说明未填写", "C11 资金管理情况中“支出责任履行情况”的情况说明未填写"]);
  });

  test("a 列次 row and sub-aspects (资金到位率 beside 下达及时性) are read through; all answered → nothing", () => {
    const block: Cell[][] = [
      ["资金管理情况", null, null, "情况说明"],
      ["列次", null, null, 8],
      ["分配科学性", 5, "资金分配规范性", "严格按照管理办法分配资金"],
      ["下达及时性", 7, "资金分解下达进度", "及时分解下达"],
      [null, 8, "资金到位率", "资金已到位"],
      ["拨付合规性", 9, "资金拨付合规性", "按国库集中支付制度支付"],
    ];
    expect(blanks(block)).toEqual([]);
    block[5][3] = null;
    expect(blanks(block)).toEqual(["D11 资金管理情况中“拨付合规性”的情况说明未填写"]);
  });

  test("the same labels without a 资金管理情况 title over a 情况说明 column are no such block", () => {
    const block: Cell[][] = [
      ["管理情况", null, "说明", null],
      [null, "下达及时性", null, null],
    ];
    expect(blanks(block)).toEqual([]);
  });
});

/**
 * budget.execution-unverifiable: the rule added as one catalog entry, one check file and this fixture. A
 * self-evaluation whose funds block has no 全年执行数 as a figure anywhere cannot have its 预算执行率 verified.
 */
import { checkWorkbook } from "../../../src/domain/engine";
import type { CellValue, Grid } from "../../../src/domain/grid";

const HEAD: CellValue[][] = [
  ["项目支出绩效自评表", null, null, null, null, null, null, null],
  ["项目名称", "乡村道路养护", null, null, null, null, null, null],
];
const INDICATORS: CellValue[][] = [
  ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
  ["产出指标", "数量指标", "养护里程", "≥20公里", "20公里", 50, 50, null],
  ["效益指标", "社会效益指标", "群众出行便利度", "≥90%", "95%", 30, 30, null],
  ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "96%", 10, 10, null],
];

function selfEvaluation(funds: CellValue[][]): Grid {
  return { sheet: "自评表", top: 0, left: 0, values: [...HEAD, ...funds, ...INDICATORS] };
}

const FUNDS_HEADER: CellValue[] = ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"];
const codes = (g: Grid) => checkWorkbook([g]).issues.filter((i) => i.code === "budget.execution-unverifiable");

describe("budget.execution-unverifiable", () => {
  it("is said once, at the total row's 执行数, when the spending is text", () => {
    const found = codes(
      selfEvaluation([FUNDS_HEADER, [null, "年度资金总额", 100, 100, "已按进度拨付", 10, null, 10], [null, "其中：财政拨款", 100, 100, "已拨付", null, null, null]]),
    );
    expect(found).toHaveLength(1);
    expect(found[0].cell).toBe("E4");
    expect(found[0].message).toContain("“已按进度拨付”");
    expect(found[0].severity).toBe("error");
    expect(found[0].source).toContain("财预〔2020〕10号");
  });

  it("is said when the 执行数 is left blank on every row", () => {
    const found = codes(selfEvaluation([FUNDS_HEADER, [null, "年度资金总额", 100, 100, null, 10, null, null], [null, "其中：财政拨款", 100, 100, null, null, null, null]]));
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain("未填写全年执行数");
  });

  it("is silent when any row gives the spending as a figure, amounts with units included", () => {
    expect(codes(selfEvaluation([FUNDS_HEADER, [null, "年度资金总额", 100, 100, 95, 10, "95%", 9.5]]))).toEqual([]);
    expect(codes(selfEvaluation([FUNDS_HEADER, [null, "年度资金总额", "100万元", "100万元", "95万元", 10, null, 9.5]]))).toEqual([]);
  });

  it("is silent on target tables (no spending to report yet)", () => {
    const target: Grid = {
      sheet: "目标表",
      top: 0,
      left: 0,
      values: [["项目支出绩效目标表"], ["项目名称", "乡村道路养护"], FUNDS_HEADER.slice(0, 4), [null, "年度资金总额", 100, 100], ...INDICATORS.map((r) => r.slice(0, 4).concat([r[5]]))],
    };
    expect(codes(target)).toEqual([]);
  });
});

/**
 * Budget-block variants real forms use (real tables 11, 15, 16 and variants of our own): letters in the headers,
 * no 全年预算数 column (A is the 年初预算数), header words broken by line breaks, a rate printed rounded and
 * scored as printed, the form's 得分计算方法 or 填报说明 text in the reason column (not a reason), a budget
 * adjusted during the year with no reason, and narrative cells still holding the template's instructions.
 */
import { checkWorkbook } from "../../../src/domain/engine";
import type { Grid } from "../../../src/domain/grid";
import { realGrid } from "../../helpers/real";

const INDICATORS: (string | number | null)[][] = [
  ["绩效指标", "一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分", "偏差原因"],
  [null, "产出指标", "数量指标", "保洁面积", 50, "≥10万平方米", "10万平方米", 50, null],
  [null, "效益指标", "社会效益指标", "道路整洁率", 30, "≥95%", "96%", 30, null],
  [null, "满意度指标", "服务对象满意度指标", "居民满意度", 10, "≥90%", "92%", 10, null],
];

function form(funds: (string | number | null)[][]): Grid {
  return { sheet: "自评", top: 0, left: 0, values: [["项目名称", "保洁外包", null, null, null, null, null, null, null], ...funds, ...INDICATORS] };
}
const codes = (g: Grid) => checkWorkbook([g]).issues.map((i) => `${i.code}@${i.cell}`);

describe("budget blocks", () => {
  test("real table 16: A is 年初预算数(A); 49.88 % shown as 50 % and scored 5: only the low execution without a reason", () => {
    const r = checkWorkbook([realGrid("16")]);
    const budget = r.issues.filter((i) => i.code.startsWith("budget."));
    expect(budget.map((i) => `${i.code}@${i.cell}`)).toEqual(["budget.low-execution@F5"]);
    expect(budget[0].message).toMatch(/49\.88%/);
  });

  test("variant: 年初预算数(A) | 全年执行数(B) | 执行率(B/A), line breaks in the header words, amounts with 万元", () => {
    const g = form([
      ["项目资金(万元)", null, "年初预\n\n算数(A)", "全年执\n行数(B)", "分值", "执行率\n(B/A)", "得分", "得分计算方法", null],
      [null, "年度资金总额:", "200万元", "190万元", 10, "95%", 9.5, "执行率*该指标分值,最高不得超过分值上限。", null],
    ]);
    const found = codes(g);
    expect(found.filter((c) => c.startsWith("budget."))).toEqual([]);
  });

  test("variant: low execution with the form's scoring-method text in the reason column is still unexplained", () => {
    const g = form([
      ["项目资金(万元)", null, "年初预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分", "原因说明", null],
      [null, "年度资金总额:", 200, 100, 10, "50%", 5, "执行率*该指标分值,最高不得超过分值上限。", null],
    ]);
    expect(codes(g)).toContain("budget.low-execution@F3");
  });

  test("variant: low execution with a real reason is explained", () => {
    const g = form([
      ["项目资金(万元)", null, "年初预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分", "原因说明", null],
      [null, "年度资金总额:", 200, 100, 10, "50%", 5, "合同分两年支付，尾款次年初结算", null],
    ]);
    expect(codes(g).filter((c) => c.startsWith("budget.low-execution"))).toEqual([]);
  });

  test("年初预算数 ≠ 全年预算数 with no reason: one warning; with a reason: none", () => {
    const funds = (reason: string | null) => [
      ["项目资金(万元)", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", "原因"],
      [null, "年度资金总额:", 100, 120, 120, 10, "100%", 10, reason],
    ];
    expect(codes(form(funds(null)))).toContain("budget.adjustment-unexplained@D3");
    expect(codes(form(funds("年中追加保洁范围20万元")))).not.toContain("budget.adjustment-unexplained@D3");
  });

  test("a rate printed rounded but wrong is still a rate mismatch, and its score is judged on B/A", () => {
    const g = form([
      ["项目资金(万元)", null, "年初预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分", null, null],
      [null, "年度资金总额:", 300, 150, 10, "60%", 6, null, null],
    ]);
    const found = codes(g);
    expect(found).toContain("budget.rate-mismatch@F3");
    expect(found).toContain("budget.score-mismatch@G3");
  });
});

describe("department-wide funds blocks (年度预算申请（万元）, 整体支出规模) and amounts written with their unit", () => {
  const block = (title: string, budget: string, spent: string, rate: string) => [
    [title, null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", null],
    [null, "年度资金总额", budget, budget, spent, 10, rate, 10, null],
  ];

  test.each(["年度预\n\n算申请\n\n(万元)", "整体支出规模", "预算资金执行情况"])("%s: a printed 100%% against 3824.26万元 / 4753.66万元 is said, with its score", (title) => {
    const found = codes(form(block(title, "4753.66万元", "3824.26万元", "100%")));
    expect(found).toEqual(expect.arrayContaining(["budget.rate-mismatch@G3", "budget.score-mismatch@H3", "budget.low-execution@G3"]));
  });

  test("amounts with their unit that agree with the printed rate are not said", () => {
    const found = codes(form(block("年度预算申请(万元)", "4753.66万元", "4753.66万元", "100%")));
    expect(found.filter((c) => c.startsWith("budget."))).toEqual([]);
  });
});

describe("template instructions left in narrative cells", () => {
  test("real table 11: 年度目标完成情况, 评价结论, 存在问题, 改进措施 still hold the instructions; the file is 未填写", () => {
    const r = checkWorkbook([realGrid("11")]);
    const t = r.issues.filter((i) => i.code === "form.template-text");
    expect(t.map((i) => i.cell)).toEqual(["G6", "B18", "B19", "B20"]);
    expect(t[0].message).toMatch(/^“年度目标完成情况”仍是模板的填写说明/);
    t.shift();
    expect(t[0].message).toMatch(/^“评价结论”仍是模板的填写说明/);
  });

  test("a written conclusion passes; instruction-like text outside a narrative cell is not flagged", () => {
    const g = form([
      ["项目资金(万元)", null, "年初预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分", null, null],
      [null, "年度资金总额:", 100, 100, 10, "100%", 10, null, null],
    ]);
    const values = [...g.values, ["评价结论", "项目按期完成，保洁质量达标。", null], ["备注", "请如实填写(200字以内)", null]];
    const r = checkWorkbook([{ ...g, values }]);
    expect(r.issues.filter((i) => i.code === "form.template-text")).toEqual([]);
  });
});

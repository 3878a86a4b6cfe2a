/** Header synonym data and normalisation. */
import fc from "fast-check";
import {
  BUDGET_SYNONYMS,
  INDICATOR_SYNONYMS,
  INDICATOR_WEAK_SYNONYMS,
  categoryOfLevel2,
  isFundsTitle,
  level1CategoryOf,
  matchBudgetField,
  matchFundsColumn,
  matchIndicatorField,
  mayBeHeaderWord,
  moneyUnitIn,
  normalizeHeader,
} from "../../../src/domain/tables/synonyms";

const field = (t: string): string | undefined => matchIndicatorField(normalizeHeader(t))?.field;

describe("normalizeHeader", () => {
  it.each([
    ["年度\n指标值（A）", "年度指标值"],
    ["实际完成值(B)", "实际完成值"],
    ["执行率(B/A)", "执行率"],
    ["金额（万元）", "金额"],
    ["产 出 指 标（５０分）", "产出指标"],
    ["实施单位 (盖章)", "实施单位"],
    ["分　值：", "分值"],
    ["1.项目名称", "项目名称"],
  ])("%j → %j", (input, out) => {
    expect(normalizeHeader(input)).toBe(out);
  });
});

describe("indicator synonyms", () => {
  it.each([
    ["指标值", "target"], ["年度指标值", "target"], ["目标值", "target"], ["年度目标值", "target"], ["指标目标值", "target"],
    ["实际完成值", "actual"], ["完成值", "actual"], ["全年实际值", "actual"], ["实际值", "actual"],
    ["分值", "weight"], ["权重", "weight"], ["分数", "weight"],
    ["得分", "score"], ["自评得分", "score"], ["评分", "score"],
    ["计量单位", "unit"], ["度量单位", "unit"], ["单位", "unit"],
    ["指标性质", "sign"], ["计算符号", "sign"], ["符号", "sign"],
    ["一级指标", "level1"], ["评价指标", "level1"], ["二级指标", "level2"],
    ["三级指标", "name"], ["指标名称", "name"], ["指标内容", "name"],
    ["偏差原因分析及改进措施", "reason"], ["未完成原因分析", "reason"], ["偏差原因", "reason"],
    ["指标说明", "explain"], ["指标解释", "explain"], ["指标值说明", "explain"],
    ["指标值设定依据", "standard"], ["备注", "note"],
    ["项目编码", "projectCode"], ["项目代码", "projectCode"], ["项目名称", "projectName"], ["主管部门", "department"],
  ])("%s → %s", (word, f) => {
    expect(field(word)).toBe(f);
  });

  it("does not take block labels or units of organisation for fields", () => {
    expect(field("绩效指标")).toBeUndefined();
    expect(field("绩效指标（90分）")).toBeUndefined();
    expect(field("年度绩效指标完成情况")).toBeUndefined();
    expect(field("实施单位")).toBe("department");
    expect(field("预算单位")).toBe("department");
  });

  it("marks 评价内容 and 实际完成情况 as weak", () => {
    expect(matchIndicatorField("评价内容")).toEqual({ field: "level2", weak: true });
    expect(matchIndicatorField("实际完成情况")).toEqual({ field: "actual", weak: true });
  });
});

describe("budget and funds synonyms", () => {
  it.each([
    ["项目编号", "code"], ["项目名称", "name"], ["单位名称", "budgetUnit"], ["单位", "budgetUnit"], ["部门", "department"],
    ["资金性质", "budgetType"], ["经费类型", "expenseType"], ["涉密", "secret"], ["预算数", "amount"], ["合计", "amount"],
    ["金额（元）", "amount"], ["申报数", "declared"], ["建议安排金额", "approved"], ["年度", "year"], ["资金来源", "fundSource"],
  ])("%s → %s", (word, f) => {
    expect(matchBudgetField(normalizeHeader(word))).toBe(f);
  });

  it("funds columns and titles", () => {
    expect(matchFundsColumn(normalizeHeader("全年预算数（A）"))).toBe("budget");
    expect(matchFundsColumn(normalizeHeader("调整后预算数"))).toBe("budget");
    expect(matchFundsColumn(normalizeHeader("预算执行数"))).toBe("spent");
    expect(matchFundsColumn(normalizeHeader("年初预算"))).toBe("initial");
    expect(matchFundsColumn(normalizeHeader("预算执行率"))).toBe("rate");
    expect(isFundsTitle(normalizeHeader("项目资金 (万元)"))).toBe(true);
    expect(isFundsTitle(normalizeHeader("预算执行情况（10分）"))).toBe(true);
    expect(isFundsTitle(normalizeHeader("资金情况(万元)"))).toBe(true);
    expect(isFundsTitle(normalizeHeader("年度总体目标"))).toBe(false);
  });

  it("money units", () => {
    expect(moneyUnitIn("金额（万元）")).toBe("万元");
    expect(moneyUnitIn("单位：元")).toBe("元");
    expect(moneyUnitIn("金额(元)")).toBe("元");
    expect(moneyUnitIn("预算执行情况（10分）")).toBeUndefined();
  });
});

describe("categories", () => {
  it("一级 from text, 二级 to 一级", () => {
    expect(level1CategoryOf("产出指标（50分）")).toBe("产出指标");
    expect(level1CategoryOf("(50分)")).toBeUndefined();
    expect(level1CategoryOf("满意度指标(10分)")).toBe("满意度指标");
    expect(categoryOfLevel2("数量指标", false)).toBe("产出指标");
    expect(categoryOfLevel2("成本指标", false)).toBe("产出指标");
    expect(categoryOfLevel2("成本指标", true)).toBe("成本指标");
    expect(categoryOfLevel2("可持续影响指标", false)).toBe("效益指标");
    expect(categoryOfLevel2("服务对象满意度指标", false)).toBe("满意度指标");
    expect(categoryOfLevel2("制度指标", false)).toBeUndefined();
  });
});

describe("mayBeHeaderWord (the quick test before normalising)", () => {
  const allWords = [
    ...Object.values(INDICATOR_SYNONYMS).flat(),
    ...INDICATOR_WEAK_SYNONYMS.map(([w]) => w),
    ...Object.values(BUDGET_SYNONYMS).flat(),
    "主要偏差原因", "未完成原因分析", "年度绩效指标值", "指标值设定依据", "申报金额", "申请数", "审核金额", "建议安排数", "年度预算金额",
  ];
  const isHeader = (s: string): boolean => {
    const n = normalizeHeader(s);
    return n !== "" && (matchIndicatorField(n) !== undefined || matchBudgetField(n) !== undefined);
  };

  it("lets every header word through, however it is written", () => {
    for (const w of allWords) {
      for (const v of [w, `${w}（万元）`, `1.${w}`, w.split("").join(" "), `${w}:`, `年度\n${w}(A)`]) {
        if (isHeader(v)) expect([v, mayBeHeaderWord(v)]).toEqual([v, true]);
      }
    }
  });

  it("turns away names and values a header never holds", () => {
    for (const v of ["城关镇道路硬化里程（12）", "服务对象满意度", "培训人次", "完成时间", "产出指标", "≥90%", "P00000001"]) {
      expect([v, isHeader(v)]).toEqual([v, false]);
    }
    for (const v of ["城关镇道路硬化里程（12）", "服务对象满意度", "P00000001", "100", "1,200"]) expect([v, mayBeHeaderWord(v)]).toEqual([v, false]);
  });

  it("never turns away a text that normalises to a header word (property)", () => {
    const piece = fc.oneof(
      fc.constantFrom(...allWords),
      fc.constantFrom("（", "）", "(", ")", "【", "】", " ", "\n", "：", ":", "1.", "2、", "Ａ", "a", "万元", "分", "城关", "满意"),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 5 }), (parts) => {
        const v = parts.join("");
        if (isHeader(v)) expect(mayBeHeaderWord(v)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

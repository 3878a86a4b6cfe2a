/**
 * The issue catalog: a fixed code, severity, bilingual title and source for every issue type.
 * Sources follow ../shared/domain/rules.md; "practice:" marks what comes from provincial systems or county reports.
 */
import type { Issue, IssueCode, IssueDraft, Severity } from "./issues";

export interface IssueType {
  readonly code: IssueCode;
  readonly severity: Severity;
  readonly title: string; // 中文标题
  readonly titleEn: string;
  readonly source: string;
}

const S10 = "财预〔2020〕10号; practice: 省级绩效系统保存校验";
const PMKPI = "practice: 省级预算绩效管理系统 (pmkpi) 校验规则";
const AUDIT = "practice: indicator_audit 申报审核规则";
const FORM = "项目支出绩效自评表 (财预〔2020〕10号 附件)";

const TYPES: readonly IssueType[] = [
  { code: "table.no-indicator-header", severity: "error", title: "未识别到指标表表头", titleEn: "No indicator header recognized", source: "practice: 绩效指标表标准格式" },
  { code: "table.not-recognized", severity: "error", title: "未识别到绩效表格，无法检查", titleEn: "No performance table recognized: not checked", source: "常见审核要求 / common review practice: 绩效目标表、自评表须按规定格式填报" },
  { code: "table.not-filled", severity: "error", title: "表格尚未填写", titleEn: "Form not filled in", source: "常见审核要求 / common review practice: 绩效目标表、自评表须按规定格式填报" },
  { code: "file.invalid-bytes", severity: "warning", title: "文件中有无法解码的字节", titleEn: "Bytes that do not decode", source: "常见审核要求 / common review practice: CSV 应为 UTF-8 或 GB18030/GBK 编码" },
  { code: "indicator.missing-field", severity: "error", title: "指标必填项为空", titleEn: "Required indicator field empty", source: `${PMKPI} (V1 必录项)` },
  { code: "indicator.unknown-category", severity: "warning", title: "一级/二级指标不在指标体系内", titleEn: "Level-1/2 indicator not in the framework", source: `${PMKPI} (V2 指标库); 财预〔2021〕101号` },
  { code: "indicator.placeholder", severity: "error", title: "模板占位符未填写", titleEn: "Template placeholder left in", source: `${AUDIT} (V7)` },
  { code: "indicator.not-numeric", severity: "error", title: "定量指标的指标值不是数值", titleEn: "Quantitative target is not a number", source: `${PMKPI} (V4 定量指标的指标值为数值)` },
  { code: "indicator.missing-unit", severity: "error", title: "定量指标缺少计量单位", titleEn: "Quantitative indicator has no unit", source: `${PMKPI} (V5 计量单位必填)` },
  { code: "indicator.unit-mismatch", severity: "warning", title: "计量单位不一致", titleEn: "Units disagree", source: "practice: 指标值与计量单位一致" },
  { code: "indicator.percent-over-100", severity: "warning", title: "百分比指标值超过100", titleEn: "Percentage target above 100", source: `${AUDIT} (V11)` },
  { code: "indicator.cost-direction", severity: "warning", title: "成本指标方向可能有误", titleEn: "Cost indicator points the wrong way", source: `${AUDIT} (V12)` },
  { code: "indicator.vague", severity: "warning", title: "指标表述模糊，难以衡量", titleEn: "Vague wording where a figure is expected", source: "财预〔2021〕101号 指标设置要求 (wording unconfirmed, V16)" },
  { code: "indicator.duplicate", severity: "warning", title: "同一项目指标重复", titleEn: "Indicator repeated in one project", source: "practice: 指标不重复设置" },
  { code: "indicator.name-value-conflict", severity: "warning", title: "指标名称与指标值不一致", titleEn: "Name and target disagree", source: "常见审核要求 / common review practice: 指标名称与指标值表述一致" },
  { code: "indicator.spending-as-output", severity: "warning", title: "资金支出类指标列为产出指标", titleEn: "Spending listed as an output", source: "财预〔2021〕101号 产出指标为项目提供的产品和服务；预算执行率另行计分" },
  { code: "indicator.zero-weight", severity: "error", title: "指标分值（权重）应大于0", titleEn: "Weight must be above zero", source: `${PMKPI} (V8)` },
  { code: "indicator.missing-explanation", severity: "error", title: "定量（其他）指标缺少指标值说明", titleEn: "定量（其他） needs an explanation of the value", source: `${PMKPI} (V6)` },
  { code: "indicator.shanxi-cost", severity: "error", title: "未填成本指标时默认成本指标最多5分", titleEn: "Default cost indicator may score at most 5 points", source: "practice: 山西省绩效系统 (V19)" },
  { code: "project.missing-category", severity: "error", title: "缺少产出、效益或满意度指标", titleEn: "Missing output, benefit or satisfaction indicators", source: `${AUDIT} (V3)` },
  { code: "project.weight-sum", severity: "error", title: "分值合计不符", titleEn: "Weights do not add up", source: `${FORM}; ${PMKPI} (V9, V10)` },
  { code: "score.missing-actual", severity: "error", title: "自评缺少实际完成值", titleEn: "Self-evaluation row has no actual value", source: FORM },
  { code: "score.actual-not-figure", severity: "error", title: "定量指标的完成值不是数值", titleEn: "Quantitative target, non-figure actual", source: "财预〔2020〕10号 项目支出绩效自评表：完成值与指标值可比" },
  { code: "score.actual-copies-target", severity: "warning", title: "完成值照抄指标值或带比较符号", titleEn: "Actual copies the target", source: "财预〔2020〕10号 项目支出绩效自评表：填写实际完成值" },
  { code: "score.exceeds-weight", severity: "error", title: "得分超过分值", titleEn: "Score above the weight", source: `${S10} §4.3` },
  { code: "score.mismatch", severity: "warning", title: "得分与计分规则不符", titleEn: "Score differs from the scoring rule", source: `${S10}; ${PMKPI} 自动计分 (§4.3)` },
  { code: "score.out-of-band", severity: "error", title: "定性指标得分不在档次区间内", titleEn: "Qualitative score outside its band", source: `${PMKPI} 定性计分 (§4.4)` },
  { code: "score.missing-reason", severity: "error", title: "扣分未说明偏差原因", titleEn: "Points lost with no reason given", source: `${PMKPI}; ${AUDIT} (§4.5)` },
  { code: "score.over-achievement", severity: "warning", title: "实际完成值大幅超过指标值", titleEn: "Actual far beyond the target", source: "财预〔2020〕10号 偏离度; practice: pmkpi scorepercentage (§4.5)" },
  { code: "score.total-mismatch", severity: "error", title: "总分与各项得分合计不符", titleEn: "Total differs from the sum of the parts", source: `${FORM}; ${AUDIT} (§4.6)` },
  { code: "score.grade-mismatch", severity: "error", title: "评价等级与总分不符", titleEn: "Grade does not match the total", source: "财政部预算司 等级标准 优≥90 良80-89 中60-79 差<60 (§4.6)" },
  { code: "budget.total-mismatch", severity: "error", title: "年度资金总额与其中各项合计不符", titleEn: "Fund total differs from its parts", source: `${FORM}; ${AUDIT} (V14)` },
  { code: "budget.rate-mismatch", severity: "error", title: "执行率与执行数/预算数不符", titleEn: "Execution rate differs from B/A", source: `${FORM} 执行率(B/A)` },
  { code: "budget.score-mismatch", severity: "warning", title: "预算执行率得分与计分规则不符", titleEn: "Budget execution score differs from the rule", source: `${FORM}; ${AUDIT} (执行率×10)` },
  { code: "budget.low-execution", severity: "warning", title: "预算执行率低于90%未说明原因", titleEn: "Execution below 90% with no explanation", source: "四川省部门预算项目支出绩效自评表填报说明 (§4.2)" },
  { code: "budget.zero-budget", severity: "error", title: "全年预算数为0，无法计算执行率", titleEn: "Budget is zero: no execution rate", source: `${AUDIT} (§4.2)` },
  { code: "budget.adjustment-unexplained", severity: "warning", title: "预算调整未说明原因", titleEn: "Budget adjustment not explained", source: "项目支出绩效自评表填报说明：年中发生预算调整的，应单独说明理由" },
  { code: "form.template-text", severity: "error", title: "仍是模板的填写说明，未填写内容", titleEn: "Template instructions left in place of content", source: "常见审核要求 / common review practice: 自评结论、存在问题、改进措施须如实填写" },
  { code: "project.no-target", severity: "error", title: "预算项目未设置绩效目标", titleEn: "Budget line has no performance target", source: "财预〔2021〕101号; practice: 绩效目标作为项目入库前置条件 (§7)" },
  { code: "project.invalid-target", severity: "error", title: "预算项目的绩效目标有错误", titleEn: "Budget line's target has errors", source: "practice: 绩效目标审核 (§7)" },
  { code: "project.name-match-only", severity: "warning", title: "仅按单位和项目名称匹配", titleEn: "Matched by unit and name only", source: "practice: 项目编码对应 (§7)" },
  { code: "project.orphan-target", severity: "warning", title: "绩效目标对应的项目不在预算清单中", titleEn: "Target's project is not on the budget list", source: "practice: 确保绩效目标申报项目数与预算系统相一致 (§7)" },
  { code: "project.amount-mismatch", severity: "warning", title: "绩效目标资金与预算金额不符", titleEn: "Target amount differs from the budget", source: `${AUDIT} (±0.1万元, §7)` },
  { code: "project.duplicate-code", severity: "error", title: "预算清单项目编码重复", titleEn: "Project code repeated on the budget list", source: "practice: 项目编码唯一 (§7)" },
  { code: "project.excluded", severity: "info", title: "不纳入覆盖率统计", titleEn: "Excluded from coverage", source: "practice: 涉密项目、基本支出不设绩效目标 (§6.3)" },
];

const BY_CODE: ReadonlyMap<IssueCode, IssueType> = new Map(TYPES.map((t) => [t.code, t]));

/** All issue types, in catalog order. */
export function issueTypes(): readonly IssueType[] {
  return TYPES;
}

/** The catalog entry of a code. */
export function issueType(code: IssueCode): IssueType {
  const t = BY_CODE.get(code);
  if (!t) throw new Error(`unknown issue code ${code}`);
  return t;
}

/** Completes a draft with the catalog's severity and source. */
export function makeIssue(d: IssueDraft): Issue {
  const t = issueType(d.code);
  const severity = d.severity ?? t.severity;
  const value = d.value ?? "";
  // Two plain literals (with and without `expected`), in the contract's key order: no spread per issue.
  if (d.expected !== undefined) {
    return { code: d.code, severity, sheet: d.sheet, cell: d.cell, value, expected: d.expected, message: d.message, messageEn: d.messageEn, source: t.source };
  }
  return { code: d.code, severity, sheet: d.sheet, cell: d.cell, value, message: d.message, messageEn: d.messageEn, source: t.source };
}

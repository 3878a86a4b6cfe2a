/**
 * The issue catalog (问题目录): the single source of every issue code, its severity, its Chinese and English
 * title and the source a user is shown (依据). `IssueCode` (issues.ts) is derived from this record's keys, so a
 * code without an entry, or an entry of the wrong shape, does not compile.
 *
 * Severity policy:
 *   error   — a reviewer would send the table back (不可提交): something missing, wrong or unverifiable;
 *   warning — worth a look (建议核实): probably wrong, or right only with an explanation the table lacks;
 *   info    — for the record (提示): nothing to fix, e.g. a line left out of coverage with its reason.
 *
 * Sources are what a finance officer can look up: the 文号 and the form or clause, or "常见审核要求 / common review
 * practice" with what the practice asks. Where the rule comes from (the provincial systems and county reports
 * behind it) is in ../shared/domain/rules.md, never in the text users read.
 */
import type { Issue, IssueDraft, Severity } from "./issues";

export interface IssueType {
  readonly code: IssueCode;
  readonly severity: Severity;
  readonly title: string; // 中文标题
  readonly titleEn: string;
  readonly source: string; // 依据
}

type Entry = { readonly severity: Severity; readonly title: string; readonly titleEn: string; readonly source: string };

const PRACTICE = "常见审核要求 / common review practice";
const FORM_10 = "财预〔2020〕10号 附件 项目支出绩效自评表";
const TARGET_101 = "财预〔2021〕101号 绩效目标申报表";

export const CATALOG = {
  "table.no-indicator-header": { severity: "error", title: "未识别到指标表表头", titleEn: "No indicator header recognized", source: `${PRACTICE}：绩效指标表按标准格式列出一级、二级、三级指标和指标值` },
  "table.not-recognized": { severity: "error", title: "未识别到绩效表格，无法检查", titleEn: "No performance table recognized: not checked", source: `${PRACTICE}：绩效目标表、自评表须按规定格式填报` },
  "table.not-filled": { severity: "error", title: "表格尚未填写", titleEn: "Form not filled in", source: `${PRACTICE}：绩效目标表、自评表须按规定格式填报` },
  "file.invalid-bytes": { severity: "warning", title: "文件中有无法解码的字节", titleEn: "Bytes that do not decode", source: `${PRACTICE}：CSV 文件应为 UTF-8 或 GB18030/GBK 编码` },
  "file.long-text": { severity: "warning", title: "单元格文字超长，已截断", titleEn: "Cell text too long: cut", source: "Excel 单元格最多容纳 32,767 个字符 / an Excel cell holds at most 32,767 characters" },
  "file.findings-not-listed": { severity: "info", title: "其余问题未列出", titleEn: "Further findings not listed", source: "绩效助手：每个文件最多列出的问题数（错误优先）/ findings listed per file, errors first" },
  "indicator.missing-field": { severity: "error", title: "指标必填项为空", titleEn: "Required indicator field empty", source: `${TARGET_101}：一级、二级、三级指标和指标值为必填项` },
  "indicator.unknown-category": { severity: "warning", title: "一级/二级指标不在指标体系内或归类有误", titleEn: "Level-1/2 indicator outside the framework or misfiled", source: "财预〔2021〕101号 绩效指标体系（产出、效益、满意度，成本）" },
  "indicator.placeholder": { severity: "error", title: "模板占位符未填写", titleEn: "Template placeholder left in", source: `${PRACTICE}：模板中的“**”“XX”“指标1:”须替换为实际内容` },
  "indicator.not-numeric": { severity: "error", title: "定量指标的指标值不是数值", titleEn: "Quantitative target is not a number", source: `${TARGET_101}：定量指标的指标值应为数值` },
  "indicator.missing-unit": { severity: "error", title: "定量指标缺少计量单位", titleEn: "Quantitative indicator has no unit", source: `${TARGET_101}：定量指标须填写计量单位` },
  "indicator.unit-mismatch": { severity: "warning", title: "计量单位不一致", titleEn: "Units disagree", source: `${PRACTICE}：指标值与计量单位一致` },
  "indicator.percent-over-100": { severity: "warning", title: "百分比指标值超过100", titleEn: "Percentage target above 100", source: `${PRACTICE}：比率类指标值不超过100%` },
  "indicator.cost-direction": { severity: "warning", title: "成本指标方向可能有误", titleEn: "Cost indicator points the wrong way", source: "财预〔2021〕101号：成本指标一般设上限（≤）" },
  "indicator.vague": { severity: "warning", title: "指标表述模糊，难以衡量", titleEn: "Vague wording where a figure is expected", source: "财预〔2021〕101号：绩效指标应细化、量化，可衡量" },
  "indicator.duplicate": { severity: "warning", title: "同一项目指标重复", titleEn: "Indicator repeated in one project", source: `${PRACTICE}：同一项目的指标不重复设置` },
  "indicator.name-value-conflict": { severity: "error", title: "指标名称与指标值不一致", titleEn: "Name and target disagree", source: `${PRACTICE}：指标名称与指标值表述一致` },
  "indicator.spending-as-output": { severity: "warning", title: "资金支出类指标列为产出指标", titleEn: "Spending listed as an output", source: "财预〔2021〕101号：产出指标反映项目提供的产品和服务；预算执行率另行计分" },
  "table.no-unit-column": { severity: "warning", title: "指标表没有计量单位列", titleEn: "No unit column in the indicator table", source: `${PRACTICE}：指标值与计量单位分列填写` },
  "indicator.zero-weight": { severity: "error", title: "指标分值（权重）应大于0", titleEn: "Weight must be above zero", source: `${FORM_10}：各项指标均设分值` },
  "indicator.invalid-date": { severity: "error", title: "日期不存在", titleEn: "No such date", source: `${PRACTICE}：时效指标的指标值、完成值应为实际存在的日期` },
  "indicator.missing-explanation": { severity: "error", title: "定量（其他）指标缺少指标值说明", titleEn: "定量（其他） needs an explanation of the value", source: `${TARGET_101}：计算符号为“定量（其他）”时须说明指标值` },
  "indicator.shanxi-cost": { severity: "error", title: "未填成本指标时默认成本指标最多5分", titleEn: "Default cost indicator may score at most 5 points", source: "山西省项目支出绩效自评规定：默认成本指标最多5分" },
  "project.missing-category": { severity: "error", title: "缺少产出、效益或满意度指标", titleEn: "Missing output, benefit or satisfaction indicators", source: "财预〔2021〕101号：绩效指标包括产出、效益和满意度指标" },
  "project.weight-sum": { severity: "error", title: "分值合计不符", titleEn: "Weights do not add up", source: `${FORM_10}：预算执行率10分，产出50分、效益30分、满意度10分，合计100分` },
  "score.missing-actual": { severity: "error", title: "自评缺少实际完成值", titleEn: "Self-evaluation row has no actual value", source: `${FORM_10}：逐项填写实际完成值` },
  "score.actual-not-figure": { severity: "error", title: "定量指标的完成值不是数值", titleEn: "Quantitative target, non-figure actual", source: `${FORM_10}：实际完成值与年度指标值可比` },
  "score.actual-copies-target": { severity: "warning", title: "完成值照抄指标值或带比较符号", titleEn: "Actual copies the target", source: `${FORM_10}：填写实际完成值` },
  "score.exceeds-weight": { severity: "error", title: "得分超过分值", titleEn: "Score above the weight", source: `${FORM_10}：各项得分不超过该项分值` },
  "score.mismatch": { severity: "warning", title: "得分与计分规则不符", titleEn: "Score differs from the scoring rule", source: `${FORM_10}：按完成比例计分（完成值/指标值×分值）` },
  "score.out-of-band": { severity: "error", title: "定性指标得分不在档次区间内", titleEn: "Qualitative score outside its band", source: `${PRACTICE}：定性指标按达成、部分达成、未达成分档计分` },
  "score.missing-reason": { severity: "error", title: "扣分未说明偏差原因", titleEn: "Points lost with no reason given", source: `${FORM_10}：未完成的须说明偏差原因及改进措施` },
  "score.over-achievement": { severity: "warning", title: "实际完成值大幅超过指标值", titleEn: "Actual far beyond the target", source: `${FORM_10}：完成值远超指标值的，说明指标设置是否合理` },
  "score.total-mismatch": { severity: "error", title: "总分与各项得分合计不符", titleEn: "Total differs from the sum of the parts", source: `${FORM_10}：总分为各项得分之和` },
  "score.grade-mismatch": { severity: "error", title: "评价等级与总分不符", titleEn: "Grade does not match the total", source: "财预〔2020〕10号：总分90（含）以上为优，80（含）–90为良，60（含）–80为中，60以下为差" },
  "budget.total-mismatch": { severity: "error", title: "年度资金总额与其中各项合计不符", titleEn: "Fund total differs from its parts", source: `${FORM_10}：年度资金总额 = 其中各项之和` },
  "budget.rate-mismatch": { severity: "error", title: "执行率与执行数/预算数不符", titleEn: "Execution rate differs from B/A", source: `${FORM_10}：执行率 = 全年执行数(B) / 全年预算数(A)` },
  "budget.score-mismatch": { severity: "warning", title: "预算执行率得分与计分规则不符", titleEn: "Budget execution score differs from the rule", source: `${FORM_10}：预算执行率得分 = 执行率 × 10分` },
  "budget.low-execution": { severity: "warning", title: "预算执行率低于90%未说明原因", titleEn: "Execution below 90% with no explanation", source: "四川省部门预算项目支出绩效自评表填报说明：预算执行率未达到90%的需说明原因" },
  "budget.zero-budget": { severity: "error", title: "全年预算数为0，无法计算执行率", titleEn: "Budget is zero: no execution rate", source: `${FORM_10}：执行率 = 全年执行数(B) / 全年预算数(A)` },
  "budget.execution-unverifiable": { severity: "error", title: "未以数值填写全年执行数，预算执行率无从核实", titleEn: "No figure for the spending: execution cannot be verified", source: `${FORM_10}：填写全年执行数（B），执行率 = B / A` },
  "budget.adjustment-unexplained": { severity: "warning", title: "预算调整未说明原因", titleEn: "Budget adjustment not explained", source: "四川省部门预算项目支出绩效自评表填报说明：年中发生预算调整的，应单独说明理由" },
  "form.template-text": { severity: "error", title: "仍是模板的填写说明，未填写内容", titleEn: "Template instructions left in place of content", source: `${FORM_10}：填写自评结论、存在问题和改进措施` },
  "project.no-target": { severity: "error", title: "预算项目未设置绩效目标", titleEn: "Budget line has no performance target", source: "财预〔2021〕101号：绩效目标是预算安排的前提，未按要求设定绩效目标的项目不得纳入项目库" },
  "project.invalid-target": { severity: "error", title: "预算项目的绩效目标有错误", titleEn: "Budget line's target has errors", source: "财预〔2021〕101号：绩效目标须经审核" },
  "project.name-match-only": { severity: "warning", title: "仅按单位和项目名称匹配", titleEn: "Matched by unit and name only", source: `${PRACTICE}：绩效目标与预算项目按项目编码对应` },
  "project.orphan-target": { severity: "warning", title: "绩效目标对应的项目不在预算清单中", titleEn: "Target's project is not on the budget list", source: `${PRACTICE}：绩效目标申报项目与预算系统一致` },
  "project.amount-mismatch": { severity: "warning", title: "绩效目标资金与预算金额不符", titleEn: "Target amount differs from the budget", source: `${PRACTICE}：绩效目标表资金总额与预算金额一致（±0.1万元）` },
  "project.duplicate-code": { severity: "error", title: "预算清单项目编码重复", titleEn: "Project code repeated on the budget list", source: `${PRACTICE}：项目编码唯一` },
  "project.excluded": { severity: "info", title: "不纳入覆盖率统计", titleEn: "Excluded from coverage", source: `${PRACTICE}：涉密项目、基本支出不设绩效目标` },
} as const satisfies Record<string, Entry>;

/** Every issue code the engine can emit (stable: users and scripts rely on them). */
export type IssueCode = keyof typeof CATALOG;

const TYPES: readonly IssueType[] = (Object.keys(CATALOG) as IssueCode[]).map((code) => ({ code, ...CATALOG[code] }));

const BY_CODE: ReadonlyMap<IssueCode, IssueType> = new Map(TYPES.map((t) => [t.code, t]));

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

/**
 * Header synonyms and label words for table recognition (表头同义词).
 * Data only, plus the normalisation that every lookup goes through: labels are compared after
 * `compactLabel` (half-width, no whitespace or line breaks) and after dropping trailing parentheticals
 * such as "(A)", "(B/A)", "(万元)", "(50分)", "(盖章)" and a trailing colon.
 */
import { TRADITIONAL_CHARS, simplifiedOf, toSimplified } from "./traditional";
import { compactLabel, isIdeograph, trimTrailing } from "../text";
import type { BudgetField, IndicatorField } from "./model";

/** A header word and how sure it is: weak words only count when the strong word for the field is absent. */
export interface SynonymEntry<F extends string> {
  readonly field: F;
  readonly weak?: boolean;
}

/** Indicator table columns (绩效指标表). Order inside a list is only for reading; all are exact matches. */
export const INDICATOR_SYNONYMS: Readonly<Record<IndicatorField, readonly string[]>> = {
  projectCode: ["项目编码", "项目代码", "项目编号", "项目id", "项目标识"],
  projectName: ["项目名称", "项目", "项目全称", "单位(专项)名称", "专项名称", "项目(专项)名称"],
  department: ["主管部门", "预算单位", "单位名称", "部门名称", "实施单位", "项目单位", "预算部门", "主管单位"],
  level1: ["一级指标", "一级", "一级指标名称", "评价指标(一级)", "一级评价指标", "评价指标", "指标类别", "分解目标"],
  level2: ["二级指标", "二级", "二级指标名称", "二级评价指标", "指标类型"],
  name: ["三级指标", "三级", "三级指标名称", "指标名称", "指标内容", "具体指标", "绩效指标名称", "三级评价指标", "指标"],
  sign: ["指标性质", "计算符号", "符号", "运算符号", "指标符号", "比较符号", "指标方向", "计算方向"],
  target: [
    "指标值", "年度指标值", "目标值", "年度目标值", "指标目标值", "预期指标值", "预期目标值", "绩效目标值",
    "年度计划值", "计划值", "全年指标值", "年度指标", "指标值内容", "预期值",
  ],
  unit: ["计量单位", "度量单位", "单位", "指标单位", "计算单位"],
  actual: [
    "实际完成值", "完成值", "全年实际值", "实际值", "实际完成", "年度实际完成值", "全年实际完成值",
    "实际完成指标值", "实际达成值", "完成情况值",
  ],
  weight: ["分值", "权重", "分数", "指标分值", "指标权重", "标准分", "权重分", "权重(分)", "满分"],
  score: ["得分", "自评得分", "评分", "评价得分", "实际得分", "考核得分", "自评分", "评价分"],
  reason: [
    "偏差原因分析及改进措施", "未完成原因分析", "偏差原因", "偏差原因分析", "未完成原因", "原因分析",
    "偏差原因及改进措施", "偏差原因分析及改进措施说明", "未完成原因及改进措施", "原因说明",
  ],
  standard: ["指标值设定依据", "绩效标准", "设定依据", "指标设定依据", "指标值确定依据", "评价标准", "标准"],
  explain: ["指标说明", "指标解释", "指标值说明", "计算公式", "指标解释说明", "评分标准", "评分办法", "评分说明", "指标定义"],
  note: ["备注", "说明"],
};

/** Words that only count when the strong synonym of the same field is absent (评价内容 is a 二级 in table 20). */
export const INDICATOR_WEAK_SYNONYMS: readonly (readonly [string, IndicatorField])[] = [
  ["评价内容", "level2"],
  ["实际完成情况", "actual"],
  ["完成情况", "actual"],
  ["部门", "department"],
];

/** Budget list columns (预算项目清单). */
export const BUDGET_SYNONYMS: Readonly<Record<BudgetField, readonly string[]>> = {
  code: ["项目编码", "项目代码", "项目编号", "项目id", "项目标识码"],
  name: ["项目名称", "项目", "项目全称"],
  budgetUnit: [
    "预算单位", "单位名称", "单位", "预算单位名称", "实施单位", "项目单位", "单位编码及名称", "乡镇名称", "乡镇", "实施主体",
    // allocation lists (资金分配表) by place: 镇、村 | 村名 | 镇(乡) | 县(市、区)
    "镇、村", "镇村", "村名", "村", "镇", "县", "乡镇(街道)", "地区", "县(市、区)",
  ],
  department: ["主管部门", "部门", "部门名称", "主管部门名称", "预算部门"],
  budgetType: ["预算类型", "资金性质", "预算级次", "预算种类", "四本预算", "预算类别"],
  expenseType: ["支出类型", "支出性质", "经费类型", "支出类别", "项目类型", "项目类别"],
  secret: ["是否涉密", "涉密", "涉密项目", "是否涉密项目"],
  amount: [
    "金额", "预算金额", "预算数", "安排金额", "合计", "预算安排金额", "项目金额", "年度预算数", "资金总额",
    "预算总额", "总金额", "年度预算", "批复金额",
    // allocation lists: the money each line receives
    "补助金额", "补助资金", "资金投入", "分配金额", "下达金额", "安排资金", "补助经费", "资金金额", "投资金额", "分配资金",
    "下达资金", "奖补资金", "补助资金额",
  ],
  declared: ["申报金额", "申报数", "申请金额", "申报预算数"],
  approved: ["核定金额", "审核金额", "建议安排金额", "审定金额", "核定数", "审核数", "建议金额"],
  year: ["年度", "预算年度", "年份"],
  fundSource: ["资金来源", "资金渠道", "来源"],
};

/** Columns of the funds block (项目资金 / 预算执行情况). */
export type FundsColumn = "initial" | "budget" | "spent" | "points" | "rate" | "score" | "reason";

export const FUNDS_SYNONYMS: Readonly<Record<FundsColumn, readonly string[]>> = {
  initial: ["年初预算数", "年初预算", "年初数", "年初预算金额"],
  budget: ["全年预算数", "调整后预算数", "调整后预算", "全年预算", "预算数", "全年预算金额", "调整预算数"],
  spent: ["全年执行数", "预算执行数", "执行数", "实际执行数", "实际支出数", "全年执行", "实际支出", "全年执行资金", "执行资金"],
  points: ["分值", "权重"],
  rate: ["执行率", "预算执行率", "全年执行率", "资金执行率"],
  score: ["得分", "评分", "自评得分"],
  reason: ["原因", "偏差原因", "原因说明", "未完成原因", "说明", "备注"],
};

/** Title words of a funds block (first cell of its first row), after normalisation. */
export const FUNDS_TITLES: readonly string[] = [
  "项目资金", "资金情况", "预算执行情况", "项目资金情况", "资金投入情况", "项目资金投入", "预算资金",
  "年度资金", "资金投入", "预算执行", "项目资金执行情况", "资金金额",
  // 部门整体支出 forms: 年度预算申请（万元）, 整体支出规模, 预算资金执行情况
  "年度预算申请", "预算申请", "整体支出规模", "支出规模", "预算资金执行情况", "年度预算执行情况",
];

/** Row labels: the total (年度资金总额) of a funds block. */
export const FUNDS_TOTAL_PATTERN = /^(?:年度)?(?:资金|预算)?(?:总额|合计|总计)|^年度资金总额|^资金总额|(?:支出|资金)总额$/;

/** Labels of a form's header fields (label → value to the right). */
export type FormField = "name" | "code" | "department" | "unit" | "contact" | "year" | "grade";

export const FORM_LABELS: Readonly<Record<FormField, readonly string[]>> = {
  name: ["项目名称", "项目全称"],
  code: ["项目编码", "项目代码", "项目编号"],
  // 转移支付 forms name the 主管部门 of each level (中央主管部门, 地方主管部门, 区级主管部门)
  department: ["主管部门", "主管单位", "部门名称", "主管部门及代码", "主管部门名称", "地方主管部门", "省级主管部门", "市级主管部门", "县级主管部门", "区级主管部门"],
  unit: ["实施单位", "预算单位", "项目单位", "执行单位", "项目实施单位", "实施单位名称", "单位", "预算部门(单位)名称", "部门(单位)名称"],
  // the person answerable for the project (申报表: 项目负责人及电话)
  contact: ["项目负责人", "项目负责人及电话", "项目负责人/联系电话", "项目负责人及联系电话", "项目责任人", "项目联系人", "联系人及电话", "项目负责人及联系方式"],
  year: ["年度", "预算年度", "评价年度", "自评年度"],
  grade: ["自评等级", "评价等级", "等级", "绩效等级", "评价结果等级", "自评结果等级", "绩效评价等级", "评级"],
};

/**
 * Labels of a form's other fields (项目起止时间, 联系电话 …): not read as a project field, but a label all the same, so
 * a field left blank beside one (主管部门 | (blank) | 项目起止时间 | 2022.1—2022.12, real 104) is blank, not that label.
 */
const OTHER_FORM_LABELS: ReadonlySet<string> = new Set([
  "项目起止时间", "起止时间", "实施期限", "项目期限", "实施周期", "项目实施周期", "联系电话", "电话", "手机", "项目属性",
  "项目类型", "项目性质", "项目类别", "资金来源", "项目概况", "项目立项依据", "立项依据", "绩效管理联络员", "填报人", "填报日期",
]);

export function isOtherFormLabel(normalized: string): boolean {
  return OTHER_FORM_LABELS.has(normalized);
}

/** Labels that end an indicator block: the totals row. */
export const TOTAL_PATTERN = /^(?:总分|合计|总计|分值合计|得分合计|总得分|自评总分|评价总分|综合得分|总分值|合计分)$/;

/** Subtotal rows of a budget list (skipped). */
export const SUBTOTAL_PATTERN = /^(?:其中[:：]?)?(?:合计|小计|总计|累计|本页合计|汇总)/;

/** Section labels that end an indicator block when they appear in its label or 一级 column. */
export const STOP_PATTERN =
  /^(?:注|备注|说明|填表|评价结论|存在问题|改进措施|项目负责人|财务负责人|单位负责人|联系人|审核意见|.{0,20}意见$|.*(?:盖章|签字)$)/;

/** One of these characters is in every text STOP_PATTERN matches (注, 备注, 说明 … 意见, 盖章, 签字). */
const STOP_CHARS = new Uint8Array(0x10000);
for (const ch of "注备说填评存改项财单联审意盖签") STOP_CHARS[ch.charCodeAt(0)] = 1;

/** STOP_PATTERN on a normalised label, settled by its characters for most texts (codes, names, categories). */
export function isStopLabel(n: string): boolean {
  for (let i = 0; i < n.length; i++) if (STOP_CHARS[n.charCodeAt(i)] === 1) return STOP_PATTERN.test(n);
  return false;
}

/** 一级 categories by keyword, in the order tried (rules.md §2.3; 决策/过程 for key evaluations). */
export const LEVEL1_KEYWORDS: readonly (readonly [string, string])[] = [
  ["满意", "满意度指标"],
  ["产出", "产出指标"],
  ["效益", "效益指标"],
  ["效果", "效益指标"],
  ["成本", "成本指标"],
  ["决策", "决策"],
  ["过程", "过程"],
  // The 一级 of evaluation frameworks (部门整体支出 and key evaluations: 投入/过程, 规划/执行, 项目管理, 管理指标,
  // 履职 …; 财预〔2020〕10号 附件, and the provinces' department-wide forms in test/real/): a scoring sheet, not a
  // target hierarchy. Tried after the target framework's words, so 产出/效益/满意度 keep their meaning.
  ["投入", "决策"],
  ["规划", "决策"],
  ["立项", "决策"],
  ["执行", "过程"],
  ["管理", "过程"],
  ["履职", "过程"],
];

/** 二级 keyword → 一级 category (classic framework; 成本 is decided by the table's framework). */
export const LEVEL2_KEYWORDS: readonly (readonly [string, string])[] = [
  ["满意", "满意度指标"],
  ["数量", "产出指标"],
  ["质量", "产出指标"],
  ["时效", "产出指标"],
  ["经济效益", "效益指标"],
  ["社会效益", "效益指标"],
  ["生态效益", "效益指标"],
  ["可持续", "效益指标"],
  ["经济成本", "成本指标"],
  ["社会成本", "成本指标"],
  ["生态环境成本", "成本指标"],
  ["环境成本", "成本指标"],
  ["成本", "产出指标"],
  // 二级 of the evaluation frameworks (预算编审管理, 预算执行, 资产管理, 项目立项, 绩效目标, 资金投入 …)
  ["立项", "决策"],
  ["绩效目标", "决策"],
  ["资金投入", "决策"],
  ["管理", "过程"],
  ["预算执行", "过程"],
];

/** Words that show a sheet is meant to be an indicator table (for `unrecognized`). */
export const INDICATOR_EVIDENCE: readonly string[] = [
  "一级指标", "二级指标", "三级指标", "产出指标", "效益指标", "满意度指标", "绩效指标", "数量指标", "质量指标",
  "时效指标", "成本指标", "服务对象满意度指标",
];

const PAREN_SUFFIX = /[([{<][^()[\]{}<>]*[)\]}>]$/;

/**
 * A header cell's text reduced for lookup: compact, then trailing parentheticals ("(A)", "(万元)", "(50分)"),
 * colons and a leading "1." numbering removed. "年度\n指标值（A）" → "年度指标值".
 */
export function normalizeHeader(text: string): string {
  let t = toSimplified(compactLabel(text)); // 指標 → 指标, 預算 → 预算 (traditional forms of the vocabulary)
  for (let i = 0; i < 3; i++) {
    const next = trimTrailing(t, ":：").replace(PAREN_SUFFIX, "");
    if (next === t) break;
    t = next;
  }
  // A leading required-field mark (*指标值, ★年度总体目标) or "1." numbering is not part of the word.
  return trimTrailing(t.replace(/^[*★☆※]+/, "").replace(/^\d{1,2}[.、]/, ""), ":：");
}

function buildMap<F extends string>(table: Readonly<Record<F, readonly string[]>>): Map<string, F> {
  const m = new Map<string, F>();
  for (const field of Object.keys(table) as F[]) {
    for (const word of table[field]) {
      const key = normalizeHeader(word);
      if (!m.has(key)) m.set(key, field);
    }
  }
  return m;
}

const INDICATOR_MAP = buildMap(INDICATOR_SYNONYMS);
const INDICATOR_WEAK_MAP = new Map<string, IndicatorField>(INDICATOR_WEAK_SYNONYMS.map(([w, f]) => [normalizeHeader(w), f]));
const BUDGET_MAP = buildMap(BUDGET_SYNONYMS);
const FUNDS_MAP = buildMap(FUNDS_SYNONYMS);
const FORM_MAP = buildMap(FORM_LABELS);
const FUNDS_TITLE_SET = new Set(FUNDS_TITLES.map(normalizeHeader));

// -- A cheap test that a raw cell text may be a header word, before any normalisation ------------------------

/** Flags per UTF-16 code unit (one table lookup per character). */
const IDEOGRAPH = 1; // CJK ideograph (basic block and extension A): the characters the test constrains
const IN_KEY = 2; // an ideograph of some exact header word
const IN_PATTERN = 4; // an ideograph every pattern-matched header holds one of
const OPENING = 8;
const CLOSING = 16;

const HEADER_KEYS: readonly string[] = [...INDICATOR_MAP.keys(), ...INDICATOR_WEAK_MAP.keys(), ...BUDGET_MAP.keys()];

/** Whether some exact header word has no ideograph at all (then a text without one may still be a header). */
const SOME_KEY_WITHOUT_IDEOGRAPH = HEADER_KEYS.some((k) => ![...k].some((ch) => isIdeograph(ch.charCodeAt(0))));

const CHAR_FLAGS: Uint8Array = (() => {
  const flags = new Uint8Array(0x10000);
  for (let c = 0; c < flags.length; c++) if (isIdeograph(c)) flags[c] = IDEOGRAPH;
  for (const key of HEADER_KEYS) {
    for (let i = 0; i < key.length; i++) flags[key.charCodeAt(i)] |= IN_KEY;
  }
  // One ideograph of each pattern of matchIndicatorField / matchBudgetField: 原因, 指标值, 依据, 申报…金额/数,
  // 核定/审核/审定/建议安排, 预算/安排…金额/数, and of HEADER_PATTERNS: 说明/解释/公式/描述/评分…/扣分/计分/方法/内容,
  // 类型/方向, 达到目标, 得分, 权重. Keep in step with those expressions.
  for (const c of "因值据额数核审安说释式述评扣计法容型向到得权") flags[c.charCodeAt(0)] |= IN_PATTERN;
  // A traditional character of the vocabulary counts as its simplified form (指標 reads as 指标).
  for (const t of TRADITIONAL_CHARS) {
    const simple = simplifiedOf(t);
    if (simple) flags[t.charCodeAt(0)] |= flags[simple.charCodeAt(0)];
  }
  for (const c of "([{<（［｛＜") flags[c.charCodeAt(0)] |= OPENING;
  for (const c of ")]}>）］｝＞") flags[c.charCodeAt(0)] |= CLOSING;
  return flags;
})();

/**
 * False when a raw text cannot normalise to a header word; true when it may (then look it up). A header
 * word is an exact synonym, whose ideographs outside brackets (which normalisation may drop) all belong to
 * the synonyms and which has one (every synonym does), or a pattern match, which holds one of the pattern
 * ideographs. Spares normalising the many distinct names, codes and values of a long list
 * ("城关镇道路硬化里程（12）" is settled by its first character, "P00000001" by having no ideograph).
 */
export function mayBeHeaderWord(raw: string): boolean {
  let depth = 0;
  let allKnown = true;
  let someKnown = SOME_KEY_WITHOUT_IDEOGRAPH;
  for (let i = 0; i < raw.length; i++) {
    const f = CHAR_FLAGS[raw.charCodeAt(i)];
    if (f === 0) continue;
    if (f & IN_PATTERN) return true;
    if (f & IN_KEY) someKnown = true;
    if (f & OPENING) depth++;
    else if (f & CLOSING) depth = depth > 0 ? depth - 1 : 0;
    else if (depth === 0 && (f & (IDEOGRAPH | IN_KEY)) === IDEOGRAPH) allKnown = false;
  }
  return allKnown && someKnown;
}

/** The indicator field a normalised header names, with `weak` for the fallback words. */
export function matchIndicatorField(normalized: string): SynonymEntry<IndicatorField> | undefined {
  const f = INDICATOR_MAP.get(normalized);
  if (f) return { field: f };
  const w = INDICATOR_WEAK_MAP.get(normalized);
  if (w) return { field: w, weak: true };
  if (normalized.length > 2 && normalized.length <= 16) {
    if (/原因/.test(normalized) && /(偏差|未完成|分析)/.test(normalized)) return { field: "reason" };
    if (/设定依据|确定依据/.test(normalized)) return { field: "standard" };
    for (const [pattern, field] of HEADER_PATTERNS) if (pattern.test(normalized)) return { field };
  }
  return undefined;
}

/** Period words a value header may start with: 年初, 调整后, 全年, 半年(程), 中长期 … (the form's own year or not). */
const PERIOD = "(?:年初|调整后?|全年|年度|当年|本年|半年|上半年|下半年|中长期|长期|区域|计划|预期|绩效|专项)*(?:\\(程\\))?";

/**
 * Header wordings by their parts, in the order tried (after the exact synonyms above). Provinces and systems word
 * the same columns many ways: 年初目标值 / 调整指标值 / 全年(程)指标值 / 当年预期实现值 / 预期达到目标 / 区域目标值 (湖南,
 * 重庆, 江苏, 湖北, 四川 区域绩效 forms in test/real/), 全年完成值, 指标得分, 指标说明及公式. A text that explains or
 * describes (说明, 解释, 公式, 描述, 评分标准) is never the value itself.
 */
const HEADER_PATTERNS: readonly (readonly [RegExp, IndicatorField])[] = [
  [/^三级指标(?:内容|名称)$/, "name"],
  [/说明|解释|公式|描述|评分标准|评分办法|扣分|计分|计算方法|内容$/, "explain"],
  [/^指标值类型$|^指标方向性?$/, "sign"],
  [new RegExp(`^${PERIOD}(?:预期)?(?:指标值|目标值|实现值|计划值|达到目标|指标值\\(或计划水平\\))$`), "target"],
  [/^(?:全年|年度|年末|年终|当年)?(?:实际)?(?:完成|实现|达成)(?:值|数|指标值|情况值)$/, "actual"],
  [/^(?:指标|自评|评价|考核|实际)得分$/, "score"],
  [/^(?:参考|考核|指标)(?:分值|权重)$/, "weight"],
];

/** The budget list field a normalised header names. "金额(元)" is normalised to "金额" before this. */
export function matchBudgetField(normalized: string): BudgetField | undefined {
  const f = BUDGET_MAP.get(normalized);
  if (f) return f;
  if (normalized.length > 2 && normalized.length <= 16) {
    if (/^(申报|申请)/.test(normalized) && /(金额|数)$/.test(normalized)) return "declared";
    if (/^(核定|审核|审定|建议安排)/.test(normalized)) return "approved";
    if (/(预算|安排)(金额|数)$/.test(normalized)) return "amount";
  }
  return undefined;
}

export function matchFundsColumn(normalized: string): FundsColumn | undefined {
  return FUNDS_MAP.get(normalized);
}

export function matchFormLabel(normalized: string): FormField | undefined {
  return FORM_MAP.get(normalized);
}

/** True when a normalised first cell titles a funds block (项目资金（万元）, 预算执行情况（10分）). */
export function isFundsTitle(normalized: string): boolean {
  if (FUNDS_TITLE_SET.has(normalized)) return true;
  return /^(项目资金|资金情况|预算执行情况|资金投入)/.test(normalized) && normalized.length <= 10;
}

/** Money unit named in a header or title text: "金额（万元）" → 万元, "单位：元" → 元. */
export function moneyUnitIn(text: string): "万元" | "元" | undefined {
  const t = compactLabel(text);
  if (/万元/.test(t)) return "万元";
  if (/(?:[([:]|单位[:]?)元(?:[)\]]|$)/.test(t)) return "元";
  return undefined;
}

/** The canonical 一级 category named by a 一级 text (points suffix allowed), or undefined. */
export function level1CategoryOf(text: string): string | undefined {
  const t = normalizeHeader(text);
  if (t === "") return undefined;
  for (const [k, cat] of LEVEL1_KEYWORDS) if (t.includes(k)) return cat;
  return undefined;
}

/** The 一级 category a 二级 name belongs to; `costLevel1` decides where a bare 成本指标 goes. */
export function categoryOfLevel2(text: string, costLevel1: boolean): string | undefined {
  const t = normalizeHeader(text);
  if (t === "") return undefined;
  for (const [k, cat] of LEVEL2_KEYWORDS) {
    if (t.includes(k)) return k === "成本" && costLevel1 ? "成本指标" : cat;
  }
  return undefined;
}

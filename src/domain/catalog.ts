/**
 * The issue catalog (问题目录): the single source of every issue code, its severity, its Chinese and English
 * title, the source a user is shown (依据) and the words of its messages. `IssueCode` (issues.ts) is derived from
 * this record's keys, so a code without an entry, or an entry of the wrong shape, does not compile.
 *
 * Severity policy:
 *   error   — a reviewer would send the table back (不可提交): something missing, wrong or unverifiable;
 *   warning — worth a look (建议核实): probably wrong, or right only with an explanation the table lacks;
 *   info    — for the record (提示): nothing to fix, e.g. a line left out of coverage with its reason.
 *
 * Sources are what a finance officer can look up: the 文号 and the form or clause, or "常见审核要求 / common review
 * practice" with what the practice asks. Where the rule comes from (the provincial systems and county reports
 * behind it) is in ../shared/domain/rules.md, never in the text users read.
 *
 * Messages (提示文字): each entry names its variants, each a Chinese and an English template with the same named
 * placeholders (`{text}`, `{weight}`). A check builds its finding's text with `say(code, variant, params)`; the
 * compiler rejects an unknown code, an unknown variant and a missing or unknown parameter. A variant may be a
 * fragment of another (a column name, a clause), built with `text(…)` and passed on as a parameter: the words
 * stay here, the check only chooses and fills them. Values are inserted as text and never read as a template.
 */
import type { Issue, IssueDraft, MessageParamValues, Severity } from "./issues";

export interface IssueType {
  readonly code: IssueCode;
  readonly severity: Severity;
  readonly title: string; // 中文标题
  readonly titleEn: string;
  readonly source: string; // 依据
}

/** A message in both languages: Chinese first (中文), English; the same `{placeholders}` in each. */
export interface Template {
  readonly zh: string;
  readonly en: string;
}

type Entry = {
  readonly severity: Severity;
  readonly title: string;
  readonly titleEn: string;
  readonly source: string;
  readonly messages: { readonly [variant: string]: Template };
};

const PRACTICE = "常见审核要求 / common review practice";
const FORM_10 = "财预〔2020〕10号 附件 项目支出绩效自评表";
const TARGET_101 = "财预〔2021〕101号 绩效目标申报表";

export const CATALOG = {
  "table.no-indicator-header": {
    severity: "error", title: "未识别到指标表表头", titleEn: "No indicator header recognized", source: `${PRACTICE}：绩效指标表按标准格式列出一级、二级、三级指标和指标值`,
    messages: {
      noHeader: { zh: "工作表含有“{word}”等指标表内容，但未识别到指标表表头（一级指标/二级指标/三级指标/指标值/分值等）", en: "The sheet has indicator-table content (\"{word}\") but no indicator header row was recognized" },
      internalError: { zh: "表格识别内部错误：{error}", en: "Internal error in table recognition: {error}" },
      headOnly: {
        zh: "表格只有表头部分（项目基本情况、资金情况、总体目标，至第{row}行），其下未找到绩效指标（一级/二级/三级指标和指标值）：已检查表头部分，指标未检查",
        en: "The form has only its head (project fields, funds and goal, down to row {row}); no performance indicators (levels 1–3 and target values) were found below it: the head was checked, the indicators were not",
      },
    },
  },
  "table.not-recognized": {
    severity: "error", title: "未识别到绩效表格，无法检查", titleEn: "No performance table recognized: not checked", source: `${PRACTICE}：绩效目标表、自评表须按规定格式填报`,
    messages: {
      nothing: { zh: "未识别到绩效目标表、自评表或预算项目清单，未做任何检查（{looked}）", en: "No performance target table, self-evaluation or budget list was recognized, so nothing was checked ({looked})" },
      nothingWithEvidence: { zh: "未识别到绩效目标表、自评表或预算项目清单，未做任何检查（{looked}；{evidence}）", en: "No performance target table, self-evaluation or budget list was recognized, so nothing was checked ({looked}; {evidence})" },
      noSheet: { zh: "文件中没有工作表", en: "the file has no sheet" },
      sheets: { zh: "查看了 {count} 个工作表（{names}）", en: "{count} sheet(s) looked at: {names}" },
      sheetsMore: { zh: "查看了 {count} 个工作表（{names} 等）", en: "{count} sheet(s) looked at: {names} and more" },
    },
  },
  "form.missing-field": {
    severity: "warning", title: "表头栏目未填写", titleEn: "A field of the form is blank", source: `${PRACTICE}：绩效目标表、自评表的项目名称、主管部门、实施单位须填写`,
    messages: {
      blank: { zh: "表格的“{field}”未填写", en: "the form's {field} is blank" },
      managementBlank: { zh: "资金管理情况中“{aspect}”的情况说明未填写", en: "the 资金管理情况 block's account of {aspect} is blank" },
    },
  },
  "table.partial-reading": {
    severity: "warning", title: "部分列未能确定，依此得出的结论未列出", titleEn: "A column could not be read with confidence; findings that depend on it are withheld", source: `${PRACTICE}：逐行结论须以读对的列为据`,
    messages: {
      noColumn: {
        zh: "未找到“{header}”列：{rows} 行指标中 {count} 行{what}，多半是该列表头未能识别；这 {count} 条逐行结论未列出，请核对该列",
        en: "No \"{header}\" column was found: {count} of {rows} indicator rows give the same finding ({what}), most likely a header that was not recognized; those {count} row findings are withheld — check that column",
      },
      flood: {
        zh: "无法确定“{header}”列（{column} 列）是否读对：{rows} 行指标中 {count} 行得出同一结论（{what}），多半是该列读错或整列缺失；这 {count} 条逐行结论未列出，请核对该列",
        en: "Could not tell whether the \"{header}\" column ({column}) was read right: {count} of {rows} indicator rows give the same finding ({what}), most likely a misread or wholly missing column; those {count} row findings are withheld — check that column",
      },
    },
  },
  "table.not-filled": {
    severity: "error", title: "表格尚未填写", titleEn: "Form not filled in", source: `${PRACTICE}：绩效目标表、自评表须按规定格式填报`,
    messages: {
      headerOnly: { zh: "绩效指标区只有表头，没有任何指标行，无法检查指标", en: "The indicator block has a header and no indicator row: no indicator can be checked" },
      noNameNoValue: { zh: "{rows} 行指标的指标名称和指标值全部为空，表格尚未填写", en: "All {rows} indicator rows have neither a name nor a value: the form was never filled in" },
      noValue: { zh: "{rows} 行指标的指标值全部为空（或只是“待定”“见附件”“0”之类的占位），表格尚未填写", en: "All {rows} indicator rows have no target value (empty, or only a placeholder such as 待定, 见附件 or 0): the form was never filled in" },
      templateNames: { zh: "{rows} 行指标的名称全部是模板编号（指标1、指标2……），表格尚未填写", en: "All {rows} indicator names are the template's numbering (指标1, 指标2 …): the form was never filled in" },
      noActual: { zh: "自评表 {rows} 行指标的完成值和得分全部为空，自评尚未填写", en: "The self-evaluation's {rows} indicator rows have no actual value and no score: it was never filled in" },
      noScore: { zh: "评分表 {rows} 行指标的得分全部为空，评分尚未填写", en: "The score sheet's {rows} indicator rows have no score: it was never filled in" },
    },
  },
  "file.invalid-bytes": {
    severity: "warning", title: "文件中有无法解码的字节", titleEn: "Bytes that do not decode", source: `${PRACTICE}：CSV 文件应为 UTF-8、GB18030/GBK 或 Big5 编码`,
    messages: {
      undecoded: { zh: "按 {encoding} 读取，有 {count} 处字节无法解码（第一处在字节偏移 {offset}，{byte}），已替换为 �；请核对该处内容或将文件另存为 UTF-8", en: "read as {encoding}; {count} byte sequence(s) could not be decoded (the first at byte offset {offset}, {byte}) and were replaced with �: check the text there or save the file as UTF-8" },
    },
  },
  "file.long-text": {
    severity: "warning", title: "单元格文字超长，已截断", titleEn: "Cell text too long: cut", source: "Excel 单元格最多容纳 32,767 个字符 / an Excel cell holds at most 32,767 characters",
    messages: {
      cut: { zh: "{count} 个单元格的文字过长，已截断并在末尾注明“已截断”；第一个是 {cell}，原长 {length} 个字符", en: "{count} cell(s) held text too long to keep: cut, each ending with a \"cut from\" note; the first is {cell}, {length} characters long" },
    },
  },
  "file.findings-not-listed": {
    severity: "info", title: "其余问题未列出", titleEn: "Further findings not listed", source: "绩效助手：每个文件最多列出的问题数（错误优先）/ findings listed per file, errors first",
    messages: {
      more: { zh: "另有 {rest} 个问题未列出（每个文件最多列出 {shown} 个，错误优先；统计数字包含全部问题）", en: "{rest} more findings not listed (at most {shown} per file, errors first; the counts include them all)" },
    },
  },
  "indicator.missing-field": {
    severity: "error", title: "指标必填项为空", titleEn: "Required indicator field empty", source: `${TARGET_101}：一级、二级、三级指标和指标值为必填项`,
    messages: {
      emptyInName: { zh: "{field}为空（必填项）；“{figure}”写在了指标名称中，应填入指标值栏", en: "{field} is empty (required); \"{figure}\" is written into the name: put it in the target column" },
      empty: { zh: "{field}为空（必填项）", en: "{field} is empty (required)" },
      nameIsValue: { zh: "三级指标名称“{name}”是一个数值或期限，不是指标名称：应写明衡量什么（如“完成时限”“补助标准”），数值填入指标值栏", en: "the indicator name \"{name}\" is a figure or a deadline, not a name: say what is measured (e.g. 完成时限, 补助标准) and put the figure in the target column" },
      level1: { zh: "一级指标", en: "level-1 indicator" },
      level2: { zh: "二级指标", en: "level-2 indicator" },
      name: { zh: "三级指标名称", en: "indicator name" },
      sign: { zh: "计算符号（指标性质）", en: "direction sign" },
      target: { zh: "指标值", en: "target value" },
    },
  },
  "indicator.unknown-category": {
    severity: "warning", title: "一级/二级指标不在指标体系内或归类有误", titleEn: "Level-1/2 indicator outside the framework or misfiled", source: "财预〔2021〕101号 绩效指标体系（产出、效益、满意度，成本）",
    messages: {
      level1: { zh: "一级指标“{text}”不在指标体系内", en: "level-1 indicator \"{text}\" is not in the framework" },
      level2: { zh: "二级指标“{text}”不在指标体系内", en: "level-2 indicator \"{text}\" is not in the framework" },
      level2Owned: { zh: "二级指标“{level2}”是{framework}中“{owner}”下的二级指标，不应放在“{level1}”下", en: "level-2 \"{level2}\" belongs under \"{owner}\" ({framework}), not under \"{level1}\"" },
      level2Misplaced: { zh: "二级指标“{level2}”不属于一级指标“{level1}”", en: "level-2 \"{level2}\" does not belong under \"{level1}\"" },
      satisfaction: { zh: "满意度指标“{name}”放在了“{under}”下，应归入满意度指标", en: "satisfaction indicator \"{name}\" is filed under \"{under}\"" },
      belongsElsewhere: { zh: "“{name}”不是{under}，放错了位置；应归入{belongs}", en: "\"{name}\" is not a measure of {under}: it is misfiled; it belongs under {belongs}" },
    },
  },
  "indicator.placeholder": {
    severity: "error", title: "模板占位符未填写", titleEn: "Template placeholder left in", source: `${PRACTICE}：模板中的“**”“XX”“指标1:”须替换为实际内容`,
    messages: {
      hintInName: { zh: "指标名称“{name}”中仍留有模板提示，指标值已填写为“{target}”，请删去名称中的提示", en: "the name \"{name}\" still carries the template's hint; the target is filled in (\"{target}\"): remove the hint from the name" },
      unfilled: { zh: "“{text}”是模板占位内容，尚未填写", en: "\"{text}\" is a template placeholder that was never filled in" },
      scoredTemplateRow: { zh: "空白模板行却有分值或得分", en: "an empty template row carries a weight or score" },
    },
  },
  "indicator.not-numeric": {
    severity: "error", title: "定量指标的指标值不是数值", titleEn: "Quantitative target is not a number", source: `${TARGET_101}：定量指标的指标值应为数值`,
    messages: {
      notNumber: { zh: "定量指标的指标值“{text}”不是数值", en: "quantitative target \"{text}\" is not a number" },
      onlyUnit: { zh: "指标值“{text}”只有单位（或符号），没有数值：模板的指标值未填写", en: "the target \"{text}\" is a unit (or sign) with no figure: the template's value was never filled in" },
    },
  },
  "indicator.missing-unit": {
    severity: "error", title: "定量指标缺少计量单位", titleEn: "Quantitative indicator has no unit", source: `${TARGET_101}：定量指标须填写计量单位`,
    messages: {
      noUnit: { zh: "定量指标“{name}”缺少计量单位", en: "quantitative indicator \"{name}\" has no unit" },
      magnitudeOnly: { zh: "定量指标“{name}”的指标值“{text}”只写了数量级“{magnitude}”，缺少计量单位；金额应写作“{expected}”", en: "the target \"{text}\" of \"{name}\" gives only the magnitude \"{magnitude}\" and no unit: write the amount as \"{expected}\"" },
      perBare: { zh: "指标值“{text}”的单位不完整：“每{per}”之后只有数字，没有货币单位，应写作“{expected}”", en: "the target \"{text}\" has an incomplete unit (\"per {per}\" with a bare figure, no money unit): write \"{expected}\"" },
      slashBare: { zh: "指标值“{text}”的单位不完整：“/{per}”之前没有货币单位，应写作“{expected}”", en: "the target \"{text}\" has an incomplete unit (\"/{per}\" with no money unit before it): write \"{expected}\"" },
    },
  },
  "indicator.unit-mismatch": {
    severity: "warning", title: "计量单位不一致", titleEn: "Units disagree", source: `${PRACTICE}：指标值与计量单位一致`,
    messages: {
      valueVsColumn: { zh: "指标值中的单位“{unit}”与计量单位列“{column}”不一致", en: "the unit in the value (\"{unit}\") differs from the unit column \"{column}\"" },
      valueVsColumnNoUnit: { zh: "指标值中的单位与计量单位列“{column}”不一致", en: "the unit in the value differs from the unit column \"{column}\"" },
      percentForTime: { zh: "“{name}”是时间或期限，指标值却是百分比“{text}”；应写明完成时限（如“2023年12月底前”），或改为及时率", en: "\"{name}\" is a time or deadline but the target is a percentage (\"{text}\"): give the deadline, or name a rate" },
      actualVsTarget: { zh: "实际完成值的单位“{actual}”与指标值的单位“{target}”不一致", en: "the actual's unit \"{actual}\" differs from the target's \"{target}\"" },
      percentNameAmount: { zh: "“{name}”写明单位为%，指标值“{text}”却超过100，不是百分比；名称中的单位与指标值不符，请核实", en: "\"{name}\" gives its unit as % but the target \"{text}\" is above 100 and no share: the unit in the name does not fit the value" },
      rateInCount: { zh: "“{name}”是比率，指标值“{text}”却是数量或天数；应写成百分比（如“≥95%”），或改用数量指标的名称", en: "\"{name}\" is a rate but the target \"{text}\" is a count or a number of days: give a percentage, or name a count" },
      costWithoutMoney: { zh: "成本指标“{name}”的指标值“{text}”计量单位为“{unit}”，没有金额单位；应写明金额（如“元/{unit}”）", en: "the cost \"{name}\" has the target \"{text}\" in \"{unit}\", with no money unit: give the amount (e.g. 元 per {unit})" },
      magnitudeWithoutYuan: { zh: "“{name}”的指标值“{text}”只写了数量级“{magnitude}”，没有货币单位“元”；金额应写作“{expected}”", en: "the target \"{text}\" of \"{name}\" gives only the magnitude \"{magnitude}\" and no money unit (元): write the amount as \"{expected}\"" },
      householdsInPeople: { zh: "“{name}”计的是户数，指标值“{text}”却以“人”计；应以“户”计，或改为人数指标", en: "\"{name}\" counts households but the target \"{text}\" is in people (人): count in 户, or name a head count" },
    },
  },
  "indicator.percent-over-100": {
    severity: "warning", title: "百分比指标值超过100", titleEn: "Percentage target above 100", source: `${PRACTICE}：比率类指标值不超过100%`,
    messages: {
      over: { zh: "百分比指标值{number}%超过100%", en: "percentage target {number}% is above 100%" },
    },
  },
  "indicator.cost-direction": {
    severity: "warning", title: "成本指标方向可能有误", titleEn: "Cost indicator points the wrong way", source: "财预〔2021〕101号：成本指标一般设上限（≤）",
    messages: {
      atLeast: { zh: "成本指标一般应设为“≤”（成本有上限），当前为“≥/＞”", en: "a cost indicator normally takes ≤ (costs are capped), not ≥/＞" },
      noSign: { zh: "成本指标“{text}”没有计算符号，是上限（≤）还是标准（＝）不明；成本一般设上限，宜写成“≤{text}”", en: "the cost target \"{text}\" has no comparison sign: a cap (≤) or a standard (=)? Costs are normally capped: write \"≤{text}\"" },
    },
  },
  "indicator.vague": {
    severity: "warning", title: "指标表述模糊，难以衡量", titleEn: "Vague wording where a figure is expected", source: "财预〔2021〕101号：绩效指标应细化、量化，可衡量",
    messages: {
      boilerplate: { zh: "指标值“{text}”是笼统的套话，无法据以衡量完成情况；应写明可衡量的标准或数值", en: "the target \"{text}\" is boilerplate with nothing to measure; give a measurable standard or figure" },
      vagueWord: { zh: "指标值“{text}”含模糊表述“{word}”，宜改为可衡量的数值", en: "target \"{text}\" uses vague wording (\"{word}\"); give a measurable figure" },
      goalSlogan: {
        zh: "{label}“{text}”是口号式表述，没有可衡量的产出或效果；应写明年度的产出数量和效果",
        en: "the {label} \"{text}\" is a slogan with no measurable output or effect; state the year's outputs and effects",
      },
      narrative: {
        zh: "{level2}的指标值“{text}”是一段叙述，没有数值、比率或时限，无法据以衡量完成情况；应写明可衡量的标准或数值",
        en: "the {level2} target \"{text}\" is a narrative with no figure, rate or deadline: nothing to measure; give a measurable standard or figure",
      },
      noEffect: { zh: "效益指标“{name}”的指标值为“{text}”：等于说项目不产生这项效益，是凑数的指标；应写明项目预期的、可衡量的效益，没有的不设", en: "the benefit indicator \"{name}\" is answered \"{text}\": it says the project has no such effect, a filler; state the measurable effect expected, or leave the indicator out" },
      percentOnAim: {
        zh: "“{name}”是一项目标或作用，不是可计算的比率，百分比指标值“{text}”无从衡量；应改为可计算的比率（如“……率”）或写明衡量标准",
        en: "\"{name}\" states an aim, not a ratio: the percentage target \"{text}\" measures nothing; name a rate that can be computed, or a standard",
      },
      costYesNo: { zh: "成本指标“{name}”的指标值只写了“{text}”，没有金额或单价，无从核对成本；应写明成本上限或单价", en: "the cost indicator \"{name}\" is answered only \"{text}\": no amount or price to check the cost against; give a ceiling or a unit price" },
      percentOnStatement: {
        zh: "“{name}”是一种做法或一段陈述，不是可计算的比率，百分比指标值“{text}”无从衡量；应改为可计算的比率（如“……率”）或写明衡量标准",
        en: "\"{name}\" states a procedure or a claim, not a ratio: the percentage target \"{text}\" measures nothing; name a rate that can be computed, or a standard",
      },
    },
  },
  "indicator.direction-conflict": {
    severity: "warning", title: "指标值的方向与指标含义相反", titleEn: "Target direction contradicts the indicator", source: `${PRACTICE}：越多越好的指标（产出数量等）设下限“≥”，越少越好的指标（差错率、逾期率等）设上限“≤”`,
    messages: {
      badRateAtLeast: { zh: "“{name}”越低越好，指标值“{text}”却设为下限（≥）；应设为“≤”", en: "\"{name}\" is better the lower it is, yet the target \"{text}\" is a floor (≥): use ≤" },
      directionVsOperator: { zh: "指标方向为“{direction}”，比较符号却是“{operator}”，两者矛盾；正向指标应设下限（≥），反向指标应设上限（≤）", en: "the direction says \"{direction}\" but the operator is \"{operator}\": a positive indicator takes a floor (≥), a negative one a ceiling (≤)" },
      outputCapped: { zh: "“{name}”是产出数量，指标值“{text}”却设为上限（≤），少做甚至不做也算达标；产出数量应设为“≥”或“＝”", en: "\"{name}\" is an output quantity, yet the target \"{text}\" is a ceiling (≤): doing less, or nothing, would meet it; use ≥ or =" },
    },
  },
  "indicator.figures-conflict": {
    severity: "warning", title: "表内数据相互矛盾", titleEn: "Figures of the form contradict each other", source: `${PRACTICE}：成本指标与项目资金、产出数量相互衔接，不超出预算`,
    messages: {
      costAboveSpent: { zh: "成本指标“{name}”的实际完成值“{actual}”高于项目全年执行数{spent}万元，两者矛盾；请核实", en: "the cost \"{name}\" was \"{actual}\", more than the {spent}万元 the project spent: check the figures" },
      standardTimesQuantity: {
        zh: "“{quantity}”{count} × “{name}”{standard} = {product}万元，超过项目资金总额{budget}万元；产出数量、成本标准与预算不衔接，请核实",
        en: "\"{quantity}\" {count} × \"{name}\" {standard} = {product}万元, more than the project's budget of {budget}万元: the output, the unit standard and the budget do not agree",
      },
    },
  },
  "indicator.zero-target": {
    severity: "warning", title: "指标值为0", titleEn: "Target of zero", source: `${TARGET_101}：绩效指标值应细化、量化，可衡量`,
    messages: {
      zero: { zh: "“{name}”的指标值为0（“{text}”）：成本或产出为0，指标无从衡量；应填写成本上限或产出数量", en: "\"{name}\" is targeted at 0 (\"{text}\"): a cost or an output of zero measures nothing; give the cost ceiling or the quantity" },
    },
  },
  "indicator.compliance-below-full": {
    severity: "warning", title: "合规性指标低于100%", titleEn: "Compliance target below 100%", source: `${PRACTICE}：资金使用合规性、专款专用等合规类指标应为100%`,
    messages: {
      below: { zh: "“{name}”是合规性指标，指标值“{text}”低于100%，等于容许部分资金违规使用；应为100%", en: "\"{name}\" measures compliance: the target \"{text}\" below 100% tolerates some misuse of the money; it should be 100%" },
    },
  },
  "indicator.band-overlap": {
    // The bands are how the table rates the result: bands that cannot tell two grades apart cannot rate it.
    severity: "error", title: "评价等级界限重叠", titleEn: "Grading bands overlap", source: `${PRACTICE}：评价标准各等级界限应互不重叠`,
    messages: {
      same: { zh: "评价标准“{upper}”与“{lower}”的界限相同（{text}），同一个值同属两个等级，无法评级（本表{rows}个指标如此）；应拉开各等级的界限", en: "the grading bands {upper} and {lower} share the threshold {text}: a value there is in both grades ({rows} indicators of the table); separate the bands" },
    },
  },
  "indicator.missing-sign": {
    severity: "warning", title: "指标值未写比较符号，方向不明", titleEn: "Target without a comparison sign: direction unclear", source: `${PRACTICE}：定量指标应写明计算符号（≥、≤、＝），以明确是下限、上限还是标准；预算管理一体化系统中计算符号为必填项`,
    messages: {
      exception: {
        zh: "“{name}”的指标值“{text}”未写比较符号（≥/≤/＝），而本表其他指标写了符号，方向不明；{why}，宜写成“{suggested}”",
        en: "the target \"{text}\" of \"{name}\" has no comparison sign (≥/≤/=) while the table's other targets have one: the direction is unclear; {why}: write \"{suggested}\"",
      },
      wholeTable: {
        zh: "本表{count}个定量指标值未写比较符号（≥/≤/＝），表中也没有计算符号列，是下限、上限还是标准不明；按指标含义，数量、比率一般设下限（≥），时长、支出一般设上限（≤），标准用“＝”；宜逐项补写，如{examples}",
        en: "{count} quantitative targets of this table have no comparison sign (≥/≤/=) and the table has no sign column: floor, ceiling or standard is not said. By their meaning counts and rates are floors (≥), durations and spending ceilings (≤), standards exact (=): add the signs, e.g. {examples}",
      },
      manyExceptions: {
        zh: "本表{count}个定量指标值未写比较符号（≥/≤/＝），而其他{signed}个指标写了符号，方向不明；宜逐项补写，如{examples}",
        en: "{count} quantitative targets of this table have no comparison sign (≥/≤/=) while {signed} others have one: the direction is unclear; add the signs, e.g. {examples}",
      },
      example: { zh: "“{text}”改为“{suggested}”", en: "\"{text}\" → \"{suggested}\"" },
      count: { zh: "数量一般设下限（≥）", en: "a quantity is normally a floor (≥)" },
      rate: { zh: "比率一般设下限（≥）", en: "a rate is normally a floor (≥)" },
      badRate: { zh: "这是越低越好的比率或数量，一般设上限（≤）", en: "this is a rate or count of something bad, normally a ceiling (≤)" },
      duration: { zh: "时长或期限一般设上限（≤）", en: "a duration or time limit is normally a ceiling (≤)" },
      life: { zh: "使用年限一般设下限（≥）", en: "a service life is normally a floor (≥)" },
      income: { zh: "收入、产值一般设下限（≥）", en: "income or output value is normally a floor (≥)" },
      spending: { zh: "支出金额一般设上限（≤）", en: "an amount spent is normally a ceiling (≤)" },
      standard: { zh: "标准一般写“＝”", en: "a standard is normally exact (=)" },
    },
  },
  "indicator.explanation-copies-name": {
    severity: "warning", title: "指标解释照抄指标名称", titleEn: "Indicator description copies the name", source: `${TARGET_101}：指标解释说明指标的含义、口径和计算方法`,
    messages: {
      copies: { zh: "{count} 项指标的指标解释（指标描述）只是重复三级指标名称（如“{name}”），未说明指标的含义、口径或计算方法", en: "the description of {count} indicators only repeats the indicator's name (e.g. \"{name}\"): it does not say what is measured or how" },
    },
  },
  "indicator.duplicate": {
    severity: "warning", title: "同一项目指标重复", titleEn: "Indicator repeated in one project", source: `${PRACTICE}：同一项目的指标不重复设置`,
    messages: {
      repeats: { zh: "指标“{name}”与 {first} 重复", en: "indicator \"{name}\" repeats {first}" },
      otherProject: {
        zh: "项目“{project}”的产出指标与项目“{other}”（{first}）一字不差：同一产出由两个项目申报，或是照抄了别的项目的目标；应写明本项目自己的产出",
        en: "project \"{project}\" declares word for word the output of project \"{other}\" ({first}): the same output is claimed twice, or another project's target was copied; state this project's own output",
      },
    },
  },
  "indicator.name-value-conflict": {
    severity: "error", title: "指标名称与指标值不一致", titleEn: "Name and target disagree", source: `${PRACTICE}：指标名称与指标值表述一致`,
    messages: {
      differs: { zh: "指标名称“{name}”写明{said}，指标值却是“{target}”，两者不一致", en: "the name \"{name}\" says {said} but the target is \"{target}\"" },
      noneVsCeiling: { zh: "指标名称“{name}”写明不发生，指标值“{target}”却容许发生，两者不一致；应写明“0{unit}”，或改写名称", en: "the name \"{name}\" says none shall happen but the target \"{target}\" allows some: write 0{unit}, or reword the name" },
      countsInName: { zh: "数量指标“{name}”在名称中写明了数量（{said}），指标值却是“{target}”，百分比无从衡量这些数量；应把数量写入指标值", en: "the quantity indicator \"{name}\" states its quantities in the name ({said}) while the target is \"{target}\": a percentage measures none of them; put the quantities in the target" },
    },
  },
  "indicator.spending-as-output": {
    severity: "warning", title: "资金支出类指标列为产出指标", titleEn: "Spending listed as an output", source: "财预〔2021〕101号：产出指标反映项目提供的产品和服务；预算执行率另行计分",
    messages: {
      spending: { zh: "“{name}”衡量的是预算执行（{measure}），不是项目产出；预算执行率已在预算执行情况中计分，产出指标应写项目提供的产品或服务", en: "\"{name}\" measures budget execution ({measure}), not an output; execution is scored in the funds block" },
    },
  },
  "indicator.zero-weight": {
    severity: "error", title: "指标分值（权重）应大于0", titleEn: "Weight must be above zero", source: `${FORM_10}：各项指标均设分值`,
    messages: {
      notPositive: { zh: "分值（权重）{weight}应大于0", en: "weight {weight} must be above zero" },
      notNumber: { zh: "分值（权重）“{text}”不是数值", en: "weight \"{text}\" is not a number" },
      empty: { zh: "分值（权重）为空", en: "weight is empty" },
    },
  },
  "indicator.invalid-date": {
    severity: "error", title: "日期不存在", titleEn: "No such date", source: `${PRACTICE}：时效指标的指标值、完成值应为实际存在的日期`,
    messages: {
      target: { zh: "指标值“{text}”不是实际存在的日期（{why}）", en: "the target \"{text}\" is written as a date, but no such day exists ({why})" },
      actual: { zh: "完成值“{text}”不是实际存在的日期（{why}）", en: "the actual \"{text}\" is written as a date, but no such day exists ({why})" },
    },
  },
  "indicator.missing-explanation": {
    severity: "error", title: "定量（其他）指标缺少指标值说明", titleEn: "定量（其他） needs an explanation of the value", source: `${TARGET_101}：计算符号为“定量（其他）”时须说明指标值`,
    messages: {
      missing: { zh: "计算符号为“定量（其他）”时须填写指标值说明", en: "a 定量（其他） indicator needs an explanation of its value" },
    },
  },
  "indicator.shanxi-cost": {
    severity: "error", title: "未填成本指标时默认成本指标最多5分", titleEn: "Default cost indicator may score at most 5 points", source: "山西省项目支出绩效自评规定：默认成本指标最多5分",
    messages: {
      overMax: { zh: "未填写成本指标时，默认成本指标最多{max}分（当前{weight}分）", en: "with no cost indicator filled in, the default one may carry at most {max} points (has {weight})" },
    },
  },
  "project.missing-category": {
    severity: "error", title: "缺少产出、效益或满意度指标", titleEn: "Missing output, benefit or satisfaction indicators", source: "财预〔2021〕101号：绩效指标包括产出、效益和满意度指标",
    messages: {
      missing: { zh: "项目缺少{category}", en: "the project has no {category} indicators" },
      output: { zh: "产出指标", en: "output" },
      benefit: { zh: "效益指标", en: "benefit" },
      satisfaction: { zh: "满意度指标", en: "satisfaction" },
    },
  },
  "project.weight-sum": {
    severity: "error", title: "分值合计不符", titleEn: "Weights do not add up", source: `${FORM_10}：预算执行率10分，产出50分、效益30分、满意度10分，合计100分`,
    messages: {
      labelOff: { zh: "“{label}”标注{points}分，其下指标分值合计{sum}分", en: "\"{label}\" says {points} points but its indicators total {sum}" },
      labelOffProfile: { zh: "“{label}”标注{points}分，其下指标分值合计{sum}分；按{profile}，{category}应为{want}分", en: "\"{label}\" says {points} points but its indicators total {sum}; the {profile} profile wants {want} for {category}" },
      labelProfile: { zh: "“{label}”标注{points}分，其下指标分值合计也是{sum}分；按{profile}，{category}应为{want}分", en: "\"{label}\" says {points} points and its indicators total {sum}; the {profile} profile wants {want} for {category}" },
      blockLabels: { zh: "绩效指标部分标注{points}分，其下各一级指标标注的分值（{labels}）合计{sum}分，两者不符", en: "the indicator block says {points} points but its level-1 labels ({labels}) add up to {sum}" },
      printedTotal: { zh: "合计分值{printed}与各项分值之和{parts}不符", en: "the printed weight total {printed} differs from the parts ({parts})" },
      printedTotalWant: { zh: "合计分值{printed}与各项分值之和{parts}不符；指标分值应为{want}分", en: "the printed weight total {printed} differs from the parts ({parts}); the indicators should total {want}" },
      total: { zh: "指标分值合计{sum}分，应为{want}分", en: "indicator weights total {sum}; expected {want}" },
      category: { zh: "{category}分值合计{sum}分，按{profile}应为{want}分", en: "{category} weights total {sum}; the {profile} profile wants {want}" },
    },
  },
  "score.missing-actual": {
    severity: "error", title: "自评缺少实际完成值", titleEn: "Self-evaluation row has no actual value", source: `${FORM_10}：逐项填写实际完成值`,
    messages: {
      bothEmptyInName: { zh: "年度指标值和实际完成值均为空，得分无从核实；指标值“{figure}”写在了指标名称中，应填入年度指标值栏", en: "target and actual are both empty: the score cannot be verified; the target \"{figure}\" is written into the name: put it in the target column" },
      bothEmptyScoredInName: { zh: "年度指标值和实际完成值均为空，却得分{score}，得分无从核实；指标值“{figure}”写在了指标名称中，应填入年度指标值栏", en: "target and actual are both empty, yet scored {score}: the score cannot be verified; the target \"{figure}\" is written into the name: put it in the target column" },
      noActual: { zh: "实际完成值为空，得分无从核实", en: "no actual value: the score cannot be verified" },
      noActualScored: { zh: "实际完成值为空，却得分{score}，得分无从核实", en: "no actual value, yet scored {score}: the score cannot be verified" },
      bothEmpty: { zh: "年度指标值和实际完成值均为空，得分无从核实", en: "target and actual are both empty: the score cannot be verified" },
      bothEmptyScored: { zh: "年度指标值和实际完成值均为空，却得分{score}，得分无从核实", en: "target and actual are both empty, yet scored {score}: the score cannot be verified" },
      narrativeDuties: { zh: "“实际完成情况”只罗列了单位职责（负责…、承担…），未写明年度目标实际完成了什么", en: "the actual completion lists the unit's standing duties (负责…, 承担…), not what was achieved against the goal" },
      narrativeBlank: { zh: "年度总体目标的“实际完成情况”未填写，无从对照预期目标核实完成情况", en: "the annual goal's actual completion is blank: what was achieved against the goal cannot be checked" },
    },
  },
  "score.actual-not-figure": {
    severity: "error", title: "定量指标的完成值不是数值", titleEn: "Quantitative target, non-figure actual", source: `${FORM_10}：实际完成值与年度指标值可比`,
    messages: {
      notFigure: { zh: "指标值“{target}”是定量指标，完成值“{actual}”却不是数值，得分{score}无从核实", en: "the target \"{target}\" is a figure but the actual \"{actual}\" is not: the score {score} cannot be verified" },
      notFigureUnscored: { zh: "指标值“{target}”是定量指标，完成值“{actual}”却不是数值，无从判断是否完成", en: "the target \"{target}\" is a figure but the actual \"{actual}\" is not: whether it was met cannot be told" },
    },
  },
  "score.actual-copies-target": {
    severity: "warning", title: "完成值照抄指标值或带比较符号", titleEn: "Actual copies the target", source: `${FORM_10}：填写实际完成值`,
    messages: {
      copies: { zh: "完成值“{text}”照抄了指标值（含比较符号），应填写实际完成的数值", en: "the actual \"{text}\" copies the target, operator included: give the figure achieved" },
      comparison: { zh: "完成值“{text}”带有比较符号，应填写实际完成的数值，而不是目标", en: "the actual \"{text}\" carries a comparison sign: give the figure achieved, not a target" },
      narrative: { zh: "“实际完成情况”逐字照抄了预期目标，未写明实际完成了什么", en: "the actual completion copies the planned goal word for word: it does not say what was achieved" },
    },
  },
  "score.exceeds-weight": {
    severity: "error", title: "得分超过分值", titleEn: "Score above the weight", source: `${FORM_10}：各项得分不超过该项分值`,
    messages: {
      above: { zh: "得分{score}超过分值{weight}", en: "score {score} is above the weight {weight}" },
      aboveImplied: { zh: "得分{score}是分值{weight}按完成比例{ratio}倍计算的结果，超过了分值{weight}；完成值超过指标值时，得分以分值为上限", en: "score {score} is the weight {weight} times the completion ratio {ratio}, above the weight: when the actual passes the target, the score stops at the weight" },
    },
  },
  "score.mismatch": {
    severity: "warning", title: "得分与计分规则不符", titleEn: "Score differs from the scoring rule", source: `${FORM_10}：按完成比例计分（完成值/指标值×分值）`,
    messages: {
      undone: { zh: "得分为满分{score}，但本行文字写明尚未全部完成（“{words}”），完成值与得分需核实", en: "full marks ({score}), yet the row's own text says part is not done (\"{words}\"): check the actual and the score" },
      empty: { zh: "得分为空，按规则应为{rule}", en: "score is empty; the rule gives {rule}" },
      differs: { zh: "得分{score}与按规则计算的{rule}不符（完成率{completion}）", en: "entered score {score}, the rule gives {rule} (completion {completion})" },
      differsMembers: { zh: "得分{score}与按其下 {members} 项明细计算的{rule}不符（平均完成率{completion}）", en: "entered score {score}, its {members} member rows give {rule} (mean completion {completion})" },
      lateFullMarks: { zh: "完成时间（{actual}）晚于时限（{deadline}），却得满分{score}", en: "finished ({actual}) after the deadline ({deadline}), yet full marks {score}" },
    },
  },
  "score.out-of-band": {
    severity: "error", title: "定性指标得分不在档次区间内", titleEn: "Qualitative score outside its band", source: `${PRACTICE}：定性指标按达成、部分达成、未达成分档计分`,
    messages: {
      outside: { zh: "{reason}（实际完成值“{actual}”）", en: "{reason} (actual \"{actual}\")" },
    },
  },
  "score.missing-reason": {
    severity: "error", title: "扣分未说明偏差原因", titleEn: "Points lost with no reason given", source: `${FORM_10}：未完成的须说明偏差原因及改进措施`,
    messages: {
      noReason: { zh: "得分{score}低于分值{weight}，未填写偏差原因分析及改进措施", en: "score {score} is below the weight {weight} and no reason for the deviation is given" },
      notDone: { zh: "实际完成值“{actual}”表明目标未完成，未填写偏差原因分析及改进措施", en: "the actual \"{actual}\" says the target was not met, and no reason for the deviation is given" },
    },
  },
  "score.over-achievement": {
    severity: "warning", title: "实际完成值大幅超过指标值", titleEn: "Actual far beyond the target", source: `${FORM_10}：完成值远超指标值的，说明指标设置是否合理`,
    messages: {
      beyond: { zh: "实际完成值超过年度指标值{beyond}（阈值{threshold}），指标值可能设置偏低，可按偏离度调减分值", en: "actual is {beyond} beyond the target (threshold {threshold}): the target may have been set too low" },
    },
  },
  "score.total-mismatch": {
    severity: "error", title: "总分与各项得分合计不符", titleEn: "Total differs from the sum of the parts", source: `${FORM_10}：总分为各项得分之和`,
    messages: {
      noTotal: { zh: "“{label}”行未填写总分（得分），各项得分合计{sum}", en: "the \"{label}\" row gives no total score; the parts add up to {sum}" },
      parts: { zh: "总分{total}与{scope}合计{sum}不符", en: "total {total} differs from the sum of the {scope}, {sum}" },
      rules: { zh: "总分{total}与按规则计算的{rule}不符（各项得分未填）", en: "total {total}, the rules give {rule} (no part score is entered)" },
      indicatorScores: { zh: "各项指标得分", en: "indicator scores" },
      withExecution: { zh: "各项指标得分与预算执行率得分", en: "indicator scores plus the budget execution score" },
    },
  },
  "score.grade-mismatch": {
    severity: "error", title: "评价等级与总分不符", titleEn: "Grade does not match the total", source: "财预〔2020〕10号：总分90（含）以上为优，80（含）–90为良，60（含）–80为中，60以下为差",
    messages: {
      notAGrade: { zh: "等级“{grade}”不是优、良、中、差之一；总分{total}对应“{want}”", en: "grade \"{grade}\" is not one of 优/良/中/差; a total of {total} is \"{want}\"" },
      differs: { zh: "等级“{grade}”与总分{total}对应的“{want}”不符", en: "grade \"{grade}\" does not match the total {total}, which is \"{want}\"" },
    },
  },
  "budget.total-mismatch": {
    severity: "error", title: "年度资金总额与其中各项合计不符", titleEn: "Fund total differs from its parts", source: `${FORM_10}：年度资金总额 = 其中各项之和`,
    messages: {
      differs: { zh: "{label}与其中各项合计不符：{columns}", en: "the total row \"{label}\" differs from the sum of its parts: {columns}" },
      column: { zh: "{column}{total}（其中各项合计{parts}）", en: "{column} {total} (parts {parts})" },
      initial: { zh: "年初预算数", en: "initial budget" },
      budget: { zh: "全年预算数", en: "full-year budget (A)" },
      spent: { zh: "全年执行数", en: "spending (B)" },
      empty: { zh: "空", en: "empty" },
      narrative: { zh: "“{label}”写明总额{total}万元，其中各项合计{parts}万元，两者不符", en: "\"{label}\" states a total of {total}万元 but its parts add up to {parts}万元" },
      unreadable: { zh: "{label}的{column}“{text}”不是一个金额，无法与年度资金总额核对", en: "{label}: the {column} \"{text}\" is not one amount, so the fund total cannot be reconciled" },
    },
  },
  "budget.rate-mismatch": {
    severity: "error", title: "执行率与执行数/预算数不符", titleEn: "Execution rate differs from B/A", source: `${FORM_10}：执行率 = 全年执行数(B) / 全年预算数(A)`,
    messages: {
      differs: { zh: "{label}执行率{rate}与执行数/预算数（{spent}/{budget}={computed}）不符", en: "{label}: execution rate {rate} differs from B/A ({spent}/{budget} = {computed})" },
      empty: { zh: "{label}执行率未填写，按执行数/预算数应为{computed}（{spent}/{budget}）", en: "{label}: the execution rate is blank; B/A gives {computed} ({spent}/{budget})" },
    },
  },
  "budget.score-mismatch": {
    severity: "warning", title: "预算执行率得分与计分规则不符", titleEn: "Budget execution score differs from the rule", source: `${FORM_10}：预算执行率得分 = 执行率 × 10分`,
    messages: {
      differs: { zh: "预算执行率得分{score}与按规则计算的{rule}不符（执行率{rate}×{points}分）", en: "budget execution score {score}, the rule gives {rule} (rate {rate} × {points} points)" },
      empty: { zh: "预算执行率得分为空，按规则应为{rule}（执行率{rate}×{points}分）", en: "budget execution score is empty; the rule gives {rule} (rate {rate} × {points} points)" },
    },
  },
  "budget.low-execution": {
    severity: "warning", title: "预算执行率低于90%未说明原因", titleEn: "Execution below 90% with no explanation", source: "四川省部门预算项目支出绩效自评表填报说明：预算执行率未达到90%的需说明原因",
    messages: {
      below: { zh: "预算执行率{rate}低于{threshold}，未说明原因", en: "execution rate {rate} is below {threshold} and no reason is given" },
    },
  },
  "budget.zero-budget": {
    severity: "error", title: "全年预算数为0，无法计算执行率", titleEn: "Budget is zero: no execution rate", source: `${FORM_10}：执行率 = 全年执行数(B) / 全年预算数(A)`,
    messages: {
      zero: { zh: "{label}的全年预算数为0，无法计算预算执行率及得分", en: "the full-year budget (A) of {label} is 0: no execution rate or score can be computed" },
      zeroUnverifiable: { zh: "{label}的全年预算数为0，无法计算预算执行率及得分；{printed}无从核实", en: "the full-year budget (A) of {label} is 0: no execution rate or score can be computed; {printed} cannot be verified" },
      printedRate: { zh: "执行率（填报{text}）", en: "the rate ({text})" },
      printedScore: { zh: "得分（填报{text}）", en: "the score ({text})" },
    },
  },
  "budget.execution-unverifiable": {
    severity: "error", title: "未以数值填写全年执行数，预算执行率无从核实", titleEn: "No figure for the spending: execution cannot be verified", source: `${FORM_10}：填写全年执行数（B），执行率 = B / A`,
    messages: {
      notFigure: { zh: "预算执行情况中的全年执行数不是数值（“{said}”），预算执行率及其得分无从核实", en: "the spending (全年执行数) in the funds block is not a figure (\"{said}\"): the execution rate and its score cannot be verified" },
      blank: { zh: "预算执行情况未填写全年执行数，预算执行率及其得分无从核实", en: "the funds block gives no spending (全年执行数): the execution rate and its score cannot be verified" },
    },
  },
  "budget.unit-conflict": {
    severity: "warning", title: "资金单位前后矛盾", titleEn: "Money units contradict each other", source: `${FORM_10}：项目资金以万元填列`,
    messages: {
      differs: { zh: "资金栏标注单位为“{block}”，单元格却写作“{text}”（{unit}），金额单位相互矛盾；请核实是元还是万元", en: "the funds block is labelled {block} but the cell reads \"{text}\" ({unit}): check whether the amounts are in 元 or 万元" },
      magnitude: { zh: "资金栏标注单位为“{block}”，预算数{budget}却与指标“{name}”所写的“{amount}”相差约一万倍，金额多半是以“{likely}”填列的；请核实单位", en: "the funds block is labelled {block} but its budget {budget} is about ten thousand times apart from \"{amount}\" given by the indicator \"{name}\": the amounts were most likely entered in {likely}; check the unit" },
    },
  },
  "budget.over-execution": {
    severity: "warning", title: "执行数超过预算数", titleEn: "Spending above the budget", source: `${FORM_10}：预算执行率＝全年执行数／全年预算数，执行数不超过预算数`,
    messages: {
      above: { zh: "全年执行数{spent}高于全年预算数{budget}（执行率{rate}），两者矛盾；请核实执行数或预算数（调整后）", en: "spending {spent} is above the full-year budget {budget} (execution {rate}): check the spending or the adjusted budget" },
    },
  },
  "budget.adjustment-unexplained": {
    severity: "warning", title: "预算调整未说明原因", titleEn: "Budget adjustment not explained", source: "四川省部门预算项目支出绩效自评表填报说明：年中发生预算调整的，应单独说明理由",
    messages: {
      unexplained: { zh: "年初预算数{initial}与全年预算数（调整后）{budget}不同，未说明预算调整的原因", en: "the initial budget {initial} differs from the adjusted full-year budget {budget} and no reason for the adjustment is given" },
    },
  },
  "form.copied-field": {
    severity: "warning", title: "栏目照抄其他栏目", titleEn: "A field copies another", source: `${PRACTICE}：申报表各栏目应分别填写本栏要求的内容`,
    messages: {
      same: { zh: "“{label}”一栏照抄了“{other}”的内容，没有写出本栏要求的内容", en: "the field \"{label}\" repeats \"{other}\" word for word: what the field asks is not answered" },
    },
  },
  "form.management-answer": {
    severity: "warning", title: "管理制度执行情况答“否”", titleEn: "A management rule answered no", source: `${PRACTICE}；《政府采购法》第四十三、四十四条（政府采购合同应当采用书面形式）`,
    messages: {
      treasury: { zh: "“{label}”答“否”：财政资金未通过国库集中支付，应说明原因或予以纠正", en: "\"{label}\" is answered no: the money was not paid through the treasury; explain why or correct it" },
      noContract: { zh: "本表填报实施了政府采购，{labels}却答“否”：政府采购应订立书面合同，应说明原因或予以纠正", en: "the form reports a government purchase, yet {labels} answered no: a government purchase needs a written contract; explain why or correct it" },
      noTender: { zh: "本表填报实施了政府采购，“{label}”答“否”且未说明原因：应写明所用的采购方式（如询价、竞争性谈判）", en: "the form reports a government purchase, and \"{label}\" is answered no with no reason: state the purchase method used (e.g. request for quotations, competitive negotiation)" },
    },
  },
  "form.goal-not-stated": {
    severity: "error", title: "年度总体目标未写明", titleEn: "Annual goal not stated", source: `${FORM_10}、${TARGET_101}：年度总体目标写明项目年度的产出和效果；${PRACTICE}：只有金额或项目名称的目标退回补充`,
    messages: {
      blank: { zh: "“{label}”未填写，项目年度的产出和效果无从得知", en: "\"{label}\" is blank: the project's planned outputs and effects are not stated" },
      onlyAmount: { zh: "“{label}”只有金额“{text}”，未写明项目年度的产出和效果", en: "\"{label}\" is only an amount (\"{text}\"): no planned output or effect is stated" },
      repeatsName: { zh: "“{label}”只是重复项目名称（“{text}”），未写明项目年度的产出和效果", en: "\"{label}\" only repeats the project's name (\"{text}\"): no planned output or effect is stated" },
    },
  },
  "form.template-text": {
    severity: "error", title: "仍是模板的填写说明，未填写内容", titleEn: "Template instructions left in place of content", source: `${FORM_10}：填写自评结论、存在问题和改进措施`,
    messages: {
      instructions: { zh: "“{label}”仍是模板的填写说明（“{shown}”），尚未填写", en: "\"{label}\" still holds the template's instructions (\"{shown}\"), not an answer" },
    },
  },
  "project.no-target": {
    severity: "error", title: "预算项目未设置绩效目标", titleEn: "Budget line has no performance target", source: "财预〔2021〕101号：绩效目标是预算安排的前提，未按要求设定绩效目标的项目不得纳入项目库",
    messages: {
      none: { zh: "预算项目 {line} 未找到绩效目标（按项目编码及单位+项目名称均未匹配）", en: "Budget line {line} has no performance target (no match by code, nor by unit and name)" },
    },
  },
  "project.invalid-target": {
    severity: "error", title: "预算项目的绩效目标有错误", titleEn: "Budget line's target has errors", source: "财预〔2021〕101号：绩效目标须经审核",
    messages: {
      errors: { zh: "预算项目 {line} 的绩效目标（{at}）有 {count} 个错误，不计入覆盖", en: "The target of budget line {line} ({at}) has {count} error(s); not counted as covered" },
    },
  },
  "project.name-match-only": {
    severity: "warning", title: "仅按单位和项目名称匹配", titleEn: "Matched by unit and name only", source: `${PRACTICE}：绩效目标与预算项目按项目编码对应`,
    messages: {
      nameOnly: { zh: "预算项目 {line} 仅按单位和项目名称与绩效目标（{at}，编码：{code}）匹配，请核对项目编码", en: "Budget line {line} matched its target ({at}, code: {code}) by unit and name only; check the project code" },
      noCode: { zh: "无", en: "none" },
    },
  },
  "project.orphan-target": {
    severity: "warning", title: "绩效目标对应的项目不在预算清单中", titleEn: "Target's project is not on the budget list", source: `${PRACTICE}：绩效目标申报项目与预算系统一致`,
    messages: {
      orphan: { zh: "绩效目标 {target} 对应的项目不在预算项目清单中", en: "Target {target} has no project on the budget list" },
    },
  },
  "project.amount-mismatch": {
    severity: "warning", title: "绩效目标资金与预算金额不符", titleEn: "Target amount differs from the budget", source: `${PRACTICE}：绩效目标表资金总额与预算金额一致（±0.1万元）`,
    messages: {
      differs: { zh: "绩效目标 {target} 的资金总额 {amount} 万元与预算金额 {budget} 万元不符（差 {diff} 万元，容差 {tolerance} 万元）", en: "Target {target}: funds total {amount} (10k yuan) differs from the budget amount {budget} by {diff} (tolerance {tolerance})" },
      differsUnits: { zh: "绩效目标 {target} 的资金总额 {amount} 万元与预算金额 {budget} 万元不符（差 {diff} 万元，容差 {tolerance} 万元），可能混用了元和万元", en: "Target {target}: funds total {amount} (10k yuan) differs from the budget amount {budget} by {diff} (tolerance {tolerance}); yuan and 10k yuan may be mixed up" },
    },
  },
  "project.duplicate-code": {
    severity: "error", title: "预算清单项目编码重复", titleEn: "Project code repeated on the budget list", source: `${PRACTICE}：项目编码唯一`,
    messages: {
      repeated: { zh: "项目编码 {code} 在预算清单中重复，首次出现在 {first}", en: "Project code {code} appears more than once on the budget list; first at {first}" },
      repeatedZeros: { zh: "项目编码 {code} 在预算清单中重复（{other}，仅前导零不同），首次出现在 {first}", en: "Project code {code} appears more than once on the budget list ({other}, differing only by leading zeros); first at {first}" },
    },
  },
  "project.excluded": {
    severity: "info", title: "不纳入覆盖率统计", titleEn: "Excluded from coverage", source: `${PRACTICE}：涉密项目、基本支出不设绩效目标`,
    messages: {
      excluded: { zh: "预算项目 {line} 不纳入覆盖率统计：{reasons}", en: "Budget line {line} is excluded from coverage: {reasons}" },
      classified: { zh: "涉密", en: "classified (涉密)" },
      basic: { zh: "基本支出", en: "basic expenditure (基本支出)" },
      zero: { zh: "零金额", en: "zero amount" },
    },
  },
} as const satisfies Record<string, Entry>;

/** Every issue code the engine can emit (stable: users and scripts rely on them). */
export type IssueCode = keyof typeof CATALOG;

/**
 * Phrases several codes share: how a budget line or target is named in a message. Same rules as the
 * catalog's templates.
 */
export const PHRASES = {
  /** A budget line or target with a name and a code. */
  line: { zh: "{name}（{code}）", en: "\"{name}\" ({code})" },
  lineName: { zh: "{name}", en: "\"{name}\"" },
  lineCode: { zh: "{code}", en: "{code}" },
  lineUnnamed: { zh: "（无编码无名称）", en: "(no code, no name)" },
} as const satisfies { readonly [phrase: string]: Template };

/** How lists read in each language: 甲和乙 / a and b, 甲或乙 / a or b, 甲、乙 / a, b. */
const JOINERS = {
  and: { zh: "和", en: " and " },
  or: { zh: "或", en: " or " },
  enum: { zh: "、", en: ", " },
} as const satisfies { readonly [joiner: string]: Template };

/** The names of the `{placeholders}` in a template string (a union of string literals; never when none). */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

/** A parameter's value: the same text in both languages, or one per language (a fragment built with `text`). */
export type MessageValue = string | number | Template;

/**
 * The parameters a template wants: exactly its placeholders, read from the English template (the catalog test
 * holds the Chinese one to the same set; reading one string keeps type-checking light).
 */
export type MessageParams<T extends Template> = { readonly [K in Placeholders<T["en"]>]: MessageValue };

/** The parameter argument of a template: none when it has no placeholder. */
type ParamArgs<T extends Template> = [Placeholders<T["en"]>] extends [never] ? [] : [params: MessageParams<T>];

/** The variant names of a code's messages. */
export type MessageVariant<C extends IssueCode> = keyof (typeof CATALOG)[C]["messages"] & string;

type VariantTemplate<C extends IssueCode, V extends MessageVariant<C>> = (typeof CATALOG)[C]["messages"][V] extends Template ? (typeof CATALOG)[C]["messages"][V] : never;

/**
 * A finding's code and its words, ready to spread into a draft: the template and its parameters, not yet written
 * (makeIssue writes them for the findings that are reported).
 */
export interface Said<C extends IssueCode = IssueCode> {
  readonly code: C;
  readonly template: Template;
  readonly params: MessageParamValues | undefined;
}

/** A finding's code with its text written in both languages (hosts' notices, built outside the engine). */
export interface SaidText<C extends IssueCode = IssueCode> {
  readonly code: C;
  readonly message: string;
  readonly messageEn: string;
}

/** Literal pieces and placeholder names of one template string, alternating (literal, name, literal, …). */
const compiled = new Map<string, readonly string[]>();

function pieces(template: string): readonly string[] {
  let p = compiled.get(template);
  if (!p) {
    p = template.split(/\{(\w+)\}/);
    compiled.set(template, p);
  }
  return p;
}

function valueIn(v: MessageValue | undefined, lang: "zh" | "en"): string {
  if (v === undefined) return "";
  return typeof v === "object" ? v[lang] : String(v);
}

/** Fills one template string: each placeholder takes its value as text (a value holding "{x}" stays "{x}"). */
function fill(template: string, params: MessageParamValues | undefined, lang: "zh" | "en"): string {
  const p = pieces(template);
  if (p.length === 1) return p[0];
  let out = p[0];
  for (let k = 1; k < p.length; k += 2) out += valueIn(params?.[p[k]], lang) + p[k + 1];
  return out;
}

function render(t: Template, params: MessageParamValues | undefined): Template {
  return { zh: fill(t.zh, params, "zh"), en: fill(t.en, params, "en") };
}

function templateOf(code: IssueCode, variant: string): Template {
  const t = (CATALOG[code]?.messages as { readonly [variant: string]: Template } | undefined)?.[variant];
  if (!t) throw new Error(`no message ${variant} for issue code ${code}`);
  return t;
}

/** A code's message variant, filled: both languages, e.g. to pass on as another message's parameter. */
export function text<C extends IssueCode, V extends MessageVariant<C>>(code: C, variant: V, ...params: ParamArgs<VariantTemplate<C, V>>): Template {
  return render(templateOf(code, variant), params[0] as { readonly [name: string]: MessageValue } | undefined);
}

/**
 * A finding's code with its message, to be written when the finding is reported:
 * `emit({ ...say(code, variant, params), sheet, cell })`. Nothing is rendered here: a finding the cap cuts costs
 * its record only.
 */
export function say<C extends IssueCode, V extends MessageVariant<C>>(code: C, variant: V, ...params: ParamArgs<VariantTemplate<C, V>>): Said<C> {
  // The draft's place fields are in the record already, undefined, for `{ ...say(…), sheet, cell }` to overwrite:
  // V8 copies a record and overwrites its fields quickly, but a field added to the copy gives it a hidden class
  // of its own, made anew for every finding (about 3-10 µs a finding here, most of a findings-heavy check).
  const said: Said<C> & UnsetPlace = {
    code,
    template: templateOf(code, variant),
    params: params[0] as MessageParamValues | undefined,
    sheet: undefined,
    cell: undefined,
    value: undefined,
    expected: undefined,
    severity: undefined,
  };
  return said;
}

/** A draft's place fields, not yet set (see say). */
interface UnsetPlace {
  readonly sheet: undefined;
  readonly cell: undefined;
  readonly value: undefined;
  readonly expected: undefined;
  readonly severity: undefined;
}

/** As `say`, with the message written now in both languages (for a notice a host builds, not a check's finding). */
export function sayText<C extends IssueCode, V extends MessageVariant<C>>(code: C, variant: V, ...params: ParamArgs<VariantTemplate<C, V>>): SaidText<C> {
  const t = render(templateOf(code, variant), params[0] as MessageParamValues | undefined);
  return { code, message: t.zh, messageEn: t.en };
}

/** A shared phrase (PHRASES), filled. */
export function phrase<P extends keyof typeof PHRASES>(name: P, ...params: ParamArgs<(typeof PHRASES)[P]>): Template {
  return render(PHRASES[name], params[0] as { readonly [name: string]: MessageValue } | undefined);
}

/** Joins values in each language: list([a, b], "and") is "a和b" / "a and b". */
export function list(items: readonly MessageValue[], joiner: keyof typeof JOINERS): Template {
  const j = JOINERS[joiner];
  return { zh: items.map((v) => valueIn(v, "zh")).join(j.zh), en: items.map((v) => valueIn(v, "en")).join(j.en) };
}

/** The placeholder names of a template string, in order of first use (tests compare the two languages). */
export function placeholdersOf(template: string): string[] {
  const p = pieces(template);
  const names: string[] = [];
  for (let k = 1; k < p.length; k += 2) if (!names.includes(p[k])) names.push(p[k]);
  return names;
}

const TYPES: readonly IssueType[] = (Object.keys(CATALOG) as IssueCode[]).map((code) => {
  const e = CATALOG[code];
  return { code, severity: e.severity, title: e.title, titleEn: e.titleEn, source: e.source };
});

const BY_CODE: ReadonlyMap<IssueCode, IssueType> = new Map(TYPES.map((t) => [t.code, t]));

/** The catalog entry of a code. */
export function issueType(code: IssueCode): IssueType {
  const t = BY_CODE.get(code);
  if (!t) throw new Error(`unknown issue code ${code}`);
  return t;
}

/** Every message variant of a code, by name (the catalog test reads them all). */
export function messageTemplates(code: IssueCode): Readonly<Record<string, Template>> {
  return CATALOG[code].messages;
}

/** Each code's severity in the catalog, looked up without a Map (severityOf runs once per finding, kept or not). */
const SEVERITY: { readonly [code: string]: Severity } = Object.fromEntries(TYPES.map((t) => [t.code, t.severity]));

/** A draft's severity: its own (a profile's override), else the catalog's. */
export function severityOf(d: Pick<IssueDraft, "code" | "severity">): Severity {
  const s = d.severity ?? SEVERITY[d.code];
  if (s === undefined) throw new Error(`unknown issue code ${d.code}`);
  return s;
}

/** A draft's words, written in both languages: its template filled with its parameters, or the words it carries. */
export function wordsOf(d: IssueDraft): { readonly message: string; readonly messageEn: string } {
  if (d.template === undefined) return { message: d.message, messageEn: d.messageEn };
  return { message: fill(d.template.zh, d.params, "zh"), messageEn: fill(d.template.en, d.params, "en") };
}

/** Completes a draft with the catalog's severity and source, and writes its message: a finding as reported. */
export function makeIssue(d: IssueDraft): Issue {
  const t = issueType(d.code);
  const severity = d.severity ?? t.severity;
  const value = d.value ?? "";
  const { message, messageEn } = wordsOf(d);
  // Two plain literals (with and without `expected`), in the contract's key order: no spread per issue.
  if (d.expected !== undefined) {
    return { code: d.code, severity, sheet: d.sheet, cell: d.cell, value, expected: d.expected, message, messageEn, source: t.source };
  }
  return { code: d.code, severity, sheet: d.sheet, cell: d.cell, value, message, messageEn, source: t.source };
}

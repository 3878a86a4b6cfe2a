/**
 * Words of the Excel-mode panels (check, coverage, templates, settings), Chinese first, English second. The
 * language is the one `useStrings()` (i18n.ts) chose, so the whole pane speaks one language.
 */
import { useStrings, type Lang } from "./i18n";

export interface ExcelStrings {
  readonly tabCheck: string;
  readonly tabCoverage: string;
  readonly tabTemplates: string;
  readonly tabSettings: string;
  readonly tabGrade: string;
  readonly tabsLabel: string;
  readonly checkWorkbook: string;
  readonly checkSheet: string;
  readonly checkHint: string;
  readonly reading: string;
  readonly readingChunks: (done: number, total: number) => string;
  readonly checking: string;
  readonly writing: string;
  readonly cancel: string;
  readonly cancelled: string;
  readonly checkedCaption: (sheets: number, scope: "workbook" | "active") => string;
  readonly writeReport: string;
  readonly reportWritten: (sheet: string, rows: number) => string;
  /** A sheet of the user's already has the name asked for: it was left alone and `sheet` written instead. */
  readonly nameTaken: (requested: string, sheet: string) => string;
  /** The add-in's previous sheet of that kind was replaced. */
  readonly replacedPrevious: string;
  /** Under the write buttons: a rerun replaces the add-in's sheet while unchanged; a changed or renamed one is kept. */
  readonly rewriteHint: (sheet: string) => string;
  /** The same for the two coverage sheets. */
  readonly rewriteHintCoverage: (coverage: string, missing: string) => string;
  /** Sheets a marker claims as the add-in's whose content does not prove it: checked as the user's, never deleted. */
  readonly claimsIgnored: (sheets: readonly string[]) => string;
  readonly markCells: string;
  readonly marksApplied: (n: number) => string;
  readonly clearMarks: string;
  readonly marksCleared: (n: number) => string;
  readonly actionsLabel: string;
  readonly failed: string;
  readonly unsupportedTitle: string;
  readonly unsupportedBody: (version: string) => string;
  readonly coverageNeedsCheck: string;
  readonly budgetList: string;
  readonly noBudgetList: string;
  readonly targetSources: string;
  readonly writeCoverage: string;
  readonly coverageWritten: (sheet: string, missing: string) => string;
  readonly coverageSummary: (covered: number, total: number, rate: string) => string;
  /** Lines lacking a valid target: without one, and with a target that has errors. */
  readonly missingTargets: (n: number) => string;
  readonly lackingDetail: (missing: number, invalid: number) => string;
  readonly coverageByCount: (covered: number, total: number, rate: string) => string;
  readonly coverageByAmount: (covered: string, total: string, rate: string) => string;
  readonly byDepartment: string;
  readonly byBudgetType: string;
  readonly colDepartment: string;
  readonly colBudgetType: string;
  readonly colCovered: string;
  readonly colRateCount: string;
  readonly colRateAmount: string;
  readonly reasonMissing: string;
  readonly reasonInvalid: (errors: number, where: string) => string;
  readonly goToTarget: (where: string) => string;
  readonly excludedTitle: (n: number) => string;
  readonly nameMatchTitle: (n: number) => string;
  readonly nameMatchLine: (code: string, targetCode: string) => string;
  readonly orphanTitle: (n: number) => string;
  readonly duplicateTitle: (n: number) => string;
  readonly amountTitle: (n: number) => string;
  readonly amountLine: (budget: string, target: string) => string;
  readonly wan: string;
  readonly showMoreLines: (n: number) => string;
  readonly coverageNeedsWorkbook: string;
  readonly keepChecking: string;
  readonly keepCheckingHint: string;
  readonly liveOn: string;
  readonly liveRechecked: (sheet: string) => string;
  readonly liveUnsupported: string;
  readonly noMissing: string;
  readonly goToRow: (name: string, cell: string) => string;
  readonly templatesIntro: string;
  readonly insertTarget: string;
  readonly insertSelfEval: string;
  readonly templateInserted: (sheet: string) => string;
  readonly profile: string;
  readonly profileAuto: string;
  readonly scoreTolerance: string;
  readonly amountTolerance: string;
  readonly reverseFormula: string;
  readonly reverseLinear: string;
  readonly reverseRatio: string;
  readonly overThreshold: string;
  readonly saveSettings: string;
  readonly settingsSaved: string;
  readonly settingsHint: string;
}

export const EXCEL_ZH: ExcelStrings = {
  tabCheck: "检查",
  tabCoverage: "覆盖率",
  tabTemplates: "模板",
  tabSettings: "设置",
  tabGrade: "等级",
  tabsLabel: "功能",
  checkWorkbook: "检查整个工作簿",
  checkSheet: "只检查当前工作表",
  checkHint: "检查绩效目标表、自评表和预算清单，找出提交前需要修改的问题。",
  reading: "正在读取工作簿…",
  readingChunks: (d, t) => `正在读取工作簿（${d}/${t}）…`,
  checking: "正在检查…",
  writing: "正在写入…",
  cancel: "取消",
  cancelled: "已取消。",
  // Words a finance officer reads without help: how many sheets and which scope, not how many Excel round trips.
  checkedCaption: (n, scope) => `已检查 ${n} 个工作表（${scope === "workbook" ? "整个工作簿" : "当前工作表"}）`,
  writeReport: "写入校验报告",
  reportWritten: (s, n) => `已写入“${s}”工作表（${n} 个问题）。`,
  nameTaken: (r, s) => `工作簿中已有您自己的“${r}”工作表，未改动它，改为写入“${s}”。`,
  replacedPrevious: "已替换本插件上次写入的那一份。",
  rewriteHint: (s) =>
    `再次写入会替换本插件在这台电脑上写入、之后未被改动的“${s}”工作表；其中有改动或改了名的，本插件视为您的工作表，不再改动，新的报告写到另一个名称。`,
  rewriteHintCoverage: (s, m) =>
    `再次写入会替换本插件在这台电脑上写入、之后未被改动的“${s}”和“${m}”工作表；其中有改动或改了名的，本插件视为您的工作表，不再改动，新的工作表写到另一个名称。`,
  claimsIgnored: (s) =>
    `${s.map((x) => `“${x}”`).join("、")}带有本插件的标记，但其内容不能证明是本插件在这台电脑上写入且未改动的（标记可能是伪造或过期的，或工作表已被改动），已忽略该标记：当作您的工作表检查，不会删除或替换。`,
  markCells: "标注问题单元格",
  marksApplied: (n) => `已标注 ${n} 个单元格（红色为错误，黄色为警告）。`,
  clearMarks: "清除标注",
  marksCleared: (n) => `已清除 ${n} 条标注规则。`,
  actionsLabel: "结果操作",
  failed: "操作未完成",
  unsupportedTitle: "此 Excel 版本过旧",
  unsupportedBody: (v) => `部分功能需要 ExcelApi ${v}（如读取合并单元格）。请更新 Excel 或使用 Excel 网页版。`,
  coverageNeedsCheck: "请先在“检查”页检查整个工作簿，再统计覆盖率。",
  budgetList: "预算项目清单",
  noBudgetList: "未找到预算项目清单（含项目编码、项目名称、金额的表）。",
  targetSources: "绩效目标来源",
  writeCoverage: "写入覆盖率统计",
  coverageWritten: (s, m) => `已写入“${s}”工作表（含图表）和“${m}”工作表。`,
  coverageSummary: (c, t, r) => `已覆盖 ${c}/${t} 个项目（${r}）`,
  missingTargets: (n) => `缺少有效绩效目标的项目：${n} 个`,
  lackingDetail: (m, i) => `无绩效目标 ${m} 个，绩效目标有错误 ${i} 个`,
  coverageByCount: (c, t, r) => `按项目数：${c}/${t} = ${r}`,
  coverageByAmount: (c, t, r) => `按金额：${c}/${t} 万元 = ${r}`,
  byDepartment: "按主管部门",
  byBudgetType: "按预算类型",
  colDepartment: "主管部门",
  colBudgetType: "预算类型",
  colCovered: "已覆盖/项目数",
  colRateCount: "数量覆盖率",
  colRateAmount: "金额覆盖率",
  reasonMissing: "未找到绩效目标（按项目编码及单位+项目名称均未匹配）",
  reasonInvalid: (n, w) => `绩效目标（${w}）有 ${n} 个错误，不计入覆盖`,
  goToTarget: (w) => `转到绩效目标 ${w}`,
  excludedTitle: (n) => `不计入覆盖率的项目：${n} 个`,
  nameMatchTitle: (n) => `仅按单位和项目名称匹配（请核对项目编码）：${n} 个`,
  nameMatchLine: (c, tc) => `清单编码 ${c || "无"}，绩效目标编码 ${tc || "无"}`,
  orphanTitle: (n) => `预算清单外的绩效目标：${n} 个`,
  duplicateTitle: (n) => `预算清单中重复的项目编码：${n} 个`,
  amountTitle: (n) => `资金总额与预算金额不符：${n} 个`,
  amountLine: (b, tg) => `预算 ${b} 万元，绩效目标 ${tg} 万元`,
  wan: "万元",
  showMoreLines: (n) => `再显示 ${n} 项`,
  coverageNeedsWorkbook: "覆盖率要对照整个工作簿的绩效目标：请在“检查”页点“检查整个工作簿”。",
  keepChecking: "随编辑自动检查",
  keepCheckingHint: "开启后，编辑某个工作表约 1 秒后只重新检查该工作表，并更新结论和标注。此选项随工作簿保存，默认关闭。",
  liveOn: "正在随编辑自动检查。",
  liveRechecked: (s) => `已重新检查“${s}”工作表。`,
  liveUnsupported: "此 Excel 版本无法随编辑自动检查（需要 ExcelApi 1.9）。",
  noMissing: "所有纳入范围的项目都有绩效目标。",
  goToRow: (name, cell) => `转到 ${name}（${cell}）`,
  templatesIntro: "插入空白的全国通用模板（新工作表，含下拉选项和合计、等级公式，不影响现有工作表）。",
  insertTarget: "插入项目支出绩效目标申报表",
  insertSelfEval: "插入项目支出绩效自评表",
  templateInserted: (s) => `已插入“${s}”工作表。`,
  profile: "规则版本",
  profileAuto: "自动（四川表样用四川规则）",
  scoreTolerance: "得分容差（分）",
  amountTolerance: "金额容差（万元）",
  reverseFormula: "反向指标计分公式",
  reverseLinear: "线性：实际值达到 2 倍目标时得 0 分",
  reverseRatio: "比值：分值 × 目标 / 实际",
  overThreshold: "超额完成提示阈值（%）",
  saveSettings: "保存到工作簿",
  settingsSaved: "设置已保存到此工作簿。",
  settingsHint: "设置随工作簿保存，下次打开仍然有效。",
};

export const EXCEL_EN: ExcelStrings = {
  tabCheck: "Check",
  tabCoverage: "Coverage",
  tabTemplates: "Templates",
  tabSettings: "Settings",
  tabGrade: "Grade",
  tabsLabel: "Tools",
  checkWorkbook: "Check the whole workbook",
  checkSheet: "Check the active sheet only",
  checkHint: "Checks target tables, self-evaluation tables and budget lists for what must be fixed before submission.",
  reading: "Reading the workbook…",
  readingChunks: (d, t) => `Reading the workbook (${d}/${t})…`,
  checking: "Checking…",
  writing: "Writing…",
  cancel: "Cancel",
  cancelled: "Cancelled.",
  checkedCaption: (n, scope) => `Checked ${n} sheet(s) (${scope === "workbook" ? "whole workbook" : "active sheet"})`,
  writeReport: "Write the report sheet",
  reportWritten: (s, n) => `Wrote the "${s}" sheet (${n} issues).`,
  nameTaken: (r, s) => `The workbook has a "${r}" sheet of your own: it was left as it is and "${s}" written instead.`,
  replacedPrevious: "It replaces the one the add-in wrote last time.",
  rewriteHint: (s) =>
    `Writing again replaces the "${s}" sheet the add-in wrote on this computer, if nobody changed it since; a changed or renamed one is yours: the add-in leaves it and writes the new report under another name.`,
  rewriteHintCoverage: (s, m) =>
    `Writing again replaces the "${s}" and "${m}" sheets the add-in wrote on this computer, if nobody changed them since; a changed or renamed one is yours: the add-in leaves it and writes the new sheet under another name.`,
  claimsIgnored: (s) =>
    `${s.map((x) => `"${x}"`).join(", ")} carries the add-in's marker, but its content does not prove that the add-in wrote it on this computer unchanged (the marker may be forged or stale, or the sheet was edited): the marker is ignored, the sheet is checked as yours and never deleted or replaced.`,
  markCells: "Mark problem cells",
  marksApplied: (n) => `Marked ${n} cell(s) (red: errors, amber: warnings).`,
  clearMarks: "Clear marks",
  marksCleared: (n) => `Removed ${n} marking rule(s).`,
  actionsLabel: "Actions on the result",
  failed: "The operation did not finish",
  unsupportedTitle: "This Excel build is too old",
  unsupportedBody: (v) => `Some features need ExcelApi ${v} (e.g. reading merged cells). Please update Excel or use Excel on the web.`,
  coverageNeedsCheck: "Check the whole workbook on the Check tab first.",
  budgetList: "Budget list",
  noBudgetList: "No budget list found (a table with project code, name and amount).",
  targetSources: "Target sources",
  writeCoverage: "Write the coverage sheet",
  coverageWritten: (s, m) => `Wrote the "${s}" sheet (with a chart) and the "${m}" sheet.`,
  coverageSummary: (c, t, r) => `${c} of ${t} projects covered (${r})`,
  missingTargets: (n) => `Projects without a valid target: ${n}`,
  lackingDetail: (m, i) => `${m} without a target, ${i} whose target has errors`,
  coverageByCount: (c, t, r) => `By count: ${c}/${t} = ${r}`,
  coverageByAmount: (c, t, r) => `By amount: ${c}/${t} (万元) = ${r}`,
  byDepartment: "By department",
  byBudgetType: "By budget type",
  colDepartment: "Department",
  colBudgetType: "Budget type",
  colCovered: "Covered/projects",
  colRateCount: "Rate by count",
  colRateAmount: "Rate by amount",
  reasonMissing: "No target found (no match by code, nor by unit and name)",
  reasonInvalid: (n, w) => `Its target (${w}) has ${n} error(s); not counted as covered`,
  goToTarget: (w) => `Go to the target ${w}`,
  excludedTitle: (n) => `Excluded from coverage: ${n}`,
  nameMatchTitle: (n) => `Matched by unit and name only (check the code): ${n}`,
  nameMatchLine: (c, tc) => `list code ${c || "none"}, target code ${tc || "none"}`,
  orphanTitle: (n) => `Targets not on the budget list: ${n}`,
  duplicateTitle: (n) => `Codes repeated on the budget list: ${n}`,
  amountTitle: (n) => `Funds total differs from the budget: ${n}`,
  amountLine: (b, tg) => `budget ${b}, target ${tg} (万元)`,
  wan: "万元",
  showMoreLines: (n) => `Show ${n} more`,
  coverageNeedsWorkbook: "Coverage compares with the targets of the whole workbook: press \"Check the whole workbook\" on the Check tab.",
  keepChecking: "Keep checking while I work",
  keepCheckingHint: "When on, about a second after you edit a sheet only that sheet is checked again, and the verdict and marks are updated. Saved with the workbook; off by default.",
  liveOn: "Checking as you edit.",
  liveRechecked: (s) => `Checked the "${s}" sheet again.`,
  liveUnsupported: "This Excel build cannot check as you edit (ExcelApi 1.9 needed).",
  noMissing: "Every project in scope has a target.",
  goToRow: (name, cell) => `Go to ${name} (${cell})`,
  templatesIntro: "Insert a blank national template (a new sheet with drop-downs and total/grade formulas; existing sheets are untouched).",
  insertTarget: "Insert a target declaration form",
  insertSelfEval: "Insert a self-evaluation form",
  templateInserted: (s) => `Inserted the "${s}" sheet.`,
  profile: "Rule profile",
  profileAuto: "Automatic (四川 forms use the 四川 rules)",
  scoreTolerance: "Score tolerance (points)",
  amountTolerance: "Amount tolerance (万元)",
  reverseFormula: "Reverse-indicator formula",
  reverseLinear: "Linear: zero at twice the target",
  reverseRatio: "Ratio: weight × target / actual",
  overThreshold: "Over-achievement threshold (%)",
  saveSettings: "Save in the workbook",
  settingsSaved: "Settings saved in this workbook.",
  settingsHint: "Settings are saved with the workbook and apply next time it opens.",
};

export function excelStringsFor(lang: Lang): ExcelStrings {
  return lang === "en" ? EXCEL_EN : EXCEL_ZH;
}

/** The Excel-mode strings in the pane's language. */
export function useExcelStrings(): ExcelStrings {
  return excelStringsFor(useStrings().lang);
}

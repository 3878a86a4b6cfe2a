/**
 * The pane's words, Simplified Chinese first and English second. A plain typed dictionary: add a key to
 * `Strings`, then to both `ZH` and `EN` (the compiler says which one is missing). Counts are functions so
 * each language places the number where its grammar wants it.
 */
import * as React from "react";
import type { Severity } from "../domain/issues";
import type { TableSummary } from "../domain/report";

export type Lang = "zh" | "en";

export interface Strings {
  readonly lang: Lang;
  /** BCP 47 tag for the `lang` attribute (screen readers pick a voice by it). */
  readonly langTag: string;

  // Verdict
  readonly verdictLabel: string;
  readonly verdictReady: string;
  readonly verdictReadyNoIssues: string;
  readonly verdictReadyWithWarnings: (warnings: number) => string;
  readonly verdictNotReady: (errors: number, warnings: number) => string;
  /** Not ready without errors: this many targets cannot be measured (report.ts unmeasurableBlocking). */
  readonly verdictUnmeasurable: (unmeasurable: number, warnings: number) => string;
  /** A budget list's verdict: its coverage. */
  readonly verdictCoverageGaps: (lines: number) => string;
  readonly verdictCovered: string;
  readonly verdictCoverageDetail: string;
  readonly verdictNoTables: string;
  readonly verdictNoTablesDetail: string;
  readonly verdictNotFilled: string;
  readonly verdictNotFilledDetail: string;
  readonly tablesFound: (n: number) => string;
  readonly tablesLabel: string;
  readonly tableKind: Readonly<Record<TableSummary["kind"], string>>;
  readonly tableLayout: Readonly<Record<TableSummary["layout"], string>>;
  readonly tableRows: (projects: number, rows: number) => string;
  readonly computed: string;
  readonly entered: string;
  readonly notEntered: string;
  readonly mismatch: string;
  readonly noScore: string;

  // Issues
  readonly issuesLabel: string;
  readonly groupBy: string;
  readonly groupByCode: string;
  readonly groupBySheet: string;
  readonly filterBySeverity: string;
  readonly severity: Readonly<Record<Severity, string>>;
  readonly severityCount: (s: Severity, n: number) => string;
  readonly noIssues: string;
  readonly noIssuesForFilter: string;
  readonly value: string;
  readonly expected: string;
  readonly empty: string;
  readonly why: string;
  readonly hideWhy: string;
  readonly source: string;
  readonly ruleCode: string;
  readonly goToCell: (cell: string) => string;
  readonly showMore: (remaining: number) => string;
  readonly groupCount: (n: number) => string;
  readonly expandGroup: string;
  readonly collapseGroup: string;

  // Browser mode (file check outside Excel)
  readonly browserTitle: string;
  /** Outside Office: what the page is (not a warning). */
  readonly pageModeNote: string;
  /** The language switch's group name. */
  readonly languageLabel: string;
  /** The grade panel (an Excel without the full requirement set). */
  readonly gradeHint: string;
  readonly gradeButton: string;
  readonly gradeReading: string;
  readonly gradeFailed: string;
  readonly browserIntro: string;
  readonly browserPrivacy: string;
  readonly chooseFile: string;
  readonly dropHere: string;
  readonly dropZoneLabel: string;
  readonly reading: (file: string) => string;
  readonly checking: (file: string) => string;
  readonly checkedFile: (file: string) => string;
  readonly couldNotCheck: string;
  readonly notXlsx: (ext: string) => string;
  readonly oldXls: string;
  readonly emptyFile: string;
  readonly corruptXlsx: string;
  readonly downloadReport: string;
  readonly preparingReport: string;
  readonly reportFailed: string;
  readonly checkAnother: string;
}

const SEV_ZH: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };
const SEV_EN: Record<Severity, string> = { error: "Error", warning: "Warning", info: "Info" };
const SEV_EN_PLURAL: Record<Severity, string> = { error: "errors", warning: "warnings", info: "infos" };

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export const ZH: Strings = {
  lang: "zh",
  langTag: "zh-CN",
  verdictLabel: "校验结论",
  verdictReady: "可以提交",
  verdictReadyNoIssues: "未发现问题。",
  verdictReadyWithWarnings: (w) => `另有 ${w} 个警告，建议核实。`,
  verdictNotReady: (e, w) => `不可提交：${e} 个错误，${w} 个警告`,
  verdictUnmeasurable: (n, w) => `不可提交：${n} 个指标值无法衡量（绩效目标未细化量化），共 ${w} 个警告`,
  verdictCoverageGaps: (n) => `覆盖有缺口：${n} 个预算项目缺少有效的绩效目标`,
  verdictCovered: "全部覆盖：每个预算项目都有有效的绩效目标",
  verdictCoverageDetail: "这是预算项目清单：结论说的是绩效目标覆盖情况，详见覆盖率统计。",
  verdictNoTables: "无法检查",
  verdictNoTablesDetail: "没有识别到绩效目标表、自评表或预算项目清单，未做任何检查，不能视为可以提交。",
  verdictNotFilled: "未填写",
  verdictNotFilledDetail: "表格尚未填写（指标名称、指标值或完成值全部为空），没有可检查的内容。",
  tablesFound: (n) => `识别到 ${n} 张表`,
  tablesLabel: "识别到的表",
  tableKind: { "self-evaluation": "绩效自评表", target: "绩效目标申报表", "budget-list": "预算项目清单", evaluation: "绩效评价表" },
  tableLayout: { form: "表单式", list: "清单式" },
  tableRows: (p, r) => `${p} 个项目，${r} 行`,
  computed: "计算",
  entered: "填报",
  notEntered: "未填",
  mismatch: "不一致",
  noScore: "不计分",
  issuesLabel: "问题清单",
  groupBy: "分组方式",
  groupByCode: "按问题",
  groupBySheet: "按工作表",
  filterBySeverity: "按严重程度筛选",
  severity: SEV_ZH,
  severityCount: (s, n) => `${SEV_ZH[s]} ${n}`,
  noIssues: "未发现问题。",
  noIssuesForFilter: "所选严重程度下没有问题。",
  value: "当前值",
  expected: "应为",
  empty: "（空）",
  why: "依据",
  hideWhy: "收起依据",
  source: "依据",
  ruleCode: "规则代码",
  goToCell: (cell) => `转到 ${cell}`,
  showMore: (n) => `显示更多（还有 ${n} 条）`,
  groupCount: (n) => `${n} 条`,
  expandGroup: "展开",
  collapseGroup: "收起",
  browserTitle: "在浏览器中检查文件",
  pageModeNote: "本页无需 Excel，可直接检查文件；在 Excel 中安装为加载项后，还可以直接检查打开的工作簿。",
  languageLabel: "界面语言",
  gradeHint: "选中总分所在的单元格，然后点击按钮。",
  gradeButton: "计算所选单元格等级",
  gradeReading: "正在读取…",
  gradeFailed: "无法读取所选单元格",
  browserIntro: "选择或拖入 .xlsx 或 .csv 文件，按与加载项相同的规则检查。",
  browserPrivacy: "文件只在本机浏览器中读取，不会上传。",
  chooseFile: "选择文件",
  dropHere: "或将文件拖到这里",
  dropZoneLabel: "选择或拖入要检查的 .xlsx 或 .csv 文件",
  reading: (f) => `正在读取 ${f}…`,
  checking: (f) => `正在检查 ${f}…`,
  checkedFile: (f) => `已检查：${f}`,
  couldNotCheck: "无法检查此文件",
  notXlsx: (ext) => `不支持 ${ext || "（无扩展名）"} 文件，请在 Excel 或 WPS 中另存为 .xlsx 后再检查。`,
  oldXls: "这是旧版 .xls 格式（或已加密），请在 Excel 或 WPS 中另存为 .xlsx。",
  emptyFile: "文件为空（0 字节）。",
  corruptXlsx: "无法读取 .xlsx 工作簿（文件可能已损坏）。",
  downloadReport: "下载校验报告",
  preparingReport: "正在生成报告…",
  reportFailed: "无法生成报告",
  checkAnother: "检查其他文件",
};

export const EN: Strings = {
  lang: "en",
  langTag: "en-US",
  verdictLabel: "Verdict",
  verdictReady: "Ready to submit",
  verdictReadyNoIssues: "No issues found.",
  verdictReadyWithWarnings: (w) => `${plural(w, "warning", "warnings")} worth checking.`,
  verdictNotReady: (e, w) => `Not ready: ${plural(e, "error", "errors")}, ${plural(w, "warning", "warnings")}`,
  verdictUnmeasurable: (n, w) => `Not ready: ${plural(n, "target cannot", "targets cannot")} be measured, ${plural(w, "warning", "warnings")} in all`,
  verdictCoverageGaps: (n) => `Coverage gaps: ${plural(n, "budget line lacks", "budget lines lack")} a valid target`,
  verdictCovered: "All covered: every budget line has a valid target",
  verdictCoverageDetail: "This is a budget list: the verdict is about target coverage; see the coverage figures.",
  verdictNoTables: "Not checked",
  verdictNoTablesDetail: "No target table, self-evaluation or budget list was recognized: nothing was checked, so it is not ready.",
  verdictNotFilled: "Not filled in",
  verdictNotFilledDetail: "The form was never filled in (indicator names, values or actuals are empty throughout): nothing to check.",
  tablesFound: (n) => `${plural(n, "table", "tables")} found`,
  tablesLabel: "Tables found",
  tableKind: { "self-evaluation": "Self-evaluation", target: "Target declaration", "budget-list": "Budget list", evaluation: "Evaluation" },
  tableLayout: { form: "form", list: "list" },
  tableRows: (p, r) => `${plural(p, "project", "projects")}, ${plural(r, "row", "rows")}`,
  computed: "Computed",
  entered: "Entered",
  notEntered: "none",
  mismatch: "differs",
  noScore: "not scored",
  issuesLabel: "Issues",
  groupBy: "Group by",
  groupByCode: "By issue",
  groupBySheet: "By sheet",
  filterBySeverity: "Filter by severity",
  severity: SEV_EN,
  severityCount: (s, n) => `${n} ${n === 1 ? SEV_EN[s].toLowerCase() : SEV_EN_PLURAL[s]}`,
  noIssues: "No issues found.",
  noIssuesForFilter: "No issues at the chosen severities.",
  value: "Value",
  expected: "Expected",
  empty: "(empty)",
  why: "Why",
  hideWhy: "Hide why",
  source: "Source",
  ruleCode: "Rule code",
  goToCell: (cell) => `Go to ${cell}`,
  showMore: (n) => `Show more (${n} left)`,
  groupCount: (n) => `${n}`,
  expandGroup: "Expand",
  collapseGroup: "Collapse",
  browserTitle: "Check a file in the browser",
  pageModeNote: "This page needs no Excel: it checks files right here. Installed as an add-in in Excel, it also checks the open workbook.",
  languageLabel: "Language",
  gradeHint: "Select the cells with total scores, then click.",
  gradeButton: "Grade the selection",
  gradeReading: "Reading…",
  gradeFailed: "Could not read the selection",
  browserIntro: "Choose or drop an .xlsx or .csv file to check it with the add-in's rules.",
  browserPrivacy: "The file is read in this browser only; it is never uploaded.",
  chooseFile: "Choose a file",
  dropHere: "or drop it here",
  dropZoneLabel: "Choose or drop an .xlsx or .csv file to check",
  reading: (f) => `Reading ${f}…`,
  checking: (f) => `Checking ${f}…`,
  checkedFile: (f) => `Checked: ${f}`,
  couldNotCheck: "Could not check this file",
  notXlsx: (ext) => `${ext || "(no extension)"} files are not supported: save it as .xlsx in Excel or WPS, then check it.`,
  oldXls: "This is an old-format .xls (or encrypted) file: save it as .xlsx in Excel or WPS.",
  emptyFile: "The file is empty (0 bytes).",
  corruptXlsx: "Could not read the .xlsx workbook (the file may be corrupt).",
  downloadReport: "Download report",
  preparingReport: "Preparing the report…",
  reportFailed: "Could not build the report",
  checkAnother: "Check another file",
};

/** The pane's language from Office's display language (or the browser's): English for "en…", else Chinese. */
export function langFrom(displayLanguage: string | undefined | null): Lang {
  return typeof displayLanguage === "string" && /^en(?:$|[-_])/i.test(displayLanguage.trim()) ? "en" : "zh";
}

export function stringsFor(lang: Lang): Strings {
  return lang === "en" ? EN : ZH;
}

const StringsContext = React.createContext<Strings>(ZH);

/** The language chosen in the pane's switch, and how to change it (a no-op without a provider). */
interface LanguageChoice {
  readonly lang: Lang;
  readonly setLang: (lang: Lang) => void;
}
const LanguageContext = React.createContext<LanguageChoice>({ lang: "zh", setLang: () => undefined });

/** Where the user's choice of language is kept (this browser, or Office's web view, across sessions). */
export const LANGUAGE_KEY = "jx.language";

/** The language the user chose before, if any (storage may be blocked: then nothing was chosen). */
export function storedLang(): Lang | undefined {
  try {
    const v = globalThis.localStorage?.getItem(LANGUAGE_KEY);
    return v === "zh" || v === "en" ? v : undefined;
  } catch {
    return undefined;
  }
}

function storeLang(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_KEY, lang);
  } catch {
    /* storage blocked (a file:// page in some browsers): the choice lasts for this visit */
  }
}

export interface StringsProviderProps {
  /** Office.context.displayLanguage, else navigator.language; missing → Chinese. A choice made in the switch wins. */
  readonly language?: string | null;
  readonly children?: React.ReactNode;
}

/** Makes the pane's strings available to `useStrings()`. Without a provider, components speak Chinese. */
export function StringsProvider({ language, children }: StringsProviderProps): React.JSX.Element {
  const [chosen, setChosen] = React.useState<Lang | undefined>(storedLang);
  const lang = chosen ?? langFrom(language);
  const choice = React.useMemo<LanguageChoice>(
    () => ({
      lang,
      setLang: (l) => {
        storeLang(l);
        setChosen(l);
      },
    }),
    [lang],
  );
  return React.createElement(
    LanguageContext.Provider,
    { value: choice },
    React.createElement(StringsContext.Provider, { value: stringsFor(lang) }, children),
  );
}

/** The strings of the pane's language. */
export function useStrings(): Strings {
  return React.useContext(StringsContext);
}

/** The pane's language and the switch's setter (remembered in this browser). */
export function useLanguage(): LanguageChoice {
  return React.useContext(LanguageContext);
}

/**
 * One language of a text the engine gives in both ("无错误的绩效目标 / a target without errors"): the side before " / "
 * in Chinese, after it in English. A text that is not such a pair (one " / ", Chinese on the left only) is kept whole.
 */
export function oneLanguage(text: string, lang: Lang): string {
  const parts = text.split(" / ");
  if (parts.length !== 2 || !/[\u4e00-\u9fff]/.test(parts[0]) || /[\u4e00-\u9fff]/.test(parts[1])) return text;
  return lang === "en" ? parts[1] : parts[0];
}

/**
 * The browser page's own words (the batch, the coverage view, the preview), Chinese and English, picked by the
 * pane's language. Words shared with the add-in stay in ../i18n.ts; refusals of a file are the command line's
 * (src/file/input-words.ts) and shown in both languages.
 */
import { useStrings } from "../i18n";
import type { BatchProgress } from "./pageBatch";

export interface PageStrings {
  readonly chooseFiles: string;
  readonly chooseFolder: string;
  readonly dropHint: string;
  readonly intro: string;
  readonly budgetList: string;
  readonly budgetAuto: string;
  readonly budgetRecognized: (file: string) => string;
  readonly cancel: string;
  readonly cancelled: string;
  readonly stage: (p: BatchProgress) => string;
  readonly summaryTitle: string;
  /** The total row of a coverage table, and the two kinds of lacking line. */
  readonly totalRow: string;
  /** The preview's colour key. */
  readonly legendLabel: string;
  readonly legend: { readonly error: string; readonly warning: string; readonly info: string; readonly focus: string };
  readonly lackingClass: { readonly missing: string; readonly invalid: string };
  readonly head: { file: string; verdict: string; department: string; errors: string; warnings: string; total: string; grade: string };
  readonly notChecked: string;
  readonly budgetRole: string;
  readonly skipped: (n: number) => string;
  readonly totals: (files: number, errors: number, warnings: number, unreadable: number) => string;
  readonly coverageTitle: string;
  readonly byCount: string;
  readonly byAmount: string;
  readonly byDepartment: string;
  readonly byBudgetType: string;
  readonly groupHead: { projects: string; covered: string; rate: string; amount: string; coveredAmount: string; amountRate: string };
  readonly department: string;
  readonly budgetType: string;
  readonly lacking: string;
  readonly lackingHead: { cls: string; code: string; name: string; department: string; amount: string; reason: string };
  readonly noTarget: string;
  readonly invalidTarget: (errors: number | undefined, where: string | undefined) => string;
  readonly excluded: string;
  readonly reason: string;
  readonly orphans: string;
  readonly sheet: string;
  readonly nameMatches: string;
  readonly duplicates: string;
  readonly nameMatchHead: { code: string; name: string; targetCode: string; target: string };
  readonly wholeDepartment: string;
  readonly chartTitle: string;
  readonly chartLabel: (group: string, count: string, amount: string) => string;
  readonly preview: string;
  readonly previewOf: (file: string, sheet: string) => string;
  readonly previewCols: (shown: number, all: number) => string;
  readonly previewEmpty: string;
  readonly selectFileHint: string;
  readonly batchFailed: string;
}

const ZH: PageStrings = {
  chooseFiles: "选择文件",
  chooseFolder: "选择文件夹",
  dropHint: "或将文件、文件夹拖到这里（可多个）",
  intro: "选择或拖入 .xlsx 或 .csv 文件（可一次多个，或整个文件夹）进行检查；有预算项目清单时，同时给出绩效目标覆盖率。",
  budgetList: "预算项目清单",
  budgetAuto: "自动识别",
  budgetRecognized: (f) => `将 ${f} 作为预算项目清单`,
  cancel: "取消",
  cancelled: "已取消检查。",
  stage: (p) => {
    const n = p.count > 1 ? `（${p.index + 1}/${p.count}）` : "";
    const what = { reading: "正在读取", unzip: "正在解压", parse: "正在解析", convert: "正在转换", checking: "正在检查", coverage: "正在计算覆盖率" }[p.stage];
    return `${what} ${p.file}${n}…`;
  },
  summaryTitle: "汇总",
  totalRow: "合计",
  legendLabel: "颜色说明",
  legend: { error: "有错误的单元格", warning: "有警告的单元格", info: "有提示的单元格", focus: "所选问题的单元格" },
  lackingClass: { missing: "缺少目标", invalid: "目标有错" },
  head: { file: "文件", verdict: "结论", department: "部门", errors: "错误", warnings: "警告", total: "总分", grade: "等级" },
  notChecked: "无法检查",
  budgetRole: "预算项目清单",
  skipped: (n) => `跳过 ${n} 个文件`,
  totals: (f, e, w, u) => `共 ${f} 个文件：${e} 个错误，${w} 个警告${u ? `，${u} 个无法检查` : ""}`,
  coverageTitle: "绩效目标覆盖率",
  byCount: "按项目数",
  byAmount: "按金额",
  byDepartment: "按主管部门",
  byBudgetType: "按预算类型",
  groupHead: { projects: "项目数", covered: "有目标", rate: "覆盖率", amount: "金额(万元)", coveredAmount: "有目标金额", amountRate: "金额覆盖率" },
  department: "主管部门",
  budgetType: "预算类型",
  lacking: "缺少有效绩效目标",
  lackingHead: { cls: "分类", code: "项目编码", name: "项目名称", department: "主管部门", amount: "金额(万元)", reason: "原因" },
  noTarget: "缺少目标",
  invalidTarget: (n, w) => `目标有错${n ? `（${n} 个错误）` : ""}${w ? `：${w}` : ""}`,
  excluded: "不计入覆盖率",
  reason: "原因",
  orphans: "预算清单外的目标",
  sheet: "工作表",
  nameMatches: "仅按名称匹配的项目",
  duplicates: "项目编码重复",
  nameMatchHead: { code: "项目编码", name: "项目名称", targetCode: "目标表编码", target: "目标位置" },
  wholeDepartment: "部门整体绩效目标覆盖率",
  chartTitle: "各主管部门覆盖率（按项目数、按金额）",
  chartLabel: (g, c, a) => `${g}：按项目数 ${c}，按金额 ${a}`,
  preview: "工作表预览",
  previewOf: (f, s) => `${f} · ${s}`,
  previewCols: (s, a) => `仅显示前 ${s} 列（共 ${a} 列）`,
  previewEmpty: "此工作表为空",
  selectFileHint: "点击文件名，查看该文件的结论和问题。",
  batchFailed: "检查未能完成",
};

const EN: PageStrings = {
  chooseFiles: "Choose files",
  chooseFolder: "Choose a folder",
  dropHint: "or drop files or folders here",
  intro: "Choose or drop .xlsx or .csv files (several, or a whole folder) to check them; with a budget list, target coverage is computed too.",
  budgetList: "Budget list",
  budgetAuto: "Recognize",
  budgetRecognized: (f) => `Using ${f} as the budget list`,
  cancel: "Cancel",
  cancelled: "The check was cancelled.",
  stage: (p) => {
    const n = p.count > 1 ? ` (${p.index + 1}/${p.count})` : "";
    const what = { reading: "Reading", unzip: "Unzipping", parse: "Parsing", convert: "Converting", checking: "Checking", coverage: "Computing coverage for" }[p.stage];
    return `${what} ${p.file}${n}…`;
  },
  summaryTitle: "Summary",
  totalRow: "Total",
  legendLabel: "Colour key",
  legend: { error: "Cell with an error", warning: "Cell with a warning", info: "Cell with a note", focus: "Cell of the chosen finding" },
  lackingClass: { missing: "No target", invalid: "Target with errors" },
  head: { file: "File", verdict: "Verdict", department: "Department", errors: "Errors", warnings: "Warnings", total: "Total", grade: "Grade" },
  notChecked: "Not checked",
  budgetRole: "budget list",
  skipped: (n) => `${n} file(s) skipped`,
  totals: (f, e, w, u) => `${f} file(s): ${e} error(s), ${w} warning(s)${u ? `, ${u} not checked` : ""}`,
  coverageTitle: "Target coverage",
  byCount: "By count",
  byAmount: "By amount",
  byDepartment: "By department",
  byBudgetType: "By budget type",
  groupHead: { projects: "Projects", covered: "Covered", rate: "Rate", amount: "Amount (10k yuan)", coveredAmount: "Covered", amountRate: "Rate by amount" },
  department: "Department",
  budgetType: "Budget type",
  lacking: "Lacking a valid target",
  lackingHead: { cls: "Class", code: "Code", name: "Name", department: "Department", amount: "Amount (10k yuan)", reason: "Reason" },
  noTarget: "no target",
  invalidTarget: (n, w) => `invalid target${n ? ` (${n} error(s))` : ""}${w ? `: ${w}` : ""}`,
  excluded: "Excluded",
  reason: "Reason",
  orphans: "Targets not on the budget list",
  sheet: "Sheet",
  nameMatches: "Matched by name only",
  duplicates: "Repeated project codes",
  nameMatchHead: { code: "Code", name: "Name", targetCode: "Target's code", target: "Target at" },
  wholeDepartment: "Whole-department targets",
  chartTitle: "Coverage by department (by count, by amount)",
  chartLabel: (g, c, a) => `${g}: by count ${c}, by amount ${a}`,
  preview: "Sheet preview",
  previewOf: (f, s) => `${f} · ${s}`,
  previewCols: (s, a) => `First ${s} of ${a} columns shown`,
  previewEmpty: "This sheet is empty",
  selectFileHint: "Click a file name to see that file's verdict and issues.",
  batchFailed: "The check could not finish",
};

export function usePageStrings(): PageStrings {
  return useStrings().lang === "en" ? EN : ZH;
}

/** An amount as the command line prints it (whole, or up to two decimals). */
export function fmtAmount(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0+$/, "").replace(/\.$/, "");
}

/** A rate as the command line prints it: "33.33%", or "—" for a group with nothing in it. */
export function fmtRate(rate: number | null | undefined, whole: number): string {
  return rate === null || rate === undefined || !Number.isFinite(rate) || whole === 0 ? "—" : `${(rate * 100).toFixed(2)}%`;
}

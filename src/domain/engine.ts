/**
 * The engine: grids in, report out. Every front (custom functions, task pane, CLI, browser page) calls this.
 */
import { list, makeIssue, say, severityOf, text } from "./catalog";
import { PROJECT_CHECKS, checkContext, projectWalker } from "./checks";
import { fieldText } from "./tables/rows";
import type { ProjectFacts } from "./checks/types";
import { a1, a1Position, NO_POSITION, parseArea, positionCol, positionRow, type Grid } from "./grid";
import type { Issue, IssueCode, IssueDraft } from "./issues";
import { resolveProfile, type Profile, type Settings } from "./profiles";
import { FindingCollector, type Report, type ScoreSummary, type SheetSummary, type TableSummary } from "./report";
import { recognizeWorkbook } from "./tables/recognize";
import { simplifiedGrid } from "./tables/traditional";
import { Doubt } from "./doubt";
import { notFilledOf, type NotFilled } from "./tables/fill-state";
import { sheetFindings } from "./checks/template-text";
import { sheetExplanations, type SheetExplanations } from "./checks/narratives";
import type { IndicatorProject, IndicatorTable, RecognizedTable, SheetRecognition } from "./tables/model";
import {
  budgetItemsFromTable,
  errorCountsAt,
  reconcile,
  targetItemsFromProjects,
  toCoverageJson,
  type BudgetItem,
  type CoverageJson,
  type CoveredItem,
  type TargetItem,
} from "./coverage";

export interface CheckOptions {
  /** national | sichuan | shanxi, or "auto" (default): 四川 forms (绩效指标（90分）) get the 四川 profile. */
  readonly profile?: string;
  readonly settings?: Settings;
  /**
   * Findings kept (default: all). Beyond it the findings are counted, not kept: the most severe are kept first,
   * and `truncated` says how many there were. A table of a million bad rows then costs no more memory than its grid.
   */
  readonly maxFindings?: number;
}

export interface WorkbookCheck extends Report {
  readonly recognitions: readonly SheetRecognition[];
  /** Each sheet's recognition status, in workbook order. */
  readonly sheets: readonly SheetSummary[];
  /** Projects found in indicator tables, for reconciliation with a budget list. */
  readonly targets: readonly TargetItem[];
  /** Lines of the budget lists found. */
  readonly budget: readonly BudgetItem[];
  /** Set when findings beyond `maxFindings` were counted but not kept. */
  readonly truncated?: { readonly shown: number; readonly total: number };
}

/** The profile a table is checked with. */
export function profileForTable(table: IndicatorTable, options: CheckOptions): Profile {
  const id = options.profile ?? "auto";
  if (id !== "auto") return resolveProfile(id, options.settings);
  const sichuanForm = table.projects.some((p) => p.indicatorBlockPoints !== undefined);
  return resolveProfile(sichuanForm ? "sichuan" : "national", options.settings);
}

function projectLabel(p: IndicatorProject): string | undefined {
  return p.info.name?.text || p.info.code?.text || undefined;
}

function summarizeScore(table: IndicatorTable, facts: ProjectFacts): ScoreSummary | undefined {
  if (table.kind === "target") return undefined;
  const s = facts.score();
  return {
    ...(s.total !== undefined ? { total: s.total } : {}),
    ...(s.grade !== undefined ? { grade: s.grade } : {}),
    ...(s.enteredTotal !== undefined ? { entered: s.enteredTotal } : {}),
    ...(s.enteredGrade !== undefined ? { enteredGrade: s.enteredGrade } : {}),
  };
}

/** A table as the report lists it; `facts` are its projects' (the score of a one-project table is shown). */
function summarizeTable(t: RecognizedTable, facts: readonly ProjectFacts[] = []): TableSummary {
  if (t.kind === "budget-list") {
    return { sheet: t.sheet, range: t.range, kind: t.kind, layout: t.layout, projects: t.lines.length, rows: t.lines.length };
  }
  const rows = t.projects.reduce((n, p) => n + p.indicators.length, 0);
  const first = t.projects[0];
  const base: TableSummary = {
    sheet: t.sheet,
    range: t.range,
    kind: t.kind,
    layout: t.layout,
    projects: t.projects.length,
    rows,
    ...(t.projects.length === 1 && first && projectLabel(first) ? { project: projectLabel(first) } : t.projects.length > 1 ? { project: `${t.projects.length} 个项目` } : {}),
  };
  if (t.projects.length !== 1 || !first || facts[0]?.project !== first) return base;
  const score = summarizeScore(t, facts[0]);
  return score ? { ...base, score } : base;
}

/** Findings a not-filled form's one finding stands for (on its empty rows, and the project-level sums). */
const COVERED_BY_NOT_FILLED: ReadonlySet<IssueCode> = new Set<IssueCode>([
  "indicator.missing-field",
  "indicator.missing-unit",
  "indicator.not-numeric",
  "indicator.placeholder",
  "indicator.zero-weight",
  "score.missing-actual",
  "score.mismatch",
  "score.missing-reason",
]);
const PROJECT_SUMS: ReadonlySet<IssueCode> = new Set<IssueCode>(["project.missing-category", "project.weight-sum", "score.total-mismatch"]);

/** True when a finding is one of the consequences of the form not being filled in. */
function coveredByNotFilled(d: IssueDraft, nf: NotFilled, emptyBlock: boolean): boolean {
  if (emptyBlock && PROJECT_SUMS.has(d.code)) return true;
  if (!COVERED_BY_NOT_FILLED.has(d.code)) return false;
  const at = a1Position(d.cell);
  return at !== NO_POSITION && nf.rows.has(positionRow(at));
}

/**
 * What checking one table gives: the facts (scores included) of a one-project table, whose score the summary
 * shows (a list's projects' facts are not kept: a million rows' worth), and each project's error count (coverage).
 */
interface TableCheck {
  readonly facts: ProjectFacts[];
  readonly errors: number[];
  readonly notFilled: number;
  /** Columns whose reading was doubted (their row findings withheld, one table.partial-reading each). */
  readonly doubts: number;
}

/**
 * Runs every project check on one indicator table; each finding goes to `push` as the check drafted it (a record:
 * its messages are written only if it is reported).
 */
function checkTable(table: IndicatorTable, options: CheckOptions, push: (d: IssueDraft, position: number) => void): TableCheck {
  const profile = profileForTable(table, options);
  const facts: ProjectFacts[] = [];
  // Where the table's errors are (0-based row and column): what coverage needs of them, not the findings.
  const errorRows: number[] = [];
  const errorCols: number[] = [];
  const keep = (d: IssueDraft): void => {
    // The cell's position, read once here for coverage and for the collector's order.
    const at = a1Position(d.cell);
    if (d.sheet === table.sheet && at !== NO_POSITION && severityOf(d) === "error") {
      errorRows.push(positionRow(at));
      errorCols.push(positionCol(at));
    }
    push(d, at);
  };
  let notFilled = 0;
  let doubts = 0;
  // The hooks and their emitters are set up once for the table, not once per project; so are the doubt and the
  // sink (a list walks 150,000 projects), which read the project's not-filled state from these variables.
  const walker = projectWalker(PROJECT_CHECKS);
  const doubt = new Doubt(table);
  let nf: NotFilled | undefined;
  let emptyBlock = false;
  // A table that packs a project's indicators into one cell (tagged-cell.ts) points every finding there: a code said
  // once per cell and project, at its first indicator (one cause for the reviewer to look at, not one per line).
  const packed = table.packed === true;
  const saidAt = new Set<string>();
  const sink = (d: IssueDraft): void => {
    if (nf && coveredByNotFilled(d, nf, emptyBlock)) return;
    if (packed) {
      const key = `${d.code}@${d.cell}`;
      if (saidAt.has(key)) return;
      saidAt.add(key);
    }
    if (!doubt.hold(d)) keep(d);
  };
  for (const project of table.projects) {
    const ctx = checkContext(project, table, profile);
    if (table.projects.length === 1) facts.push(ctx.facts);
    nf = notFilledOf(table, project);
    emptyBlock = nf !== undefined && (nf.rows.size === 0 || !project.indicators.some((r) => fieldText(r, "name") !== "" && !r.placeholder));
    doubt.reset(project);
    if (packed) saidAt.clear();
    walker.walk(ctx, sink);
    doubts += doubt.settle(keep);
    if (nf) {
      notFilled++;
      keep({
        code: "table.not-filled",
        sheet: table.sheet,
        cell: a1(nf.row, nf.col),
        value: "",
        message: nf.reason,
        messageEn: nf.reasonEn,
      });
    }
  }
  return { facts, errors: errorCountsAt(table, errorRows, errorCols), notFilled, doubts };
}

/** A narrative cell found blank (年度总体目标, 实际完成情况). */
function blankNarrative(d: IssueDraft): boolean {
  return (d.code === "form.goal-not-stated" || d.code === "score.missing-actual") && (d.value ?? "") === "";
}

/** A budget finding that an explanation elsewhere on the form's sheet answers. */
function explainedOnSheet(d: IssueDraft, explains: SheetExplanations): boolean {
  return (d.code === "budget.low-execution" && explains.execution) || (d.code === "budget.adjustment-unexplained" && explains.adjustment);
}

/** True when a sheet has no cell holding anything. */
function gridEmpty(g: Grid): boolean {
  for (const row of g.values ?? []) for (const v of row) if (v !== null && v !== undefined && !(typeof v === "string" && v.trim() === "")) return false;
  return true;
}

/** Runs every project check on one indicator table. */
export function checkIndicatorTable(table: IndicatorTable, options: CheckOptions = {}): Issue[] {
  const issues: Issue[] = [];
  checkTable(table, options, (d) => issues.push(makeIssue(d)));
  return issues;
}

/** Recognizes, checks and scores every sheet of a workbook. */
export function checkWorkbook(input: readonly Grid[], options: CheckOptions = {}): WorkbookCheck {
  // A sheet in traditional characters is read in simplified ones (its findings quote the simplified text).
  const grids = input.map(simplifiedGrid);
  const recognitions = recognizeWorkbook(grids);
  // Findings kept up to options.maxFindings (the most severe first), all of them counted.
  const issues = new FindingCollector(options.maxFindings ?? Infinity, grids.map((g) => g.sheet));
  const tables: TableSummary[] = [];
  const targets: TargetItem[] = [];
  const budget: BudgetItem[] = [];
  const sheets: SheetSummary[] = [];
  const anyTable = recognitions.some((r) => r.tables.length > 0);
  recognitions.forEach((rec, k) => {
    if (rec.unrecognized && anyTable) {
      issues.push({
        code: "table.no-indicator-header",
        sheet: rec.sheet,
        cell: rec.unrecognized.cell,
        message: rec.unrecognized.reason,
        messageEn: rec.unrecognized.reasonEn,
      });
    }
    let notFilled = 0;
    let doubts = 0;
    let projects = 0;
    // A lone form's explanation cells (偏差大或目标未完成原因分析 …) explain its low execution or adjustment too.
    const forms = rec.tables.filter((t): t is IndicatorTable => t.kind !== "budget-list" && t.layout === "form");
    const explains = forms.length === 1 && forms[0].projects.length === 1 && grids[k] ? sheetExplanations(grids[k]) : undefined;
    for (const t of rec.tables) {
      if (t.kind === "budget-list") {
        tables.push(summarizeTable(t));
        for (const b of budgetItemsFromTable(t)) budget.push(b);
        continue;
      }
      if (t.headOnly && !rec.unrecognized) {
        // The form's head with nothing below it: said once, at the head's last row (its indicators were not seen).
        const bottom = parseArea(t.range)?.bottom ?? t.headerRow;
        issues.push({ ...say("table.no-indicator-header", "headOnly", { row: bottom + 1 }), sheet: t.sheet, cell: a1(bottom, parseArea(t.range)?.left ?? 0) });
      }
      const found = checkTable(t, options, (d, at) => {
        if (explains && explainedOnSheet(d, explains)) return;
        issues.push(d, at);
      });
      notFilled += found.notFilled;
      doubts += found.doubts;
      projects += t.projects.length;
      tables.push(summarizeTable(t, found.facts));
      // Each project's error count, in the table's project order.
      for (const x of targetItemsFromProjects(t, found.errors)) targets.push(x);
    }
    // Narrative cells left holding the template's instructions (评价结论, 存在问题 …) on a form's sheet.
    if (projects > 0 && grids[k] && rec.tables.some((t) => t.kind !== "budget-list" && t.layout === "form")) {
      // A form never filled in: its blank goal and completion are part of that one finding (table.not-filled).
      const unfilled = notFilled > 0 && notFilled === projects;
      for (const d of sheetFindings(grids[k])) if (!(unfilled && blankNarrative(d))) issues.push(d);
    }
    sheets.push(sheetSummary(rec, grids[k], projects, notFilled, doubts));
  });
  if (!anyTable) issues.push(notRecognizedIssue(recognitions, grids));
  return { ...issues.report(tables), recognitions, sheets, targets, budget };
}

/** A sheet's recognition status and its reason. */
function sheetSummary(rec: SheetRecognition, grid: Grid | undefined, projects: number, notFilled: number, doubts = 0): SheetSummary {
  const sheet = rec.sheet;
  if (rec.tables.length === 0) {
    if (rec.unrecognized) return { sheet, status: "not-recognized", reason: rec.unrecognized.reason, reasonEn: rec.unrecognized.reasonEn };
    if (!grid || gridEmpty(grid)) return { sheet, status: "empty", reason: "工作表为空", reasonEn: "The sheet is empty" };
    return { sheet, status: "not-recognized", reason: "未找到绩效指标表、自评表或预算项目清单的表头", reasonEn: "No header of an indicator table, self-evaluation or budget list was found" };
  }
  if (projects > 0 && notFilled === projects && rec.tables.every((t) => t.kind !== "budget-list")) {
    return { sheet, status: "not-filled", reason: "表格尚未填写", reasonEn: "The form was never filled in" };
  }
  if (rec.tables.some((t) => t.kind !== "budget-list" && t.headOnly) && !rec.unrecognized) {
    return {
      sheet,
      status: "partial",
      reason: "只找到表头部分（项目基本情况、资金情况、总体目标），未找到绩效指标，指标未检查",
      reasonEn: "Only the form's head (project fields, funds, goal) was found; no indicators were found, so none was checked",
    };
  }
  if (doubts > 0 && notFilled === 0) {
    return {
      sheet,
      status: "partial",
      reason: `${doubts} 列未能确定是否读对，依此得出的逐行结论未列出，其余已检查`,
      reasonEn: `${doubts} column(s) could not be read with confidence; the row findings that depend on them are withheld, the rest was checked`,
    };
  }
  if (notFilled > 0 || rec.unrecognized) {
    const reason = notFilled > 0 ? `${notFilled} 个表格尚未填写，其余已检查` : `部分内容未能识别：${rec.unrecognized?.reason ?? ""}`;
    const reasonEn = notFilled > 0 ? `${notFilled} form(s) never filled in; the rest was checked` : `Part of the sheet was not recognized: ${rec.unrecognized?.reasonEn ?? ""}`;
    return { sheet, status: "partial", reason, reasonEn };
  }
  return { sheet, status: "checked" };
}

/** The A1 address of a grid's first non-blank cell (row by row), else its top-left. */
function firstContentCell(g: Grid): string {
  const rows = g.values ?? [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!Array.isArray(row)) continue;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v !== null && v !== undefined && !(typeof v === "string" && v.trim() === "")) return a1(gridTop(g) + r, gridLeft(g) + c);
    }
  }
  return a1(gridTop(g), gridLeft(g));
}

function gridTop(g: Grid): number {
  return Number.isInteger(g.top) && g.top >= 0 ? g.top : 0;
}
function gridLeft(g: Grid): number {
  return Number.isInteger(g.left) && g.left >= 0 ? g.left : 0;
}

/** The one finding of a file in which nothing was recognized: where the best evidence is, and what was looked at. */
function notRecognizedIssue(recognitions: readonly SheetRecognition[], grids: readonly Grid[]): IssueDraft {
  const evidence = recognitions.find((r) => r.unrecognized);
  const names = grids.map((g) => g.sheet).filter((n) => n !== "");
  const shown = list(names.slice(0, 5), "enum");
  const looked =
    names.length === 0
      ? text("table.not-recognized", "noSheet")
      : text("table.not-recognized", names.length > 5 ? "sheetsMore" : "sheets", { count: names.length, names: shown });
  const u = evidence?.unrecognized;
  return {
    ...(u ? say("table.not-recognized", "nothingWithEvidence", { looked, evidence: { zh: u.reason, en: u.reasonEn } }) : say("table.not-recognized", "nothing", { looked })),
    sheet: evidence?.sheet ?? grids[0]?.sheet ?? "",
    // The evidence cell, else where the first sheet's content begins (a used range may start at C5, not A1).
    cell: evidence?.unrecognized?.cell ?? (grids[0] ? firstContentCell(grids[0]) : "A1"),
    value: "",
  };
}

/** Names of 部门整体 (whole-department) target tables. */
const WHOLE_DEPARTMENT = /部门整体/;

export interface CoverageOptions {
  readonly profile?: string;
  readonly settings?: Settings;
  readonly coveredBy?: readonly { readonly label: string; readonly items: readonly CoveredItem[] }[];
}

/** Reconciles budget lines with the targets found (and further lists), with the project.* issues. */
export function coverageReport(
  budget: readonly BudgetItem[],
  targets: readonly TargetItem[],
  options: CoverageOptions = {},
): { coverage: CoverageJson; issues: Issue[] } {
  const profile = resolveProfile(options.profile && options.profile !== "auto" ? options.profile : "national", options.settings);
  // 部门整体支出绩效目标 cover a department, not a budget line: they feed 部门整体目标覆盖率 (§6.1), not the join.
  const whole = targets.filter((t) => WHOLE_DEPARTMENT.test(t.name ?? ""));
  const projects = whole.length > 0 ? targets.filter((t) => !WHOLE_DEPARTMENT.test(t.name ?? "")) : [...targets];
  const withTargets = whole.map((t) => t.department ?? t.unit ?? "").filter((d) => d !== "");
  const rec = reconcile([...budget], projects, {
    profile,
    coveredBy: options.coveredBy?.map((l) => ({ label: l.label, items: [...l.items] })),
    ...(whole.length > 0 ? { wholeDepartment: { withTargets } } : {}),
  });
  return { coverage: toCoverageJson(rec), issues: rec.issues.map((d) => makeIssue(d)) };
}

/** One line about a checked workbook: who, what, and the total and grade (entered ones in brackets when they differ). */
export interface WorkbookSummary {
  readonly department: string;
  readonly project: string;
  readonly total: string;
  readonly grade: string;
}

/** The summary line every front prints for a workbook (CLI summary table, report workbooks, browser report). */
export function workbookSummary(check: Pick<WorkbookCheck, "tables" | "targets" | "budget">): WorkbookSummary {
  const depts = new Set<string>();
  for (const t of check.targets) if (t.department) depts.add(t.department);
  if (depts.size === 0) for (const t of check.targets) if (t.unit) depts.add(t.unit);
  if (depts.size === 0) for (const b of check.budget) if (b.department) depts.add(b.department);
  const projects = check.tables.map((t) => t.project).filter((p): p is string => Boolean(p));
  const scored = check.tables.filter((t) => t.score && (t.score.total !== undefined || t.score.entered !== undefined));
  let total = "";
  let grade = "";
  const only = scored.length === 1 ? scored[0].score : undefined;
  if (only) {
    total = only.total !== undefined ? String(only.total) : "";
    if (only.entered !== undefined && only.entered !== only.total) total += `${total ? " " : ""}(填报 ${only.entered})`;
    grade = only.grade ?? "";
    if (only.enteredGrade && only.enteredGrade !== only.grade) grade += `${grade ? " " : ""}(填报 ${only.enteredGrade})`;
  } else if (scored.length > 1) {
    total = `${scored.length} 张表`;
    grade = scored.map((t) => t.score?.grade ?? "—").join("/");
  }
  const deptList = [...depts];
  return {
    department: deptList.length > 2 ? `${deptList.slice(0, 2).join("、")} 等 ${deptList.length} 个` : deptList.join("、"),
    project: projects.length > 2 ? `${projects.slice(0, 2).join("、")} 等 ${projects.length} 项` : projects.join("、"),
    total,
    grade,
  };
}

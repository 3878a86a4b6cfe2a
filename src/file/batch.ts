/**
 * A batch of checked files, as `jx check` and the browser page both assemble it: the findings kept per file (errors
 * first), notices about a file listed with its findings, the budget list found among the files, coverage findings
 * handed to the file they point at, and the rows of the report workbook. No Node built-ins: the command line
 * (src/cli/check.ts) and the page's worker (src/taskpane/browser/check.worker.ts) call the same functions, so the
 * same files give the same figures, lists and report on both.
 */
import { makeIssue, sayText } from "../domain/catalog";
import { checkWorkbook, coverageReport, workbookSummary, type CheckOptions, type WorkbookCheck, type WorkbookSummary } from "../domain/engine";
import type { BudgetItem, CoverageJson, CoveredItem, TargetItem } from "../domain/coverage";
import type { Grid } from "../domain/grid";
import type { Issue, Severity } from "../domain/issues";
import { budgetListVerdictOf, countByCode, countStats, sortIssues, verdictOf, type Report, type Stats, type Verdict } from "../domain/report";
import type { ReportFileEntry } from "./report-book";

export type FileRole = "target" | "budget" | "covered-by";

export interface Truncation {
  readonly shown: number;
  readonly total: number;
}

/** Why a file could not be checked, in both languages. */
export interface FileError {
  readonly message: string;
  readonly messageEn: string;
  readonly detail?: string;
}

/** What happened to one file (the command line adds its path and timing). */
export interface BatchFile {
  /** As shown to the user. */
  readonly file: string;
  readonly role: FileRole;
  /** The engine's result (absent when the file could not be read). */
  readonly check?: WorkbookCheck;
  /** The file's report with notices and coverage findings added, issues sorted. */
  readonly report: Report;
  readonly error?: FileError;
  /** Present when the file had more findings than are kept: `shown` listed of `total` (stats count all). */
  readonly truncated?: Truncation;
}

/** A finding about the file itself (file.invalid-bytes, file.long-text), listed with the engine's issues. */
export interface FileNotice {
  readonly code: "file.invalid-bytes" | "file.long-text";
  readonly severity: "warning";
  readonly sheet: string;
  readonly cell: string;
  readonly value: string;
  readonly message: string;
  readonly messageEn: string;
  readonly source: string;
}

/** Findings kept per file by default: far more than anyone reads, and bounded memory and output for any input. */
export const DEFAULT_MAX_FINDINGS = 10_000;

export const EMPTY_REPORT: Report = { valid: true, stats: { errors: 0, warnings: 0, infos: 0 }, byCode: {}, tables: [], issues: [] };

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/**
 * At most `max` of the issues, the most severe first (every error before any warning, every warning before any
 * info; within a severity, the first in order), returned in their order. Linear.
 */
export function capIssues(issues: readonly Issue[], max: number): Issue[] {
  if (issues.length <= max) return issues.slice();
  const quota = [0, 0, 0];
  for (const i of issues) quota[SEVERITY_RANK[i.severity]]++;
  let left = max;
  for (let k = 0; k < quota.length; k++) {
    quota[k] = Math.min(quota[k], left);
    left -= quota[k];
  }
  const out: Issue[] = [];
  for (const i of issues) {
    const k = SEVERITY_RANK[i.severity];
    if (quota[k] > 0) {
      quota[k]--;
      out.push(i);
    }
  }
  return out;
}

function addStats(a: Stats, b: Stats): Stats {
  return { errors: a.errors + b.errors, warnings: a.warnings + b.warnings, infos: a.infos + b.infos };
}

function addByCode(a: Report["byCode"], b: Report["byCode"]): Report["byCode"] {
  const out: Record<string, number> = { ...a };
  for (const [code, n] of Object.entries(b)) out[code] = (out[code] ?? 0) + (n ?? 0);
  return out as Report["byCode"];
}

/** A report with further issues: stats and counts by code over all of them, at most `max` listed. */
export function withIssues(base: Report, truncated: Truncation | undefined, extra: readonly Issue[], sheetOrder: readonly string[], max: number): { report: Report; truncated?: Truncation } {
  if (extra.length === 0) return { report: base, ...(truncated ? { truncated } : {}) };
  const issues = capIssues(sortIssues([...base.issues, ...extra], sheetOrder), max);
  const stats = addStats(base.stats, countStats(extra));
  const total = (truncated?.total ?? base.issues.length) + extra.length;
  const report: Report = { ...base, valid: stats.errors === 0, stats, byCode: addByCode(base.byCode, countByCode(extra)), issues };
  return { report, ...(total > issues.length ? { truncated: { shown: issues.length, total } } : {}) };
}

/** Checks one file's grids: the engine's findings (at most `maxFindings` kept, errors first) and the file's notices. */
export function checkFileContent(
  display: string,
  role: FileRole,
  grids: readonly Grid[],
  notices: readonly FileNotice[],
  options: { readonly profile?: string; readonly maxFindings?: number } = {},
): BatchFile {
  const max = options.maxFindings ?? DEFAULT_MAX_FINDINGS;
  // The engine keeps at most `max` findings (the most severe first) and counts the rest: a million bad rows never
  // hold a million findings in memory.
  const checkOptions: CheckOptions = { ...(options.profile ? { profile: options.profile } : {}), maxFindings: max };
  const check = checkWorkbook(grids, checkOptions);
  const truncated = check.truncated;
  const issues = check.issues.map((i) => ({ ...i, file: display }));
  const base: Report = { valid: check.valid, stats: check.stats, byCode: check.byCode, tables: check.tables, issues };
  // A notice's code is the file reader's (file.*), outside the engine's IssueCode list.
  const extra: Issue[] = notices.map((n) => ({ ...(n as unknown as Issue), file: display }));
  const { report, truncated: t } = withIssues(base, truncated, extra, grids.map((g) => g.sheet), max);
  return { file: display, role, check, report, ...(t ? { truncated: t } : {}) };
}

/** A file that could not be read or checked. */
export function failedFile(display: string, role: FileRole, error: FileError): BatchFile {
  return { file: display, role, report: { ...EMPTY_REPORT, valid: false }, error };
}

/** Without a chosen budget list, the one file checked that is only a budget list (none when zero or several are). */
export function findBudgetList<T extends BatchFile>(results: readonly T[]): T | undefined {
  const lists = results.filter((r) => r.role === "target" && r.check && r.check.budget.length > 0 && r.check.targets.length === 0);
  return lists.length === 1 ? lists[0] : undefined;
}

function pick(t: TargetItem): CoveredItem {
  return {
    ...(t.code !== undefined ? { code: t.code } : {}),
    ...(t.name !== undefined ? { name: t.name } : {}),
    ...(t.unit !== undefined ? { unit: t.unit } : {}),
    ...(t.department !== undefined ? { department: t.department } : {}),
    ...(t.amountWan !== undefined ? { amountWan: t.amountWan } : {}),
    sheet: t.sheet,
    cell: t.cell,
  };
}

/** Entries of a further list (监控/自评/评价): its projects and its list lines. */
export function coveredItems(r: BatchFile): CoveredItem[] {
  return coveredItemsOf(r.file, r.check?.targets ?? [], r.check?.budget ?? []);
}

/** Entries of a further list `file` from its projects and its list lines. */
export function coveredItemsOf(file: string, targets: readonly TargetItem[], budget: readonly BudgetItem[]): CoveredItem[] {
  const out: CoveredItem[] = [];
  for (const t of targets) out.push({ ...pick(t), file });
  for (const b of budget) {
    out.push({
      ...(b.code !== undefined ? { code: b.code } : {}),
      ...(b.name !== undefined ? { name: b.name } : {}),
      ...(b.budgetUnit !== undefined ? { unit: b.budgetUnit } : {}),
      ...(b.department !== undefined ? { department: b.department } : {}),
      ...(b.amountWan !== undefined ? { amountWan: b.amountWan } : {}),
      sheet: b.sheet,
      cell: b.cell,
      file,
    });
  }
  return out;
}

/**
 * Reconciles the budget list with the targets of the other target files and hands each coverage finding to the
 * file it points at (an orphan target → its target file), else to the budget list. Returns the files with those
 * findings added, in the same order, and the coverage figures.
 */
export function applyCoverage<T extends BatchFile>(
  results: readonly T[],
  budgetResult: T,
  options: { readonly profile?: string; readonly coveredBy?: readonly { readonly label: string; readonly file: T }[]; readonly maxFindings?: number } = {},
): { files: T[]; coverage?: CoverageJson } {
  const files = results.slice();
  if (!budgetResult.check) return { files };
  const max = options.maxFindings ?? DEFAULT_MAX_FINDINGS;
  const budget: BudgetItem[] = budgetResult.check.budget.map((b) => ({ ...b, file: budgetResult.file }));
  const targets: TargetItem[] = [];
  for (const r of results) if (r.role === "target" && r !== budgetResult && r.check) for (const t of r.check.targets) targets.push({ ...t, file: r.file });
  const coveredBy = (options.coveredBy ?? []).map((c) => ({ label: c.label, items: coveredItems(c.file) }));
  const cov = coverageByFile(budgetResult.file, budget, targets, coveredBy, new Set(results.map((r) => r.file)), options.profile);
  const byFile = cov.byFile;
  for (let k = 0; k < files.length; k++) {
    const r = files[k];
    // The list is a budget list from here on, chosen (--budget) or recognized: one verdict either way (fileVerdict).
    const role: FileRole = results[k] === budgetResult ? "budget" : r.role;
    const extra = byFile.get(r.file);
    if (!extra) {
      if (role !== r.role) files[k] = { ...r, role };
      continue;
    }
    const { report, truncated } = withIssues(r.report, r.truncated, extra, r.check?.recognitions.map((x) => x.sheet) ?? [], max);
    const { truncated: _old, ...rest } = r;
    files[k] = { ...rest, role, report, ...(truncated ? { truncated } : {}) } as T;
  }
  return { files, coverage: cov.coverage };
}

/**
 * The coverage of a batch and its findings by the file they are handed to: a finding pointing at one of `files`
 * (an orphan target → its target file) goes to that file, any other to the budget list `budgetFile`. Items carry
 * their file already. What applyCoverage does without the files' checks (the command line keeps only these items).
 */
export function coverageByFile(
  budgetFile: string,
  budget: readonly BudgetItem[],
  targets: readonly TargetItem[],
  coveredBy: readonly { readonly label: string; readonly items: readonly CoveredItem[] }[],
  files: ReadonlySet<string>,
  profile?: string,
): { coverage: CoverageJson; byFile: Map<string, Issue[]> } {
  const cov = coverageReport(budget, targets, { ...(profile ? { profile } : {}), ...(coveredBy.length ? { coveredBy } : {}) });
  const byFile = new Map<string, Issue[]>();
  for (const i of cov.issues) {
    const owner = i.file && files.has(i.file) ? i.file : budgetFile;
    const list = byFile.get(owner) ?? [];
    list.push({ ...i, file: owner });
    byFile.set(owner, list);
  }
  return { coverage: cov.coverage, byFile };
}

/** Department, project, total and grade of a file for the summary lines (the engine's workbookSummary). */
export function fileSummary(r: Pick<BatchFile, "check">): WorkbookSummary {
  return r.check ? workbookSummary(r.check) : { department: "", project: "", total: "", grade: "" };
}

/** What is said under a file's findings when some were not listed. */
export function truncationLine(t: Truncation): { zh: string; en: string } {
  const { message, messageEn } = sayText("file.findings-not-listed", "more", { rest: t.total - t.shown, shown: t.shown });
  return { zh: message, en: messageEn };
}

/** The last row of a file's issues in the report workbook when some were not listed (a note, not a finding). */
export function truncationNote(t: Truncation, file: string): Issue {
  const { zh, en } = truncationLine(t);
  return { ...makeIssue({ code: "file.findings-not-listed", sheet: "", cell: "", value: "", message: zh, messageEn: en }), file };
}

/** One file's row set in the report workbook (`path` for links is the command line's to add). */
export function reportEntry(r: BatchFile): ReportFileEntry {
  const s = fileSummary(r);
  return {
    file: r.file,
    verdict: fileVerdict(r),
    report: r.truncated ? { ...r.report, issues: [...r.report.issues, truncationNote(r.truncated, r.file)] } : r.report,
    department: s.department,
    project: s.project,
    total: s.total,
    grade: s.grade,
    ...(r.error ? { error: { message: r.error.message, messageEn: r.error.messageEn } } : {}),
  };
}

/** A budget list's coverage verdict: "gaps" or "covered"; undefined when it has other errors (then the ordinary verdict applies). */
export function budgetCoverageVerdict(r: Pick<BatchFile, "report" | "error">): { gaps: number; kind: "gaps" | "covered" } | undefined {
  if (r.error) return undefined;
  const v = budgetListVerdictOf(r.report);
  if (v !== "coverage-gaps" && v !== "covered") return undefined;
  const gaps = (r.report.byCode["project.no-target"] ?? 0) + (r.report.byCode["project.invalid-target"] ?? 0);
  return { gaps, kind: v === "covered" ? "covered" : "gaps" };
}

/** A file's verdict on every front: not-checked when it could not be read, a budget list's by its coverage. */
export function fileVerdict(r: { readonly role: FileRole; readonly report: Pick<Report, "stats" | "byCode">; readonly error?: FileError }): Verdict {
  if (r.error) return "not-checked";
  return r.role === "budget" ? budgetListVerdictOf(r.report) : verdictOf(r.report);
}

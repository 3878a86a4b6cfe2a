/**
 * `jx check`: read each file, run the engine, reconcile with a budget list, print and write reports.
 * A host only: every figure comes from the engine (src/domain); this file moves data between files and it.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { performance } from "perf_hooks";
import { makeIssue, say } from "../domain/catalog";
import type { Issue, Severity } from "../domain/issues";
import { countByCode, countStats, sortIssues, type Report, type Stats } from "../domain/report";
import { expandInputs, readInputContent, type ExpandedInputs, type InputContent, type InputFile, type InputNotice, type InputProblem, type ReadOptions } from "../file/inputs";
import { writeReportWorkbook, type ReportFileEntry } from "../file/report-workbook";
import { WorkbookReadError, type XlsxLimits } from "../file/xlsx";
import { displayWidth, fitWidth } from "../file/width";
import { checkWorkbook, coverageReport, workbookSummary, type BudgetItem, type CoverageJson, type CoveredItem, type TargetItem, type WorkbookCheck, type WorkbookSummary } from "./engine";
import { EXIT_CANNOT_RUN, EXIT_FINDINGS, EXIT_OK, UsageError, type CliIO } from "./io";
import { toJsonReport } from "./format-json";
import { formatText } from "./format-text";
import { checkOutPath, writeOutFile, type ReadPath } from "./out-file";
import { progressBar } from "./progress";
import { termName, termValue } from "./terminal";

export interface CheckArgs {
  readonly inputs: readonly string[];
  readonly budget?: string;
  readonly coveredBy: readonly string[];
  readonly profile?: string;
  readonly format: "text" | "json";
  readonly out?: string;
  readonly failOn: "error" | "warning";
  /** --out may replace an existing file (never an input). */
  readonly force?: boolean;
  /** Files larger than this are refused before any read (default: inputs.ts DEFAULT_MAX_FILE_BYTES). */
  readonly maxFileBytes?: number;
  /** Findings kept per file (default DEFAULT_MAX_FINDINGS); the rest are counted, not listed. */
  readonly maxFindings?: number;
  /** Limits on reading an .xlsx (default: grid-convert.ts DEFAULT_XLSX_LIMITS). */
  readonly xlsxLimits?: Partial<XlsxLimits>;
  /** Files at least this large show their progress (reading, unzipping, checking) on a terminal (default 2 MB). */
  readonly progressMinBytes?: number;
}

/** Findings kept per file by default: far more than anyone reads, and bounded memory and output for any input. */
export const DEFAULT_MAX_FINDINGS = 10_000;
/**
 * Files from this size on show their progress on a terminal by default: a 2 MB .xlsx holds some 40,000 rows and
 * takes seconds to read (ExcelJS parses about 100,000 cells a second here).
 */
export const DEFAULT_PROGRESS_MIN_BYTES = 2 * 1024 * 1024;

export type FileRole = "target" | "budget" | "covered-by";

/** What happened to one file. */
export interface FileResult {
  /** As shown to the user. */
  readonly file: string;
  /** Absolute path. */
  readonly path: string;
  readonly role: FileRole;
  /** The engine's result (absent when the file could not be read). */
  readonly check?: WorkbookCheck;
  /** The file's report with coverage findings added, issues sorted. */
  readonly report: Report;
  readonly error?: { readonly message: string; readonly messageEn: string; readonly detail?: string };
  /** Milliseconds to read and check. */
  readonly ms: number;
  /** Present when the file had more findings than are kept: `shown` listed of `total` (stats count all). */
  readonly truncated?: Truncation;
}

export interface Truncation {
  readonly shown: number;
  readonly total: number;
}

export interface CheckOutcome {
  /** Every path read or given, for the check of --out at write time. */
  readonly inputs: readonly ReadPath[];
  readonly files: readonly FileResult[];
  readonly problems: readonly InputProblem[];
  readonly coverage?: CoverageJson;
  readonly budgetFile?: string;
}

const EMPTY_REPORT: Report = { valid: true, stats: { errors: 0, warnings: 0, infos: 0 }, byCode: {}, tables: [], issues: [] };

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
function withIssues(base: Report, truncated: Truncation | undefined, extra: readonly Issue[], sheetOrder: readonly string[], max: number): { report: Report; truncated?: Truncation } {
  if (extra.length === 0) return { report: base, ...(truncated ? { truncated } : {}) };
  const issues = capIssues(sortIssues([...base.issues, ...extra], sheetOrder), max);
  const stats = addStats(base.stats, countStats(extra));
  const total = (truncated?.total ?? base.issues.length) + extra.length;
  const report: Report = { ...base, valid: stats.errors === 0, stats, byCode: addByCode(base.byCode, countByCode(extra)), issues };
  return { report, ...(total > issues.length ? { truncated: { shown: issues.length, total } } : {}) };
}

/**
 * A notice about the file (bytes that did not decode) listed with the engine's issues, so the text, JSON and
 * report workbook all show it. Its code is the file reader's (file.*), outside the engine's IssueCode list.
 */
function noticeIssue(n: InputNotice, display: string): Issue {
  return { ...n, file: display };
}

/** The line under the progress bar while one large file is read and checked. */
interface FileProgress {
  stage(zh: string, en: string, fraction?: number): void;
  end(): void;
}

const NO_FILE_PROGRESS: FileProgress = { stage: () => undefined, end: () => undefined };

/** Progress of one large file on a terminal: `[████░░░░] 37% 解压 unzipping  name`, redrawn as it changes. */
function fileProgress(io: CliIO, display: string): FileProgress {
  const width = 24;
  const clean = termName(display);
  const name = displayWidth(clean) > 40 ? fitWidth(clean, 40) : clean;
  let last = "";
  return {
    stage(zh, en, fraction) {
      const f = fraction === undefined ? undefined : Math.max(0, Math.min(1, fraction));
      const filled = f === undefined ? 0 : Math.round(f * width);
      const bar = f === undefined ? "" : `[${"█".repeat(filled)}${"░".repeat(width - filled)}] ${String(Math.floor(f * 100)).padStart(3)}% `;
      const line = `${bar}${zh} ${en}  ${name}`;
      if (line === last) return;
      last = line;
      io.stderr(`\r\x1b[2K${line}`);
    },
    end() {
      if (last !== "") io.stderr("\r\x1b[2K");
    },
  };
}

/** How one file is read and checked: the options given on the command line, with their defaults. */
interface CheckSettings {
  readonly profile?: string;
  readonly read: ReadOptions;
  readonly maxFindings: number;
  readonly progressMinBytes: number;
  /** Whether progress may be drawn at all (stderr is a terminal). */
  readonly tty: boolean;
}

async function sizeOf(file: string): Promise<number> {
  try {
    return (await fs.stat(file)).size;
  } catch {
    return 0; // reading it will say why
  }
}

async function checkOne(file: InputFile, role: FileRole, settings: CheckSettings, io: CliIO): Promise<FileResult> {
  const t0 = performance.now();
  const progress = settings.tty && (await sizeOf(file.path)) >= settings.progressMinBytes ? fileProgress(io, file.display) : NO_FILE_PROGRESS;
  let content: InputContent;
  try {
    progress.stage("读取", "reading");
    content = await readInputContent(file, {
      ...settings.read,
      onProgress: (stage, done, total) => {
        if (stage === "unzip") progress.stage("解压", "unzipping", total > 0 ? done / total : undefined);
        else if (stage === "parse") progress.stage("解析", "parsing");
        else progress.stage("转换", "converting", total > 0 ? done / total : undefined);
      },
    });
  } catch (e) {
    progress.end();
    const err =
      e instanceof WorkbookReadError
        ? { message: e.messageZh, messageEn: e.messageEn, ...(e.detail ? { detail: e.detail } : {}) }
        : { message: "无法读取文件", messageEn: "could not read the file", detail: e instanceof Error ? e.message : String(e) };
    return { file: file.display, path: file.path, role, report: { ...EMPTY_REPORT, valid: false }, error: err, ms: performance.now() - t0 };
  }
  progress.stage("检查", "checking");
  // The engine keeps at most maxFindings findings (the most severe first) and counts the rest: a million bad rows
  // never hold a million findings in memory.
  const check = checkWorkbook(content.grids, { ...(settings.profile ? { profile: settings.profile } : {}), maxFindings: settings.maxFindings });
  progress.end();
  const truncated = check.truncated;
  const issues = check.issues.map((i) => ({ ...i, file: file.display }));
  const base: Report = { valid: check.valid, stats: check.stats, byCode: check.byCode, tables: check.tables, issues };
  const notices = content.notices.map((n) => noticeIssue(n, file.display));
  const { report, truncated: t } = withIssues(base, truncated, notices, content.grids.map((g) => g.sheet), settings.maxFindings);
  return { file: file.display, path: file.path, role, check, report, ms: performance.now() - t0, ...(t ? { truncated: t } : {}) };
}

function problemResult(p: InputProblem, role: FileRole): FileResult {
  return { file: p.display, path: p.path, role, report: { ...EMPTY_REPORT, valid: false }, error: { message: p.message, messageEn: p.messageEn }, ms: 0 };
}

/** Entries of a further list (监控/自评/评价): its projects and its list lines. */
function coveredItems(r: FileResult): CoveredItem[] {
  const out: CoveredItem[] = [];
  for (const t of r.check?.targets ?? []) out.push({ ...pick(t), file: r.file });
  for (const b of r.check?.budget ?? []) {
    out.push({
      ...(b.code !== undefined ? { code: b.code } : {}),
      ...(b.name !== undefined ? { name: b.name } : {}),
      ...(b.budgetUnit !== undefined ? { unit: b.budgetUnit } : {}),
      ...(b.department !== undefined ? { department: b.department } : {}),
      ...(b.amountWan !== undefined ? { amountWan: b.amountWan } : {}),
      sheet: b.sheet,
      cell: b.cell,
      file: r.file,
    });
  }
  return out;
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

/** Every path the check reads or was given (for --out: never one of these). */
function readPaths(...sets: readonly (ExpandedInputs | undefined)[]): ReadPath[] {
  const out: ReadPath[] = [];
  for (const s of sets) for (const f of [...(s?.files ?? []), ...(s?.problems ?? [])]) out.push({ path: f.path, display: f.display });
  return out;
}

/** Runs the check and returns what was found (no printing). Throws UsageError for arguments that cannot work. */
export async function runCheck(args: CheckArgs, io: CliIO): Promise<CheckOutcome> {
  const main = await expandInputs(args.inputs, io.cwd);
  const budgetIn = args.budget ? await expandInputs([args.budget], io.cwd) : undefined;
  const coveredIn = args.coveredBy.length > 0 ? await expandInputs(args.coveredBy, io.cwd) : undefined;

  if (budgetIn) {
    const bp = budgetIn.problems[0];
    if (bp) throw new UsageError(`预算项目清单无法使用：${bp.message}`, `the budget list cannot be used: ${bp.messageEn}`);
    if (budgetIn.files.length !== 1) throw new UsageError("--budget 需要一个 .xlsx 或 .csv 文件", "--budget takes one .xlsx or .csv file");
  }
  if (args.out) checkOutPath(args.out, io.cwd, readPaths(main, budgetIn, coveredIn), args.force === true);

  const read: ReadOptions = {
    ...(args.maxFileBytes !== undefined ? { maxBytes: args.maxFileBytes } : {}),
    ...(args.xlsxLimits ? { xlsxLimits: args.xlsxLimits } : {}),
  };
  const settings: CheckSettings = {
    ...(args.profile ? { profile: args.profile } : {}),
    read,
    maxFindings: args.maxFindings ?? DEFAULT_MAX_FINDINGS,
    progressMinBytes: args.progressMinBytes ?? DEFAULT_PROGRESS_MIN_BYTES,
    tty: io.stderrIsTTY,
  };
  const budgetPath = budgetIn?.files[0]?.path;
  const coveredPaths = new Set((coveredIn?.files ?? []).map((f) => f.path));
  const targetFiles = main.files.filter((f) => f.path !== budgetPath && !coveredPaths.has(f.path));
  const total = targetFiles.length + (budgetIn?.files.length ?? 0) + (coveredIn?.files.length ?? 0);
  const progress = progressBar(io, total, args.format === "text" && io.stderrIsTTY && total > 1);

  const results: FileResult[] = [];
  for (const f of targetFiles) {
    progress.tick(f.display);
    results.push(await checkOne(f, "target", settings, io));
  }
  for (const p of main.problems) if (p.code !== "skipped") results.push(problemResult(p, "target"));

  let budgetResult: FileResult | undefined;
  if (budgetIn?.files[0]) {
    progress.tick(budgetIn.files[0].display);
    budgetResult = await checkOne(budgetIn.files[0], "budget", settings, io);
    if (budgetResult.error) {
      progress.done();
      throw new UsageError(`预算项目清单无法读取：${budgetResult.error.message}`, `the budget list could not be read: ${budgetResult.error.messageEn}`);
    }
    results.push(budgetResult);
  }
  const coveredResults: FileResult[] = [];
  for (const f of coveredIn?.files ?? []) {
    progress.tick(f.display);
    const r = await checkOne(f, "covered-by", settings, io);
    coveredResults.push(r);
    results.push(r);
  }
  for (const p of coveredIn?.problems ?? []) if (p.code !== "skipped") results.push(problemResult(p, "covered-by"));
  progress.done();

  // Without --budget, a single checked file that is only a budget list is used as one (e.g. `jx check samples/`).
  if (!budgetResult) {
    const lists = results.filter((r) => r.role === "target" && r.check && r.check.budget.length > 0 && r.check.targets.length === 0);
    if (lists.length === 1) {
      budgetResult = lists[0];
      io.stderr(`提示：将 ${termName(budgetResult.file)} 作为预算项目清单 / note: using ${termName(budgetResult.file)} as the budget list\n`);
    }
  }

  let coverage: CoverageJson | undefined;
  const finalResults = results.slice();
  if (budgetResult?.check) {
    const budget: BudgetItem[] = budgetResult.check.budget.map((b) => ({ ...b, file: budgetResult.file }));
    const targets: TargetItem[] = [];
    for (const r of results) if (r.role === "target" && r !== budgetResult && r.check) for (const t of r.check.targets) targets.push({ ...t, file: r.file });
    const coveredBy = coveredResults.map((r) => ({ label: path.basename(r.file), items: coveredItems(r) }));
    const cov = coverageReport(budget, targets, { ...(args.profile ? { profile: args.profile } : {}), ...(coveredBy.length ? { coveredBy } : {}) });
    coverage = cov.coverage;
    // Each coverage finding goes to the file it points at (an orphan target → its target file), else the budget list.
    const byFile = new Map<string, Issue[]>();
    for (const i of cov.issues) {
      const owner = i.file && results.some((r) => r.file === i.file) ? i.file : budgetResult.file;
      const list = byFile.get(owner) ?? [];
      list.push({ ...i, file: owner });
      byFile.set(owner, list);
    }
    for (let k = 0; k < finalResults.length; k++) {
      const r = finalResults[k];
      const extra = byFile.get(r.file);
      if (!extra) continue;
      const { report, truncated } = withIssues(r.report, r.truncated, extra, r.check?.recognitions.map((x) => x.sheet) ?? [], settings.maxFindings);
      const { truncated: _old, ...rest } = r;
      finalResults[k] = { ...rest, report, ...(truncated ? { truncated } : {}) };
    }
  }
  return {
    inputs: readPaths(main, budgetIn, coveredIn),
    files: finalResults,
    problems: [...main.problems, ...(coveredIn?.problems ?? [])],
    ...(coverage ? { coverage } : {}),
    ...(budgetResult ? { budgetFile: budgetResult.file } : {}),
  };
}

/** Department, project, total and grade of a file for the summary lines (the engine's workbookSummary). */
export function fileSummary(r: FileResult): WorkbookSummary {
  return r.check ? workbookSummary(r.check) : { department: "", project: "", total: "", grade: "" };
}

/** What the text output says under a file's findings when some were not listed. */
export function truncationLine(t: Truncation): { zh: string; en: string } {
  const { message, messageEn } = say("file.findings-not-listed", "more", { rest: t.total - t.shown, shown: t.shown });
  return { zh: message, en: messageEn };
}

/** The last row of a file's issues in the --out workbook when some were not listed (a note, not a finding). */
function truncationNote(t: Truncation, file: string): Issue {
  const { zh, en } = truncationLine(t);
  return { ...makeIssue({ code: "file.findings-not-listed", sheet: "", cell: "", value: "", message: zh, messageEn: en }), file };
}

/** Exit code for the findings. */
export function exitCodeFor(outcome: CheckOutcome, failOn: "error" | "warning"): number {
  for (const r of outcome.files) {
    if (r.error) return EXIT_FINDINGS;
    if (r.report.stats.errors > 0) return EXIT_FINDINGS;
    if (failOn === "warning" && r.report.stats.warnings > 0) return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

/** `jx check …`: returns the exit code. */
export async function checkCommand(args: CheckArgs, io: CliIO): Promise<number> {
  const outcome = await runCheck(args, io);
  const readable = outcome.files.filter((r) => !r.error);
  if (readable.length === 0) {
    // Problems other than skipped files are among the files already (as "not checked"): each is said once.
    for (const p of outcome.problems) if (p.code === "skipped") io.stderr(`${termName(p.display)}: ${termValue(p.message, 400)} / ${termValue(p.messageEn, 400)}\n`);
    for (const r of outcome.files) {
      if (r.error) io.stderr(`${termName(r.file)}: ${termValue(r.error.message, 400)} / ${termValue(r.error.messageEn, 400)}${r.error.detail ? ` (${termValue(r.error.detail, 400)})` : ""}\n`);
    }
    io.stderr("没有可检查的 .xlsx 或 .csv 文件 / no readable .xlsx or .csv file to check\n");
    return EXIT_CANNOT_RUN;
  }
  if (args.format === "json") io.stdout(JSON.stringify(toJsonReport(outcome), null, 2) + "\n");
  else io.stdout(formatText(outcome));
  if (args.out) {
    const out = path.resolve(io.cwd, args.out);
    const force = args.force === true;
    const entries: ReportFileEntry[] = outcome.files.map((r) => {
      const s = fileSummary(r);
      return {
        file: r.file,
        ...(r.error ? {} : { path: r.path }),
        report: r.truncated ? { ...r.report, issues: [...r.report.issues, truncationNote(r.truncated, r.file)] } : r.report,
        department: s.department,
        project: s.project,
        total: s.total,
        grade: s.grade,
        ...(r.error ? { error: { message: r.error.message, messageEn: r.error.messageEn } } : {}),
      };
    });
    try {
      await writeOutFile(out, args.out, outcome.inputs, force, (tmp) => writeReportWorkbook(tmp, entries, outcome.coverage));
    } catch (e) {
      if (e instanceof UsageError) io.stderr(`错误：${termValue(e.messageZh, 1000)}\nerror: ${termValue(e.messageEn, 1000)}\n`);
      else io.stderr(`无法写入报告 ${termName(args.out)} / could not write the report: ${termValue(e instanceof Error ? e.message : String(e), 400)}\n`);
      return EXIT_CANNOT_RUN;
    }
    if (args.format === "text") io.stdout(`\n报告已写入 / report written: ${termName(args.out)}\n`);
    else io.stderr(`报告已写入 / report written: ${termName(args.out)}\n`);
  }
  return exitCodeFor(outcome, args.failOn);
}

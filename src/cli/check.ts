/**
 * `jx check`: read each file, run the engine, reconcile with a budget list, print and write reports.
 * A host only: every figure comes from the engine (src/domain); this file moves data between files and it.
 */
import * as path from "path";
import { performance } from "perf_hooks";
import type { Issue } from "../domain/issues";
import { countByCode, countStats, sortIssues, type Report } from "../domain/report";
import { expandInputs, readInputContent, type ExpandedInputs, type InputContent, type InputFile, type InputNotice, type InputProblem, type ReadOptions } from "../file/inputs";
import { writeReportWorkbook, type ReportFileEntry } from "../file/report-workbook";
import { WorkbookReadError } from "../file/xlsx";
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
}

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

function withIssues(base: Report, extra: readonly Issue[], sheetOrder: readonly string[]): Report {
  if (extra.length === 0) return base;
  const issues = sortIssues([...base.issues, ...extra], sheetOrder);
  const stats = countStats(issues);
  return { ...base, valid: stats.errors === 0, stats, byCode: countByCode(issues), issues };
}

/**
 * A notice about the file (bytes that did not decode) listed with the engine's issues, so the text, JSON and
 * report workbook all show it. Its code is the file reader's (file.*), outside the engine's IssueCode list.
 */
function noticeIssue(n: InputNotice, display: string): Issue {
  return { ...n, file: display };
}

async function checkOne(file: InputFile, role: FileRole, profile: string | undefined, read: ReadOptions): Promise<FileResult> {
  const t0 = performance.now();
  let content: InputContent;
  try {
    content = await readInputContent(file, read);
  } catch (e) {
    const err =
      e instanceof WorkbookReadError
        ? { message: e.messageZh, messageEn: e.messageEn, ...(e.detail ? { detail: e.detail } : {}) }
        : { message: "无法读取文件", messageEn: "could not read the file", detail: e instanceof Error ? e.message : String(e) };
    return { file: file.display, path: file.path, role, report: { ...EMPTY_REPORT, valid: false }, error: err, ms: performance.now() - t0 };
  }
  const check = checkWorkbook(content.grids, profile ? { profile } : {});
  const issues = check.issues.map((i) => ({ ...i, file: file.display }));
  const base: Report = { valid: check.valid, stats: check.stats, byCode: check.byCode, tables: check.tables, issues };
  const report = withIssues(base, content.notices.map((n) => noticeIssue(n, file.display)), content.grids.map((g) => g.sheet));
  return { file: file.display, path: file.path, role, check, report, ms: performance.now() - t0 };
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

  const read: ReadOptions = args.maxFileBytes !== undefined ? { maxBytes: args.maxFileBytes } : {};
  const budgetPath = budgetIn?.files[0]?.path;
  const coveredPaths = new Set((coveredIn?.files ?? []).map((f) => f.path));
  const targetFiles = main.files.filter((f) => f.path !== budgetPath && !coveredPaths.has(f.path));
  const total = targetFiles.length + (budgetIn?.files.length ?? 0) + (coveredIn?.files.length ?? 0);
  const progress = progressBar(io, total, args.format === "text" && io.stderrIsTTY && total > 1);

  const results: FileResult[] = [];
  for (const f of targetFiles) {
    progress.tick(f.display);
    results.push(await checkOne(f, "target", args.profile, read));
  }
  for (const p of main.problems) if (p.code !== "skipped") results.push(problemResult(p, "target"));

  let budgetResult: FileResult | undefined;
  if (budgetIn?.files[0]) {
    progress.tick(budgetIn.files[0].display);
    budgetResult = await checkOne(budgetIn.files[0], "budget", args.profile, read);
    if (budgetResult.error) {
      progress.done();
      throw new UsageError(`预算项目清单无法读取：${budgetResult.error.message}`, `the budget list could not be read: ${budgetResult.error.messageEn}`);
    }
    results.push(budgetResult);
  }
  const coveredResults: FileResult[] = [];
  for (const f of coveredIn?.files ?? []) {
    progress.tick(f.display);
    const r = await checkOne(f, "covered-by", args.profile, read);
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
      if (extra) finalResults[k] = { ...r, report: withIssues(r.report, extra, r.check?.recognitions.map((x) => x.sheet) ?? []) };
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
        report: r.report,
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

/**
 * `jx check`: read each file, run the engine, reconcile with a budget list, print and write reports.
 * A host only: every figure comes from the engine (src/domain); this file moves data between files and it.
 */
import { availableParallelism } from "os";
import * as path from "path";
import type { Issue } from "../domain/issues";
import { countByCode, countStats, sortIssues, unmeasurableBlocking, type Report } from "../domain/report";
import {
  applyCoverage,
  capIssues,
  coverageByFile,
  coveredItemsOf,
  DEFAULT_MAX_FINDINGS,
  fileVerdict,
  findBudgetList,
  truncationNote,
  type FileError,
  type FileRole,
} from "../file/batch";
import { expandInputs, type ExpandedInputs, type InputFile, type InputProblem } from "../file/inputs";
import { writeReportStream, type ReportFileEntry, type ReportIssueRow } from "../file/report-workbook";
import type { XlsxLimits } from "../file/xlsx";
import { checkOne, problemResult, spoolResult, type CheckJob, type CheckSettings, type FileResult, type FileView, type SpooledFile, type SpooledItem } from "./check-file";
import type { BudgetItem, CoverageJson, CoveredItem, TargetItem } from "./engine";
import { EXIT_CANNOT_RUN, EXIT_FINDINGS, EXIT_OK, UsageError, type CliIO } from "./io";
import { checkOutPath, writeOutFile, type ReadPath } from "./out-file";
import { checkAll, fixHeapGrowth } from "./pool";
import { progressBar } from "./progress";
import { readLines, removeSpool, removeSpoolOnSignal, spoolDir, spoolPaths } from "./spool";
import { writeJson, writeJsonl, writeText, type StreamedBatch } from "./stream-out";
import { termName, termValue } from "./terminal";

export interface CheckArgs {
  readonly inputs: readonly string[];
  readonly budget?: string;
  readonly coveredBy: readonly string[];
  readonly profile?: string;
  readonly format: "text" | "json" | "jsonl";
  /** Threads checking files (default: the machine's cores, os.availableParallelism()); the output is the same. */
  readonly jobs?: number;
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

export { capIssues, DEFAULT_MAX_FINDINGS, fileSummary, truncationLine, type FileRole, type Truncation } from "../file/batch";
/**
 * Files from this size on show their progress on a terminal by default: a 2 MB .xlsx holds some 40,000 rows and
 * takes seconds to read (ExcelJS parses about 100,000 cells a second here).
 */
export const DEFAULT_PROGRESS_MIN_BYTES = 2 * 1024 * 1024;

export type { FileResult } from "./check-file";

export interface CheckOutcome {
  /** Every path read or given, for the check of --out at write time. */
  readonly inputs: readonly ReadPath[];
  readonly files: readonly FileResult[];
  readonly problems: readonly InputProblem[];
  readonly coverage?: CoverageJson;
  readonly budgetFile?: string;
}

/** Every path the check reads or was given (for --out: never one of these). */
function readPaths(...sets: readonly (ExpandedInputs | undefined)[]): ReadPath[] {
  const out: ReadPath[] = [];
  for (const s of sets) for (const f of [...(s?.files ?? []), ...(s?.problems ?? [])]) out.push({ path: f.path, display: f.display });
  return out;
}

/** A batch before any file is read: its files in output order (each checked, or a problem to report), settings. */
interface CheckPlan {
  /** Every entry of the output in order: a file to check, or a path that could not be (not found, refused). */
  readonly entries: readonly ({ readonly job: CheckJob } | { readonly problem: InputProblem; readonly role: FileRole })[];
  /** Index of the --budget list among the entries. */
  readonly budgetIndex?: number;
  readonly settings: CheckSettings;
  readonly inputs: readonly ReadPath[];
  readonly problems: readonly InputProblem[];
  readonly total: number;
}

/** Expands the inputs and checks the arguments that cannot work (UsageError) before any file is read. */
async function planCheck(args: CheckArgs, io: CliIO): Promise<CheckPlan> {
  const main = await expandInputs(args.inputs, io.cwd);
  const budgetIn = args.budget ? await expandInputs([args.budget], io.cwd) : undefined;
  const coveredIn = args.coveredBy.length > 0 ? await expandInputs(args.coveredBy, io.cwd) : undefined;

  if (budgetIn) {
    const bp = budgetIn.problems[0];
    if (bp) throw new UsageError(`预算项目清单无法使用：${bp.message}`, `the budget list cannot be used: ${bp.messageEn}`);
    if (budgetIn.files.length !== 1) throw new UsageError("--budget 需要一个 .xlsx 或 .csv 文件", "--budget takes one .xlsx or .csv file");
  }
  if (args.out) checkOutPath(args.out, io.cwd, readPaths(main, budgetIn, coveredIn), args.force === true);

  const settings: CheckSettings = {
    ...(args.profile ? { profile: args.profile } : {}),
    read: {
      ...(args.maxFileBytes !== undefined ? { maxBytes: args.maxFileBytes } : {}),
      ...(args.xlsxLimits ? { xlsxLimits: args.xlsxLimits } : {}),
    },
    maxFindings: args.maxFindings ?? DEFAULT_MAX_FINDINGS,
    progressMinBytes: args.progressMinBytes ?? DEFAULT_PROGRESS_MIN_BYTES,
    tty: io.stderrIsTTY,
  };
  const budgetPath = budgetIn?.files[0]?.path;
  const coveredPaths = new Set((coveredIn?.files ?? []).map((f) => f.path));
  const entries: CheckPlan["entries"][number][] = [];
  const job = (file: InputFile, role: FileRole): void => void entries.push({ job: { index: entries.length, file, role } });
  for (const f of main.files) if (f.path !== budgetPath && !coveredPaths.has(f.path)) job(f, "target");
  for (const p of main.problems) if (p.code !== "skipped") entries.push({ problem: p, role: "target" });
  let budgetIndex: number | undefined;
  if (budgetIn?.files[0]) {
    budgetIndex = entries.length;
    job(budgetIn.files[0], "budget");
  }
  for (const f of coveredIn?.files ?? []) job(f, "covered-by");
  for (const p of coveredIn?.problems ?? []) if (p.code !== "skipped") entries.push({ problem: p, role: "covered-by" });
  return {
    entries,
    ...(budgetIndex !== undefined ? { budgetIndex } : {}),
    settings,
    inputs: readPaths(main, budgetIn, coveredIn),
    problems: [...main.problems, ...(coveredIn?.problems ?? [])],
    total: entries.filter((e) => "job" in e).length,
  };
}

function budgetUnreadable(error: FileError): UsageError {
  return new UsageError(`预算项目清单无法读取：${error.message}`, `the budget list could not be read: ${error.messageEn}`);
}

function usingAsBudget(io: CliIO, file: string): void {
  io.stderr(`提示：将 ${termName(file)} 作为预算项目清单 / note: using ${termName(file)} as the budget list\n`);
}

/**
 * Runs the check on this thread and returns everything found, every file's findings and engine result held in
 * memory (no printing). For callers that want the whole batch as data (the page's parity test); `jx check` itself
 * streams (checkCommand). Throws UsageError for arguments that cannot work.
 */
export async function runCheck(args: CheckArgs, io: CliIO): Promise<CheckOutcome> {
  const plan = await planCheck(args, io);
  const results: FileResult[] = [];
  for (const e of plan.entries) {
    if ("problem" in e) results.push(problemResult(e.problem, e.role));
    else {
      const r = await checkOne(e.job.file, e.job.role, plan.settings, io);
      if (e.job.index === plan.budgetIndex && r.error) throw budgetUnreadable(r.error);
      results.push(r);
    }
  }
  let budgetResult = plan.budgetIndex !== undefined ? results[plan.budgetIndex] : undefined;
  // Without --budget, a single checked file that is only a budget list is used as one (e.g. `jx check samples/`).
  if (!budgetResult) {
    budgetResult = findBudgetList(results);
    if (budgetResult) usingAsBudget(io, budgetResult.file);
  }
  let coverage: CoverageJson | undefined;
  let finalResults = results.slice();
  if (budgetResult?.check) {
    const coveredBy = results.filter((r, k) => r.role === "covered-by" && "job" in plan.entries[k]).map((r) => ({ label: path.basename(r.file), file: r }));
    ({ files: finalResults, coverage } = applyCoverage(results, budgetResult, { ...(args.profile ? { profile: args.profile } : {}), coveredBy, maxFindings: plan.settings.maxFindings }));
  }
  return {
    inputs: plan.inputs,
    files: finalResults,
    problems: plan.problems,
    ...(coverage ? { coverage } : {}),
    ...(budgetResult ? { budgetFile: budgetResult.file } : {}),
  };
}

/** Exit code for the findings. */
export function exitCodeFor(outcome: { readonly files: readonly Pick<FileView, "error" | "report">[] }, failOn: "error" | "warning"): number {
  for (const r of outcome.files) {
    if (r.error) return EXIT_FINDINGS;
    if (r.report.stats.errors > 0 || unmeasurableBlocking(r.report) > 0) return EXIT_FINDINGS;
    if (failOn === "warning" && r.report.stats.warnings > 0) return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

/** The projects and budget lines spooled for a file, with the file named. */
async function spooledItems(dir: string, f: SpooledFile): Promise<{ targets: TargetItem[]; budget: BudgetItem[] }> {
  const targets: TargetItem[] = [];
  const budget: BudgetItem[] = [];
  if (f.targets + f.budgetLines === 0) return { targets, budget };
  for await (const [kind, item] of readLines<SpooledItem>(spoolPaths(dir, f.index).items)) {
    if (kind === "t") targets.push({ ...item, file: f.file });
    else budget.push({ ...item, file: f.file });
  }
  return { targets, budget };
}

/** A spooled batch, finished: the budget list chosen or found, coverage computed, its findings handed out. */
async function finishBatch(args: CheckArgs, io: CliIO, plan: CheckPlan, spooled: readonly SpooledFile[], dir: string): Promise<StreamedBatch> {
  let budget = plan.budgetIndex !== undefined ? spooled[plan.budgetIndex] : undefined;
  if (budget?.error) throw budgetUnreadable(budget.error);
  if (!budget) {
    const lists = spooled.filter((f) => f.role === "target" && f.checked && f.budgetLines > 0 && f.targets === 0);
    budget = lists.length === 1 ? lists[0] : undefined;
    if (budget) usingAsBudget(io, budget.file);
  }
  const max = plan.settings.maxFindings;
  let coverage: CoverageJson | undefined;
  let extras = new Map<string, Issue[]>();
  if (budget?.checked) {
    const targets: TargetItem[] = [];
    const coveredBy: { label: string; items: CoveredItem[] }[] = [];
    for (const [k, f] of spooled.entries()) {
      if (f === budget) continue;
      if (f.role === "target" && f.checked) targets.push(...(await spooledItems(dir, f)).targets);
      // A further list read or not (a list that could not be read covers nothing), but not a path never found.
      else if (f.role === "covered-by" && "job" in plan.entries[k]) {
        const items = await spooledItems(dir, f);
        coveredBy.push({ label: path.basename(f.file), items: coveredItemsOf(f.file, items.targets, items.budget) });
      }
    }
    const budgetItems = (await spooledItems(dir, budget)).budget;
    const cov = coverageByFile(budget.file, budgetItems, targets, coveredBy, new Set(spooled.map((f) => f.file)), args.profile);
    coverage = cov.coverage;
    extras = cov.byFile;
  }
  // Each file's final counts: a coverage finding handed to it is counted and listed as withIssues (batch.ts) does.
  const files: FileView[] = spooled.map((f) => {
    const role: FileRole = f === budget ? "budget" : f.role;
    const extra = extras.get(f.file);
    const view: FileView = { file: f.file, path: f.path, role, ...(f.error ? { error: f.error } : {}), report: f.report, ...(f.truncated ? { truncated: f.truncated } : {}), ...(f.sheets ? { sheets: f.sheets } : {}), summary: f.summary };
    if (!extra || extra.length === 0) return view;
    const stats = countStats(extra);
    const all = { errors: f.report.stats.errors + stats.errors, warnings: f.report.stats.warnings + stats.warnings, infos: f.report.stats.infos + stats.infos };
    const byCode: Record<string, number> = { ...f.report.byCode };
    for (const [code, n] of Object.entries(countByCode(extra))) byCode[code] = (byCode[code] ?? 0) + (n ?? 0);
    const shown = Math.min(max, f.issues + extra.length);
    const total = (f.truncated?.total ?? f.issues) + extra.length;
    const { truncated: _t, ...rest } = view;
    return { ...rest, report: { ...f.report, valid: all.errors === 0, stats: all, byCode: byCode as Report["byCode"] }, ...(total > shown ? { truncated: { shown, total } } : {}) };
  });
  const issues = (k: number): AsyncIterable<Issue> => {
    const f = spooled[k];
    const extra = extras.get(f.file);
    const spool = spoolPaths(dir, f.index).issues;
    if (!extra || extra.length === 0) return f.issues > 0 ? readLines<Issue>(spool) : emptyIssues();
    return (async function* () {
      const base: Issue[] = [];
      if (f.issues > 0) for await (const i of readLines<Issue>(spool)) base.push(i);
      yield* capIssues(sortIssues([...base, ...extra], f.sheetOrder), max);
    })();
  };
  return { files, issues, problems: plan.problems, ...(coverage ? { coverage } : {}), ...(budget ? { budgetFile: budget.file } : {}) };
}

async function* emptyIssues(): AsyncGenerator<Issue> {
  // nothing listed
}

/** Threads for --jobs when not given: the machine's cores (a CliIO may say otherwise, as tests do). */
function defaultJobs(io: CliIO): number {
  return io.jobs ?? availableParallelism();
}

/** `jx check …`: returns the exit code. Each file is spooled once checked; the outputs are written from the spool. */
export async function checkCommand(args: CheckArgs, io: CliIO): Promise<number> {
  const plan = await planCheck(args, io);
  fixHeapGrowth();
  const dir = spoolDir();
  const stopWatching = removeSpoolOnSignal(dir);
  try {
    const progress = progressBar(io, plan.total, args.format === "text" && io.stderrIsTTY && plan.total > 1);
    const jobs = plan.entries.flatMap((e) => ("job" in e ? [e.job] : []));
    const threads = Math.max(1, args.jobs ?? defaultJobs(io));
    // With several threads a file's own progress line would be drawn by several at once: the batch's bar only.
    const settings: CheckSettings = threads > 1 && jobs.length > 1 ? { ...plan.settings, tty: false } : plan.settings;
    const checked = await checkAll(jobs, threads, settings, dir, io, (f) => progress.tick(f.file));
    progress.done();
    const byIndex = new Map(checked.map((f) => [f.index, f]));
    const spooled = plan.entries.map((e, k) => {
      if ("problem" in e) return spoolResult(problemResult(e.problem, e.role), k, dir);
      const f = byIndex.get(k);
      if (!f) throw new Error(`file ${k} was not checked`);
      return f;
    });
    const batch = await finishBatch(args, io, plan, spooled, dir);
    return await writeOutputs(args, io, plan, batch);
  } finally {
    stopWatching();
    removeSpool(dir);
  }
}

async function writeOutputs(args: CheckArgs, io: CliIO, plan: CheckPlan, batch: StreamedBatch): Promise<number> {
  if (batch.files.every((r) => r.error)) {
    // Problems other than skipped files are among the files already (as "not checked"): each is said once.
    for (const p of batch.problems) if (p.code === "skipped") io.stderr(`${termName(p.display)}: ${termValue(p.message, 400)} / ${termValue(p.messageEn, 400)}\n`);
    for (const r of batch.files) {
      if (r.error) io.stderr(`${termName(r.file)}: ${termValue(r.error.message, 400)} / ${termValue(r.error.messageEn, 400)}${r.error.detail ? ` (${termValue(r.error.detail, 400)})` : ""}\n`);
    }
    io.stderr("没有可检查的 .xlsx 或 .csv 文件 / no readable .xlsx or .csv file to check\n");
    return EXIT_CANNOT_RUN;
  }
  if (args.format === "json") await writeJson(batch, io.stdout);
  else if (args.format === "jsonl") await writeJsonl(batch, io.stdout);
  else await writeText(batch, io.stdout);
  if (args.out) {
    const out = path.resolve(io.cwd, args.out);
    const force = args.force === true;
    // The summary rows: each file's counts and verdict; its findings are streamed below.
    const entries: ReportFileEntry[] = batch.files.map((r) => ({
      file: r.file,
      verdict: fileVerdict(r),
      report: { ...r.report, issues: [] },
      department: r.summary.department,
      project: r.summary.project,
      total: r.summary.total,
      grade: r.summary.grade,
      ...(r.error ? { error: { message: r.error.message, messageEn: r.error.messageEn } } : { path: r.path }),
    }));
    const rows = async function* (): AsyncGenerator<ReportIssueRow> {
      for (let k = 0; k < batch.files.length; k++) {
        const f = batch.files[k];
        for await (const issue of batch.issues(k)) yield { entry: entries[k], issue };
        if (f.truncated && !f.error) yield { entry: entries[k], issue: truncationNote(f.truncated, f.file) };
      }
    };
    try {
      await writeOutFile(out, args.out, plan.inputs, force, (tmp) => writeReportStream(tmp, entries, rows, batch.coverage));
    } catch (e) {
      if (e instanceof UsageError) io.stderr(`错误：${termValue(e.messageZh, 1000)}\nerror: ${termValue(e.messageEn, 1000)}\n`);
      else io.stderr(`无法写入报告 ${termName(args.out)} / could not write the report: ${termValue(e instanceof Error ? e.message : String(e), 400)}\n`);
      return EXIT_CANNOT_RUN;
    }
    if (args.format === "text") io.stdout(`\n报告已写入 / report written: ${termName(args.out)}\n`);
    else io.stderr(`报告已写入 / report written: ${termName(args.out)}\n`);
  }
  return exitCodeFor(batch, args.failOn);
}

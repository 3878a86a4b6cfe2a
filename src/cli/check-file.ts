/**
 * One file of `jx check`: read, checked by the engine, and spooled (spool.ts). What the batch keeps of it is a
 * SpooledFile: the verdict's counts, the tables, the summary line and where its findings are; its grid,
 * recognition and findings are gone once it is spooled. Runs on the main thread or in a worker (check-worker.ts).
 */
import { promises as fs } from "fs";
import { performance } from "perf_hooks";
import { checkFileContent, EMPTY_REPORT, fileSummary, type BatchFile, type FileError, type FileRole, type Truncation } from "../file/batch";
import { readInputContent, type InputContent, type InputFile, type InputProblem, type ReadOptions } from "../file/inputs";
import { WorkbookReadError } from "../file/xlsx";
import { displayWidth, fitWidth } from "../file/width";
import type { BudgetItem, TargetItem, WorkbookSummary } from "./engine";
import type { Report, SheetSummary } from "../domain/report";
import type { CliIO } from "./io";
import { LineWriter, spoolPaths } from "./spool";
import { termName } from "./terminal";

/** What happened to one file: the batch's result (src/file/batch.ts) with where it was read and how long it took. */
export interface FileResult extends BatchFile {
  /** Absolute path. */
  readonly path: string;
  /** Milliseconds to read and check. */
  readonly ms: number;
}

/** How one file is read and checked: the options given on the command line, with their defaults (cloneable). */
export interface CheckSettings {
  readonly profile?: string;
  readonly read: Omit<ReadOptions, "onProgress">;
  readonly maxFindings: number;
  readonly progressMinBytes: number;
  /** Whether progress may be drawn at all (stderr is a terminal). */
  readonly tty: boolean;
}

/** A file as every output shows it, without its findings (those are listed from the spool, or held by the caller). */
export interface FileView {
  /** As shown to the user. */
  readonly file: string;
  /** Absolute path (for the report's links). */
  readonly path: string;
  readonly role: FileRole;
  readonly error?: FileError;
  /** The report's verdict, counts and tables; its issues are not here. */
  readonly report: Omit<Report, "issues">;
  readonly truncated?: Truncation;
  /** Each sheet's recognition status (absent when the file could not be read). */
  readonly sheets?: readonly SheetSummary[];
  /** Department, project, total and grade for the summary lines. */
  readonly summary: WorkbookSummary;
}

/** A checked file once spooled: its view, and what the batch needs of it later. */
export interface SpooledFile extends FileView {
  /** Its place in the batch (the order of the output). */
  readonly index: number;
  /** Whether the engine ran on it (it was read). */
  readonly checked: boolean;
  /** The workbook's sheets in order (coverage findings added later are sorted by it). */
  readonly sheetOrder: readonly string[];
  /** Findings spooled (the listed ones: at most --max-findings). */
  readonly issues: number;
  /** Projects and budget lines spooled for coverage. */
  readonly targets: number;
  readonly budgetLines: number;
  readonly ms: number;
}

/** A line of a file's items spool: a project (target) or a budget line. */
export type SpooledItem = readonly ["t", TargetItem] | readonly ["b", BudgetItem];

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

async function sizeOf(file: string): Promise<number> {
  try {
    return (await fs.stat(file)).size;
  } catch {
    return 0; // reading it will say why
  }
}

/** Reads and checks one file; its progress is drawn on `io` when given and stderr is a terminal. */
export async function checkOne(file: InputFile, role: FileRole, settings: CheckSettings, io?: CliIO): Promise<FileResult> {
  const t0 = performance.now();
  const progress = io && settings.tty && (await sizeOf(file.path)) >= settings.progressMinBytes ? fileProgress(io, file.display) : NO_FILE_PROGRESS;
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
  const result = checkFileContent(file.display, role, content.grids, content.notices, { ...(settings.profile ? { profile: settings.profile } : {}), maxFindings: settings.maxFindings });
  progress.end();
  return { ...result, path: file.path, ms: performance.now() - t0 };
}

/** A path that was not checked (not found, refused), as a file result. */
export function problemResult(p: InputProblem, role: FileRole): FileResult {
  return { file: p.display, path: p.path, role, report: { ...EMPTY_REPORT, valid: false }, error: { message: p.message, messageEn: p.messageEn }, ms: 0 };
}

/** A file result as the outputs show it (its findings apart). */
export function viewOf(r: FileResult): FileView {
  const { issues: _issues, ...report } = r.report;
  return {
    file: r.file,
    path: r.path,
    role: r.role,
    ...(r.error ? { error: r.error } : {}),
    report,
    ...(r.truncated ? { truncated: r.truncated } : {}),
    ...(r.check ? { sheets: r.check.sheets } : {}),
    summary: fileSummary(r),
  };
}

/** Writes a file's findings and items to the spool folder `dir`; returns what the batch keeps of it. */
export function spoolResult(r: FileResult, index: number, dir: string): SpooledFile {
  const paths = spoolPaths(dir, index);
  if (r.report.issues.length > 0) {
    const w = new LineWriter(paths.issues);
    for (const i of r.report.issues) w.write(i);
    w.close();
  }
  const targets = r.check?.targets ?? [];
  const budget = r.check?.budget ?? [];
  if (targets.length + budget.length > 0) {
    const w = new LineWriter(paths.items);
    for (const t of targets) w.write(["t", t] satisfies SpooledItem);
    for (const b of budget) w.write(["b", b] satisfies SpooledItem);
    w.close();
  }
  return {
    ...viewOf(r),
    index,
    checked: r.check !== undefined,
    sheetOrder: r.check?.recognitions.map((x) => x.sheet) ?? [],
    issues: r.report.issues.length,
    targets: targets.length,
    budgetLines: budget.length,
    ms: r.ms,
  };
}

/** One file of a batch to check: its place in the output, the file, its role. */
export interface CheckJob {
  readonly index: number;
  readonly file: InputFile;
  readonly role: FileRole;
}

/** Reads, checks and spools one file (on this thread or a worker's). */
export async function checkToSpool(job: CheckJob, settings: CheckSettings, dir: string, io?: CliIO): Promise<SpooledFile> {
  return spoolResult(await checkOne(job.file, job.role, settings, io), job.index, dir);
}

/**
 * The page's batch check, as `jx check` does it for the same files: each file read (the same readers, the same
 * words when one is refused), checked by the engine (src/file/batch.ts, shared with the command line), the budget
 * list chosen or recognized among the files, coverage reconciled and handed to the files, and the report workbook
 * built by the command line's builder. Runs in the page's worker (check.worker.ts); no DOM, no Node.
 */
import type { CoverageJson } from "../../domain/coverage";
import type { Grid } from "../../domain/grid";
import type { SheetSummary } from "../../domain/report";
import { applyCoverage, budgetCoverageVerdict, checkFileContent, failedFile, fileSummary, findBudgetList, reportEntry, type BatchFile, type FileError, type FileNotice, type FileRole, type Truncation } from "../../file/batch";
import { csvTextToGrid, decodeCsvText } from "../../file/csv-grid";
import { loadXlsxContent, webChunkInflater, webInflater, WorkbookReadError, type ExcelJSModule, type XlsxContent, type XlsxProgress } from "../../file/grid-convert";
import { streamXlsxContent } from "../../file/xlsx-stream";
import { emptyFileError, invalidBytesNotice, longTextNotice, OTHER_SPREADSHEETS, READABLE, tooLargeError, unsupportedMessage } from "../../file/input-words";
import { buildReportWorkbook } from "../../file/report-book";
import type { WorkbookSummary } from "../../domain/engine";

/** Largest file read (200 MB), as the command line's default. */
export const PAGE_MAX_FILE_BYTES = 200 * 1024 * 1024;

/** One file handed to the page: chosen (explicit) or found in a dropped folder. */
export interface PageInput {
  /** As shown: the file's name, or its path inside the dropped folder ("samples/预算项目清单.xlsx"). */
  readonly name: string;
  readonly size: number;
  /** True when the user chose it by name (an unknown extension is then refused, not skipped). */
  readonly explicit: boolean;
  /** Reads its bytes (absent when it could not be opened: `problem` says why). */
  readonly read?: () => Promise<Uint8Array>;
  readonly problem?: { readonly message: string; readonly messageEn: string };
}

/** One stage of the batch, for the progress bar. */
export interface BatchProgress {
  /** 0-based index of the file being worked on, of `count`. */
  readonly index: number;
  readonly count: number;
  readonly file: string;
  readonly stage: "reading" | "unzip" | "parse" | "convert" | "checking" | "coverage";
  /** Fraction of the stage done, when known. */
  readonly fraction?: number;
}

export interface RunBatchOptions {
  readonly loadExcel: () => Promise<ExcelJSModule>;
  /** The budget list's name (as in `name`) when the user chose one (--budget); otherwise one is recognized. */
  readonly budget?: string;
  readonly profile?: string;
  readonly maxFileBytes?: number;
  readonly onProgress?: (p: BatchProgress) => void;
  /**
   * Awaited between files, between a file's reading and its check, and after each chunk of an .xlsx sheet: the check
   * on the page's own thread (a page opened from a file, where no worker starts) yields to the browser there.
   */
  readonly pause?: () => Promise<void>;
}

/** What the page shows of one file (the engine's full result stays in the worker). */
export interface PageFile {
  readonly file: string;
  readonly role: FileRole;
  readonly report: BatchFile["report"];
  readonly error?: FileError;
  readonly truncated?: Truncation;
  readonly summary: WorkbookSummary;
  /** Sheets not checked, and why. */
  readonly sheets: readonly SheetSummary[];
  /** The sheets read (for the preview), in order. */
  readonly sheetNames: readonly string[];
  /** A budget list's verdict about coverage (see budgetCoverageVerdict). */
  readonly coverageVerdict?: { readonly gaps: number; readonly kind: "gaps" | "covered" };
}

export interface SkippedFile {
  readonly file: string;
  readonly message: string;
  readonly messageEn: string;
}

export interface PageOutcome {
  readonly files: readonly PageFile[];
  readonly skipped: readonly SkippedFile[];
  readonly coverage?: CoverageJson;
  readonly budgetFile?: string;
  /** True when the budget list was recognized among the files rather than chosen. */
  readonly budgetRecognized: boolean;
}

/** The full result in the worker: what the page sees, the batch files (for the report) and each file's grids. */
export interface BatchRun {
  readonly outcome: PageOutcome;
  readonly files: readonly BatchFile[];
  readonly grids: readonly (readonly Grid[])[];
}

function extensionOf(name: string): string {
  const m = /\.[^./\\]+$/.exec(name);
  return m ? m[0] : "";
}

function baseOf(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? name;
  const ext = extensionOf(last);
  return ext ? last.slice(0, -ext.length) : last;
}

/** Reads one file's bytes into grids with notices, refusing it with the command line's words when it cannot. */
export async function readContent(
  name: string,
  bytes: Uint8Array,
  loadExcel: () => Promise<ExcelJSModule>,
  onProgress?: XlsxProgress,
  pause?: () => Promise<void>,
): Promise<{ grids: Grid[]; notices: FileNotice[] }> {
  if (bytes.length === 0) throw emptyFileError();
  if (READABLE[extensionOf(name).toLowerCase()] === "csv") {
    const { text, encoding, invalid } = decodeCsvText(bytes);
    const { cut, ...grid } = csvTextToGrid(text, baseOf(name) || "CSV");
    return { grids: [grid], notices: [...(invalid ? [invalidBytesNotice(grid, encoding, invalid)] : []), ...(cut ? [longTextNotice(cut)] : [])] };
  }
  const content = await readXlsxBytes(bytes, loadExcel, onProgress, pause);
  return { grids: content.grids, notices: content.cut ? [longTextNotice(content.cut)] : [] };
}

/**
 * An .xlsx read as `jx check` reads it: the one streaming reader (src/file/xlsx-stream.ts, every part in the plain form
 * of xml-normal.ts), with the browser's DecompressionStream as the inflater. A browser without a raw-deflate
 * DecompressionStream (before Chrome 103, Firefox 113, Safari 16.4) reads through ExcelJS instead, as before: the same
 * grids for the XML Excel writes, not for every odd one.
 */
export async function readXlsxBytes(bytes: Uint8Array, loadExcel: () => Promise<ExcelJSModule>, onProgress?: XlsxProgress, pause?: () => Promise<void>): Promise<XlsxContent> {
  const inflateRaw = webInflater();
  const inflateChunks = webChunkInflater();
  const progress = onProgress ? { onProgress } : {};
  if (inflateRaw && inflateChunks) return streamXlsxContent(bytes, { inflateRaw, inflateChunks, ...progress, ...(pause ? { pause } : {}) });
  return loadXlsxContent(await loadExcel(), bytes, progress);
}

function errorOf(e: unknown): FileError {
  if (e instanceof WorkbookReadError) return { message: e.messageZh, messageEn: e.messageEn, ...(e.detail ? { detail: e.detail } : {}) };
  return { message: "无法读取文件", messageEn: "could not read the file", detail: e instanceof Error ? e.message : String(e) };
}

function pageFile(r: BatchFile): PageFile {
  const cv = r.role === "budget" ? budgetCoverageVerdict(r) : undefined;
  return {
    file: r.file,
    role: r.role,
    report: r.report,
    ...(r.error ? { error: r.error } : {}),
    ...(r.truncated ? { truncated: r.truncated } : {}),
    summary: fileSummary(r),
    sheets: r.check?.sheets ?? [],
    sheetNames: [],
    ...(cv ? { coverageVerdict: cv } : {}),
  };
}

/** Checks the files as `jx check <files> [--budget list]` does, in the same order. */
export async function runBatch(inputs: readonly PageInput[], options: RunBatchOptions): Promise<BatchRun> {
  const max = options.maxFileBytes ?? PAGE_MAX_FILE_BYTES;
  const seen = new Set<string>();
  const readable: PageInput[] = [];
  const problems: { input: PageInput; message: string; messageEn: string; skipped: boolean }[] = [];
  for (const input of inputs) {
    if (seen.has(input.name)) continue;
    seen.add(input.name);
    const ext = extensionOf(input.name).toLowerCase();
    if (input.problem) problems.push({ input, ...input.problem, skipped: false });
    else if (READABLE[ext]) readable.push(input);
    else problems.push({ input, ...unsupportedMessage(extensionOf(input.name)), skipped: !input.explicit && !OTHER_SPREADSHEETS.has(ext) });
  }
  const budgetInput = options.budget !== undefined ? readable.find((i) => i.name === options.budget) : undefined;
  const targets = readable.filter((i) => i !== budgetInput);
  const order = budgetInput ? [...targets, budgetInput] : targets;

  const results: BatchFile[] = [];
  const gridsOf = new Map<BatchFile, readonly Grid[]>();
  let k = 0;
  const count = order.length;
  const pause = options.pause ?? (async () => undefined);
  const checkOne = async (input: PageInput, role: FileRole): Promise<BatchFile> => {
    await pause();
    const index = k++;
    const say = (stage: BatchProgress["stage"], fraction?: number): void => options.onProgress?.({ index, count, file: input.name, stage, ...(fraction !== undefined ? { fraction } : {}) });
    say("reading");
    let content: { grids: Grid[]; notices: FileNotice[] };
    try {
      if (input.size > max) throw tooLargeError(input.size, max);
      if (!input.read) throw new WorkbookReadError("无法打开文件", "could not open the file", undefined, "unreadable");
      const bytes = await input.read();
      if (bytes.length > max) throw tooLargeError(bytes.length, max);
      content = await readContent(input.name, bytes, options.loadExcel, (stage, done, total) => say(stage, total > 0 ? done / total : undefined), options.pause);
    } catch (e) {
      return failedFile(input.name, role, errorOf(e));
    }
    say("checking");
    await pause();
    const r = checkFileContent(input.name, role, content.grids, content.notices, options.profile ? { profile: options.profile } : {});
    gridsOf.set(r, content.grids);
    return r;
  };
  for (const input of targets) results.push(await checkOne(input, "target"));
  for (const p of problems) if (!p.skipped) results.push(failedFile(p.input.name, "target", { message: p.message, messageEn: p.messageEn }));
  let budgetResult: BatchFile | undefined;
  if (budgetInput) {
    budgetResult = await checkOne(budgetInput, "budget");
    results.push(budgetResult);
  }
  const recognized = !budgetResult;
  budgetResult ??= findBudgetList(results);

  let files = results;
  let coverage: CoverageJson | undefined;
  if (budgetResult?.check) {
    options.onProgress?.({ index: count - 1, count, file: budgetResult.file, stage: "coverage" });
    await pause();
    ({ files, coverage } = applyCoverage(results, budgetResult, options.profile ? { profile: options.profile } : {}));
  }
  // The engine's grids of each file, matched through the results before coverage replaced them.
  const grids = results.map((r) => gridsOf.get(r) ?? []);
  const outcome: PageOutcome = {
    files: files.map((r, i) => ({ ...pageFile(r), sheetNames: grids[i].map((g) => g.sheet) })),
    skipped: problems.filter((p) => p.skipped).map((p) => ({ file: p.input.name, message: p.message, messageEn: p.messageEn })),
    ...(coverage ? { coverage } : {}),
    ...(budgetResult?.check ? { budgetFile: budgetResult.file } : {}),
    budgetRecognized: recognized && budgetResult !== undefined,
  };
  return { outcome, files, grids };
}

/** The report workbook of a batch: the one `jx check --out` writes for the same files (without file links). */
export async function batchReportBytes(run: Pick<BatchRun, "files" | "outcome">, loadExcel: () => Promise<ExcelJSModule>): Promise<Uint8Array> {
  return buildReportWorkbook(await loadExcel(), run.files.map(reportEntry), run.outcome.coverage);
}

/**
 * What to check: files and folders from the command line → workbook files, each classified by extension.
 * Folders are walked recursively in sorted order; Office lock files (~$…) and hidden files are skipped.
 * Formats the engine cannot read are refused with a bilingual message saying what to do; nothing is skipped
 * silently, and one bad file or folder (no permission, a broken link) never stops the batch.
 *
 * Only regular files are read: a device (/dev/zero), a FIFO or a socket would be read forever or block, so they
 * are refused by their type before any read, and so is a file above the size limit.
 */
import { constants as fsConstants, promises as fs } from "fs";
import * as path from "path";
import { say } from "../domain/catalog";
import { a1, type Grid } from "../domain/grid";
import { invalidBytesMessage, readCsv } from "./csv";
import { readXlsxContent, WorkbookReadError, type XlsxContent, type XlsxLimits, type XlsxProgress } from "./xlsx";

export type InputKind = "xlsx" | "csv";

export interface InputFile {
  /** Absolute path. */
  readonly path: string;
  /** The path as the user would recognise it (relative to the working directory when inside it). */
  readonly display: string;
  readonly kind: InputKind;
}

/** A path that was not checked, and why. */
export interface InputProblem {
  readonly path: string;
  readonly display: string;
  /**
   * not-found: no such path; unsupported: a spreadsheet format we cannot read; skipped: not a spreadsheet (inside a
   * folder); unreadable: a file or folder we may not open (permission, broken link); not-regular: a device, FIFO or
   * socket.
   */
  readonly code: "not-found" | "unsupported" | "skipped" | "unreadable" | "not-regular";
  readonly message: string;
  readonly messageEn: string;
}

export interface ExpandedInputs {
  readonly files: readonly InputFile[];
  readonly problems: readonly InputProblem[];
}

const READABLE: Readonly<Record<string, InputKind>> = { ".xlsx": "xlsx", ".xlsm": "xlsx", ".csv": "csv" };

/** Spreadsheet formats people will hand us that we cannot read, with the advice to give. */
const OTHER_SPREADSHEETS: ReadonlySet<string> = new Set([".xls", ".xlsb", ".et", ".ett", ".ods", ".numbers", ".xlt", ".xltx", ".wps"]);

/** Bilingual refusal for a file extension we do not read. */
export function unsupportedMessage(ext: string): { message: string; messageEn: string } {
  const e = ext || "(无扩展名)";
  const eEn = ext || "(no extension)";
  if (OTHER_SPREADSHEETS.has(ext.toLowerCase())) {
    return {
      message: `不支持 ${e} 格式，请在 Excel 或 WPS 中另存为 .xlsx`,
      messageEn: `${eEn} is not supported: save it as .xlsx in Excel or WPS`,
    };
  }
  return {
    message: `不是电子表格文件（${e}），只能检查 .xlsx、.xlsm 和 .csv`,
    messageEn: `not a spreadsheet (${eEn}): only .xlsx, .xlsm and .csv can be checked`,
  };
}

/** Refusal of anything but a regular file (devices, FIFOs, sockets), before any read. */
export const NOT_REGULAR_MESSAGE = {
  message: "不是普通文件（设备、管道或套接字），不会读取",
  messageEn: "not a regular file (a device, pipe or socket): not read",
} as const;

/** Why a path could not be opened, from its error code, in both languages. */
export function accessReason(e: unknown): { zh: string; en: string } {
  const code = typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : "";
  switch (code) {
    case "EACCES":
    case "EPERM":
      return { zh: `没有权限，${code}`, en: `no permission, ${code}` };
    case "ENOENT":
      return { zh: "链接失效或已被删除，ENOENT", en: "a broken link or removed, ENOENT" };
    case "ELOOP":
      return { zh: "链接循环，ELOOP", en: "a link loop, ELOOP" };
    case "EIO":
      return { zh: "读写错误，EIO", en: "an I/O error, EIO" };
    default:
      return code ? { zh: code, en: code } : { zh: "原因不明", en: "unknown reason" };
  }
}

function displayOf(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel.split(path.sep).join("/") : abs;
}

function isHiddenOrLock(name: string): boolean {
  return name.startsWith("~$") || name.startsWith(".");
}

/** Expands the given files and folders into workbook files (deduplicated, in the order given, folders sorted). */
export async function expandInputs(args: readonly string[], cwd: string = process.cwd()): Promise<ExpandedInputs> {
  const files: InputFile[] = [];
  const problems: InputProblem[] = [];
  const seen = new Set<string>();

  const first = (abs: string): boolean => {
    if (seen.has(abs)) return false;
    seen.add(abs);
    return true;
  };

  const addFile = (abs: string, explicit: boolean): void => {
    if (!first(abs)) return;
    const ext = path.extname(abs).toLowerCase();
    const kind = READABLE[ext];
    const display = displayOf(abs, cwd);
    if (kind) {
      files.push({ path: abs, display, kind });
      return;
    }
    const { message, messageEn } = unsupportedMessage(path.extname(abs));
    const code = explicit || OTHER_SPREADSHEETS.has(ext) ? "unsupported" : "skipped";
    problems.push({ path: abs, display, code, message, messageEn });
  };

  /** A spreadsheet-looking name (or one the user gave) gets a problem of its own; anything else is listed as skipped. */
  const wanted = (abs: string, explicit: boolean): boolean => {
    const ext = path.extname(abs).toLowerCase();
    return explicit || READABLE[ext] !== undefined || OTHER_SPREADSHEETS.has(ext);
  };

  const addSpecial = (abs: string, explicit: boolean, display = displayOf(abs, cwd)): void => {
    if (!first(abs)) return;
    problems.push({ path: abs, display, code: wanted(abs, explicit) ? "not-regular" : "skipped", ...NOT_REGULAR_MESSAGE });
  };

  const addUnreadable = (abs: string, explicit: boolean, folder: boolean, e: unknown, display = displayOf(abs, cwd)): void => {
    if (!first(abs)) return;
    const why = accessReason(e);
    problems.push({
      path: abs,
      display,
      code: folder || wanted(abs, explicit) ? "unreadable" : "skipped",
      message: folder ? `无法读取文件夹（${why.zh}），其中的文件未检查` : `无法打开（${why.zh}）`,
      messageEn: folder ? `could not read the folder (${why.en}): its files were not checked` : `could not open (${why.en})`,
    });
  };

  const walk = async (dir: string, display?: string): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (e) {
      addUnreadable(dir, true, true, e, display);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const ent of entries) {
      if (isHiddenOrLock(ent.name)) continue;
      const abs = path.join(dir, ent.name);
      if (ent.isDirectory()) await walk(abs);
      else if (ent.isFile()) addFile(abs, false);
      else {
        // A link, a special file, or a file system that does not tell the type: ask stat (which follows links).
        let st;
        try {
          st = await fs.stat(abs);
        } catch (e) {
          addUnreadable(abs, false, false, e);
          continue;
        }
        if (st.isFile()) addFile(abs, false);
        else if (st.isDirectory()) {
          // Links to folders are not followed: a link to / or to a parent would walk without end.
          if (first(abs)) {
            problems.push({ path: abs, display: displayOf(abs, cwd), code: "skipped", message: "指向文件夹的链接，未进入", messageEn: "a link to a folder: not followed" });
          }
        } else addSpecial(abs, false);
      }
    }
  };

  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    let st;
    try {
      st = await fs.stat(abs);
    } catch (e) {
      const code = typeof e === "object" && e !== null && "code" in e ? (e as { code: unknown }).code : undefined;
      if (code === "ENOENT" || code === "ENOTDIR") {
        problems.push({ path: abs, display: arg, code: "not-found", message: `找不到文件或文件夹：${arg}`, messageEn: `no such file or folder: ${arg}` });
      } else addUnreadable(abs, true, false, e, arg);
      continue;
    }
    if (st.isDirectory()) await walk(abs, arg);
    else if (st.isFile()) addFile(abs, true);
    else addSpecial(abs, true, arg);
  }
  return { files, problems };
}

/** Largest file read by default (200 MB): far above any real table, and bounded memory for any input. */
export const DEFAULT_MAX_FILE_BYTES = 200 * 1024 * 1024;

export interface ReadOptions {
  /** Files larger than this are refused before any read (default DEFAULT_MAX_FILE_BYTES). */
  readonly maxBytes?: number;
  /** Limits on reading an .xlsx (inflated sizes, cells, merges, text length); each defaults to DEFAULT_XLSX_LIMITS. */
  readonly xlsxLimits?: Partial<XlsxLimits>;
  /** Told how reading an .xlsx goes (for a progress bar). */
  readonly onProgress?: XlsxProgress;
}

/** A size for people: "200 MB", "8.5 KB", "12 bytes" (one decimal below 10, so 200 MB + 1 byte reads "200 MB"). */
export function sizeText(n: number): string {
  const round = (x: number): string => String(x >= 10 ? Math.round(x) : Math.round(x * 10) / 10);
  if (n >= 1024 * 1024) return `${round(n / (1024 * 1024))} MB`;
  if (n >= 1024) return `${round(n / 1024)} KB`;
  return `${n} bytes`;
}

function tooLarge(size: number, max: number): WorkbookReadError {
  return new WorkbookReadError(
    `文件过大（${sizeText(size)}），超过上限 ${sizeText(max)}，未读取；确需检查时可用 --max-size 提高上限`,
    `the file is too large (${sizeText(size)}, limit ${sizeText(max)}) and was not read: raise the limit with --max-size if you must check it`,
    undefined,
    "unreadable",
  );
}

function cannotOpen(e: unknown): WorkbookReadError {
  const why = accessReason(e);
  return new WorkbookReadError(
    `无法打开文件（可能被占用或没有权限：${why.zh}）`,
    `could not open the file (in use or no permission: ${why.en})`,
    e instanceof Error ? e.message : String(e),
    "unreadable",
  );
}

/**
 * Reads a regular file whole, refusing devices, FIFOs, sockets and files above `maxBytes` before reading a byte.
 * Opened non-blocking, so a path swapped for a FIFO after the check cannot hang the open; the type and size are
 * checked again on the open handle.
 */
export async function readRegularFile(file: string, maxBytes: number = DEFAULT_MAX_FILE_BYTES): Promise<Buffer> {
  let st;
  try {
    st = await fs.stat(file);
  } catch (e) {
    throw cannotOpen(e);
  }
  if (!st.isFile()) throw new WorkbookReadError(NOT_REGULAR_MESSAGE.message, NOT_REGULAR_MESSAGE.messageEn, undefined, "unreadable");
  if (st.size > maxBytes) throw tooLarge(st.size, maxBytes);
  let handle;
  try {
    handle = await fs.open(file, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw cannotOpen(e);
  }
  try {
    const hs = await handle.stat();
    if (!hs.isFile()) throw new WorkbookReadError(NOT_REGULAR_MESSAGE.message, NOT_REGULAR_MESSAGE.messageEn, undefined, "unreadable");
    if (hs.size > maxBytes) throw tooLarge(hs.size, maxBytes);
    // Exactly the size stat gave: a file that grows while we read is read as it was (never past the limit).
    const buf = Buffer.alloc(hs.size);
    let got = 0;
    while (got < buf.length) {
      const { bytesRead } = await handle.read(buf, got, buf.length - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return got === buf.length ? buf : buf.subarray(0, got);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    throw cannotOpen(e);
  } finally {
    await handle.close();
  }
}

/**
 * A finding about the file itself rather than its tables (bytes that did not decode), in the shape of the
 * engine's issues so hosts can list it beside them. Its code is the file reader's, not the engine catalog's.
 */
export interface InputNotice {
  /** file.invalid-bytes: bytes that did not decode (CSV); file.long-text: cell text cut to Excel's limit (.xlsx). */
  readonly code: "file.invalid-bytes" | "file.long-text";
  readonly severity: "warning";
  readonly sheet: string;
  /** The first cell showing a replaced byte (A1 when none does). */
  readonly cell: string;
  readonly value: string;
  readonly message: string;
  readonly messageEn: string;
  readonly source: string;
}

/** What was read from one input: its grids, and notices about the file. */
export interface InputContent {
  readonly grids: Grid[];
  readonly notices: readonly InputNotice[];
}

/** The first cell whose text holds U+FFFD (where a byte did not decode). */
function replacedCell(grid: Grid): { cell: string; value: string } {
  for (let r = 0; r < grid.values.length; r++) {
    const row = grid.values[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === "string" && v.includes("\uFFFD")) return { cell: a1(grid.top + r, grid.left + c), value: v };
    }
  }
  return { cell: "A1", value: "" };
}

/** Reads one input into grids, with notices about the file. Throws WorkbookReadError with a bilingual message when it cannot. */
export async function readInputContent(file: InputFile, options: ReadOptions = {}): Promise<InputContent> {
  const bytes = await readRegularFile(file.path, options.maxBytes ?? DEFAULT_MAX_FILE_BYTES);
  if (bytes.length === 0) throw new WorkbookReadError("文件为空（0 字节）", "the file is empty (0 bytes)", undefined, "empty");
  if (file.kind === "csv") {
    const grid = await readCsv(bytes, path.basename(file.path, path.extname(file.path)));
    const notices: InputNotice[] = [];
    if (grid.invalid) {
      notices.push({
        code: "file.invalid-bytes",
        severity: "warning",
        sheet: grid.sheet,
        ...replacedCell(grid),
        ...invalidBytesMessage(grid.encoding, grid.invalid),
        source: "practice: CSV 应为 UTF-8 或 GB18030/GBK 编码 / a CSV is UTF-8 or GB18030/GBK text",
      });
    }
    const { encoding: _encoding, invalid: _invalid, ...plain } = grid;
    return { grids: [plain], notices };
  }
  const content = await readXlsxContent(bytes, { ...(options.xlsxLimits ? { limits: options.xlsxLimits } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  return { grids: content.grids, notices: content.cut ? [longTextNotice(content.cut)] : [] };
}

/** The warning for cells whose text was cut to the limit: how many, and the first with its length. */
export function longTextNotice(cut: NonNullable<XlsxContent["cut"]>): InputNotice {
  const { first, count } = cut;
  return {
    ...say("file.long-text", "cut", { count, cell: first.cell, length: first.length }),
    severity: "warning",
    sheet: first.sheet,
    cell: first.cell,
    value: "",
    source: "practice: Excel 单元格最多 32767 个字符 / an Excel cell holds at most 32,767 characters",
  };
}

/** Reads one input into grids. Throws WorkbookReadError with a bilingual message when it cannot. */
export async function readInput(file: InputFile, options: ReadOptions = {}): Promise<Grid[]> {
  return (await readInputContent(file, options)).grids;
}

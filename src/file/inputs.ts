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
import type { Grid } from "../domain/grid";
import type { FileNotice } from "./batch";
import { readCsv } from "./csv";
import { emptyFileError, invalidBytesNotice, longTextNotice, OTHER_SPREADSHEETS, READABLE, tooLargeError, unsupportedMessage } from "./input-words";
import { readXlsxContent, WorkbookReadError, type XlsxLimits, type XlsxProgress } from "./xlsx";

export { longTextNotice, sizeText, unsupportedMessage } from "./input-words";

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

/**
 * The most --max-size may be, in MB (500). A file is read whole into one buffer and a CSV's text must fit one
 * string, which V8 caps at 536,870,888 characters; each character takes at least one byte, so every CSV up to this
 * size decodes, and an .xlsx this large is already past the fixed inflated limits. Beyond 2 GiB Node's read aborts
 * the process, beyond 4 GiB the buffer cannot be made: no limit may reach there.
 */
export const MAX_FILE_MB = 500;

/** MAX_FILE_MB in bytes: no caller's limit reads more. */
export const MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024;

export interface ReadOptions {
  /** Files larger than this are refused before any read (default DEFAULT_MAX_FILE_BYTES). */
  readonly maxBytes?: number;
  /** Limits on reading an .xlsx (inflated sizes, cells, merges, text length); each defaults to DEFAULT_XLSX_LIMITS. */
  readonly xlsxLimits?: Partial<XlsxLimits>;
  /** Told how reading an .xlsx goes (for a progress bar). */
  readonly onProgress?: XlsxProgress;
}

function tooLarge(size: number, max: number): WorkbookReadError {
  // At the ceiling there is no higher limit to suggest.
  if (max >= MAX_FILE_BYTES) return tooLargeError(size, max);
  return tooLargeError(size, max, { zh: "确需检查时可用 --max-size 提高上限", en: "raise the limit with --max-size if you must check it" });
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
 * Reads a regular file whole, refusing devices, FIFOs, sockets and files above `maxBytes` (never more than
 * MAX_FILE_BYTES) before reading a byte.
 * Opened non-blocking, so a path swapped for a FIFO after the check cannot hang the open; the type and size are
 * checked again on the open handle.
 */
export async function readRegularFile(file: string, limit: number = DEFAULT_MAX_FILE_BYTES): Promise<Buffer> {
  const maxBytes = Math.min(limit, MAX_FILE_BYTES);
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
 * A finding about the file itself rather than its tables (bytes that did not decode, text cut), in the shape of the
 * engine's issues so hosts can list it beside them. Its code is the file reader's, not the engine catalog's.
 */
export type InputNotice = FileNotice;

/** What was read from one input: its grids, and notices about the file. */
export interface InputContent {
  readonly grids: Grid[];
  readonly notices: readonly InputNotice[];
}

/** Reads one input into grids, with notices about the file. Throws WorkbookReadError with a bilingual message when it cannot. */
export async function readInputContent(file: InputFile, options: ReadOptions = {}): Promise<InputContent> {
  const bytes = await readRegularFile(file.path, options.maxBytes ?? DEFAULT_MAX_FILE_BYTES);
  if (bytes.length === 0) throw emptyFileError();
  if (file.kind === "csv") {
    // The workbook cell limit (--max-cells) bounds a CSV too.
    const maxCells = options.xlsxLimits?.maxCells;
    const grid = await readCsv(bytes, path.basename(file.path, path.extname(file.path)), maxCells !== undefined ? { maxCells } : {});
    const notices: InputNotice[] = grid.invalid ? [invalidBytesNotice(grid, grid.encoding, grid.invalid)] : [];
    if (grid.cut) notices.push(longTextNotice(grid.cut));
    const { encoding: _encoding, invalid: _invalid, cut: _cut, ...plain } = grid;
    return { grids: [plain], notices };
  }
  const content = await readXlsxContent(bytes, { ...(options.xlsxLimits ? { limits: options.xlsxLimits } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  return { grids: content.grids, notices: content.cut ? [longTextNotice(content.cut)] : [] };
}

/** Reads one input into grids. Throws WorkbookReadError with a bilingual message when it cannot. */
export async function readInput(file: InputFile, options: ReadOptions = {}): Promise<Grid[]> {
  return (await readInputContent(file, options)).grids;
}

/**
 * What to check: files and folders from the command line → workbook files, each classified by extension.
 * Folders are walked recursively in sorted order; Office lock files (~$…) and hidden files are skipped.
 * Formats the engine cannot read are refused with a bilingual message saying what to do; nothing is skipped
 * silently, and one bad file never stops the batch.
 */
import { promises as fs } from "fs";
import * as path from "path";
import type { Grid } from "../domain/grid";
import { readCsv } from "./csv";
import { readXlsx, WorkbookReadError } from "./xlsx";

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
  /** not-found: no such path; unsupported: a spreadsheet format we cannot read; skipped: not a spreadsheet (inside a folder). */
  readonly code: "not-found" | "unsupported" | "skipped";
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

  const addFile = (abs: string, explicit: boolean): void => {
    if (seen.has(abs)) return;
    seen.add(abs);
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

  const walk = async (dir: string): Promise<void> => {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const ent of entries) {
      if (isHiddenOrLock(ent.name)) continue;
      const abs = path.join(dir, ent.name);
      if (ent.isDirectory()) await walk(abs);
      else if (ent.isFile()) addFile(abs, false);
      else if (ent.isSymbolicLink()) {
        const st = await fs.stat(abs).catch(() => undefined);
        if (st?.isFile()) addFile(abs, false);
      }
    }
  };

  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    const st = await fs.stat(abs).catch(() => undefined);
    if (!st) {
      problems.push({
        path: abs,
        display: arg,
        code: "not-found",
        message: `找不到文件或文件夹：${arg}`,
        messageEn: `no such file or folder: ${arg}`,
      });
    } else if (st.isDirectory()) await walk(abs);
    else addFile(abs, true);
  }
  return { files, problems };
}

/** Reads one input into grids. Throws WorkbookReadError with a bilingual message when it cannot. */
export async function readInput(file: InputFile): Promise<Grid[]> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file.path);
  } catch (e) {
    throw new WorkbookReadError("无法打开文件（可能被占用或没有权限）", "could not open the file (in use or no permission)", e instanceof Error ? e.message : String(e));
  }
  if (bytes.length === 0) throw new WorkbookReadError("文件为空（0 字节）", "the file is empty (0 bytes)");
  if (file.kind === "csv") {
    const grid = await readCsv(bytes, path.basename(file.path, path.extname(file.path)));
    return [grid];
  }
  return readXlsx(bytes);
}

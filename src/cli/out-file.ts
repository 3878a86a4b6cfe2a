/**
 * Where `--out` may write, and the write itself. The report must never replace a user's file by accident:
 * - never an input, compared by what the file is (real path, device + inode), not by the name given, so a symlink
 *   or a hard link to an input, or an input given through a symlink, is caught;
 * - never an existing file unless `--force`, never a folder, device or FIFO;
 * - written to a temporary file beside it first and then moved into place, so no existing file's contents are
 *   ever written over (a hard link's other names keep the old contents) and a failed write leaves nothing behind;
 * - a run ended by a signal while the report is written (Ctrl-C, kill, the terminal closed) removes that temporary
 *   file before it ends.
 */
import { constants as fsConstants, lstatSync, promises as fs, realpathSync, rmSync, statSync } from "fs";
import { constants as osConstants } from "os";
import * as path from "path";
import { UsageError } from "./io";

/** A file the check reads (its path and the name the user knows it by). */
export interface ReadPath {
  readonly path: string;
  readonly display: string;
}

interface Identity {
  readonly real: string;
  readonly dev: number;
  readonly ino: number;
}

function identityOf(p: string): Identity | undefined {
  try {
    const st = statSync(p);
    return { real: realpathSync(p), dev: st.dev, ino: st.ino };
  } catch {
    return undefined;
  }
}

const CASE_INSENSITIVE = process.platform === "win32" || process.platform === "darwin";

function samePath(a: string, b: string): boolean {
  return CASE_INSENSITIVE ? a.toLowerCase() === b.toLowerCase() : a === b;
}

function sameFile(a: Identity, b: Identity): boolean {
  // Some file systems report inode 0 for every file: the real path decides there.
  return samePath(a.real, b.real) || (a.ino !== 0 && a.dev === b.dev && a.ino === b.ino);
}

/** The input `out` would replace, if any (same real path, or same device and inode). */
export function inputAt(out: string, inputs: readonly ReadPath[]): ReadPath | undefined {
  const target = identityOf(out);
  for (const input of inputs) {
    if (samePath(path.resolve(input.path), out)) return input;
    if (!target) continue;
    const id = identityOf(input.path);
    if (id && sameFile(id, target)) return input;
  }
  return undefined;
}

function refuseInput(outArg: string, input: ReadPath): UsageError {
  return new UsageError(
    `--out 不能是被检查的文件：${outArg} 与输入 ${input.display} 是同一个文件（同一路径、链接或硬链接），输入文件绝不会被改写`,
    `--out must not be one of the inputs: ${outArg} is the same file as ${input.display} (the same path, a link or a hard link); inputs are never overwritten`,
  );
}

function refuseExisting(outArg: string): UsageError {
  return new UsageError(`--out 的文件已存在：${outArg}；如要覆盖，请加 --force`, `--out file already exists: ${outArg}: add --force to overwrite it`);
}

/**
 * Checks `--out` before any work; returns its absolute path. Throws UsageError (exit 2, nothing written) for a name
 * that is not .xlsx, a missing folder, a folder or special file, an input, or an existing file without `force`.
 */
export function checkOutPath(outArg: string, cwd: string, inputs: readonly ReadPath[], force: boolean): string {
  const out = path.resolve(cwd, outArg);
  if (!/\.xlsx$/i.test(out)) throw new UsageError("--out 的报告文件必须以 .xlsx 结尾", "--out must name an .xlsx file");
  const dir = path.dirname(out);
  let dirOk = false;
  try {
    dirOk = statSync(dir).isDirectory();
  } catch {
    dirOk = false;
  }
  if (!dirOk) throw new UsageError(`--out 的文件夹不存在：${path.dirname(outArg)}`, `--out folder does not exist: ${path.dirname(outArg)}`);
  const input = inputAt(out, inputs);
  if (input) throw refuseInput(outArg, input);
  let exists = false;
  try {
    lstatSync(out);
    exists = true;
  } catch {
    exists = false;
  }
  if (!exists) return out;
  let st;
  try {
    st = statSync(out);
  } catch {
    st = undefined; // a broken link: --force replaces the link itself, never what it once pointed at
  }
  if (st?.isDirectory()) throw new UsageError(`--out 是一个文件夹：${outArg}`, `--out is a folder: ${outArg}`);
  if (st && !st.isFile()) throw new UsageError(`--out 不是普通文件（设备、管道或套接字）：${outArg}`, `--out is not a regular file (a device, pipe or socket): ${outArg}`);
  if (!force) throw refuseExisting(outArg);
  return out;
}

function errorCode(e: unknown): string | undefined {
  return typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : undefined;
}

/** Signals that end a run from outside: Ctrl-C, kill (the default), the terminal closed. */
const ENDING_SIGNALS: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/**
/**
 * While `tmp` may exist, a signal that would end the process removes it first (synchronously: nothing runs after),
 * says so unless the report was already in place, and then ends the process by the same signal, as it would have
 * ended without us. Returns the function that stops watching. (A target half-copied where hard links are not
 * allowed is not removed: it cannot be told from a file someone else put there meanwhile.)
 */
function removeOnSignal(tmp: string, placed: () => boolean): () => void {
  const onSignal = (signal: NodeJS.Signals): void => {
    stop();
    try {
      rmSync(tmp, { force: true });
    } catch {
      // ending anyway: nothing more can be done
    }
    if (!placed()) process.stderr.write("\n已中断，报告未写出 / interrupted: the report was not written\n");
    try {
      process.kill(process.pid, signal);
    } catch {
      // Where a signal cannot be sent to oneself (Windows knows only a few), the shell's code for it.
      process.exit(128 + (osConstants.signals[signal] ?? 2));
    }
  };
  const stop = (): void => {
    for (const s of ENDING_SIGNALS) process.removeListener(s, onSignal);
  };
  for (const s of ENDING_SIGNALS) process.on(s, onSignal);
  return stop;
}

/**
 * Writes `out` through `write(tmp)` on a temporary file in the same folder (so links in the report stay
 * relative to it), then moves it into place: renamed over an existing file with `force`, else created only if
 * nothing appeared there meanwhile. The inputs are checked again just before the move.
 */
export async function writeOutFile(out: string, outArg: string, inputs: readonly ReadPath[], force: boolean, write: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let placed = false;
  const stopWatching = removeOnSignal(tmp, () => placed);
  try {
    await write(tmp);
    const input = inputAt(out, inputs);
    if (input) throw refuseInput(outArg, input);
    if (force) {
      await fs.rename(tmp, out);
      placed = true;
      return;
    }
    try {
      // A hard link creates the name only if it is free (atomically); copying with COPYFILE_EXCL where links are not allowed.
      await fs.link(tmp, out);
      placed = true;
    } catch (e) {
      if (errorCode(e) === "EEXIST") throw refuseExisting(outArg);
      try {
        await fs.copyFile(tmp, out, fsConstants.COPYFILE_EXCL);
        placed = true;
      } catch (e2) {
        if (errorCode(e2) === "EEXIST") throw refuseExisting(outArg);
        throw e2;
      }
    }
  } finally {
    await fs.rm(tmp, { force: true });
    stopWatching();
  }
}

/**
 * Files dropped or chosen in the page → the list the batch checks, in the order `jx check <folder>` walks a folder:
 * each folder's entries sorted by name, folders entered where they sort, hidden files and Office lock files (~$…)
 * left out. A dropped folder is walked through the File System entries API (DataTransferItem.webkitGetAsEntry);
 * a folder chosen with <input webkitdirectory> arrives flat, each file with its path inside the folder.
 */
import type { WorkerInput } from "./protocol";

/** The parts of a FileSystemEntry the walk uses (the DOM's FileSystemEntry fits; tests hand in plain objects). */
export interface EntryLike {
  readonly isFile: boolean;
  readonly isDirectory: boolean;
  readonly name: string;
  readonly fullPath: string;
  file?(ok: (f: File) => void, fail?: (e: unknown) => void): void;
  createReader?(): { readEntries(ok: (entries: EntryLike[]) => void, fail?: (e: unknown) => void): void };
}

function hiddenOrLock(name: string): boolean {
  return name.startsWith("~$") || name.startsWith(".");
}

/** Code-unit order, as the command line sorts a folder's entries. */
function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Path order of the walk: segment by segment. */
export function comparePaths(a: string, b: string): number {
  const x = a.split("/");
  const y = b.split("/");
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const c = byName(x[i], y[i]);
    if (c !== 0) return c;
  }
  return x.length - y.length;
}

function problemText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

async function readAll(dir: EntryLike): Promise<EntryLike[]> {
  const reader = dir.createReader?.();
  if (!reader) return [];
  const out: EntryLike[] = [];
  // readEntries hands over a batch at a time (100 in Chromium) until it returns an empty one.
  for (;;) {
    const batch = await new Promise<EntryLike[]>((ok, fail) => reader.readEntries(ok, fail));
    if (batch.length === 0) return out;
    out.push(...batch);
  }
}

function fileOf(entry: EntryLike): Promise<File> {
  return new Promise<File>((ok, fail) => {
    if (!entry.file) fail(new Error("not a file"));
    else entry.file(ok, fail);
  });
}

const displayOf = (entry: EntryLike): string => entry.fullPath.replace(/^\/+/, "") || entry.name;

/** Walks dropped entries (files given at the top level are explicit; a folder's files are not). */
export async function walkEntries(entries: readonly EntryLike[]): Promise<WorkerInput[]> {
  const out: WorkerInput[] = [];
  const visit = async (entry: EntryLike, explicit: boolean): Promise<void> => {
    if (entry.isDirectory) {
      let children: EntryLike[];
      try {
        children = await readAll(entry);
      } catch (e) {
        out.push({
          name: displayOf(entry),
          explicit: true,
          problem: { message: `无法读取文件夹（${problemText(e)}），其中的文件未检查`, messageEn: `could not read the folder (${problemText(e)}): its files were not checked` },
        });
        return;
      }
      children.sort((a, b) => byName(a.name, b.name));
      for (const c of children) if (!hiddenOrLock(c.name)) await visit(c, false);
      return;
    }
    if (!entry.isFile) return;
    try {
      out.push({ name: displayOf(entry), explicit, file: await fileOf(entry) });
    } catch (e) {
      out.push({ name: displayOf(entry), explicit, problem: { message: `无法打开（${problemText(e)}）`, messageEn: `could not open (${problemText(e)})` } });
    }
  };
  for (const e of entries) await visit(e, true);
  return out;
}

/** What a drop holds: entries when the browser gives them (folders walked), else its plain files. */
export async function inputsFromDrop(dt: DataTransfer): Promise<WorkerInput[]> {
  const entries: EntryLike[] = [];
  for (const item of Array.from(dt.items ?? [])) {
    if (item.kind !== "file") continue;
    const entry = typeof item.webkitGetAsEntry === "function" ? (item.webkitGetAsEntry() as EntryLike | null) : null;
    if (entry) entries.push(entry);
  }
  if (entries.length > 0) return walkEntries(entries);
  return inputsFromFiles(Array.from(dt.files ?? []), true);
}

/**
 * Files from an <input type=file> (multiple, or webkitdirectory: then each has its path inside the folder and they
 * are put in the walk's order, hidden and lock files left out).
 */
export function inputsFromFiles(files: readonly File[], explicit: boolean): WorkerInput[] {
  const withPath = files.map((f) => ({ f, path: f.webkitRelativePath || f.name }));
  const inFolder = withPath.some((x) => x.path.includes("/"));
  if (!inFolder) return withPath.map(({ f, path }) => ({ name: path, explicit, file: f }));
  return withPath
    .filter((x) => !x.path.split("/").some(hiddenOrLock))
    .sort((a, b) => comparePaths(a.path, b.path))
    .map(({ f, path }) => ({ name: path, explicit: explicit && !path.includes("/"), file: f }));
}

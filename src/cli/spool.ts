/**
 * The batch's spool: each checked file's findings (and its projects and budget lines, for coverage) written to a
 * temporary folder as JSON lines as soon as the file is checked, so that its grid and recognition can go and the
 * batch holds one small record per file. The output is then written from the spool in the files' order. The
 * folder is the system's temporary folder, never beside an input; it is removed when the run ends.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "fs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { StringDecoder } from "string_decoder";

/** Text written at once: a few hundred findings. */
const FLUSH_CHARS = 1 << 20;

/** Appends JSON values to a file, one a line, in 1 MB writes. */
export class LineWriter {
  private readonly fd: number;
  private parts: string[] = [];
  private size = 0;
  count = 0;

  constructor(readonly file: string) {
    this.fd = openSync(file, "w", 0o600);
  }

  write(value: unknown): void {
    // JSON.stringify escapes every line break of a string (U+2028/2029 are not line ends for the reader below).
    const line = JSON.stringify(value);
    this.parts.push(line, "\n");
    this.size += line.length + 1;
    this.count++;
    if (this.size >= FLUSH_CHARS) this.flush();
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    writeSync(this.fd, this.parts.join(""));
    this.parts = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** The JSON values of a file written by LineWriter, in order, read 1 MB at a time. */
export async function* readLines<T>(file: string): AsyncGenerator<T> {
  const handle = await fs.open(file, "r");
  try {
    const decoder = new StringDecoder("utf8");
    const buf = Buffer.alloc(FLUSH_CHARS);
    let rest = "";
    for (;;) {
      const { bytesRead } = await handle.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      const text = rest + decoder.write(buf.subarray(0, bytesRead));
      const lines = text.split("\n");
      rest = lines.pop() ?? "";
      for (const l of lines) if (l !== "") yield JSON.parse(l) as T;
    }
    rest += decoder.end();
    if (rest !== "") yield JSON.parse(rest) as T;
  } finally {
    await handle.close();
  }
}

/** A private temporary folder for one run's spool. */
export function spoolDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), "jx-spool-"));
}

export function removeSpool(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Signals that end a run from outside: Ctrl-C, kill (the default), the terminal closed. */
const ENDING_SIGNALS: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/**
 * While the spool `dir` exists, a signal that ends the run removes it first and then ends the process by the same
 * signal, as it would have ended without us. Returns the function that stops watching.
 */
export function removeSpoolOnSignal(dir: string): () => void {
  const onSignal = (signal: NodeJS.Signals): void => {
    stop();
    try {
      removeSpool(dir);
    } catch {
      // ending anyway
    }
    try {
      process.kill(process.pid, signal);
    } catch {
      process.exit(128 + (os.constants.signals[signal] ?? 2));
    }
  };
  const stop = (): void => {
    for (const s of ENDING_SIGNALS) process.removeListener(s, onSignal);
  };
  for (const s of ENDING_SIGNALS) process.on(s, onSignal);
  return stop;
}

/** Where the findings and the coverage items of the file at `index` are spooled. */
export function spoolPaths(dir: string, index: number): { issues: string; items: string } {
  return { issues: path.join(dir, `${index}.issues.jsonl`), items: path.join(dir, `${index}.items.jsonl`) };
}

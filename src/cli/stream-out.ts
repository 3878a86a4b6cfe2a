/**
 * The output of `jx check` written as it goes: a file's findings are read from the spool one at a time and written
 * in pieces of 64 KB, so no output is ever one string and a batch's output is as large as it needs to be.
 * text and json write exactly what format-text.ts and format-json.ts give for the same batch held in memory;
 * jsonl is for pipelines: one line per file, then one line per finding of that file, then the coverage.
 */
import type { Issue } from "../domain/issues";
import type { InputProblem } from "../file/inputs";
import type { FileView } from "./check-file";
import type { CoverageJson } from "./engine";
import { jsonFileHead, jsonFileTail, jsonIssue } from "./format-json";
import { closingBlocks, fileHead, fileTail, issueLine } from "./format-text";

/** A checked batch as the outputs read it: the files in order, and each file's listed findings on demand. */
export interface StreamedBatch {
  readonly files: readonly FileView[];
  /** The listed findings of files[k], in order. */
  issues(k: number): AsyncIterable<Issue>;
  readonly problems: readonly InputProblem[];
  readonly coverage?: CoverageJson;
  readonly budgetFile?: string;
}

const PIECE = 1 << 16;

/** Gathers small strings into 64 KB writes. */
class Pieces {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly write: (text: string) => void) {}

  push(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= PIECE) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    const text = this.parts.join("");
    this.parts = [];
    this.size = 0;
    this.write(text);
  }
}

export async function writeText(b: StreamedBatch, write: (text: string) => void): Promise<void> {
  const out = new Pieces(write);
  for (let k = 0; k < b.files.length; k++) {
    const f = b.files[k];
    if (k > 0) out.push("\n");
    out.push(fileHead(f));
    if (!f.error) {
      for await (const i of b.issues(k)) out.push(issueLine(i));
      out.push(fileTail(f));
    }
  }
  for (const part of closingBlocks(b.files, b.problems, b.coverage, b.budgetFile)) out.push("\n" + part);
  out.flush();
}

/** JSON.stringify(value, null, 2) placed at `depth` spaces of indentation. */
function at(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, "\n" + " ".repeat(depth));
}

/** Writes JSON.stringify(toJsonReport(batch), null, 2) + "\n", a file's entry and a finding at a time. */
export async function writeJson(b: StreamedBatch, write: (text: string) => void): Promise<void> {
  const out = new Pieces(write);
  out.push('{\n  "tool": "jx",\n  "version": 1,\n  "files": [');
  for (let k = 0; k < b.files.length; k++) {
    const f = b.files[k];
    // The head object ends with its "tables" key: its closing brace is left off for the issues to follow.
    const head = at(jsonFileHead(f), 4);
    out.push(`${k > 0 ? "," : ""}\n    ${head.slice(0, head.length - "\n    }".length)},\n      "issues": [`);
    let n = 0;
    for await (const i of b.issues(k)) out.push(`${n++ > 0 ? "," : ""}\n        ${at(jsonIssue(i), 8)}`);
    out.push(n > 0 ? "\n      ]" : "]");
    for (const [key, value] of Object.entries(jsonFileTail(f))) out.push(`,\n      ${JSON.stringify(key)}: ${at(value, 6)}`);
    out.push("\n    }");
  }
  out.push(b.files.length > 0 ? "\n  ]" : "]");
  if (b.coverage) out.push(`,\n  "coverage": ${at(b.coverage, 2)}`);
  out.push("\n}\n");
  out.flush();
}

/**
 * JSON Lines: `{"type":"file",…}` per file (the --format json entry without its issues), then
 * `{"type":"issue","file":…,…}` per finding listed for it, and with a budget list a last `{"type":"coverage",…}`.
 */
export async function writeJsonl(b: StreamedBatch, write: (text: string) => void): Promise<void> {
  const out = new Pieces(write);
  for (let k = 0; k < b.files.length; k++) {
    const f = b.files[k];
    out.push(JSON.stringify({ type: "file", ...jsonFileHead(f), ...jsonFileTail(f) }) + "\n");
    for await (const i of b.issues(k)) out.push(JSON.stringify({ type: "issue", file: f.file, ...jsonIssue(i) }) + "\n");
  }
  if (b.coverage) out.push(JSON.stringify({ type: "coverage", ...b.coverage }) + "\n");
  out.flush();
}

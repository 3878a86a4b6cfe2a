/** The JSON output of `jx check --format json`: exactly product.md's contract (schema/jx-report.schema.json). */
import type { Issue } from "../domain/issues";
import { fileVerdict } from "../file/batch";
import { type ScoreSummary, type SheetSummary, type Stats, type TableSummary, type Verdict } from "../domain/report";
import type { CheckOutcome } from "./check";
import { viewOf, type FileView } from "./check-file";
import type { CoverageJson } from "./engine";

/** An issue as the contract lists it: the domain's Issue without the file (the file entry names it). */
export type JsonIssue = Omit<Issue, "file">;

export interface JsonTable {
  readonly sheet: string;
  readonly range: string;
  readonly kind: TableSummary["kind"];
  readonly project?: string;
  readonly score?: ScoreSummary;
}

export interface JsonFile {
  readonly file: string;
  readonly valid: boolean;
  /** The file's verdict: a file in which nothing was checked is not-checked (or not-filled), never ready. */
  readonly verdict: Verdict;
  /** Each sheet's recognition status (absent when the file could not be read). */
  readonly sheets?: readonly SheetSummary[];
  readonly stats: Stats;
  readonly tables: readonly JsonTable[];
  readonly issues: readonly JsonIssue[];
  /**
   * Present only when the file had more findings than are listed: `shown` of `total` are in `issues` (the most
   * severe first); `stats` count them all.
   */
  readonly truncated?: { readonly shown: number; readonly total: number };
  /** Present only when the file could not be checked (an addition to the contract: never a silent skip). */
  readonly error?: { readonly message: string; readonly messageEn: string };
}

export interface JsonReport {
  readonly tool: "jx";
  readonly version: 1;
  readonly files: readonly JsonFile[];
  readonly coverage?: CoverageJson;
}

export function jsonIssue(i: Issue): JsonIssue {
  return {
    code: i.code,
    severity: i.severity,
    sheet: i.sheet,
    cell: i.cell,
    value: i.value,
    ...(i.expected !== undefined ? { expected: i.expected } : {}),
    message: i.message,
    messageEn: i.messageEn,
    source: i.source,
  };
}

function jsonTable(t: TableSummary): JsonTable {
  return {
    sheet: t.sheet,
    range: t.range,
    kind: t.kind,
    ...(t.project !== undefined ? { project: t.project } : {}),
    ...(t.score !== undefined ? { score: t.score } : {}),
  };
}

/** A file's entry up to its issues (the contract's key order: file, valid, verdict, sheets, stats, tables). */
export function jsonFileHead(r: FileView): Omit<JsonFile, "issues" | "truncated" | "error"> {
  return {
    file: r.file,
    valid: r.error ? false : r.report.valid,
    verdict: fileVerdict(r),
    ...(r.sheets ? { sheets: r.sheets } : {}),
    stats: r.report.stats,
    tables: r.report.tables.map(jsonTable),
  };
}

/** A file's entry after its issues: truncated and error, when present. */
export function jsonFileTail(r: FileView): Pick<JsonFile, "truncated" | "error"> {
  return {
    ...(r.truncated ? { truncated: { shown: r.truncated.shown, total: r.truncated.total } } : {}),
    ...(r.error ? { error: { message: r.error.message, messageEn: r.error.messageEn } } : {}),
  };
}

/** The whole report of a batch held in memory (the streamed output, stream-out.ts, writes the same JSON). */
export function toJsonReport(outcome: CheckOutcome): JsonReport {
  return {
    tool: "jx",
    version: 1,
    files: outcome.files.map((r) => {
      const v = viewOf(r);
      return { ...jsonFileHead(v), issues: r.report.issues.map(jsonIssue), ...jsonFileTail(v) };
    }),
    ...(outcome.coverage ? { coverage: outcome.coverage } : {}),
  };
}

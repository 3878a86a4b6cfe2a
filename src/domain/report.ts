/**
 * The validation report: verdict, counts, issues in sheet/row order, a flat grid for a sheet, a summary line.
 * Shaped after frictionless's report; the JSON contract is product.md's.
 */
import { makeIssue, severityOf } from "./catalog";
import { a1Position } from "./grid";
import type { Template } from "./catalog";
import type { Issue, IssueCode, IssueDraft, MessageParamValues, Severity } from "./issues";

export interface Stats {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

export interface ScoreSummary {
  /** Computed total (indicators + budget execution), 2 dp. */
  readonly total?: number;
  /** Grade of the computed total. */
  readonly grade?: string;
  /** Total entered on the sheet. */
  readonly entered?: number;
  /** Grade entered on the sheet. */
  readonly enteredGrade?: string;
}

/** One recognized table, as the JSON contract lists it. */
export interface TableSummary {
  readonly sheet: string;
  readonly range: string;
  readonly kind: "self-evaluation" | "target" | "budget-list" | "evaluation";
  readonly layout: "form" | "list";
  /** Project name (form layout) or "N 个项目" (list layout). */
  readonly project?: string;
  readonly projects: number;
  readonly rows: number;
  readonly score?: ScoreSummary;
}

/**
 * What a sheet's recognition came to: checked (tables read and checked); not-filled (a form whose indicator
 * names or values are empty throughout); not-recognized (no table found); partial (some blocks read, others
 * not, named in the reason); empty (no cell holds anything).
 */
export type SheetStatus = "checked" | "not-filled" | "not-recognized" | "partial" | "empty";

export interface SheetSummary {
  readonly sheet: string;
  readonly status: SheetStatus;
  /** Why, when the status is not "checked" (Chinese / English). */
  readonly reason?: string;
  readonly reasonEn?: string;
}

/**
 * A file's verdict: ready (no error), not-ready (errors), not-checked (nothing in the file was recognized, so
 * nothing was checked: never ready), not-filled (the only forms found were never filled in); a budget list's is
 * its coverage instead: coverage-gaps or covered (budgetListVerdictOf).
 */
export type Verdict = "ready" | "not-ready" | "not-checked" | "not-filled" | "coverage-gaps" | "covered";

export interface Report {
  readonly valid: boolean;
  readonly stats: Stats;
  readonly byCode: Readonly<Partial<Record<IssueCode, number>>>;
  readonly tables: readonly TableSummary[];
  readonly issues: readonly Issue[];
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Text order where the texts differ (equal texts, the usual case, skip the locale comparison). */
function compareText(a: string, b: string): number {
  return a === b ? 0 : a.localeCompare(b);
}

/** What the sort key reads of a finding (an Issue or a draft): where it is and what it is. */
interface Placed {
  readonly code: IssueCode;
  readonly sheet: string;
  readonly cell: string;
  readonly file?: string;
}

/** A finding with its sort key, computed once (not once per comparison); unknown cells sort last. */
interface Keyed<T extends Placed> {
  readonly item: T;
  readonly file: string;
  readonly sheetRank: number;
  /** Row and column in one number (a1Position). */
  readonly position: number;
  readonly severity: number;
  /** Order of arrival: equal keys keep it (the sort is stable). */
  readonly seq: number;
}

function keyOf<T extends Placed>(item: T, severity: Severity, sheetRank: ReadonlyMap<string, number>, unknownRank: number, seq: number, position = a1Position(item.cell)): Keyed<T> {
  return {
    item,
    file: item.file ?? "",
    sheetRank: sheetRank.get(item.sheet) ?? unknownRank,
    position,
    severity: SEVERITY_RANK[severity],
    seq,
  };
}

function compareKeyed(unknownRank: number): <T extends Placed>(a: Keyed<T>, b: Keyed<T>) => number {
  return (a, b) =>
    compareText(a.file, b.file) ||
    a.sheetRank - b.sheetRank ||
    (a.sheetRank === unknownRank ? compareText(a.item.sheet, b.item.sheet) : 0) ||
    a.position - b.position ||
    a.severity - b.severity ||
    compareText(a.item.code, b.item.code) ||
    a.seq - b.seq;
}

/** Issues in file, sheet order (as given), then row, column, severity, code. */
export function sortIssues(issues: readonly Issue[], sheetOrder: readonly string[] = []): Issue[] {
  const sheetRank = new Map(sheetOrder.map((s, i) => [s, i]));
  const keyed = issues.map((issue, k) => keyOf(issue, issue.severity, sheetRank, sheetOrder.length, k));
  keyed.sort(compareKeyed(sheetOrder.length));
  return keyed.map((k) => k.item);
}

/** A finding the collector takes: a check's draft (its words not yet written), with the file when a host adds one. */
export type CollectedDraft = IssueDraft & { readonly file?: string };

/**
 * A finding the collector holds: the draft's fields, copied, in one shape. The check's own objects (its draft, its
 * parameter object) are not held, so what a kept finding costs does not depend on what a check put in its draft,
 * and every held finding has the same hidden class for the sort.
 */
class HeldFinding implements Placed {
  readonly code: IssueCode;
  readonly severity: Severity;
  readonly sheet: string;
  readonly cell: string;
  readonly value: string | undefined;
  readonly expected: string | undefined;
  readonly template: Template | undefined;
  readonly params: MessageParamValues | undefined;
  readonly message: string | undefined;
  readonly messageEn: string | undefined;
  readonly file: string | undefined;

  constructor(d: CollectedDraft, severity: Severity) {
    this.code = d.code;
    this.severity = severity;
    this.sheet = d.sheet;
    this.cell = d.cell;
    this.value = d.value;
    this.expected = d.expected;
    this.template = d.template;
    this.params = d.params === undefined ? undefined : { ...d.params };
    this.message = d.message;
    this.messageEn = d.messageEn;
    this.file = d.file;
  }

  /** The finding as reported: severity, source and messages (makeIssue), and its file when it has one. */
  issue(): Issue {
    const place = { code: this.code, severity: this.severity, sheet: this.sheet, cell: this.cell, value: this.value, expected: this.expected };
    const issue = makeIssue(this.template !== undefined ? { ...place, template: this.template, params: this.params } : { ...place, message: this.message ?? "", messageEn: this.messageEn ?? "" });
    return this.file === undefined ? issue : { ...issue, file: this.file };
  }
}

/**
 * Collects a file's findings, keeping at most `max` of them: the most severe first (every error before any
 * warning, every warning before any info; within a severity, the first in report order), and counting all of them.
 * A finding is a draft (a record: code, place, parameters) until it is kept; `report()` writes the messages of the
 * kept ones only. One that cannot be kept is counted and dropped at once, with nothing made for it: a severity that
 * the ones before it already fill (`max` errors seen: no warning can be listed), or one that comes after the
 * severity's `max`-th best so far (its "bar": findings mostly arrive in report order, so once the cap is reached
 * nearly every further one is behind the bar). Memory stays near `max` findings however many arrive: each
 * severity's list is cut back to its best `max` when it doubles. `max` = Infinity keeps everything.
 */
export class FindingCollector {
  private readonly sheetRank: ReadonlyMap<string, number>;
  private readonly unknownRank: number;
  private readonly compare: (a: Keyed<HeldFinding>, b: Keyed<HeldFinding>) => number;
  private readonly kept: Keyed<HeldFinding>[][] = [[], [], []];
  /** Each severity's `max`-th best so far (set by a cut), behind which a finding cannot be kept. */
  private readonly bar: (Keyed<HeldFinding> | undefined)[] = [undefined, undefined, undefined];
  private readonly count = [0, 0, 0];
  private readonly byCode: Partial<Record<IssueCode, number>> = {};
  private seq = 0;

  constructor(
    private readonly max: number,
    sheetOrder: readonly string[],
  ) {
    this.sheetRank = new Map(sheetOrder.map((s, i) => [s, i]));
    this.unknownRank = sheetOrder.length;
    this.compare = compareKeyed(sheetOrder.length);
  }

  /** Counts a finding and keeps it when it may be among the best `max`; `position` is a1Position(d.cell) when known. */
  push(d: CollectedDraft, position?: number): void {
    const severity = severityOf(d);
    const k = SEVERITY_RANK[severity];
    this.count[k]++;
    this.byCode[d.code] = (this.byCode[d.code] ?? 0) + 1;
    const seq = this.seq++;
    // The more severe findings already fill the list: none of this severity can be listed.
    const before = k === 0 ? 0 : k === 1 ? this.count[0] : this.count[0] + this.count[1];
    if (before >= this.max) return;
    const bar = this.bar[k];
    const sheetRank = this.sheetRank.get(d.sheet) ?? this.unknownRank;
    const at = position ?? a1Position(d.cell);
    const file = d.file ?? "";
    if (bar !== undefined && this.behind(bar, file, sheetRank, d, at)) return;
    const list = this.kept[k];
    list.push({ item: new HeldFinding(d, severity), file, sheetRank, position: at, severity: k, seq });
    if (list.length >= 2 * this.max + 1024) this.cut(k);
  }

  /**
   * True when a finding would sort after the bar (compareKeyed's order, the key not made): a later arrival that
   * ties with it sorts after it too.
   */
  private behind(bar: Keyed<HeldFinding>, file: string, sheetRank: number, d: CollectedDraft, position: number): boolean {
    const c =
      compareText(file, bar.file) ||
      sheetRank - bar.sheetRank ||
      (sheetRank === this.unknownRank ? compareText(d.sheet, bar.item.sheet) : 0) ||
      position - bar.position ||
      compareText(d.code, bar.item.code);
    return c >= 0;
  }

  /** Findings seen so far, kept or not. */
  get total(): number {
    return this.count[0] + this.count[1] + this.count[2];
  }

  /** Findings held in memory now (at most about 2 × max + 1024 per severity). */
  get held(): number {
    return this.kept[0].length + this.kept[1].length + this.kept[2].length;
  }

  private cut(k: number): void {
    const list = this.kept[k];
    list.sort(this.compare);
    if (list.length >= this.max) {
      list.length = this.max;
      this.bar[k] = list[this.max - 1];
    }
  }

  /** The report: the kept findings in report order, their messages written, and the counts of all of them. */
  report(tables: readonly TableSummary[]): Report & { readonly truncated?: { readonly shown: number; readonly total: number } } {
    let left = this.max;
    const out: Keyed<HeldFinding>[] = [];
    for (let k = 0; k < 3; k++) {
      const quota = Math.min(this.count[k], left);
      left -= quota;
      if (this.kept[k].length > quota) this.cut(k);
      for (let j = 0; j < quota && j < this.kept[k].length; j++) out.push(this.kept[k][j]);
    }
    out.sort(this.compare);
    const stats: Stats = { errors: this.count[0], warnings: this.count[1], infos: this.count[2] };
    const total = this.total;
    return {
      valid: stats.errors === 0,
      stats,
      byCode: { ...this.byCode },
      tables,
      issues: out.map((x) => x.item.issue()),
      ...(out.length < total ? { truncated: { shown: out.length, total } } : {}),
    };
  }
}

export function countStats(issues: readonly Issue[]): Stats {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const i of issues) {
    if (i.severity === "error") errors++;
    else if (i.severity === "warning") warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

export function countByCode(issues: readonly Issue[]): Partial<Record<IssueCode, number>> {
  const out: Partial<Record<IssueCode, number>> = {};
  for (const i of issues) out[i.code] = (out[i.code] ?? 0) + 1;
  return out;
}

export function buildReport(issues: readonly Issue[], tables: readonly TableSummary[], sheetOrder: readonly string[]): Report {
  const sorted = sortIssues(issues, sheetOrder);
  const stats = countStats(sorted);
  return { valid: stats.errors === 0, stats, byCode: countByCode(sorted), tables, issues: sorted };
}

/** Column titles of the flat issue grid (Chinese / English). */
const ISSUE_GRID_HEADER: readonly string[] = [
  "严重程度 Severity",
  "工作表 Sheet",
  "单元格 Cell",
  "代码 Code",
  "问题 Message",
  "当前值 Value",
  "应为 Expected",
  "依据 Source",
  "Message (English)",
];

const SEVERITY_ZH: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };

/** Severity label for people: "错误 error". */
export function severityLabel(s: Severity): string {
  return `${SEVERITY_ZH[s]} ${s}`;
}

/** One row per issue, header first: ready to write to a sheet. */
export function issueGrid(issues: readonly Issue[], withFile = false): string[][] {
  const header = withFile ? ["文件 File", ...ISSUE_GRID_HEADER] : [...ISSUE_GRID_HEADER];
  const rows = issues.map((i) => {
    const r = [severityLabel(i.severity), i.sheet, i.cell, i.code, i.message, i.value, i.expected ?? "", i.source, i.messageEn];
    return withFile ? [i.file ?? "", ...r] : r;
  });
  return [header, ...rows];
}

/**
 * The verdict of a report. Derived from its findings, so every front that holds a report agrees: a file whose
 * only error-level cause is that nothing was recognized (or that the forms were never filled in) is said so,
 * never "ready".
 */
export function verdictOf(r: Pick<Report, "stats" | "byCode">, settings: VerdictSettings = DEFAULT_VERDICT_SETTINGS): Verdict {
  if ((r.byCode["table.not-recognized"] ?? 0) > 0) return "not-checked";
  const notFilled = r.byCode["table.not-filled"] ?? 0;
  // Not filled in when that (with the template's instructions left in its narrative cells) is the only error;
  // a file with other errors besides is simply not ready.
  if (notFilled > 0 && notFilled + (r.byCode["form.template-text"] ?? 0) === r.stats.errors) return "not-filled";
  if (r.stats.errors > 0 || unmeasurableBlocking(r, settings) > 0) return "not-ready";
  return "ready";
}

/**
 * What turns warnings into a verdict. A target whose value cannot be measured (indicator.vague) is a warning on its
 * row: one such wording among many is a remark. When several targets of a file cannot be measured, its 绩效目标 are
 * not 细化量化 as 财预〔2015〕88号 (中央部门预算绩效目标管理办法) 第十九条 requires of targets the 财政 reviews, and
 * a reviewer sends the table back: the file is not ready. How many is "several" no source fixes [U]: a setting.
 */
export interface VerdictSettings {
  /** Unmeasurable targets (indicator.vague findings) from which a file without errors is not ready; 0 turns it off. */
  readonly unmeasurableTargets: number;
}

export const DEFAULT_VERDICT_SETTINGS: VerdictSettings = { unmeasurableTargets: 3 };

/** The unmeasurable targets of a report when they are enough to make it not ready (0 when they are not). */
export function unmeasurableBlocking(r: Pick<Report, "byCode">, settings: VerdictSettings = DEFAULT_VERDICT_SETTINGS): number {
  const n = r.byCode["indicator.vague"] ?? 0;
  return settings.unmeasurableTargets > 0 && n >= settings.unmeasurableTargets ? n : 0;
}

/**
 * A budget list's verdict (预算项目清单): its coverage, not whether it is "ready to submit". "coverage-gaps" when the
 * only errors are lines lacking a valid target (project.no-target, project.invalid-target), "covered" when there
 * are none; any other error (a repeated code, nothing recognized) gives the ordinary verdict.
 */
export function budgetListVerdictOf(r: Pick<Report, "stats" | "byCode">): Verdict {
  const gaps = (r.byCode["project.no-target"] ?? 0) + (r.byCode["project.invalid-target"] ?? 0);
  if (r.stats.errors - gaps > 0) return verdictOf(r);
  return gaps > 0 ? "coverage-gaps" : "covered";
}

/** A budget list's coverage gaps: its lines lacking a valid target (the findings budgetListVerdictOf judges). */
export const COVERAGE_GAP_CODES = ["project.no-target", "project.invalid-target"] as const;

/**
 * A workbook holding forms and a budget list together, split as the CLI splits `jx check forms --budget list`: the
 * forms' counts without the list's coverage gaps (so they are not counted in 不可提交), and the list's own coverage
 * verdict (coverage-gaps or covered) from those gaps alone.
 */
export function splitCoverageGaps(r: Pick<Report, "stats" | "byCode">): { forms: Pick<Report, "stats" | "byCode">; list: Pick<Report, "stats" | "byCode"> } {
  const byCode: Partial<Record<IssueCode, number>> = { ...r.byCode };
  const listByCode: Partial<Record<IssueCode, number>> = {};
  let gaps = 0;
  for (const c of COVERAGE_GAP_CODES) {
    const n = byCode[c] ?? 0;
    delete byCode[c];
    if (n > 0) listByCode[c] = n;
    gaps += n;
  }
  return {
    forms: { stats: { ...r.stats, errors: Math.max(0, r.stats.errors - gaps) }, byCode },
    list: { stats: { errors: gaps, warnings: 0, infos: 0 }, byCode: listByCode },
  };
}

/** Short verdict words (Chinese, English) for a summary column. */
export const VERDICT_WORDS: Readonly<Record<Verdict, readonly [string, string]>> = {
  ready: ["可以提交", "Ready"],
  "not-ready": ["不可提交", "Not ready"],
  "not-checked": ["无法检查", "Not checked"],
  "not-filled": ["未填写", "Not filled in"],
  "coverage-gaps": ["覆盖有缺口", "Coverage gaps"],
  covered: ["全部覆盖", "All covered"],
};

/** The verdict in one line, Chinese then English, from a whole report (not-checked and not-filled said as such). */
export function verdictLine(r: Pick<Report, "stats" | "byCode">): string {
  const v = verdictOf(r);
  if (v === "not-checked") return "无法检查：未识别到绩效表格，未做任何检查 / Not checked: no performance table was recognized, nothing was checked";
  if (v === "not-filled") return "未填写：表格尚未填写，无可检查的指标 / Not filled in: the form was never filled in, no indicator to check";
  return summaryLine(r.stats, unmeasurableBlocking(r));
}

/** A budget list's verdict in one line, Chinese then English: its coverage, or `verdictLine` when it has other errors. */
export function budgetListVerdictLine(r: Pick<Report, "stats" | "byCode">): string {
  const v = budgetListVerdictOf(r);
  if (v === "covered") return "全部覆盖：每个预算项目都有有效的绩效目标 / All covered: every budget line has a valid target";
  if (v !== "coverage-gaps") return verdictLine(r);
  const gaps = (r.byCode["project.no-target"] ?? 0) + (r.byCode["project.invalid-target"] ?? 0);
  return `覆盖有缺口：${gaps} 个预算项目缺少有效的绩效目标 / Coverage gaps: ${gaps} budget line(s) lack a valid target`;
}

/**
 * The verdict of a workbook holding forms and a budget list, in one line: the forms' verdict without the list's
 * coverage gaps, then the list's own (splitCoverageGaps), as `jx check forms --budget list` says them per file.
 */
export function formsAndBudgetListLine(r: Pick<Report, "stats" | "byCode">): string {
  const { forms, list } = splitCoverageGaps(r);
  return `${verdictLine(forms)}；预算项目清单 Budget list: ${budgetListVerdictLine(list)}`;
}

/** The verdict in one line, Chinese then English, from the counts alone (prefer `verdictLine`). */
function summaryLine(stats: Stats, unmeasurable = 0): string {
  if (stats.errors === 0 && unmeasurable > 0)
    return `不可提交：${unmeasurable} 个指标值无法衡量（绩效目标未细化量化），共 ${stats.warnings} 个警告 / Not ready: ${unmeasurable} target(s) cannot be measured, ${stats.warnings} warning(s) in all`;
  if (stats.errors === 0 && stats.warnings === 0) return "可以提交：未发现问题 / Ready to submit: no issues found";
  if (stats.errors === 0) return `可以提交，另有 ${stats.warnings} 个警告 / Ready to submit, with ${stats.warnings} warning(s)`;
  return `不可提交：${stats.errors} 个错误，${stats.warnings} 个警告 / Not ready: ${stats.errors} error(s), ${stats.warnings} warning(s)`;
}

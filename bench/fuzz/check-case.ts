/**
 * Runs one fuzz case through the engine as `jx check … --budget … [--covered-by …]` does (checkWorkbook on the
 * workbook and on the budget list, then coverageReport), twice, and lists what is wrong:
 *   - exception: anything thrown, or recognition's last-resort guard ("表格识别内部错误");
 *   - nondeterministic: the second run's result differs from the first;
 *   - invariant: an issue whose cell does not parse with parseA1 or lies outside its sheet's grid area; an
 *     indicator's suggested score outside [0, weight]; a coverage rate outside [0, 1]; valid while stats.errors > 0
 *     (or stats not the count of the issues); a workbook with no recognized table called valid;
 *   - slow: CPU time (process.cpuUsage, user + system) over the limit in both runs (the smaller of the two counts,
 *     so one garbage collection or a neighbour's burst does not decide it).
 */
import { checkWorkbook, coverageReport, profileForTable, type WorkbookCheck } from "../../src/domain/engine";
import { projectFacts } from "../../src/domain/checks/facts";
import { parseA1, type Grid } from "../../src/domain/grid";
import type { Issue } from "../../src/domain/issues";
import type { CoveredItem } from "../../src/domain/coverage";
import type { FuzzCase } from "./cases";

export type ProblemKind = "exception" | "nondeterministic" | "invariant" | "slow";

export interface Problem {
  readonly kind: ProblemKind;
  readonly detail: string;
  /** The KNOWN_FAILURES id it matches: an engine bug already reported, counted apart from new failures. */
  readonly known?: string;
}

export interface KnownFailure {
  readonly id: string;
  readonly kind: ProblemKind;
  readonly pattern: RegExp;
  readonly reason: string;
}

/**
 * Engine failures the fuzz found and reported (not fixed here: src/domain is another engineer's), each with the
 * shape of its problem text. Remove an entry once the engine is fixed; `npm run fuzz -- --strict` counts them.
 */
export const KNOWN_FAILURES: readonly KnownFailure[] = [
  // None open. Found and fixed (test/fuzz.test.ts keeps each minimal case): in 3e5a27a, table.not-recognized at A1
  // outside a grid that starts elsewhere, a target's cell in column A, a suggested score rounded past a 分值 with
  // three decimals, an infinite total from 1e308 in a 得分 cell; in 68ebdab, a --covered-by list's coverage by
  // amount outside [0, 1] with a negative budget line, table.not-filled in column A; in b235424, a ★ group's mean
  // score rounded past its 分值, project.missing-category at A1, an infinite total from 1e308 in the funds 分值.
  // An entry: { id, kind: "invariant", pattern: /^issue cell outside the grid …/s, reason: "…" }.
];

function classify(p: Problem): Problem {
  const k = KNOWN_FAILURES.find((x) => x.kind === p.kind && x.pattern.test(p.detail));
  return k ? { ...p, known: k.id } : p;
}

export interface CaseResult {
  readonly problems: readonly Problem[];
  /** CPU milliseconds of the first and the second run. */
  readonly cpuMs: readonly [number, number];
  readonly issues: number;
  readonly tables: number;
}

export const DEFAULT_LIMIT_MS = 1000;

interface Outcome {
  readonly check: WorkbookCheck;
  readonly budget?: WorkbookCheck;
  readonly coverage?: ReturnType<typeof coverageReport>;
}

function runEngine(c: FuzzCase): Outcome {
  const options = { profile: c.profile };
  const check = checkWorkbook(c.workbook, options);
  if (c.budget.length === 0) return { check };
  const budget = checkWorkbook(c.budget, options);
  const coveredBy: { label: string; items: CoveredItem[] }[] = c.coveredBy
    ? [{ label: "covered.xlsx", items: check.targets.map((t) => ({ ...(t.code !== undefined ? { code: t.code } : {}), ...(t.name !== undefined ? { name: t.name } : {}), ...(t.amountWan !== undefined ? { amountWan: t.amountWan } : {}), sheet: t.sheet, cell: t.cell })) }]
    : [];
  const coverage = coverageReport(budget.budget, check.targets, { profile: c.profile, ...(coveredBy.length ? { coveredBy } : {}) });
  return { check, budget, coverage };
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
}

/** JSON with NaN, ±Infinity and -0 told apart (JSON.stringify would make them all null or 0). */
function fingerprint(o: Outcome): string {
  return JSON.stringify(o, (_k, v: unknown) => {
    if (typeof v === "number" && !Number.isFinite(v)) return `#${String(v)}`;
    if (typeof v === "number" && Object.is(v, -0)) return "#-0";
    if (v instanceof Map) return { "#map": [...v.entries()] };
    if (v instanceof Set) return { "#set": [...v.values()] };
    return v;
  });
}

function extentOf(g: Grid): { top: number; left: number; bottom: number; right: number } {
  let cols = 0;
  for (const r of g.values) if (r.length > cols) cols = r.length;
  return { top: g.top, left: g.left, bottom: g.top + Math.max(1, g.values.length) - 1, right: g.left + Math.max(1, cols) - 1 };
}

function describeIssue(i: Issue): string {
  return `${i.code} at ${JSON.stringify(i.sheet)}!${i.cell}`;
}

/** Issue cells: parse with parseA1 and lie inside the grid of the sheet they name (workbook or budget list). */
function checkCells(issues: readonly Issue[], grids: readonly Grid[], out: Problem[]): void {
  const bySheet = new Map<string, Grid>();
  for (const g of grids) if (!bySheet.has(g.sheet)) bySheet.set(g.sheet, g);
  for (const i of issues) {
    const p = parseA1(i.cell);
    if (!p) {
      out.push({ kind: "invariant", detail: `issue cell does not parse: ${describeIssue(i)}` });
      continue;
    }
    const g = bySheet.get(i.sheet);
    if (!g) {
      out.push({ kind: "invariant", detail: `issue names no sheet of the case: ${describeIssue(i)}` });
      continue;
    }
    const e = extentOf(g);
    if (p.row < e.top || p.row > e.bottom || p.col < e.left || p.col > e.right) {
      out.push({ kind: "invariant", detail: `issue cell outside the grid (rows ${e.top + 1}–${e.bottom + 1}, cols ${e.left + 1}–${e.right + 1}): ${describeIssue(i)}` });
    }
  }
}

function checkReport(name: string, r: WorkbookCheck, out: Problem[]): void {
  let errors = 0;
  let warnings = 0;
  for (const i of r.issues) {
    if (i.severity === "error") errors++;
    else if (i.severity === "warning") warnings++;
  }
  if (errors !== r.stats.errors || warnings !== r.stats.warnings) out.push({ kind: "invariant", detail: `${name}: stats ${JSON.stringify(r.stats)} but ${errors} error and ${warnings} warning issues` });
  if (r.stats.errors > 0 && r.valid) out.push({ kind: "invariant", detail: `${name}: valid with ${r.stats.errors} error(s)` });
  if (r.tables.length === 0 && r.valid) out.push({ kind: "invariant", detail: `${name}: no table recognized, yet valid` });
  for (const rec of r.recognitions) {
    const reason = rec.unrecognized?.reason ?? "";
    if (reason.includes("内部错误")) out.push({ kind: "exception", detail: `${name}: recognition guard caught: ${reason.slice(0, 300)}` });
  }
}

/** Every indicator's suggested score (the §4.3 rule's result) within [0, weight]. */
function checkScores(c: FuzzCase, r: WorkbookCheck, out: Problem[]): void {
  for (const rec of r.recognitions) {
    for (const t of rec.tables) {
      if (t.kind === "budget-list") continue;
      const profile = profileForTable(t, { profile: c.profile });
      for (const p of t.projects) {
        const s = projectFacts(p, t, profile).score();
        for (const e of s.indicators) {
          if (!e.result.ok) continue;
          const w = e.weight;
          const score = e.result.score;
          if (!Number.isFinite(score) || score < 0 || (w !== undefined && score > w + 1e-9) || w === undefined) {
            out.push({ kind: "invariant", detail: `suggested score ${score} outside [0, ${w}] at ${t.sheet}!${e.row.name?.address ?? e.row.row}` });
          }
        }
        if (s.total !== undefined && !Number.isFinite(s.total)) out.push({ kind: "invariant", detail: `total ${s.total} at ${t.sheet}` });
      }
    }
  }
}

/** Every coverage rate (rateByCount, rateByAmount, rate …, the reduction rate excepted) finite and in [0, 1]. */
function checkRates(x: unknown, where: string, out: Problem[]): void {
  if (x === null || typeof x !== "object") return;
  if (Array.isArray(x)) {
    x.forEach((y, i) => checkRates(y, `${where}[${i}]`, out));
    return;
  }
  for (const [k, v] of Object.entries(x as Record<string, unknown>)) {
    if (k === "reduction") continue; // 审减率 (declared − approved) / declared: negative when more is approved
    if (/^rate/i.test(k) || /Rate$/.test(k)) {
      if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || v > 1) out.push({ kind: "invariant", detail: `coverage ${where}.${k} = ${String(v)}` });
    } else checkRates(v, `${where}.${k}`, out);
  }
}

function invariants(c: FuzzCase, o: Outcome, out: Problem[]): void {
  checkReport("workbook", o.check, out);
  checkCells(o.check.issues, c.workbook, out);
  checkScores(c, o.check, out);
  if (o.budget) {
    checkReport("budget list", o.budget, out);
    checkCells(o.budget.issues, c.budget, out);
  }
  if (o.coverage) {
    checkRates(o.coverage.coverage, "coverage", out);
    checkCells(o.coverage.issues, [...c.budget, ...c.workbook], out);
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}${e.stack ? " @ " + (e.stack.split("\n")[1] ?? "").trim() : ""}` : String(e);
}

/** Runs a case twice and checks everything; `limitMs` is the CPU bar per run. */
export function runCase(c: FuzzCase, limitMs = DEFAULT_LIMIT_MS): CaseResult {
  const problems: Problem[] = [];
  const times: [number, number] = [0, 0];
  const prints: string[] = [];
  let first: Outcome | undefined;
  for (let k = 0; k < 2; k++) {
    const t0 = process.cpuUsage();
    let o: Outcome | undefined;
    try {
      o = runEngine(c);
    } catch (e) {
      times[k] = cpuMs(t0);
      problems.push({ kind: "exception", detail: errorText(e) });
      break;
    }
    times[k] = cpuMs(t0);
    first ??= o;
    try {
      prints.push(fingerprint(o));
    } catch (e) {
      problems.push({ kind: "exception", detail: `result not serializable: ${errorText(e)}` });
      break;
    }
  }
  if (prints.length === 2 && prints[0] !== prints[1]) {
    let at = 0;
    while (at < prints[0].length && prints[0][at] === prints[1][at]) at++;
    problems.push({ kind: "nondeterministic", detail: `results differ at character ${at}: ${prints[0].slice(Math.max(0, at - 60), at + 60)} ≠ ${prints[1].slice(Math.max(0, at - 60), at + 60)}` });
  }
  if (first) {
    try {
      invariants(c, first, problems);
    } catch (e) {
      problems.push({ kind: "exception", detail: `while scoring for the invariants: ${errorText(e)}` });
    }
  }
  const ran = prints.length === 2 ? Math.min(times[0], times[1]) : times[0];
  if (ran > limitMs) problems.push({ kind: "slow", detail: `${ran.toFixed(0)} ms CPU (runs: ${times[0].toFixed(0)} and ${times[1].toFixed(0)} ms), over ${limitMs} ms` });
  return { problems: problems.map(classify), cpuMs: times, issues: first?.check.issues.length ?? 0, tables: first?.check.tables.length ?? 0 };
}

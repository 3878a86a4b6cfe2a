/**
 * Coverage statistics (覆盖率), rules.md §6: by count (项目数) and by amount (金额, 万元), overall and by
 * department (主管部门, else 预算单位), 预算单位, 预算类型 (四本预算) and 支出类型; the same for every further
 * list (监控, 自评, 重点评价); 部门整体 target coverage; 审减率. And the JSON `coverage` object.
 *
 * Denominators are the in-scope lines (after exclusions, §6.3). A rate with a zero denominator is 0
 * (JSON has no NaN); the figures beside it (projects: 0) tell the two apart.
 */
import { cleanText } from "../text";
import { FOUR_BUDGETS, UNCLASSIFIED, memoized, normalizeBudgetType, normalizeUnit } from "./normalize";
import type { CoverageClass, LineResult, ListCoverage, Reconciliation, WholeDepartmentInput } from "./reconcile";
import type { BudgetItem } from "./types";

/** Rounds to `dp` decimals (amounts: 4 = 1 元; rates: 4 = 0.01%). */
export function roundTo(x: number, dp: number): number {
  if (!Number.isFinite(x)) return x;
  const r = Number(x.toFixed(dp));
  return r === 0 ? 0 : r;
}

/** num / den rounded to 4 decimals; 0 when den is 0. */
export function ratio(num: number, den: number): number {
  return den > 0 ? roundTo(num / den, 4) : 0;
}

/** Count and amount figures of one set of lines. */
export interface CoverageFigures {
  readonly projects: number;
  readonly covered: number;
  /** 万元, rounded to 4 decimals. */
  readonly amount: number;
  readonly coveredAmount: number;
  readonly rateByCount: number;
  readonly rateByAmount: number;
}

/** One row of a breakdown. `missing` / `invalid` only for target coverage. */
export interface GroupRow extends CoverageFigures {
  readonly group: string;
  /** Lines of the group left out of coverage (涉密, 基本支出, 零金额). */
  readonly excluded: number;
  readonly missing?: number;
  readonly invalid?: number;
}

export interface Breakdowns {
  /** 主管部门 where given, else 预算单位. */
  readonly byDepartment: readonly GroupRow[];
  readonly byBudgetUnit: readonly GroupRow[];
  /** 四本预算 (all four listed when the list names any of them), then other types. */
  readonly byBudgetType: readonly GroupRow[];
  readonly byExpenseType: readonly GroupRow[];
}

export interface ListStats extends CoverageFigures, Breakdowns {
  readonly label: string;
  /** The same figures among the lines that have a valid target (e.g. 监控 over targeted projects, §6.1). */
  readonly withTarget: CoverageFigures;
  /** Entries of the list that match no budget line. */
  readonly notOnBudget: number;
}

export interface WholeDepartmentStats {
  readonly total: number;
  readonly covered: number;
  readonly rate: number;
  /** Departments without a 部门整体 target, in order. */
  readonly missing: readonly string[];
}

export interface ReductionStats {
  /** Lines with both 申报 and 核定 amounts. */
  readonly projects: number;
  readonly declared: number;
  readonly approved: number;
  /** 审减金额 = 申报 − 核定. */
  readonly cut: number;
  /** 审减率 = (申报 − 核定) / 申报. */
  readonly rate: number;
}

export interface CoverageStats extends CoverageFigures, Breakdowns {
  readonly counts: Readonly<Record<CoverageClass, number>> & {
    readonly nameMatches: number;
    readonly orphans: number;
    readonly duplicates: number;
    readonly amountMismatches: number;
  };
  /** Which of the 四本预算 have at least one covered line (§6.1 四本预算覆盖). */
  readonly budgetTypesCovered: readonly string[];
  readonly lists: readonly ListStats[];
  readonly wholeDepartment?: WholeDepartmentStats;
  readonly reduction?: ReductionStats;
}

/* ------------------------------------------------------------------------------------------ */

class Acc {
  projects = 0;
  covered = 0;
  amount = 0;
  coveredAmount = 0;
  excluded = 0;
  missing = 0;
  invalid = 0;
  add(line: LineResult, covered: boolean): void {
    if (line.class === "EXCLUDED") {
      this.excluded++;
      return;
    }
    // A negative amount (an adjustment line, or a typo) does not count toward coverage by amount: it would take
    // the rate out of [0, 1]. The line itself still counts as a project.
    const a = Math.max(0, line.item.amountWan ?? 0);
    this.projects++;
    this.amount += a;
    if (covered) {
      this.covered++;
      this.coveredAmount += a;
    }
    if (line.class === "MISSING_TARGET") this.missing++;
    else if (line.class === "INVALID_TARGET") this.invalid++;
  }
  figures(): CoverageFigures {
    return {
      projects: this.projects,
      covered: this.covered,
      amount: roundTo(this.amount, 4),
      coveredAmount: roundTo(this.coveredAmount, 4),
      rateByCount: ratio(this.covered, this.projects),
      rateByAmount: ratio(this.coveredAmount, this.amount),
    };
  }
}

function departmentOf(item: BudgetItem): string | undefined {
  return item.department ?? item.budgetUnit;
}

interface GroupKey {
  readonly key: string;
  readonly label: string;
}

/** Group keys of every line, computed once (memoized per distinct text) and shared by all breakdowns. */
interface LineKeys {
  readonly department: readonly GroupKey[];
  readonly budgetUnit: readonly GroupKey[];
  readonly budgetType: readonly GroupKey[];
  readonly expenseType: readonly GroupKey[];
  /** True when some line names one of the 四本预算. */
  readonly anyFour: boolean;
}

function textKey(text: string | undefined): GroupKey {
  const key = normalizeUnit(text);
  return key === "" ? { key: "", label: UNCLASSIFIED } : { key, label: cleanText(text ?? "") };
}

function lineKeys(rec: Reconciliation): LineKeys {
  const text = memoized(textKey);
  const type = memoized((t) => {
    const g = normalizeBudgetType(t, rec.specialBondAsFund);
    return { key: g, label: g };
  });
  const n = rec.lines.length;
  const department: GroupKey[] = new Array<GroupKey>(n);
  const budgetUnit: GroupKey[] = new Array<GroupKey>(n);
  const budgetType: GroupKey[] = new Array<GroupKey>(n);
  const expenseType: GroupKey[] = new Array<GroupKey>(n);
  let anyFour = false;
  for (let i = 0; i < n; i++) {
    const it = rec.lines[i].item;
    department[i] = text(departmentOf(it));
    budgetUnit[i] = text(it.budgetUnit);
    budgetType[i] = type(it.budgetType);
    expenseType[i] = text(it.expenseType);
    if (!anyFour && FOUR.has(budgetType[i].key)) anyFour = true;
  }
  return { department, budgetUnit, budgetType, expenseType, anyFour };
}

const FOUR: ReadonlySet<string> = new Set<string>(FOUR_BUDGETS);

/** Groups lines by a key, in first-seen order; `order` lists groups to put first (all of them, even empty). */
function groupRows(
  lines: readonly LineResult[],
  isCovered: (i: number) => boolean,
  keys: readonly GroupKey[],
  withClasses: boolean,
  order: readonly string[] = [],
): GroupRow[] {
  const groups = new Map<string, { label: string; acc: Acc }>();
  for (const g of order) groups.set(g, { label: g, acc: new Acc() });
  for (let i = 0; i < lines.length; i++) {
    const { key, label } = keys[i];
    let g = groups.get(key);
    if (!g) {
      g = { label, acc: new Acc() };
      groups.set(key, g);
    }
    g.acc.add(lines[i], isCovered(i));
  }
  const rows: GroupRow[] = [];
  for (const { label, acc } of groups.values()) {
    rows.push({
      group: label,
      ...acc.figures(),
      excluded: acc.excluded,
      ...(withClasses ? { missing: acc.missing, invalid: acc.invalid } : {}),
    });
  }
  return rows;
}

function breakdowns(rec: Reconciliation, keys: LineKeys, isCovered: (i: number) => boolean, withClasses: boolean): Breakdowns {
  const lines = rec.lines;
  return {
    byDepartment: groupRows(lines, isCovered, keys.department, withClasses),
    byBudgetUnit: groupRows(lines, isCovered, keys.budgetUnit, withClasses),
    byBudgetType: groupRows(lines, isCovered, keys.budgetType, withClasses, keys.anyFour ? FOUR_BUDGETS : []),
    byExpenseType: groupRows(lines, isCovered, keys.expenseType, withClasses),
  };
}

function figuresOf(lines: readonly LineResult[], isCovered: (i: number) => boolean, only?: (i: number) => boolean): CoverageFigures {
  const acc = new Acc();
  for (let i = 0; i < lines.length; i++) if (!only || only(i)) acc.add(lines[i], isCovered(i));
  return acc.figures();
}

/** 部门整体绩效目标覆盖率: departments with a 部门整体 target / departments (§6.1). Names compared normalized. */
export function wholeDepartmentCoverage(departments: readonly string[], withTargets: readonly string[]): WholeDepartmentStats {
  const has = new Set(withTargets.map((d) => normalizeUnit(d)).filter((k) => k !== ""));
  const seen = new Set<string>();
  let total = 0;
  let covered = 0;
  const missing: string[] = [];
  for (const d of departments) {
    const k = normalizeUnit(d);
    if (k === "" || seen.has(k)) continue;
    seen.add(k);
    total++;
    if (has.has(k)) covered++;
    else missing.push(cleanText(d));
  }
  return { total, covered, rate: ratio(covered, total), missing };
}

function wholeDepartmentOf(rec: Reconciliation, input: WholeDepartmentInput): WholeDepartmentStats {
  const departments: string[] = [];
  if (input.departments) departments.push(...input.departments);
  else for (const l of rec.lines) {
    const d = departmentOf(l.item);
    if (d !== undefined) departments.push(d);
  }
  return wholeDepartmentCoverage(departments, input.withTargets);
}

/** 审减率 over the lines that have both 申报 and 核定 amounts; undefined when none has. */
function reductionOf(lines: readonly LineResult[]): ReductionStats | undefined {
  let projects = 0;
  let declared = 0;
  let approved = 0;
  for (const l of lines) {
    const d = l.item.declaredWan;
    const a = l.item.approvedWan;
    if (d === undefined || a === undefined) continue;
    projects++;
    declared += d;
    approved += a;
  }
  if (projects === 0) return undefined;
  return {
    projects,
    declared: roundTo(declared, 4),
    approved: roundTo(approved, 4),
    cut: roundTo(declared - approved, 4),
    rate: ratio(declared - approved, declared),
  };
}

/** All coverage figures of a reconciliation. */
export function coverageStats(rec: Reconciliation): CoverageStats {
  const lines = rec.lines;
  const ok = (i: number): boolean => lines[i].class === "OK";
  const counts = { OK: 0, MISSING_TARGET: 0, INVALID_TARGET: 0, EXCLUDED: 0, nameMatches: 0 };
  for (const l of lines) {
    counts[l.class]++;
    if (l.nameMatch) counts.nameMatches++;
  }
  const keys = lineKeys(rec);
  const b = breakdowns(rec, keys, ok, true);
  const budgetTypesCovered = b.byBudgetType
    .filter((r) => FOUR.has(r.group) && r.covered > 0)
    .map((r) => r.group);
  const lists = rec.lists.map((l) => listStats(rec, keys, l));
  const reduction = reductionOf(lines);
  return {
    ...figuresOf(lines, ok),
    ...b,
    counts: {
      ...counts,
      orphans: rec.orphans.length,
      duplicates: rec.duplicates.length,
      amountMismatches: rec.amountMismatches.length,
    },
    budgetTypesCovered,
    lists,
    ...(rec.wholeDepartment ? { wholeDepartment: wholeDepartmentOf(rec, rec.wholeDepartment) } : {}),
    ...(reduction ? { reduction } : {}),
  };
}

function listStats(rec: Reconciliation, keys: LineKeys, l: ListCoverage): ListStats {
  const on = (i: number): boolean => l.covered[i];
  return {
    label: l.label,
    ...figuresOf(rec.lines, on),
    ...breakdowns(rec, keys, on, false),
    withTarget: figuresOf(rec.lines, on, (i) => rec.lines[i].class === "OK"),
    notOnBudget: l.notOnBudget.length,
  };
}

/* ------------------------------------------------------------------------------------------ */
/* JSON contract (product.md, `coverage`)                                                       */

export interface CoverageLineJson {
  readonly code: string;
  readonly name: string;
  readonly department: string;
  readonly amount: number | null;
  readonly class: CoverageClass;
  readonly sheet: string;
  readonly cell: string;
  /** INVALID_TARGET: errors of the target and where it is. */
  readonly errors?: number;
  readonly target?: string;
}

export interface ExcludedJson {
  readonly code: string;
  readonly name: string;
  /** Reasons joined with 、 ("涉密、基本支出"). */
  readonly reason: string;
  readonly amount: number | null;
  readonly sheet: string;
  readonly cell: string;
}

export interface OrphanJson {
  readonly code: string;
  readonly name: string;
  readonly sheet: string;
  readonly cell: string;
  readonly file?: string;
}

export interface GroupJson {
  readonly projects: number;
  readonly covered: number;
  readonly amount: number;
  readonly coveredAmount: number;
  readonly rateByCount: number;
  readonly rateByAmount: number;
  readonly excluded: number;
  readonly missing?: number;
  readonly invalid?: number;
}

export interface CoverageJson {
  readonly total: { readonly projects: number; readonly amount: number };
  readonly covered: { readonly projects: number; readonly amount: number };
  readonly rateByCount: number;
  readonly rateByAmount: number;
  readonly missing: readonly CoverageLineJson[];
  readonly invalid: readonly CoverageLineJson[];
  readonly excluded: readonly ExcludedJson[];
  readonly orphans: readonly OrphanJson[];
  readonly byDepartment: readonly (GroupJson & { readonly department: string })[];
  readonly byBudgetType: readonly (GroupJson & { readonly budgetType: string })[];
  // Extras.
  readonly byBudgetUnit: readonly (GroupJson & { readonly budgetUnit: string })[];
  readonly byExpenseType: readonly (GroupJson & { readonly expenseType: string })[];
  readonly budgetTypesCovered: readonly string[];
  readonly nameMatches: readonly { readonly code: string; readonly name: string; readonly targetCode: string; readonly target: string; readonly sheet: string; readonly cell: string }[];
  readonly duplicates: readonly { readonly code: string; readonly cells: readonly string[] }[];
  readonly amountMismatches: readonly { readonly code: string; readonly name: string; readonly amount: number; readonly targetAmount: number; readonly target: string }[];
  readonly lists?: readonly {
    readonly label: string;
    readonly total: { readonly projects: number; readonly amount: number };
    readonly covered: { readonly projects: number; readonly amount: number };
    readonly rateByCount: number;
    readonly rateByAmount: number;
    readonly withTarget: CoverageFigures;
    readonly notOnBudget: number;
    readonly byDepartment: readonly (GroupJson & { readonly department: string })[];
    readonly byBudgetType: readonly (GroupJson & { readonly budgetType: string })[];
  }[];
  readonly wholeDepartment?: WholeDepartmentStats;
  readonly reduction?: ReductionStats;
}

function groupJson<K extends string>(rows: readonly GroupRow[], key: K): (GroupJson & Record<K, string>)[] {
  return rows.map((r) => {
    const { group, ...rest } = r;
    return { [key]: group, ...rest } as GroupJson & Record<K, string>;
  });
}

function at(t: { sheet?: string; cell?: string; file?: string }): string {
  const a = `${t.sheet ?? ""}!${t.cell ?? ""}`;
  return t.file ? `${t.file} ${a}` : a;
}

function amountOrNull(n: number | undefined): number | null {
  return n === undefined ? null : roundTo(n, 4);
}

/** The `coverage` object of the JSON contract, plus extras (byBudgetUnit, byExpenseType, nameMatches, lists …). */
export function toCoverageJson(rec: Reconciliation, stats: CoverageStats = coverageStats(rec)): CoverageJson {
  const lineJson = (l: LineResult): CoverageLineJson => {
    const base = {
      code: l.item.code ?? "",
      name: l.item.name ?? "",
      department: departmentOf(l.item) ?? "",
      amount: amountOrNull(l.item.amountWan),
      class: l.class,
      sheet: l.item.sheet,
      cell: l.item.cell,
    };
    if (l.class !== "INVALID_TARGET" || l.target === undefined) return base;
    const t = rec.targets[l.target];
    return { ...base, errors: t.errorCount, target: at(t) };
  };
  const missing: CoverageLineJson[] = [];
  const invalid: CoverageLineJson[] = [];
  const excluded: ExcludedJson[] = [];
  const nameMatches: CoverageJson["nameMatches"][number][] = [];
  for (const l of rec.lines) {
    if (l.class === "MISSING_TARGET") missing.push(lineJson(l));
    else if (l.class === "INVALID_TARGET") invalid.push(lineJson(l));
    else if (l.class === "EXCLUDED")
      excluded.push({
        code: l.item.code ?? "",
        name: l.item.name ?? "",
        reason: l.reasons.join("、"),
        amount: amountOrNull(l.item.amountWan),
        sheet: l.item.sheet,
        cell: l.item.cell,
      });
    if (l.nameMatch && l.target !== undefined) {
      const t = rec.targets[l.target];
      nameMatches.push({ code: l.item.code ?? "", name: l.item.name ?? "", targetCode: t.code ?? "", target: at(t), sheet: l.item.sheet, cell: l.item.cell });
    }
  }
  const orphans: OrphanJson[] = rec.orphans.map((i) => {
    const t = rec.targets[i];
    return { code: t.code ?? "", name: t.name ?? "", sheet: t.sheet, cell: t.cell, ...(t.file !== undefined ? { file: t.file } : {}) };
  });
  const lists = stats.lists.map((s) => ({
    label: s.label,
    total: { projects: s.projects, amount: s.amount },
    covered: { projects: s.covered, amount: s.coveredAmount },
    rateByCount: s.rateByCount,
    rateByAmount: s.rateByAmount,
    withTarget: s.withTarget,
    notOnBudget: s.notOnBudget,
    byDepartment: groupJson(s.byDepartment, "department"),
    byBudgetType: groupJson(s.byBudgetType, "budgetType"),
  }));
  return {
    total: { projects: stats.projects, amount: stats.amount },
    covered: { projects: stats.covered, amount: stats.coveredAmount },
    rateByCount: stats.rateByCount,
    rateByAmount: stats.rateByAmount,
    missing,
    invalid,
    excluded,
    orphans,
    byDepartment: groupJson(stats.byDepartment, "department"),
    byBudgetType: groupJson(stats.byBudgetType, "budgetType"),
    byBudgetUnit: groupJson(stats.byBudgetUnit, "budgetUnit"),
    byExpenseType: groupJson(stats.byExpenseType, "expenseType"),
    budgetTypesCovered: stats.budgetTypesCovered,
    nameMatches,
    duplicates: rec.duplicates.map((d) => ({ code: d.code, cells: d.lines.map((i) => `${rec.lines[i].item.sheet}!${rec.lines[i].item.cell}`) })),
    amountMismatches: rec.amountMismatches.map((m) => {
      const t = rec.targets[m.target];
      return { code: t.code ?? "", name: t.name ?? "", amount: roundTo(m.budgetWan, 4), targetAmount: roundTo(m.targetWan, 4), target: at(t) };
    }),
    ...(lists.length > 0 ? { lists } : {}),
    ...(stats.wholeDepartment ? { wholeDepartment: stats.wholeDepartment } : {}),
    ...(stats.reduction ? { reduction: stats.reduction } : {}),
  };
}

/**
 * The pane's check of a workbook, at parity with `jx check <targets> --budget <list>`: a budget list found in the
 * workbook is reconciled with the targets of the other sheets, and the coverage findings (project.no-target,
 * project.invalid-target, project.excluded, project.name-match-only, project.duplicate-code, project.orphan-target,
 * project.amount-mismatch) join the engine's findings, in the verdict and the counts, as the CLI adds them to its
 * files' reports. The workbook's sheets play the two files: the budget list's sheet is the `--budget` file, every
 * other sheet with targets (unless left out in the coverage tab) is a target file. No Office, no React: plain data.
 */
import { coverageReport, type WorkbookCheck } from "../../../domain/engine";
import type { PaneCheck } from "../../engine/paneState";
import type { CoverageJson } from "../../../domain/coverage";
import type { Issue } from "../../../domain/issues";
import { countByCode, countStats, sortIssues, type Report, type Stats } from "../../../domain/report";
import type { StoredSettings } from "../../host";

/** Which budget list, and which target sheets are left out (the coverage tab's choices). */
export interface CoverageChoice {
  /** Sheet of the budget list; default the first sheet holding one. */
  readonly budgetSheet?: string;
  /** Target sheets left out of coverage. */
  readonly excluded: ReadonlySet<string>;
}

export const NO_CHOICE: CoverageChoice = { excluded: new Set() };

/** Coverage of a checked workbook, with what it was computed from. */
export interface PaneCoverage {
  readonly coverage: CoverageJson;
  /** The findings of the reconciliation (each on its budget line or target cell). */
  readonly issues: readonly Issue[];
  /** The budget list used. */
  readonly budgetSheet: string;
  /** Sheets holding a budget list, in workbook order. */
  readonly budgetSheets: readonly string[];
  /** Sheets holding targets (the budget list's own sheet aside), in workbook order. */
  readonly targetSheets: readonly string[];
}

/**
 * The sheets of the items, each once, in order of first appearance. Items come sheet by sheet, so a run of one
 * sheet costs a comparison per item (a million-row list gives 150,000 targets, rendered on the pane's thread).
 */
function sheetsOf(items: readonly { readonly sheet: string }[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  let last: string | undefined;
  for (const x of items) {
    if (x.sheet === last) continue;
    last = x.sheet;
    if (!seen.has(last)) {
      seen.add(last);
      out.push(last);
    }
  }
  return out;
}

/** Budget-list sheets and target sheets of a check, in workbook order. */
export function coverageSources(check: Pick<WorkbookCheck, "budget" | "targets">, budgetSheet?: string): { budgetSheets: string[]; budgetSheet?: string; targetSheets: string[] } {
  const budgetSheets = sheetsOf(check.budget);
  const chosen = budgetSheet !== undefined && budgetSheets.includes(budgetSheet) ? budgetSheet : budgetSheets[0];
  const targetSheets = sheetsOf(check.targets).filter((s) => s !== chosen);
  return { budgetSheets, ...(chosen !== undefined ? { budgetSheet: chosen } : {}), targetSheets };
}

/**
 * The coverage of a checked workbook under the choice, or undefined when it holds no budget list. As the CLI: only
 * the chosen list's lines are budget lines; the targets are those of the other sheets not left out.
 */
export function paneCoverage(check: Pick<WorkbookCheck, "budget" | "targets">, choice: CoverageChoice, settings: StoredSettings): PaneCoverage | undefined {
  const src = coverageSources(check, choice.budgetSheet);
  if (src.budgetSheet === undefined) return undefined;
  const budgetSheet = src.budgetSheet;
  const budget = check.budget.filter((b) => b.sheet === budgetSheet);
  const targets = check.targets.filter((t) => t.sheet !== budgetSheet && !choice.excluded.has(t.sheet));
  const { coverage, issues } = coverageReport(budget, targets, { profile: settings.profile, settings: settings.settings });
  return { coverage, issues, budgetSheet, budgetSheets: src.budgetSheets, targetSheets: src.targetSheets };
}

function addStats(a: Stats, b: Stats): Stats {
  return { errors: a.errors + b.errors, warnings: a.warnings + b.warnings, infos: a.infos + b.infos };
}

function addByCode(a: Report["byCode"], b: Report["byCode"]): Report["byCode"] {
  const out: Record<string, number> = { ...a };
  for (const [code, n] of Object.entries(b)) out[code] = (out[code] ?? 0) + (n ?? 0);
  return out as Report["byCode"];
}

/** The check with the coverage findings added (counts, verdict and list), as the CLI's reports add them. */
export function withCoverageIssues<C extends PaneCheck>(check: C, extra: readonly Issue[]): C {
  if (extra.length === 0) return check;
  // The sheets in workbook order (one summary per sheet checked, as one recognition per sheet).
  const order = check.sheets.map((s) => s.sheet);
  const stats = addStats(check.stats, countStats(extra));
  return {
    ...check,
    issues: sortIssues([...check.issues, ...extra], order),
    stats,
    byCode: addByCode(check.byCode, countByCode(extra)),
    valid: stats.errors === 0,
  };
}

/** Issues: what the engine reports. Codes, severities and sources live in catalog.ts. */

export type Severity = "error" | "warning" | "info";

/** Every issue code the engine can emit (stable: users and scripts rely on them). */
export type IssueCode =
  | "table.no-indicator-header"
  | "table.not-recognized"
  | "table.not-filled"
  | "file.invalid-bytes"
  | "indicator.missing-field"
  | "indicator.unknown-category"
  | "indicator.placeholder"
  | "indicator.not-numeric"
  | "indicator.missing-unit"
  | "indicator.unit-mismatch"
  | "indicator.percent-over-100"
  | "indicator.cost-direction"
  | "indicator.vague"
  | "indicator.duplicate"
  | "indicator.name-value-conflict"
  | "indicator.spending-as-output"
  | "indicator.zero-weight"
  | "indicator.missing-explanation"
  | "indicator.shanxi-cost"
  | "project.missing-category"
  | "project.weight-sum"
  | "score.missing-actual"
  | "score.actual-not-figure"
  | "score.actual-copies-target"
  | "score.exceeds-weight"
  | "score.mismatch"
  | "score.out-of-band"
  | "score.missing-reason"
  | "score.over-achievement"
  | "score.total-mismatch"
  | "score.grade-mismatch"
  | "budget.total-mismatch"
  | "budget.rate-mismatch"
  | "budget.score-mismatch"
  | "budget.low-execution"
  | "budget.zero-budget"
  | "budget.adjustment-unexplained"
  | "form.template-text"
  | "project.no-target"
  | "project.invalid-target"
  | "project.name-match-only"
  | "project.orphan-target"
  | "project.amount-mismatch"
  | "project.duplicate-code"
  | "project.excluded";

/** One finding, tied to a cell. */
export interface Issue {
  readonly code: IssueCode;
  readonly severity: Severity;
  readonly sheet: string;
  /** A1 address of the cell the finding is about (no sheet prefix). */
  readonly cell: string;
  /** The cell's text as found ("" when empty). */
  readonly value: string;
  /** What the rule expected, when there is one (a computed figure, a unit, a list). */
  readonly expected?: string;
  /** Chinese message (shown first). */
  readonly message: string;
  /** English message. */
  readonly messageEn: string;
  /** The rule's source: a 文号 or "practice: …". */
  readonly source: string;
  /** File the issue belongs to, filled by hosts that check several files. */
  readonly file?: string;
}

/** What a check supplies; severity and source come from the catalog. */
export interface IssueDraft {
  readonly code: IssueCode;
  readonly sheet: string;
  readonly cell: string;
  readonly value?: string;
  readonly expected?: string;
  readonly message: string;
  readonly messageEn: string;
  /** Overrides the catalog severity (e.g. a profile that downgrades 满意度 to a warning). */
  readonly severity?: Severity;
}

/** Issues: what the engine reports. Codes, severities and sources live in catalog.ts. */

export type Severity = "error" | "warning" | "info";

/** Every issue code the engine can emit: the keys of the catalog (catalog.ts), its single source. */
export type { IssueCode } from "./catalog";
import type { IssueCode } from "./catalog";

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
  /** The rule's source, as users read it: a 文号 and clause, or 常见审核要求 / common review practice (catalog.ts). */
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

/** Issues: what the engine reports. Codes, severities and sources live in catalog.ts. */

export type Severity = "error" | "warning" | "info";

/** Every issue code the engine can emit: the keys of the catalog (catalog.ts), its single source. */
export type { IssueCode } from "./catalog";
import type { IssueCode, MessageValue, Template } from "./catalog";

/** A template's parameter values by placeholder name. */
export type MessageParamValues = { readonly [name: string]: MessageValue };

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

/** The words of a finding, as checks give them (catalog.ts `say`): a template and its parameters, filled late. */
export interface FindingWords {
  /** The catalog's message, both languages, with its `{placeholders}`. */
  readonly template: Template;
  /** The placeholders' values (none when the template has none). */
  readonly params: MessageParamValues | undefined;
  readonly message?: never;
  readonly messageEn?: never;
}

/** Words already written (a recognition's reason, a host's notice): Chinese and English. */
export interface WrittenWords {
  readonly message: string;
  readonly messageEn: string;
  readonly template?: never;
  readonly params?: never;
}

/**
 * What a check supplies, and what the engine carries until a finding is kept: a small record (code, place, cell
 * text, parameters). Severity and source come from the catalog; the messages are written from the template only
 * for the findings reported (makeIssue), so a finding cut by `maxFindings` is never rendered.
 */
export type IssueDraft = DraftPlace & (FindingWords | WrittenWords);

/** The part of a draft that is not its words. */
export interface DraftPlace {
  readonly code: IssueCode;
  readonly sheet: string;
  /** A1 address of the cell the finding is about (no sheet prefix). */
  readonly cell: string;
  readonly value?: string;
  readonly expected?: string;
  /** Overrides the catalog severity (e.g. a profile that downgrades 满意度 to a warning). */
  readonly severity?: Severity;
}

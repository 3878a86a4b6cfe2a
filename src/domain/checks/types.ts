/**
 * The check protocol. A check is one rule family in one file: it declares the codes it may emit and has up to
 * three hooks, which the engine calls while it walks a project's indicator rows once (walk.ts):
 *
 *   begin(ctx, reuse)          → the check's own state for this project (sums, names seen), when it needs one
 *                                (`reuse`: the state its previous walk made, to clear rather than allocate anew);
 *   row(row, i, ctx, state, emit)  one indicator row: row-level findings only. JX.CHECK runs these alone;
 *   end(ctx, state, emit)      after the last row: what needs the whole project (totals, categories present,
 *                              the funds block, the 总分).
 *
 * A finding a check emits goes through `emit`; the engine adds severity and source from the catalog and keeps it.
 * Whether a rule is row-level is said in one place: which hook emits it.
 */
import type { IssueCode, IssueDraft } from "../issues";
import type { Hierarchy, Profile } from "../profiles/types";
import type { IndicatorProject, IndicatorRow, IndicatorTable } from "../tables/model";
import type { IndicatorScoreEntry, ProjectScore } from "../scoring/totals";
import type { ParsedValue } from "../value/types";
import type { RowCategory } from "../tables/category";

/** What every hook sees: the project being checked, its table, the profile, and the facts computed once. */
export interface CheckContext {
  readonly profile: Profile;
  readonly table: IndicatorTable;
  readonly project: IndicatorProject;
  readonly facts: ProjectFacts;
}

/** A project's framework and each indicator's category, parallel to `project.indicators` (see facts.ts). */
export interface ProjectFacts {
  readonly project: IndicatorProject;
  readonly hierarchy: Hierarchy;
  readonly categories: readonly RowCategory[];
  /** The parsed 指标值 of indicator `i` (with its sign and unit columns), parsed on the first call and kept. */
  readonly target: (i: number) => ParsedValue;
  /** The project's scores (§4), computed on the first call and kept. */
  readonly score: () => ProjectScore;
  /** The score entry of indicator `i` (undefined for a 不适用 row), from `score()`. */
  readonly scoreAt: (i: number) => IndicatorScoreEntry | undefined;
}

/** Where a check's findings go. */
export type Emit = (draft: IssueDraft) => void;

/**
 * One rule family over rows of type `Row` in a context `Ctx` (an indicator table's project, or a reconciliation's
 * budget lines: coverage/findings.ts). `S` is the state `begin` makes (none by default). The hooks are written as
 * methods, so a check of any state type is a check of `unknown` state in the list the engine walks.
 */
export interface RuleCheck<Row, Ctx, S = undefined> {
  /** Short id, e.g. "required-fields". */
  readonly id: string;
  /** Every code this check may emit (a test runs every check over every fixture and holds it to this list). */
  readonly codes: readonly IssueCode[];
  /**
   * Fresh state before the first row. `reuse` is the state this check's previous walk by the same walker made
   * (undefined on the first walk, or in a nested one): a list walks 150,000 projects, and a check may empty its
   * collections and return them rather than allocate new ones.
   */
  begin?(ctx: Ctx, reuse?: S): S;
  /** One row (`i` is its index): findings about that row only. */
  row?(row: Row, i: number, ctx: Ctx, state: S, emit: Emit): void;
  /** After the last row: findings that need all of them. */
  end?(ctx: Ctx, state: S, emit: Emit): void;
}

/** A check of an indicator table's project, row by indicator row. */
export type Check<S = undefined> = RuleCheck<IndicatorRow, CheckContext, S>;

/** A project check in the engine's list, whatever its state. */
export type AnyCheck = Check<unknown>;

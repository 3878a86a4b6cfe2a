/**
 * A check: one rule family, one file. It declares the codes it can emit and runs on one project of a
 * recognized indicator table (the "end" moment of frictionless's start/row/end; row checks loop inside).
 */
import type { IssueCode, IssueDraft } from "../issues";
import type { Hierarchy, Profile } from "../profiles/types";
import type { IndicatorProject, IndicatorTable } from "../tables/model";
import type { ProjectScore } from "../scoring/totals";
import type { ParsedValue } from "../value/types";
import type { RowCategory } from "../tables/category";

export interface CheckContext {
  readonly profile: Profile;
  readonly table: IndicatorTable;
  /**
   * Only row-level rules are wanted (JX.CHECK on one row): checks skip their project-level parts (totals,
   * categories present), which a lone row cannot satisfy and whose findings would be dropped anyway.
   */
  readonly rowOnly?: boolean;
  /** Facts about the project being checked, computed once by the engine for every check (`factsFor`). */
  readonly facts?: ProjectFacts;
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
}

export interface ProjectCheck {
  /** Short id, e.g. "required-fields". */
  readonly id: string;
  /** Every code this check may emit. */
  readonly codes: readonly IssueCode[];
  run(project: IndicatorProject, ctx: CheckContext): IssueDraft[];
}

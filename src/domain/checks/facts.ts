/**
 * What several checks ask about a project, computed once for all of them: the framework, each row's
 * category, and (only when a check or the table summary asks) the project's scores.
 */
import type { Hierarchy, Profile } from "../profiles/types";
import { scoreProject, type IndicatorScoreEntry, type ProjectScore } from "../scoring/totals";
import type { IndicatorProject, IndicatorTable } from "../tables/model";
import type { ParsedValue } from "../value/types";
import { projectCategories, projectHierarchy, type RowCategory } from "../tables/category";
import { rowTarget } from "../tables/row-values";
import type { CheckContext, ProjectFacts } from "./types";

export function projectFacts(project: IndicatorProject, table: IndicatorTable, profile: Profile): ProjectFacts {
  const hierarchy = projectHierarchy(project, profile);
  return new Facts(project, table, profile, hierarchy, projectCategories(project, hierarchy));
}

/**
 * One project's facts: an object of fields and methods rather than closures, since a list makes one per project
 * (150,000 for a million rows) and each closure is an object of its own. The parsed targets' array is made when
 * the first is asked for.
 */
class Facts implements ProjectFacts {
  private targets: (ParsedValue | undefined)[] | undefined;
  private scored: ProjectScore | undefined;
  private byRow: (IndicatorScoreEntry | undefined)[] | undefined;

  constructor(
    readonly project: IndicatorProject,
    private readonly table: IndicatorTable,
    private readonly profile: Profile,
    readonly hierarchy: Hierarchy,
    readonly categories: readonly RowCategory[],
  ) {}

  target(i: number): ParsedValue {
    const targets = (this.targets ??= new Array<ParsedValue | undefined>(this.project.indicators.length).fill(undefined));
    return targets[i] ?? (targets[i] = rowTarget(this.project.indicators[i]));
  }

  score(): ProjectScore {
    return (this.scored ??= scoreProject(this.project, this.table, this.profile, this.categories, (i) => this.target(i)));
  }

  scoreAt(i: number): IndicatorScoreEntry | undefined {
    if (!this.byRow) {
      // Entries follow project.indicators in order, leaving out the 不适用 rows.
      const rows = this.project.indicators;
      const byRow = new Array<IndicatorScoreEntry | undefined>(rows.length).fill(undefined);
      const entries = this.score().indicators;
      let k = 0;
      for (let r = 0; r < rows.length && k < entries.length; r++) {
        if (entries[k].row === rows[r]) byRow[r] = entries[k++];
      }
      this.byRow = byRow;
    }
    return this.byRow[i];
  }
}

/** The context the hooks of every check get for one project. */
export function checkContext(project: IndicatorProject, table: IndicatorTable, profile: Profile): CheckContext {
  return { profile, table, project, facts: projectFacts(project, table, profile) };
}

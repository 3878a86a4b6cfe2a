/**
 * What several checks ask about a project, computed once for all of them: the framework, each row's
 * category, and (only when a check or the table summary asks) the project's scores.
 */
import type { Profile } from "../profiles/types";
import { scoreProject, type IndicatorScoreEntry, type ProjectScore } from "../scoring/totals";
import type { IndicatorProject, IndicatorTable } from "../tables/model";
import type { ParsedValue } from "../value/types";
import { projectCategories, projectHierarchy } from "../tables/category";
import { rowTarget } from "../tables/row-values";
import type { CheckContext, ProjectFacts } from "./types";

export function projectFacts(project: IndicatorProject, table: IndicatorTable, profile: Profile): ProjectFacts {
  const hierarchy = projectHierarchy(project, profile);
  const categories = projectCategories(project, hierarchy);
  const targets = new Array<ParsedValue | undefined>(project.indicators.length).fill(undefined);
  const target = (i: number): ParsedValue => targets[i] ?? (targets[i] = rowTarget(project.indicators[i]));
  let score: ProjectScore | undefined;
  const scoreOf = (): ProjectScore => (score ??= scoreProject(project, table, profile, categories, target));
  let byRow: (IndicatorScoreEntry | undefined)[] | undefined;
  const scoreAt = (i: number): IndicatorScoreEntry | undefined => {
    if (!byRow) {
      // Entries follow project.indicators in order, leaving out the 不适用 rows.
      byRow = new Array<IndicatorScoreEntry | undefined>(project.indicators.length).fill(undefined);
      const entries = scoreOf().indicators;
      let k = 0;
      for (let r = 0; r < project.indicators.length && k < entries.length; r++) {
        if (entries[k].row === project.indicators[r]) byRow[r] = entries[k++];
      }
    }
    return byRow[i];
  };
  return { project, hierarchy, categories, target, score: scoreOf, scoreAt };
}

/** The context the hooks of every check get for one project. */
export function checkContext(project: IndicatorProject, table: IndicatorTable, profile: Profile): CheckContext {
  return { profile, table, project, facts: projectFacts(project, table, profile) };
}

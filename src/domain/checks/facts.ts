/**
 * What several checks ask about a project, computed once for all of them: the framework, each row's
 * category, and (only when a check or the table summary asks) the project's scores.
 */
import type { Profile } from "../profiles/types";
import { scoreProject, type ProjectScore } from "../scoring/totals";
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
  return {
    project,
    hierarchy,
    categories,
    target,
    score: () => (score ??= scoreProject(project, table, profile, categories, target)),
  };
}

/** The facts the context carries for this project, or computed now (a check run on its own, JX.CHECK). */
export function factsFor(project: IndicatorProject, ctx: CheckContext): ProjectFacts {
  return ctx.facts !== undefined && ctx.facts.project === project ? ctx.facts : projectFacts(project, ctx.table, ctx.profile);
}

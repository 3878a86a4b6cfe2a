/** Coverage and reconciliation (覆盖率与对账), rules.md §6–§7: public API. */
export type { BudgetItem, CoveredItem, TargetErrors, TargetItem } from "./types";
export { budgetItemsFromTable, errorCountsAt, fundsTotalWan, readAmount, splitCodedName, targetItemsFromProjects, yuanToWan } from "./types";
export type { FourBudget } from "./normalize";
export {
  FOUR_BUDGETS,
  UNCLASSIFIED,
  codesMatch,
  isBasicExpense,
  isYesFlag,
  looseCodeKey,
  normalizeBudgetType,
  normalizeCode,
  normalizeName,
  normalizeUnit,
} from "./normalize";
export type {
  AmountMismatch,
  CoverageClass,
  CoverageIssueDraft,
  DuplicateCode,
  ExclusionReason,
  LineResult,
  ListCoverage,
  MatchKind,
  Reconciliation,
  ReconcileOptions,
  WholeDepartmentInput,
} from "./reconcile";
export { exclusionReasons, reconcile } from "./reconcile";
export { COVERAGE_CHECKS, coverageFindings, formatWan, type CoverageCheck, type CoverageContext } from "./findings";
export type {
  Breakdowns,
  CoverageFigures,
  CoverageJson,
  CoverageLineJson,
  CoverageStats,
  ExcludedJson,
  GroupJson,
  GroupRow,
  ListStats,
  OrphanJson,
  ReductionStats,
  WholeDepartmentStats,
} from "./stats";
export { coverageStats, ratio, roundTo, toCoverageJson, wholeDepartmentCoverage } from "./stats";
export type { CellInput, CoverageByRow } from "./functions";
export {
  buildCodeSet,
  CodeSet,
  coverageBy,
  coverageRate,
  flattenCells,
  hasTarget,
  isExclusionFlag,
  missingRows,
  reductionRate,
} from "./functions";

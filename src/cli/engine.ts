/** The engine as the command line uses it (one import point, so the hosts' surface of the domain is visible). */
export { checkWorkbook, coverageReport, workbookSummary, type CheckOptions, type CoverageOptions, type WorkbookCheck, type WorkbookSummary } from "../domain/engine";
export type { BudgetItem, CoverageJson, CoveredItem, TargetItem } from "../domain/coverage";

/**
 * The coverage tables' words and rate format, shared by the report workbook (jx check --out, the page's download:
 * report-book.ts) and the 覆盖率统计 sheet the pane writes (src/excel/coverage.ts), so both read alike. No imports:
 * the pane's bundle takes these strings without ExcelJS.
 */

/** The columns after the group's name. */
export const COVERAGE_GROUP_HEADER = ["项目数 Projects", "有目标 Covered", "覆盖率(项目数) Rate by count", "金额(万元) Amount", "有目标金额(万元) Covered amount", "覆盖率(金额) Rate by amount"] as const;

/** The group columns' names. */
export const COVERAGE_BY_DEPARTMENT = "主管部门 Department";
export const COVERAGE_BY_BUDGET_TYPE = "预算类型 Budget type";

/** The total row's label. */
export const COVERAGE_TOTAL = "合计 Total";

/** A rate's number format. */
export const COVERAGE_RATE_FORMAT = "0.00%";

/**
 * Large inputs generated at test time (never committed): an indicator list whose every row carries three
 * findings, for the cap on findings kept per file.
 *
 * Each row of the list is an indicator of one project, 指标值 "有所提高" and 分值 0: indicator.not-numeric (error),
 * indicator.zero-weight (error) and indicator.vague (warning); the project adds two project.missing-category errors.
 * So `rows` rows give 3 × rows + 2 findings: 2 × rows + 2 errors and `rows` warnings.
 */
import * as fs from "fs";

export const FINDINGS_HEADER = "项目编码,项目名称,一级指标,二级指标,三级指标,计算符号,指标值,计量单位,分值";

/** Findings a list of `rows` rows gives, by severity. */
export function findingsOf(rows: number): { errors: number; warnings: number; total: number } {
  return { errors: 2 * rows + 2, warnings: rows, total: 3 * rows + 2 };
}

/** The list as CSV text (UTF-8). */
export function findingsCsv(rows: number): string {
  const lines: string[] = [FINDINGS_HEADER];
  for (let i = 0; i < rows; i++) lines.push(`P1,项目,产出指标,数量指标,培训人次${i},≥,有所提高,,0`);
  return lines.join("\n") + "\n";
}

export function writeFindingsCsv(file: string, rows: number): void {
  fs.writeFileSync(file, findingsCsv(rows), "utf8");
}

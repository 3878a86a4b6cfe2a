/**
 * JX custom functions (namespace JX from the manifest). Each function is a thin wrapper over src/domain:
 * arrays in, arrays out, pure and non-volatile. Metadata (functions.json) is generated from the JSDoc below by
 * custom-functions-metadata-plugin, which also registers each @customfunction with CustomFunctions.associate.
 *
 * Adding a function: write a `function` declaration (arrow functions are ignored by the generator) with
 * @customfunction ID, Chinese + English description and @param help; put shared helpers in ./cells.ts.
 */
import { gradeCell } from "../domain/scoring/grade";
import { cellError, mapCells, type CellResult } from "./cells";
import {
  checkCells,
  completionCells,
  coverageByCells,
  coverageCell,
  execScoreCells,
  hasTargetCells,
  missingCells,
  parseCells,
  reductionCells,
  scoreCells,
} from "./jx";

/**
 * The build appends `CustomFunctions.associate("ID", fn)` for each function to this file. Outside Excel (the pane
 * opened in a browser, the e2e, jest) there is no CustomFunctions global and that line would throw while the
 * shared page loads; this module-level binding sends it to Excel's registry when there is one, else nowhere.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
const CustomFunctions: { associate(id: string, fn: (...args: never[]) => unknown): void } = (
  globalThis as { CustomFunctions?: { associate(id: string, fn: (...args: never[]) => unknown): void } }
).CustomFunctions ?? { associate: () => undefined };

/**
 * 由总分计算绩效等级：优 ≥ 90，良 ≥ 80，中 ≥ 60，差 < 60。Grade of a total score (优/良/中/差).
 * @customfunction GRADE
 * @param score 总分（单元格或区域；文本数字也可）。Total score: a cell or a range (numbers as text are read too).
 * @returns 等级，与输入同形。The grade, same shape as the input.
 */
// `any[][]` gives the parameter type "any" in functions.json, so Excel passes numbers and text alike.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function jxGrade(score: any[][]): string[][] {
  // Cells that cannot be graded hold a CustomFunctions.Error, which Excel accepts inside a matrix result.
  return gradeMatrix(score) as string[][];
}

/** JX.GRADE's body, typed. */
export function gradeMatrix(score: readonly (readonly unknown[])[]): CellResult<string>[][] {
  return mapCells(score, (v) => {
    const r = gradeCell(v);
    return r.ok ? r.grade : cellError("invalidValue", `${r.reason} (${r.reasonEn})`);
  });
}

// ---------------------------------------------------------------------------------------------------------
// The functions below are thin wrappers: each calls its typed body in ./jx.ts. Parameters are `any[][]` (a cell
// or a range; Excel passes numbers, text, booleans and blanks) and results `any[][]` (a spilled array whose
// cells may hold CustomFunctions.Error). Optional parameters use `p?: T`, as the metadata generator requires.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * 按规则计算指标建议得分（正向/等于/反向公式，不超过分值）。Suggested score of an indicator (rules §4.3).
 * @customfunction SCORE
 * @param target 年度指标值，可为文本如“≥95%”“≤90万元”，或单元格/区域。Target value, e.g. "≥95%"; a cell or a range.
 * @param actual 实际完成值（百分比格式的 0.97 按 97% 读）。Actual value (0.97 in a % cell reads as 97%).
 * @param weight 分值（权重）。Weight (points) of the indicator.
 * @param [sign] 可选：计算符号（≥ ＞ ＝ ＜ ≤ 正向 反向 定性），指标值不含符号时使用。Optional sign when the target has none.
 * @returns 建议得分（2位小数），区域输入时逐个计算。The score (2 dp), element-wise on ranges.
 */
export function jxScore(target: any[][], actual: any[][], weight: any[][], sign?: any[][]): any[][] {
  return scoreCells(target, actual, weight, sign);
}

/**
 * 完成率：正向/等于为 实际/目标，反向为 目标/实际。Completion ratio: actual/target (target/actual for ≤).
 * @customfunction COMPLETION
 * @param target 年度指标值，如“≥95%”。Target value, e.g. "≥95%".
 * @param actual 实际完成值。Actual value.
 * @param [sign] 可选：计算符号。Optional sign when the target has none.
 * @returns 完成率（小数，可设为百分比格式）。The ratio as a fraction (format as %).
 */
export function jxCompletion(target: any[][], actual: any[][], sign?: any[][]): any[][] {
  return completionCells(target, actual, sign);
}

/**
 * 预算执行率得分 = 执行数/预算数 × 分值，2位小数，封顶为分值。Budget execution score = B/A × points, capped.
 * @customfunction EXECSCORE
 * @param budget 全年预算数 (A)。Budget for the year (A).
 * @param spent 全年执行数 (B)。Spending for the year (B).
 * @param [points] 可选：分值，默认 10。Optional points, 10 by default.
 * @returns 执行率得分。The execution score.
 */
export function jxExecScore(budget: any[][], spent: any[][], points?: any[][]): any[][] {
  return execScoreCells(budget, spent, points);
}

/**
 * 解析指标值为 符号、数值、单位 三列（定性指标给出文本）。Parses a target into sign, number and unit (or its text).
 * @customfunction PARSE
 * @param text 指标值文本，如“≥95%”“≤475元/亩”“有效”。Target text, e.g. "≥95%", "≤475元/亩", "有效".
 * @returns 每个单元格三列：符号、数值（或文本/日期）、单位。Three columns per cell: sign, number (or text/date), unit.
 */
export function jxParse(text: any[][]): any[][] {
  return parseCells(text);
}

/**
 * 项目编码是否有绩效目标（编码规范化后比对）。TRUE when the project code is among the target codes.
 * @customfunction HASTARGET
 * @param code 项目编码（单元格或区域）。Project code: a cell or a range.
 * @param targetCodes 已有绩效目标的项目编码区域（可整列）。Codes that have a target (whole columns are fine).
 * @returns TRUE/FALSE，与 code 同形。TRUE/FALSE, same shape as code.
 */
export function jxHasTarget(code: any[][], targetCodes: any[][]): any[][] {
  return hasTargetCells(code, targetCodes);
}

/**
 * 列出没有绩效目标的预算项目行（全部列，按清单顺序）。The budget rows that have no target, all columns, in order.
 * @customfunction MISSING
 * @param budgetRange 预算项目清单区域；首行为标题时按“项目编码”列比对，否则用第一列。Budget list; the 项目编码 column if titled, else the first.
 * @param targetCodes 已有绩效目标的项目编码。Codes that have a target.
 * @param [excluded] 可选：与清单平行的排除标记列（是/涉密/基本支出）。Optional exclusion flags, one per budget row.
 * @returns 缺少目标的行；没有时返回“（无）”。The rows lacking a target; a "（无）" marker when none.
 */
export function jxMissing(budgetRange: any[][], targetCodes: any[][], excluded?: any[][]): any[][] {
  return missingCells(budgetRange, targetCodes, excluded);
}

/**
 * 绩效目标覆盖率：按项目数，给出金额时按金额。Coverage rate by count, or by amount when amounts are given.
 * @customfunction COVERAGE
 * @param budgetCodes 预算项目编码（可整列，标题行自动跳过）。Budget project codes (whole column; a title row is skipped).
 * @param coveredCodes 已覆盖（有目标/监控/自评）的项目编码。Codes that are covered.
 * @param [amounts] 可选：与编码平行的金额列。Optional amounts, parallel to the codes.
 * @returns 覆盖率（小数）。The rate as a fraction.
 */
export function jxCoverage(budgetCodes: any[][], coveredCodes: any[][], amounts?: any[][]): any {
  return coverageCell(budgetCodes, coveredCodes, amounts);
}

/**
 * 按分组（部门、四本预算等）统计覆盖率，带标题行。Coverage by group (department, budget type…), with a header row.
 * @customfunction COVERAGEBY
 * @param groups 分组列（主管部门、预算类型等），与编码平行。Group of each line, parallel to the codes.
 * @param budgetCodes 预算项目编码。Budget project codes.
 * @param coveredCodes 已覆盖的项目编码。Codes that are covered.
 * @param [amounts] 可选：金额列，给出时增加金额统计三列。Optional amounts: adds amount, covered amount, amount rate.
 * @returns 表：分组、项目数、已覆盖、覆盖率[、金额、已覆盖金额、金额覆盖率]。Table: group, total, covered, rate[, amounts].
 */
export function jxCoverageBy(groups: any[][], budgetCodes: any[][], coveredCodes: any[][], amounts?: any[][]): any[][] {
  return coverageByCells(groups, budgetCodes, coveredCodes, amounts);
}

/**
 * 审减率 = (申报金额 − 核定金额) / 申报金额。Reduction rate = (declared − approved) / declared.
 * @customfunction REDUCTION
 * @param declared 申报金额。Declared amount.
 * @param approved 核定（建议安排）金额。Approved amount.
 * @returns 审减率（小数），区域输入时逐行计算。The rate as a fraction, element-wise on ranges.
 */
export function jxReduction(declared: any[][], approved: any[][]): any[][] {
  return reductionCells(declared, approved);
}

/**
 * 检查一行绩效指标，返回问题代码与说明；无问题返回空。Checks one indicator row: issue codes and messages, "" when clean.
 * @customfunction CHECK
 * @param level1 一级指标。Level-1 category.
 * @param level2 二级指标。Level-2 category.
 * @param name 三级指标名称。Indicator name.
 * @param target 指标值。Target value.
 * @param unit 计量单位。Unit.
 * @param weight 分值。Weight.
 * @returns 问题文本（“代码 说明；…”），区域输入时逐行。Issues as "code message; …", row by row on ranges.
 */
export function jxCheck(level1: any[][], level2: any[][], name: any[][], target: any[][], unit: any[][], weight: any[][]): any[][] {
  return checkCells(level1, level2, name, target, unit, weight);
}

/**
 * JX custom functions (namespace JX from the manifest). Each function is a thin wrapper over src/domain:
 * arrays in, arrays out, pure and non-volatile. Metadata (functions.json) is generated from the JSDoc below by
 * custom-functions-metadata-plugin, which also registers each @customfunction with CustomFunctions.associate.
 *
 * Adding a function: write a `function` declaration (arrow functions are ignored by the generator) with
 * @customfunction ID, Chinese + English description and @param help; put shared helpers in ./cells.ts.
 */
import { grade } from "../domain/scoring/grade";
import { readNumber } from "../domain/value";
import { cellError, mapCells, type CellResult } from "./cells";

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
    const n = readNumber(v);
    const r = grade(n ? n.value : Number.NaN);
    return r.ok ? r.grade : cellError("invalidValue", `${r.reason} (${r.reasonEn})`);
  });
}

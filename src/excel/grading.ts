/**
 * Grading the selection (pane button "计算所选单元格等级"): the domain grades, this module only reads cells and
 * names them.
 */
import { a1, cellText, isBlank, parseArea } from "../domain/grid";
import { gradeCell, type GradeResult } from "../domain/scoring/grade";
import { readSelectionValues } from "./selection";

/** One graded cell. */
export interface GradedCell {
  /** Cell address with sheet prefix ("Sheet1!B3"). */
  readonly address: string;
  /** The cell's value as text, as the user typed it. */
  readonly text: string;
  readonly result: GradeResult;
}

/** The grades of every non-empty cell in the selection, in row-major order. */
export interface SelectionGrades {
  /** Address that was read. */
  readonly address: string;
  readonly cells: GradedCell[];
}

export { gradeCell };

/** Grades the selection's non-empty cells. One Excel.run, one context.sync. */
export async function gradeSelection(): Promise<SelectionGrades> {
  const { address, values, numberFormats } = await readSelectionValues();
  const bang = address.lastIndexOf("!");
  const prefix = bang >= 0 ? address.slice(0, bang + 1) : "";
  const area = parseArea(address);
  const top = area ? area.top : 0;
  const left = area ? area.left : 0;
  const cells: GradedCell[] = [];
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (isBlank(v)) return;
      cells.push({ address: prefix + a1(top + r, left + c), text: cellText(v), result: gradeCell(v, numberFormats[r]?.[c]) });
    }),
  );
  return { address, cells };
}

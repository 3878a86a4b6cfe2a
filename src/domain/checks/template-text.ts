/**
 * form.template-text: narrative cells of a form (评价结论, 存在问题, 改进措施, 年度目标完成情况 …) that still hold
 * the template's instructions instead of an answer (real table 11: "结合自评情况，分析存在的问题及原因。(200字以内)").
 * A sheet check (the check protocol, types.ts) over the sheet's rows: the cells right of, or under, a narrative
 * label; one finding per such cell.
 */
import { say } from "../catalog";
import { a1, type CellValue, type Grid } from "../grid";
import type { IssueDraft } from "../issues";
import { isTemplateInstruction } from "./instructions";
import { narratives } from "./narratives";
import { sheetDirections } from "./sheet-directions";
import { fundsManagement } from "./funds-management";
import { copiedFields } from "./copied-fields";
import { managementAnswers } from "./management-answers";
import type { RuleCheck } from "./types";
import { walkRows, type CheckSink } from "./walk";

/** Labels of a form's narrative cells. */
const NARRATIVE_LABEL = /评价结论|自评结论|存在问题|问题及原因|改进措施|改进意见|完成情况|实施内容|过程概述|主要成效|绩效目标完成|总体目标|预期目标|年度目标|原因分析/;

function textOf(v: CellValue | undefined): string {
  return typeof v === "string" ? v.trim() : "";
}

/**
 * The narrative label a cell answers: the nearest text left of it in its row when that is such a label, else the
 * text above it (a two-column block: 项目年度目标 | 年度目标完成情况 over the two answers, real table 11).
 */
function labelFor(values: readonly (readonly CellValue[])[], r: number, c: number): string | undefined {
  const row = values[r] ?? [];
  for (let k = c - 1; k >= 0; k--) {
    const t = textOf(row[k]);
    if (t === "") continue;
    if (NARRATIVE_LABEL.test(t) && t.length <= 40) return t;
    break;
  }
  const above = r > 0 ? textOf(values[r - 1]?.[c]) : "";
  return above !== "" && above.length <= 40 && NARRATIVE_LABEL.test(above) ? above : undefined;
}

/** What a sheet check sees: the sheet's grid. */
export interface SheetContext {
  readonly grid: Grid;
}

/** A check over the rows of a form's sheet (the cells around the tables, not the indicator rows). */
export type SheetCheck<S = undefined> = RuleCheck<readonly CellValue[], SheetContext, S>;

const templateText: SheetCheck = {
  id: "template-text",
  codes: ["form.template-text"],
  row(cells, r, { grid }, _s, emit) {
    const values = grid.values ?? [];
    for (let c = 0; c < cells.length; c++) {
      const t = textOf(cells[c]);
      if (t.length < 8 || !isTemplateInstruction(t)) continue;
      const label = labelFor(values, r, c);
      if (!label) continue;
      const shown = t.length > 60 ? `${t.slice(0, 60)}…` : t;
      emit({
        ...say("form.template-text", "instructions", { label: label.replace(/[:：]$/, ""), shown }),
        sheet: grid.sheet,
        cell: a1(grid.top + r, grid.left + c),
        value: t,
      });
    }
  },
};

/** Every sheet check (run on the sheets that hold a form). */
export const SHEET_CHECKS: readonly SheetCheck<unknown>[] = [templateText, narratives, sheetDirections, fundsManagement, copiedFields, managementAnswers];

/** The sheet checks' findings on one sheet. */
export function sheetFindings(grid: Grid, sink?: CheckSink<SheetCheck<unknown>>): IssueDraft[] {
  const out: IssueDraft[] = [];
  walkRows(SHEET_CHECKS, grid.values ?? [], { grid }, (d, c) => {
    out.push(d);
    sink?.(d, c);
  });
  return out;
}

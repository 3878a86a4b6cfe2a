/**
 * form.template-text: narrative cells of a form (评价结论, 存在问题, 改进措施, 年度目标完成情况 …) that still hold
 * the template's instructions instead of an answer (real table 11: "结合自评情况，分析存在的问题及原因。(200字以内)").
 * A sheet-level scan of the cells right of, or under, a narrative label; one finding per such cell.
 */
import { a1, type CellValue, type Grid } from "../grid";
import type { IssueDraft } from "../issues";
import { isTemplateInstruction } from "./instructions";

/** Labels of a form's narrative cells. */
const NARRATIVE_LABEL = /评价结论|自评结论|存在问题|问题及原因|改进措施|改进意见|完成情况|实施内容|过程概述|主要成效|绩效目标完成/;

function textOf(v: CellValue | undefined): string {
  return typeof v === "string" ? v.trim() : "";
}

/** The narrative label a cell answers: the nearest text left of it in its row, else the text above it. */
function labelFor(values: readonly (readonly CellValue[])[], r: number, c: number): string | undefined {
  const row = values[r] ?? [];
  for (let k = c - 1; k >= 0; k--) {
    const t = textOf(row[k]);
    if (t !== "") return NARRATIVE_LABEL.test(t) && t.length <= 40 ? t : undefined;
  }
  const above = r > 0 ? textOf(values[r - 1]?.[c]) : "";
  return above !== "" && above.length <= 40 && NARRATIVE_LABEL.test(above) ? above : undefined;
}

export function templateTextIssues(grid: Grid): IssueDraft[] {
  const out: IssueDraft[] = [];
  const values = grid.values ?? [];
  for (let r = 0; r < values.length; r++) {
    const row = values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const t = textOf(row[c]);
      if (t.length < 8 || !isTemplateInstruction(t)) continue;
      const label = labelFor(values, r, c);
      if (!label) continue;
      const shown = t.length > 60 ? `${t.slice(0, 60)}…` : t;
      out.push({
        code: "form.template-text",
        sheet: grid.sheet,
        cell: a1(grid.top + r, grid.left + c),
        value: t,
        message: `“${label.replace(/[:：]$/, "")}”仍是模板的填写说明（“${shown}”），尚未填写`,
        messageEn: `"${label.replace(/[:：]$/, "")}" still holds the template's instructions, not an answer`,
      });
    }
  }
  return out;
}

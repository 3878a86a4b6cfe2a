/**
 * Where a sheet's scores to grade are (jx grade, and any front that grades a sheet it did not recognize as a table):
 * 1. a column headed 总分 (spaces and full-width forms ignored): every row below it;
 * 2. else a row labelled 总分 (the form layout: 总分 | 100 | 98): the last figure in that row that is not in a column
 *    of weights (分值, 权重: 100 there is the sum of the weights, not a score);
 * 3. else a column headed 得分: only its total rows (总分, 合计, 总计…). An indicator's or a category's 得分 (10 of
 *    10 points) is not a total, and the grade bands (优 ≥ 90…) are for totals only.
 * Blank cells, not-applicable marks ("—", "/") and text with no figure in it (a repeated header such as 得分 or
 * 全年实际值) are skipped; other non-scores ("5.5亩", "八十") are for the caller to report.
 */
import { a1, formatAt, isBlank, type CellValue, type Grid } from "../grid";
import { compactLabel } from "../text";
import { isNotApplicableMark, readNumber } from "../value/number";

export interface GradeTarget {
  readonly r: number;
  readonly c: number;
  readonly label: string;
}

function cellsLabelled(g: Grid, label: string): { r: number; c: number }[] {
  const out: { r: number; c: number }[] = [];
  g.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v === "string" && compactLabel(v) === label) out.push({ r, c });
    }),
  );
  return out;
}

export function scoreOf(g: Grid, r: number, c: number): number | undefined {
  const v = g.values[r]?.[c] ?? null;
  const reading = readNumber(v, formatAt(g, r, c));
  return reading && !reading.percent ? reading.value : undefined;
}

function hasScoreBelow(g: Grid, at: { r: number; c: number }): boolean {
  for (let r = at.r + 1; r < g.values.length; r++) if (scoreOf(g, r, at.c) !== undefined) return true;
  return false;
}

/** A row label that names a total (总分, 合计, 总计, 得分合计, 自评总分, 综合得分…). */
const TOTAL_LABEL = /^(总分|合计|总计|得分合计|自评总分|评价总分|综合得分|总得分)$/;

/** Text that cannot be a score (no digit, no Chinese numeral): a header repeated in the column, a note. */
function isWords(v: CellValue): boolean {
  return typeof v === "string" && !/[0-9０-９零〇一二三四五六七八九十百]/.test(v);
}

/** True when column c, read upward from row r, is headed by a weight (分值, 权重, 满分): its figures are not scores. */
function isWeightColumn(g: Grid, r: number, c: number): boolean {
  for (let k = r - 1; k >= 0; k--) {
    const v = g.values[k]?.[c] ?? null;
    if (isBlank(v) || !isWords(v) || isNotApplicableMark(v) || /^[.…]+$/.test(String(v).trim())) continue;
    return /分值|权重|满分/.test(compactLabel(String(v)));
  }
  return false;
}

function rowLabel(row: readonly CellValue[], skip: number): string {
  const label = row.find((x, c) => c !== skip && typeof x === "string" && !isBlank(x) && compactLabel(x) !== "总分");
  return typeof label === "string" ? label.replace(/\s+/g, " ").trim() : "";
}

/** Cells to grade in a sheet, in reading order, and where they were found ("总分 @ B12"). */
export function findGradeTargets(g: Grid): { header: string; targets: GradeTarget[] } | undefined {
  const columnTargets = (at: { r: number; c: number }, totalsOnly = false): GradeTarget[] => {
    const out: GradeTarget[] = [];
    for (let r = at.r + 1; r < g.values.length; r++) {
      const v = g.values[r]?.[at.c] ?? null;
      if (isBlank(v) || isNotApplicableMark(v) || isWords(v)) continue;
      const row = g.values[r] ?? [];
      if (totalsOnly) {
        const total = row.find((x, c) => c !== at.c && typeof x === "string" && TOTAL_LABEL.test(compactLabel(x)));
        if (typeof total === "string") out.push({ r, c: at.c, label: total.replace(/\s+/g, " ").trim() });
        continue;
      }
      out.push({ r, c: at.c, label: rowLabel(row, at.c) });
    }
    return out;
  };
  const totals = cellsLabelled(g, "总分");
  const totalColumn = totals.find((t) => hasScoreBelow(g, t));
  if (totalColumn) return { header: `总分 @ ${a1(g.top + totalColumn.r, g.left + totalColumn.c)}`, targets: columnTargets(totalColumn) };
  for (const t of totals) {
    const row = g.values[t.r] ?? [];
    for (let c = row.length - 1; c > t.c; c--) {
      if (scoreOf(g, t.r, c) !== undefined && !isWeightColumn(g, t.r, c)) return { header: `总分 @ ${a1(g.top + t.r, g.left + t.c)}`, targets: [{ r: t.r, c, label: "总分" }] };
    }
  }
  for (const at of cellsLabelled(g, "得分").filter((t) => hasScoreBelow(g, t))) {
    const targets = columnTargets(at, true);
    if (targets.length > 0) return { header: `得分 @ ${a1(g.top + at.r, g.left + at.c)}`, targets };
  }
  return undefined;
}


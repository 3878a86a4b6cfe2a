/**
 * Where a sheet's scores to grade are (jx grade, and any front that grades a sheet it did not recognize as a table):
 * 1. a column headed 总分 (spaces and full-width forms ignored): every row below it;
 * 2. else a row labelled 总分 (the form layout: 总分 | 100 | 98): the last figure in that row;
 * 3. else a column headed 得分: every row below it.
 * Blank cells and not-applicable marks ("—", "/") are skipped; other non-scores are for the caller to report.
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

function rowLabel(row: readonly CellValue[], skip: number): string {
  const label = row.find((x, c) => c !== skip && typeof x === "string" && !isBlank(x) && compactLabel(x) !== "总分");
  return typeof label === "string" ? label.replace(/\s+/g, " ").trim() : "";
}

/** Cells to grade in a sheet, in reading order, and where they were found ("总分 @ B12"). */
export function findGradeTargets(g: Grid): { header: string; targets: GradeTarget[] } | undefined {
  const columnTargets = (at: { r: number; c: number }): GradeTarget[] => {
    const out: GradeTarget[] = [];
    for (let r = at.r + 1; r < g.values.length; r++) {
      const v = g.values[r]?.[at.c] ?? null;
      if (isBlank(v) || isNotApplicableMark(v)) continue;
      out.push({ r, c: at.c, label: rowLabel(g.values[r] ?? [], at.c) });
    }
    return out;
  };
  const totals = cellsLabelled(g, "总分");
  const totalColumn = totals.find((t) => hasScoreBelow(g, t));
  if (totalColumn) return { header: `总分 @ ${a1(g.top + totalColumn.r, g.left + totalColumn.c)}`, targets: columnTargets(totalColumn) };
  for (const t of totals) {
    const row = g.values[t.r] ?? [];
    for (let c = row.length - 1; c > t.c; c--) {
      if (scoreOf(g, t.r, c) !== undefined) return { header: `总分 @ ${a1(g.top + t.r, g.left + t.c)}`, targets: [{ r: t.r, c, label: "总分" }] };
    }
  }
  const scoreColumn = cellsLabelled(g, "得分").find((t) => hasScoreBelow(g, t));
  if (scoreColumn) return { header: `得分 @ ${a1(g.top + scoreColumn.r, g.left + scoreColumn.c)}`, targets: columnTargets(scoreColumn) };
  return undefined;
}


/**
 * An indicator table laid out across (广东 专项资金 绩效目标表, real 95): a row of indicator names, then a row of
 * targets for each name beneath it, and perhaps another period's row:
 *
 *   三级指标        | 新建高校(校区) | 工程质量达标率(%) | 开工率(%)
 *   年度目标值      | 7              | 100%              | 100%
 *   实施周期目标值  | 7              | 100%              | 100%
 *
 * Each column is one indicator: its name from the names row, its target from the first target row (the year's). The
 * category rows (一级指标 | 产出指标 …, 二级指标 | 数量指标 …) above the names, when present, give each column's levels.
 * Found only when the sheet has no indicator table of the usual kind.
 */
import { compactLabel } from "../text";
import type { IndicatorField, IndicatorProject, IndicatorRow, IndicatorTable, Ref } from "./model";
import { level1CategoryMemo, SheetGrid } from "./scan";
import { matchIndicatorField, normalizeHeader } from "./synonyms";
import { toSimplified } from "./traditional";

/** Rows looked at for the names row. */
const SCAN_ROWS = 60;

const clean = (sg: SheetGrid, r: number, c: number): string => toSimplified(compactLabel(sg.text(r, c)));

/** The indicator field a row's first cell names (三级指标 → name, 年度目标值 → target …). */
function rowField(sg: SheetGrid, r: number): { field: IndicatorField; c: number } | undefined {
  const c = sg.firstNonBlank(r);
  if (c < 0) return undefined;
  const t = clean(sg, r, c);
  if (t === "" || t.length > 12) return undefined;
  const m = matchIndicatorField(normalizeHeader(t));
  return m && !m.weak ? { field: m.field, c } : undefined;
}

interface Found {
  readonly namesRow: number;
  readonly targetRow: number;
  readonly labelCol: number;
  readonly level1Row?: number;
  readonly level2Row?: number;
  /** The indicator columns: those of the names row holding a name. */
  readonly cols: readonly number[];
}

function find(sg: SheetGrid): Found | undefined {
  const rows = Math.min(sg.nRows - 1, SCAN_ROWS);
  for (let r = 0; r < rows; r++) {
    const f = rowField(sg, r);
    if (!f || f.field !== "name") continue;
    // The targets just below, or past one blank row an export put between.
    const targetRow = r + 1 < sg.nRows && sg.rowBlank(r + 1) ? r + 2 : r + 1;
    const next = targetRow < sg.nRows ? rowField(sg, targetRow) : undefined;
    if (!next || next.field !== "target" || next.c !== f.c) continue;
    const cols: number[] = [];
    const w = sg.rowWidth(r);
    for (let c = f.c + 1; c < w; c++) if (!sg.blank(r, c)) cols.push(c);
    // Two indicators at least, and a row of header words is no row of names.
    if (cols.length < 2 || cols.every((c) => matchIndicatorField(normalizeHeader(clean(sg, r, c))) !== undefined)) continue;
    let level1Row: number | undefined;
    let level2Row: number | undefined;
    for (let k = r - 1; k >= 0 && k >= r - 2; k--) {
      const above = rowField(sg, k);
      if (above?.field === "level2" && level2Row === undefined) level2Row = k;
      else if (above?.field === "level1" && level1Row === undefined) level1Row = k;
      else break;
    }
    return { namesRow: r, targetRow, labelCol: f.c, cols, ...(level1Row !== undefined ? { level1Row } : {}), ...(level2Row !== undefined ? { level2Row } : {}) };
  }
  return undefined;
}

/** The level label for column c from a levels row: its own cell, else the nearest filled one to its left. */
function levelAt(sg: SheetGrid, levelRow: number, labelCol: number, c: number): Ref | undefined {
  for (let k = c; k > labelCol; k--) {
    if (sg.blank(levelRow, k)) continue;
    const own = sg.ref(levelRow, k);
    return k === c ? own : { ...own, address: sg.addr(levelRow, c), col: sg.left + c, filled: true, from: own.address };
  }
  return undefined;
}

/** A table laid out across, when the sheet holds one. */
export function readTransposed(sg: SheetGrid): IndicatorTable | undefined {
  const f = find(sg);
  if (!f) return undefined;
  const indicators: IndicatorRow[] = f.cols.map((c) => {
    const row: { -readonly [K in keyof IndicatorRow]?: IndicatorRow[K] } = { row: sg.top + f.namesRow, notApplicable: false, placeholder: false };
    row.name = sg.ref(f.namesRow, c);
    row.target = sg.ref(f.targetRow, c);
    if (f.level1Row !== undefined) {
      const l1 = levelAt(sg, f.level1Row, f.labelCol, c);
      if (l1) {
        row.level1 = l1;
        const category = level1CategoryMemo(toSimplified(compactLabel(l1.text)));
        if (category !== undefined) row.category = category;
      }
    }
    if (f.level2Row !== undefined) {
      const l2 = levelAt(sg, f.level2Row, f.labelCol, c);
      if (l2) row.level2 = l2;
    }
    return row as IndicatorRow;
  });
  const project: IndicatorProject = { key: `row ${sg.top + f.namesRow + 1}`, info: {}, indicators, placeholders: [], subtotals: [] };
  const top = f.level1Row ?? f.level2Row ?? f.namesRow;
  return {
    kind: "target",
    layout: "form",
    sheet: sg.sheet,
    range: sg.rangeA1(top, f.labelCol, f.targetRow, Math.max(...f.cols)),
    headerRow: sg.top + f.namesRow,
    headerRows: 1,
    columns: sg.absCols({ name: f.labelCol, target: f.labelCol }),
    projects: [project],
    framework: "unknown",
  };
}

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
import { level1CategoryMemo, readPoints, SheetGrid, labelAt } from "./scan";
import { matchIndicatorField, normalizeHeader } from "./synonyms";
import { toSimplified } from "./traditional";

/** Rows looked at for the names row. */
const SCAN_ROWS = 60;

/** The indicator field a row's first cell names (三级指标 → name, 年度目标值 → target …). */
function rowField(sg: SheetGrid, r: number): { field: IndicatorField; c: number } | undefined {
  const c = sg.firstNonBlank(r);
  if (c < 0) return undefined;
  const t = labelAt(sg, r, c);
  if (t === "" || t.length > 12) return undefined;
  const m = matchIndicatorField(normalizeHeader(t));
  return m && !m.weak ? { field: m.field, c } : undefined;
}

interface Found {
  readonly namesRow: number;
  readonly labelCol: number;
  /** The row of each field the block names (一级/二级 above the names; the year's target, unit, weight … below). */
  readonly rows: Readonly<Partial<Record<IndicatorField, number>>>;
  /** The indicator columns: those of the names row holding a name. */
  readonly cols: readonly number[];
  readonly lastRow: number;
}

/** Fields a row of the block may hold below the names (the first row of each is taken: the year's target). */
type BelowField = "target" | "unit" | "sign" | "weight" | "actual" | "score" | "standard" | "explain";
const BELOW: readonly BelowField[] = ["target", "unit", "sign", "weight", "actual", "score", "standard", "explain"];
const isBelow = (f: IndicatorField): f is BelowField => (BELOW as readonly string[]).includes(f);

function find(sg: SheetGrid): Found | undefined {
  const rows = Math.min(sg.nRows - 1, SCAN_ROWS);
  for (let r = 0; r < rows; r++) {
    const f = rowField(sg, r);
    if (!f || f.field !== "name") continue;
    // The rows below: fields of the block, past one blank row an export put between; the first must be a target.
    const fields: Partial<Record<IndicatorField, number>> = {};
    let last = r;
    let blank = 0;
    for (let k = r + 1; k < sg.nRows && k <= r + 12; k++) {
      if (sg.rowBlank(k)) {
        if (++blank > 1) break;
        continue;
      }
      blank = 0;
      const below = rowField(sg, k);
      if (!below || below.c !== f.c || !isBelow(below.field)) break;
      if (fields.target === undefined && below.field !== "target") break;
      if (fields[below.field] === undefined) fields[below.field] = k;
      last = k;
    }
    if (fields.target === undefined) continue;
    const cols: number[] = [];
    const w = sg.rowWidth(r);
    for (let c = f.c + 1; c < w; c++) if (!sg.blank(r, c)) cols.push(c);
    // Two indicators at least, and a row of header words is no row of names.
    if (cols.length < 2 || cols.every((c) => matchIndicatorField(normalizeHeader(labelAt(sg, r, c))) !== undefined)) continue;
    for (let k = r - 1; k >= 0 && k >= r - 3; k--) {
      if (sg.rowBlank(k)) continue;
      const above = rowField(sg, k);
      if (above?.c !== f.c || (above.field !== "level1" && above.field !== "level2") || fields[above.field] !== undefined) break;
      fields[above.field] = k;
    }
    return { namesRow: r, labelCol: f.c, rows: fields, cols, lastRow: last };
  }
  return undefined;
}

/** The level label for column c from a levels row: its own cell, else the nearest filled one to its left. */
function levelAt(sg: SheetGrid, levelRow: number, labelCol: number, c: number): Ref | undefined {
  for (let k = c; k > labelCol; k--) {
    if (sg.blank(levelRow, k)) continue;
    return sg.refFrom(levelRow, c, levelRow, k);
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
    for (const field of BELOW) {
      const k = f.rows[field];
      if (k !== undefined) row[field] = sg.ref(k, c);
    }
    const weight = f.rows.weight !== undefined ? readPoints(sg.cell(f.rows.weight, c), sg.format(f.rows.weight, c)) : undefined;
    if (weight !== undefined) row.weightNumber = weight;
    const score = f.rows.score !== undefined ? readPoints(sg.cell(f.rows.score, c), sg.format(f.rows.score, c)) : undefined;
    if (score !== undefined) row.scoreNumber = score;
    if (f.rows.level1 !== undefined) {
      const l1 = levelAt(sg, f.rows.level1, f.labelCol, c);
      if (l1) {
        row.level1 = l1;
        const category = level1CategoryMemo(toSimplified(compactLabel(l1.text)));
        if (category !== undefined) row.category = category;
      }
    }
    if (f.rows.level2 !== undefined) {
      const l2 = levelAt(sg, f.rows.level2, f.labelCol, c);
      if (l2) row.level2 = l2;
    }
    return row as IndicatorRow;
  });
  const project: IndicatorProject = { key: `row ${sg.top + f.namesRow + 1}`, info: {}, indicators, placeholders: [], subtotals: [] };
  const top = Math.min(f.namesRow, f.rows.level1 ?? f.namesRow, f.rows.level2 ?? f.namesRow);
  const columns: Partial<Record<IndicatorField, number>> = { name: f.labelCol };
  for (const field of BELOW) if (f.rows[field] !== undefined) columns[field] = f.labelCol;
  return {
    kind: f.rows.actual !== undefined || f.rows.score !== undefined ? "self-evaluation" : "target",
    layout: "form",
    sheet: sg.sheet,
    range: sg.rangeA1(top, f.labelCol, f.lastRow, Math.max(...f.cols)),
    headerRow: sg.top + f.namesRow,
    headerRows: 1,
    columns: sg.absCols(columns),
    projects: [project],
    framework: "unknown",
  };
}

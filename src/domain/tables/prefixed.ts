/**
 * Indicators written as "二级: text" (湖南 部门整体支出绩效目标申报表, 2017): no header row; the 一级 in a column of its
 * own (产出指标, 效益指标, merged down), and beside it one cell per 二级 that names it and states the target in words.
 *
 *   部门整体支出年度绩效指标 | 产出指标 | 质量指标:学校教育教学秩序良好，毕业生合格率达100%
 *                            |          | 时效指标:按时完成教学任务，顺利完成中考。
 *                            | 效益指标 | 社会效益指标:中考成绩进一步稳定……
 *
 * Each such cell is one indicator: its 二级 the words before the colon, its target the words after it (the cell says
 * what and how much at once, so there is no 三级 name). Found by content only when the sheet has no indicator table
 * of the usual kind: at least three cells of one column starting with a 二级 word and a colon.
 */
import { compactLabel } from "../text";
import type { IndicatorRow, IndicatorTable, Ref } from "./model";
import { readFormContext } from "./form-fields";
import { level1CategoryMemo, level2CategoryMemo, SheetGrid } from "./scan";
import { toSimplified } from "./traditional";

/** Columns the prefixed cells may be in. */
const SCAN_COLS = 5;
/** Prefixed cells a column needs to be read this way. */
const MIN_CELLS = 3;
/** "质量指标：…", "经济效益指标:…", "服务对象满意度指标:…": a 二级 word of at most 12 characters, then a colon. */
const PREFIX = /^\s*([^:：\s]{2,12}指标)\s*[:：]\s*/;

interface Cell {
  readonly r: number;
  readonly level2: string;
  /** The 一级 the 二级 belongs to. */
  readonly owner: string;
  /** Where the target's words start in the cell's text. */
  readonly at: number;
}

function prefixedCell(sg: SheetGrid, r: number, c: number): Cell | undefined {
  const text = sg.text(r, c);
  const m = PREFIX.exec(text);
  if (!m) return undefined;
  const level2 = toSimplified(compactLabel(m[1]));
  const owner = level2CategoryMemo(level2);
  return owner === undefined ? undefined : { r, level2, owner, at: m[0].length };
}

/** A sheet's indicators written as "二级: text", when it holds them. */
export function readPrefixed(sg: SheetGrid): IndicatorTable | undefined {
  for (let c = 0; c < Math.min(SCAN_COLS, sg.width); c++) {
    const cells: Cell[] = [];
    for (let r = 0; r < sg.nRows; r++) {
      const x = prefixedCell(sg, r, c);
      if (x) cells.push(x);
    }
    if (cells.length < MIN_CELLS) continue;
    return tableOf(sg, c, cells);
  }
  return undefined;
}

/**
 * The 一级 cell in column lc on row r, or above it (merged or written once for its block: a Ref filled down from
 * there), with the category it names.
 */
function level1Left(sg: SheetGrid, r: number, lc: number, top: number): { ref: Ref; category: string } | undefined {
  if (lc < 0) return undefined;
  for (let k = r; k >= top; k--) {
    const t = toSimplified(compactLabel(sg.text(k, lc)));
    if (t === "") continue;
    const category = level1CategoryMemo(t);
    return category === undefined ? undefined : { ref: sg.ref(r, lc, { r: k, c: lc }), category };
  }
  return undefined;
}

/** The column left of c holding the 一级 labels: the nearest one with content on the indicators' rows. */
function level1Column(sg: SheetGrid, c: number, first: number, last: number): number {
  for (let k = c - 1; k >= 0; k--) {
    for (let r = first; r <= last; r++) if (!sg.blank(r, k)) return k;
  }
  return -1;
}

function tableOf(sg: SheetGrid, c: number, cells: readonly Cell[]): IndicatorTable {
  const first = cells[0].r;
  const last = cells[cells.length - 1].r;
  const ctx = readFormContext(sg, 0, first);
  const lc = level1Column(sg, c, first, last);
  const indicators: IndicatorRow[] = cells.map((x) => {
    const cell = sg.ref(x.r, c);
    const words = cell.text.slice(x.at).trim();
    const level1 = level1Left(sg, x.r, lc, first);
    const row: IndicatorRow = {
      row: sg.top + x.r,
      level2: { value: x.level2, text: x.level2, address: cell.address, row: cell.row, col: cell.col },
      target: { value: words, text: words, address: cell.address, row: cell.row, col: cell.col },
      notApplicable: false,
      placeholder: false,
      category: level1?.category ?? x.owner,
      ...(level1 ? { level1: level1.ref } : {}),
    };
    return row;
  });
  const key = ctx.info.code?.text || ctx.info.name?.text || ctx.info.unit?.text || `row ${first + sg.top + 1}`;
  let right = c;
  for (let r = ctx.startRow; r <= last; r++) right = Math.max(right, sg.lastNonBlank(r));
  return {
    kind: "target",
    layout: "form",
    sheet: sg.sheet,
    range: sg.rangeA1(Math.min(ctx.startRow, first), 0, last, right),
    headerRow: sg.top + first,
    headerRows: 0,
    columns: sg.absCols({ level2: c, target: c, ...(lc >= 0 ? { level1: lc } : {}) }),
    projects: [{ key, info: ctx.info, indicators, placeholders: [], subtotals: [], ...(ctx.funds ? { funds: ctx.funds } : {}) }],
    framework: "unknown",
  };
}

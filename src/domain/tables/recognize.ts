/**
 * Table recognition (表格识别): finds indicator tables (form and list layouts) and budget lists in a grid.
 *
 * One pass over the grid classifies header rows (by synonyms, see synonyms.ts); then each header's body is read once,
 * top to bottom, by the reader of its block (headers.ts, form-fields.ts, funds.ts, indicator-body.ts,
 * indicator-table.ts, budget-list.ts over the shared helpers of scan.ts). Nothing rescans the grid per row.
 * Pure and total: never throws on any grid (a last-resort guard turns a bug into an `unrecognized` note).
 */
import { text, type Template } from "../catalog";
import { type Grid } from "../grid";
import { type IndicatorTable, type RecognizedTable, type SheetRecognition } from "./model";
import { type Mutable, SheetGrid } from "./scan";
import { HeaderScan, findEvidence } from "./headers";
import { readIndicatorTable } from "./indicator-table";
import { readBudgetList } from "./budget-list";
import { findTree } from "./tree";
import { readFormHead } from "./form-head";
import { readColumnTargets } from "./column-targets";
import { readTaggedTargets } from "./tagged-cell";
import { readBandColumns } from "./band-columns";
import { readTransposed } from "./transposed";
import { readPrefixed } from "./prefixed";

/** A catalog text as the recognition's reason (table.no-indicator-header's words). */
function reasonOf(t: Template): { reason: string; reasonEn: string } {
  return { reason: t.zh, reasonEn: t.en };
}

/**
 * The layouts tried when a sheet has no indicator header of the usual kind, in order; the first that reads the
 * sheet wins.
 */
const LAYOUT_READERS: readonly ((sg: SheetGrid, scan: HeaderScan) => IndicatorTable | undefined)[] = [
  // a tree whose one column holds the three levels (tree.ts)
  (sg, scan) => {
    const tree = findTree(sg);
    return tree ? readIndicatorTable(sg, tree, 0, scan.bound(tree.r)).table : undefined;
  },
  // a list whose targets stand in columns of their own under a 绩效目标 group (column-targets.ts)
  readColumnTargets,
  // a list whose targets sit in one cell per project as 【一级-二级】 blocks of 指标N: lines (tagged-cell.ts)
  readTaggedTargets,
  // indicators laid out across: a row of names over rows of targets, units, weights (transposed.ts)
  readTransposed,
  // indicators graded in bands (优 | 良 | 中 | 差) instead of one 指标值 (band-columns.ts)
  readBandColumns,
  // indicators written as "二级: text" beside their 一级, with no header row (prefixed.ts)
  readPrefixed,
  // no indicator part at all: a form's head, its fields and funds block still checked (form-head.ts)
  readFormHead,
];

/** Recognizes the tables on one sheet. */
export function recognizeSheet(grid: Grid): SheetRecognition {
  const sheet = typeof grid?.sheet === "string" ? grid.sheet : "";
  try {
    return readSheet(new SheetGrid(grid));
  } catch (e) {
    return {
      sheet,
      tables: [],
      unrecognized: { cell: "A1", ...reasonOf(text("table.no-indicator-header", "internalError", { error: e instanceof Error ? e.message : String(e) })) },
    };
  }
}

/** Recognizes every sheet of a workbook, in order. */
export function recognizeWorkbook(grids: readonly Grid[]): SheetRecognition[] {
  return grids.map((g) => recognizeSheet(g));
}

/**
 * Reads every table of one sheet, top to bottom: the next header row, then its body, which never runs into the
 * next header (the body's walk asks about each row as it reads it); the search resumes below the table.
 */
export function readSheet(sg: SheetGrid): SheetRecognition {
  const scan = new HeaderScan(sg);
  const tables: RecognizedTable[] = [];
  let consumed = -1; // last row used by a previous table
  for (let h = scan.next(0); h; h = scan.next(Math.max(consumed, h.r) + 1)) {
    const bound = scan.bound(h.r);
    const res = h.kind === "indicator" ? readIndicatorTable(sg, h, consumed + 1, bound) : readBudgetList(sg, h, consumed + 1, bound);
    tables.push(res.table);
    consumed = res.lastRow;
  }
  // No indicator table of the usual kind: the other layouts, each read by its content, in turn until one reads.
  if (!tables.some((t) => t.kind !== "budget-list")) {
    for (const read of LAYOUT_READERS) {
      const table = read(sg, scan);
      if (table) {
        tables.push(table);
        break;
      }
    }
  }
  const result: Mutable<SheetRecognition> = { sheet: sg.sheet, tables };
  if (!tables.some((t) => t.kind !== "budget-list" && !t.headOnly)) {
    const ev = findEvidence(sg);
    if (ev) {
      result.unrecognized = { cell: sg.addr(ev.r, ev.c), ...reasonOf(text("table.no-indicator-header", "noHeader", { word: ev.word })) };
    }
  }
  return result;
}

/**
 * Marks on problem cells: the add-in's own conditional formats, one per sheet and severity, over the cells with
 * issues. Every mark rule carries this workbook's mark token in its formula (=N("jx-mark:error:<token>")=0 is
 * always TRUE), and the token is kept in the add-in's hidden marker name _JX_MARKS (ownership.ts). "Clear marks"
 * deletes a rule only when its formula carries that token: a user's rule is never removed, even one whose formula
 * has the same shape (=N("jx-mark:error")=0, as earlier versions wrote, or any other text: without the token the
 * add-in cannot tell it is its own, so it leaves it). A rule copied with a marked cell carries the token and counts
 * as a mark. The add-in's own sheets (report, coverage) are never marked: issues come only from the sheets the check
 * read as the user's; no marker decides which sheets are touched.
 * Three syncs whatever the number of cells: list sheets and markers, list conditional formats, delete old and add
 * new (the token is created with the first marks, in that same sync).
 * Only real Excel can confirm: that a copied rule keeps its formula text as written (the token survives), and that
 * ConditionalFormat.delete on a rule that covers several areas removes the whole rule.
 */
import type { Issue, Severity } from "../domain/issues";
import { parseArea } from "../domain/grid";
import { freeMarkerName, loadOwnership, markerComment, randomToken, type Ownership } from "./ownership";

export type MarkLevel = Extract<Severity, "error" | "warning">;

/** The rule formula that tags a mark of this workbook (token from _JX_MARKS); always TRUE. */
export function markFormula(level: MarkLevel, token: string): string {
  return `=N("jx-mark:${level}:${token}")=0`;
}

/** True for a rule formula the add-in wrote in the workbook whose mark token is `token`. */
export function isMarkFormula(formula: string, token: string | undefined): boolean {
  if (!token || !/^[a-z0-9]+$/.test(token)) return false;
  return new RegExp(`N\\("jx-mark:(?:error|warning):${token}"\\)`, "i").test(formula);
}

/** Excel's own "light red fill, dark red text" and "yellow fill, dark yellow text" presets. */
const COLORS: Readonly<Record<MarkLevel, { fill: string; font: string }>> = {
  error: { fill: "#FFC7CE", font: "#9C0006" },
  warning: { fill: "#FFEB9C", font: "#9C5700" },
};

/** RangeAreas addresses are limited in length; a long list is split over several rules. */
const MAX_ADDRESS_CHARS = 2000;

/** Cells to mark, by sheet and level (an error wins over a warning on the same cell); info issues are not marked. */
export function planMarks(issues: readonly Issue[]): Map<string, Record<MarkLevel, string[]>> {
  const worst = new Map<string, Map<string, MarkLevel>>();
  for (const i of issues) {
    if (i.severity === "info" || !i.cell || !parseArea(i.cell)) continue;
    const bySheet = worst.get(i.sheet) ?? new Map<string, MarkLevel>();
    worst.set(i.sheet, bySheet);
    const cell = i.cell.toUpperCase();
    if (bySheet.get(cell) !== "error") bySheet.set(cell, i.severity);
  }
  const out = new Map<string, Record<MarkLevel, string[]>>();
  for (const [sheet, cells] of worst) {
    const rec: Record<MarkLevel, string[]> = { error: [], warning: [] };
    for (const [cell, level] of cells) rec[level].push(cell);
    out.set(sheet, rec);
  }
  return out;
}

/** Splits a cell list into comma-joined address lists of bounded length. */
export function addressLists(cells: readonly string[]): string[] {
  const out: string[] = [];
  let cur = "";
  for (const c of cells) {
    if (cur && cur.length + 1 + c.length > MAX_ADDRESS_CHARS) {
      out.push(cur);
      cur = "";
    }
    cur = cur ? `${cur},${c}` : c;
  }
  if (cur) out.push(cur);
  return out;
}

export interface MarksResult {
  /** Cells marked (apply) or rules removed (clear). */
  readonly count: number;
  readonly syncs: number;
}

/** The add-in's marks cannot be told apart without the marker API (see ownership.ts). */
export class MarksUnsupportedError extends Error {
  readonly code = "ApiNotFound";
  constructor() {
    super("此 Excel 版本无法标记单元格（需要 ExcelApi 1.4）。/ This Excel build cannot mark cells (ExcelApi 1.4 needed).");
    this.name = "MarksUnsupportedError";
  }
}

/** Which sheets an apply or clear touches: all (default), or only these (the live check updates one sheet's marks). */
export interface MarksOptions {
  readonly sheets?: readonly string[];
}

/** Queues deletion of our marks on every sheet (or on `only`); returns the number found. Two syncs. */
async function queueClear(context: Excel.RequestContext, sync: () => Promise<void>, only?: readonly string[]): Promise<{ count: number; sheets: string[]; ownership: Ownership }> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const load = loadOwnership(context);
  await sync();
  const ownership = load();
  // Every sheet (or the ones asked for): marks are cleared by their token wherever they are, and applied only to
  // the cells of the issues, which the check found on the user's sheets. No marker decides where, so none can steer it.
  const wanted = only ? new Set(only) : undefined;
  const user = sheets.items.filter((ws) => !wanted || wanted.has(ws.name));
  const token = ownership.markToken;
  const lists = token
    ? user.map((ws) => {
        const cfs = ws.getRange().conditionalFormats;
        cfs.load("items/type,items/customOrNullObject/rule/formula");
        return cfs;
      })
    : [];
  // Same number of round trips with or without marks to clear.
  await sync();
  let count = 0;
  for (const cfs of lists) {
    for (const cf of cfs.items) {
      const custom = cf.customOrNullObject;
      if (custom.isNullObject) continue;
      if (isMarkFormula(custom.rule.formula, token)) {
        cf.delete();
        count++;
      }
    }
  }
  return { count, sheets: user.map((ws) => ws.name), ownership };
}

/** Removes every mark the add-in made (three syncs). */
export async function clearMarks(): Promise<MarksResult> {
  return Excel.run(async (context) => {
    let syncs = 0;
    const sync = async (): Promise<void> => {
      syncs++;
      await context.sync();
    };
    const { count } = await queueClear(context, sync);
    await sync();
    return { count, syncs };
  });
}

/** Replaces the add-in's marks with marks for `issues` (three syncs); with `sheets`, on those sheets only. */
export async function applyMarks(issues: readonly Issue[], options: MarksOptions = {}): Promise<MarksResult> {
  return Excel.run(async (context) => {
    let syncs = 0;
    const sync = async (): Promise<void> => {
      syncs++;
      await context.sync();
    };
    const { sheets, ownership } = await queueClear(context, sync, options.sheets);
    if (!ownership.available) throw new MarksUnsupportedError();
    let token = ownership.markToken;
    if (!token) {
      token = randomToken(12);
      const item = context.workbook.names.add(freeMarkerName("MARKS", ownership.definedNames), `="${token}"`, markerComment("marks"));
      item.visible = false;
    }
    const known = new Set(sheets);
    let count = 0;
    for (const [sheet, levels] of planMarks(issues)) {
      if (!known.has(sheet)) continue;
      const ws = context.workbook.worksheets.getItem(sheet);
      // Errors last so they take priority over warnings where both apply.
      for (const level of ["warning", "error"] as const) {
        count += levels[level].length;
        for (const list of addressLists(levels[level])) {
          const cf = ws.getRanges(list).conditionalFormats.add("Custom");
          cf.custom.rule.formula = markFormula(level, token);
          cf.custom.format.fill.color = COLORS[level].fill;
          cf.custom.format.font.color = COLORS[level].font;
        }
      }
    }
    await sync();
    return { count, syncs };
  });
}

/**
 * Marks on problem cells: the add-in's own conditional formats, one per sheet and severity, over the cells with
 * issues. A mark's rule carries a tag in its formula (=N("jx-mark:error")=0 is always TRUE), so "clear marks"
 * deletes exactly ours, wherever they are, and never the user's formats, values or other rules.
 * Three syncs whatever the number of cells: list sheets, list conditional formats, delete old and add new.
 */
import type { Issue, Severity } from "../domain/issues";
import { parseArea } from "../domain/grid";
import { isOwnSheet } from "./sheets";

export type MarkLevel = Extract<Severity, "error" | "warning">;

/** The rule formula that tags a mark; always TRUE. */
export function markFormula(level: MarkLevel): string {
  return `=N("jx-mark:${level}")=0`;
}

/** True for a formula the add-in wrote. */
export function isMarkFormula(formula: string): boolean {
  return /N\("jx-mark:(?:error|warning)"\)/i.test(formula);
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

/** Queues deletion of our marks on every user sheet; returns the number found. Two syncs. */
async function queueClear(context: Excel.RequestContext, sync: () => Promise<void>): Promise<{ count: number; sheets: string[] }> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await sync();
  const user = sheets.items.filter((ws) => !isOwnSheet(ws.name));
  const lists = user.map((ws) => {
    const cfs = ws.getRange().conditionalFormats;
    cfs.load("items/type,items/customOrNullObject/rule/formula");
    return cfs;
  });
  await sync();
  let count = 0;
  for (const cfs of lists) {
    for (const cf of cfs.items) {
      const custom = cf.customOrNullObject;
      if (custom.isNullObject) continue;
      if (isMarkFormula(custom.rule.formula)) {
        cf.delete();
        count++;
      }
    }
  }
  return { count, sheets: user.map((ws) => ws.name) };
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

/** Replaces the add-in's marks with marks for `issues` (three syncs). */
export async function applyMarks(issues: readonly Issue[]): Promise<MarksResult> {
  return Excel.run(async (context) => {
    let syncs = 0;
    const sync = async (): Promise<void> => {
      syncs++;
      await context.sync();
    };
    const { sheets } = await queueClear(context, sync);
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
          cf.custom.rule.formula = markFormula(level);
          cf.custom.format.fill.color = COLORS[level].fill;
          cf.custom.format.font.color = COLORS[level].font;
        }
      }
    }
    await sync();
    return { count, syncs };
  });
}

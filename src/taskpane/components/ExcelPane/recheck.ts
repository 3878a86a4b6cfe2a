/**
 * The engine re-run of a live re-check, for one changed sheet: checkWorkbook on that sheet alone, spliced into the
 * previous workbook check in place of the sheet's old findings, tables, targets, budget lines and status. The
 * result equals checkWorkbook over all the grids (test/taskpane/recheck.test.ts compares them); it is only used
 * when nothing workbook-wide can change: the changed sheet holds a table and another sheet does too (then no sheet's
 * "no indicator header" finding and no "nothing recognized" finding depends on the edit). Otherwise, the whole
 * engine runs again over the kept grids. Pure: no Office, no React.
 */
import { checkWorkbook, type CheckOptions, type WorkbookCheck } from "../../../domain/engine";
import type { Grid } from "../../../domain/grid";
import { buildReport } from "../../../domain/report";

function bySheet<T extends { readonly sheet: string }>(items: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of items) {
    const l = m.get(x.sheet);
    if (l) l.push(x);
    else m.set(x.sheet, [x]);
  }
  return m;
}

/** The grids after re-reading one sheet: replaced in place (by name), else added at the end. */
export function replaceGrid(grids: readonly Grid[], grid: Grid): Grid[] {
  const i = grids.findIndex((g) => g.sheet === grid.sheet);
  if (i < 0) return [...grids, grid];
  const out = grids.slice();
  out[i] = grid;
  return out;
}

/** `prev` with `changed` re-checked; `grids` are all the sheets now (the changed one among them), in workbook order. */
export function recheckSheet(prev: WorkbookCheck, grids: readonly Grid[], changed: Grid, options: CheckOptions): WorkbookCheck {
  const name = changed.sheet;
  const part = checkWorkbook([changed], options);
  const partHasTable = (part.recognitions[0]?.tables.length ?? 0) > 0;
  const otherHasTable = prev.recognitions.some((r) => r.sheet !== name && r.tables.length > 0);
  const known = new Set(prev.recognitions.map((r) => r.sheet));
  const sameSheets = grids.every((g) => g.sheet === name || known.has(g.sheet)) && prev.recognitions.every((r) => r.sheet === name || grids.some((g) => g.sheet === r.sheet));
  if (!partHasTable || !otherHasTable || !sameSheets || prev.issues.some((i) => i.code === "table.not-recognized")) return checkWorkbook(grids, options);

  const order = grids.map((g) => g.sheet);
  const splice = <T extends { readonly sheet: string }>(old: readonly T[], fresh: readonly T[]): T[] => {
    const m = bySheet(old);
    const out: T[] = [];
    for (const s of order) for (const x of s === name ? fresh : (m.get(s) ?? [])) out.push(x);
    return out;
  };
  const recs = new Map(prev.recognitions.map((r) => [r.sheet, r]));
  const sums = new Map(prev.sheets.map((s) => [s.sheet, s]));
  const recognitions = order.map((s) => (s === name ? part.recognitions[0] : recs.get(s))).filter((r): r is NonNullable<typeof r> => r !== undefined);
  const sheets = order.map((s) => (s === name ? part.sheets[0] : sums.get(s))).filter((r): r is NonNullable<typeof r> => r !== undefined);
  const report = buildReport(splice(prev.issues, part.issues), splice(prev.tables, part.tables), order);
  return { ...report, recognitions, sheets, targets: splice(prev.targets, part.targets), budget: splice(prev.budget, part.budget) };
}

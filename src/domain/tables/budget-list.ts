/**
 * A budget list (预算项目清单): one project per row, subtotals skipped, amounts in 万元 or 元.
 */
import { compactLabel } from "../text";
import { readNumber } from "../value/number";
import { type BudgetField, type BudgetLine, type BudgetListTable } from "./model";
import { STOP_PATTERN, SUBTOTAL_PATTERN, matchBudgetField, moneyUnitIn } from "./synonyms";
import { toSimplified } from "./traditional";
import { type Mutable, type Cols, MAX_LABEL, MAX_BLANK_RUN, type Pos, type Hit, type BudgetHeader, AMOUNT_FIELDS, SheetGrid } from "./scan";
import type { Bound } from "./headers";

export function readBudgetList(sg: SheetGrid, h: BudgetHeader, ctxStart: number, bound: Bound): { table: BudgetListTable; lastRow: number } {
  const cols: Cols<BudgetField> = {};
  const used = new Set<number>();
  for (const x of h.hits) {
    if (cols[x.field] !== undefined || used.has(x.c)) continue;
    cols[x.field] = x.c;
    used.add(x.c);
  }
  const nHeader = mergeSubHeader(sg, h, cols, bound);
  const fieldCols = Object.values(cols) as number[];
  const leftCol = Math.min(...fieldCols);
  let rightCol = Math.max(...fieldCols);
  // extend over contiguous header cells
  for (let c = rightCol + 1; c < sg.rowWidth(h.r) && !sg.blank(h.r, c); c++) rightCol = c;

  const { amountUnit, topRow } = unitAndTitle(sg, h, cols, nHeader, ctxStart);

  const lines: BudgetLine[] = [];
  const mapped = Object.entries(cols) as [BudgetField, number][];
  const fillable: readonly BudgetField[] = ["budgetUnit", "department", "budgetType", "expenseType"];
  let blankRun = 0;
  let lastRow = h.r + nHeader - 1;
  for (let r = h.r + nHeader; bound.within(r); r++) {
    let any = false;
    for (const [, c] of mapped) {
      if (!sg.blank(r, c)) {
        any = true;
        break;
      }
    }
    if (!any) {
      const fc = sg.firstNonBlank(r, 0, rightCol + 1);
      if (fc >= 0 && STOP_PATTERN.test(toSimplified(compactLabel(sg.text(r, fc))))) break;
      if (++blankRun >= MAX_BLANK_RUN) break;
      continue;
    }
    blankRun = 0;
    // subtotal rows (合计 / 小计) are skipped, and notes end the list
    const fc = sg.firstNonBlank(r, leftCol, rightCol + 1);
    const first = fc >= 0 ? compactLabel(sg.text(r, fc)) : "";
    const codeT = cols.code !== undefined ? compactLabel(sg.text(r, cols.code)) : "";
    const nameT = cols.name !== undefined ? compactLabel(sg.text(r, cols.name)) : "";
    lastRow = r;
    if (SUBTOTAL_PATTERN.test(first) || SUBTOTAL_PATTERN.test(codeT) || SUBTOTAL_PATTERN.test(nameT)) continue;
    if (codeT === "" && nameT === "" && STOP_PATTERN.test(first)) {
      lastRow = r - 1;
      break;
    }
    // An allocation by place (镇(乡) | 补助资金) has neither code nor name: its line is the place's.
    const byPlace = cols.code === undefined && cols.name === undefined && cols.budgetUnit !== undefined && !sg.blank(r, cols.budgetUnit);
    if (codeT === "" && nameT === "" && !byPlace) continue;
    const line: Mutable<BudgetLine> = { row: sg.top + r };
    for (const [f, c] of mapped) {
      if (f === "year") continue;
      let src: Pos | undefined;
      if (fillable.includes(f) && sg.blank(r, c)) {
        const m = sg.covered.get(sg.key(r, c));
        if (m && m.left === c && m.top < r) src = { r: m.top, c };
      }
      (line as Record<string, unknown>)[f] = sg.ref(r, c, src);
    }
    lines.push(line);
  }
  const table: BudgetListTable = {
    kind: "budget-list",
    layout: "list",
    sheet: sg.sheet,
    range: sg.rangeA1(topRow, leftCol, lastRow, rightCol),
    headerRow: sg.top + h.r,
    headerRows: nHeader,
    columns: sg.absCols(cols),
    amountUnit: amountUnit ?? "万元",
    lines,
  };
  return { table, lastRow };
}

/** Two-row header (金额 above 合计 / 一般公共预算 …): merges the second row's columns into `cols`; the header's rows. */
function mergeSubHeader(sg: SheetGrid, h: BudgetHeader, cols: Cols<BudgetField>, bound: Bound): number {
  let nHeader = 1;
  const s = h.r + 1;
  if (bound.within(s)) {
    const w = sg.rowWidth(s);
    let nonBlank = 0;
    let numeric = false;
    const subHits: Hit<BudgetField>[] = [];
    for (let c = 0; c < w; c++) {
      const v = sg.cell(s, c);
      if (sg.blank(s, c)) continue;
      nonBlank++;
      if (typeof v === "number" || readNumber(v) !== undefined) numeric = true;
      const n = sg.norm(s, c);
      const f = n === "" ? undefined : matchBudgetField(n);
      if (f) subHits.push({ c, field: f, weak: false });
    }
    const idBlank =
      (cols.code === undefined || sg.blank(s, cols.code)) && (cols.name === undefined || sg.blank(s, cols.name));
    if (nonBlank > 0 && !numeric && idBlank && subHits.length > 0) {
      nHeader = 2;
      for (const x of subHits) {
        for (const [f, c] of Object.entries(cols) as [BudgetField, number][]) if (c === x.c) delete cols[f];
        if (AMOUNT_FIELDS.includes(x.field) || cols[x.field] === undefined) cols[x.field] = x.c;
      }
    }
  }
  return nHeader;
}

/** The amount unit (from the amount headers, the header row, then title rows above) and the list's first row. */
function unitAndTitle(sg: SheetGrid, h: BudgetHeader, cols: Cols<BudgetField>, nHeader: number, ctxStart: number): { amountUnit: "万元" | "元" | undefined; topRow: number } {
  let amountUnit: "万元" | "元" | undefined;
  for (const f of AMOUNT_FIELDS) {
    const c = cols[f];
    if (c === undefined || amountUnit) continue;
    amountUnit = moneyUnitIn(sg.text(h.r, c)) ?? (nHeader > 1 ? moneyUnitIn(sg.text(h.r + 1, c)) : undefined);
  }
  for (let c = 0; c < sg.rowWidth(h.r) && !amountUnit; c++) {
    const t = sg.text(h.r, c);
    if (t.length <= MAX_LABEL && /单位/.test(t) && /元/.test(t)) amountUnit = moneyUnitIn(t);
  }
  let topRow = h.r;
  for (let r = h.r - 1; r >= Math.max(0, ctxStart) && r >= h.r - 4; r--) {
    if (sg.rowBlank(r)) continue;
    let found = false;
    const w = sg.rowWidth(r);
    for (let c = 0; c < w; c++) {
      const t = sg.text(r, c);
      if (t === "" || t.length > 80) continue;
      if (!amountUnit && /单位/.test(t) && /元/.test(t)) amountUnit = moneyUnitIn(t);
      if (/清单|预算|单位[:：]|项目表|明细/.test(t)) found = true;
    }
    if (found) topRow = r;
  }
  return { amountUnit, topRow };
}

/**
 * The funds block of a form (项目资金 / 预算执行情况): its header columns and its 年度资金总额 and 其中 rows.
 */
import { compactLabel, splitPointsSuffix } from "../text";
import { type FundsBlock, type FundsRow } from "./model";
import { FUNDS_TOTAL_PATTERN, type FundsColumn, matchFormLabel, matchFundsColumn, matchIndicatorField, moneyUnitIn } from "./synonyms";
import { toSimplified } from "./traditional";
import { readNumber } from "../value/number";
import { type Mutable, MAX_LABEL, SheetGrid } from "./scan";

const COLUMN_NUMBERS = /^(?:列次|栏次)$/;

/** A source of money as a row label (其中:中央财政资金(万元), 地方财政资金, 其他资金(…)), not a section (资金管理情况). */
const SOURCE_LABEL = /^(?:其中[:]?)?[^()]{0,12}(?:资金|拨款|补助|收入)(?:\(.*\))?$/;

/** A row whose cells under the header's columns are header words again: the header of another block. */
function restatesHeader(sg: SheetGrid, r: number, header: ReadonlyMap<FundsColumn, number>): boolean {
  for (const c of header.values()) {
    const n = sg.norm(r, c);
    if (n !== "" && matchFundsColumn(n)) return true;
  }
  return false;
}

/**
 * Whether a row labelled in the block's title column still belongs to the block: its total written under the title
 * (湖北 20/80 form: 预算执行情况(20分) above 部门整体支出总额), and once the total is read there, its sources below it
 * in the same column (转移支付 评价表 115: 年度资金总额(万元): then 其中:中央财政资金(万元)).
 */
function continuesUnderTitle(label: string, rows: readonly FundsRow[]): boolean {
  if (rows.length === 0) return FUNDS_TOTAL_PATTERN.test(label);
  return rows.every((x) => x.label.col === rows[0].label.col) && rows[0].kind === "total" && SOURCE_LABEL.test(label);
}

/** A row label naming the budget (转移支付预算数(A), 全年预算数) or the spending (转移支付执行数(B), 实际支出数), as compactLabel writes it (lower case). */
const BUDGET_MEASURE = /(?:预算|下达|安排|补助)(?:数|金额|资金)?(?:\(a\))?$|\(a\)$/;
const SPENT_MEASURE = /(?:执行|支出|拨付|使用)(?:数|金额)(?:\(b\))?$|\(b\)$/;
const RATE_LABEL = /执行率/;
const SCORE_LABEL = /^得分/;

/**
 * A block written as label | figure rows, each label naming a measure rather than a source of money (区域绩效自评表,
 * 32: 转移支付预算数(A) | 5.8万 | 预算执行率(B/A) | 100%, then 转移支付执行数(B) | 5.8万): one row of the block, its A,
 * B and the rate and score written beside them, instead of two sources whose spending is missing. Undefined when
 * the rows are not exactly one budget and one spending (sources of money stay parts).
 */
function measuresAsOneRow(sg: SheetGrid, rows: readonly FundsRow[]): FundsRow | undefined {
  if (rows.length !== 2) return undefined;
  const names = rows.map((r) => toSimplified(compactLabel(r.label.text)));
  const b = names.findIndex((n) => BUDGET_MEASURE.test(n) && !SPENT_MEASURE.test(n));
  const x = names.findIndex((n) => SPENT_MEASURE.test(n) && !BUDGET_MEASURE.test(n));
  if (b < 0 || x < 0 || b === x) return undefined;
  const row: Mutable<FundsRow> = { kind: "total", label: rows[b].label };
  if (rows[b].budget) row.budget = rows[b].budget;
  if (rows[x].budget) row.spent = rows[x].budget;
  // The rate and the score written to the right on either row, each as label | figure.
  for (const r of rows) {
    const from = (r.budget?.col ?? r.label.col) + 1;
    const w = sg.rowWidth(r.label.row);
    for (let c = from; c < w; c++) {
      const n = sg.norm(r.label.row, c);
      const field = RATE_LABEL.test(n) ? "rate" : SCORE_LABEL.test(n) ? "score" : undefined;
      if (!field || row[field]) continue;
      const vc = sg.firstNonBlank(r.label.row, c + 1);
      if (vc >= 0) row[field] = sg.ref(r.label.row, vc);
    }
  }
  return row;
}

/** Whether the first cell right of column c on row r holds a figure. */
function hasFigureAfter(sg: SheetGrid, r: number, c: number): boolean {
  const vc = sg.firstNonBlank(r, c + 1);
  return vc >= 0 && readNumber(sg.cell(r, vc), sg.format(r, vc)) !== undefined;
}

export function readFunds(
  sg: SheetGrid,
  titleRow: number,
  titleCol: number,
  limit: number,
): { block: FundsBlock; headerRow: number } | undefined {
  const title = sg.ref(titleRow, titleCol);
  const headerIn = (r: number): Map<FundsColumn, number> => {
    const m = new Map<FundsColumn, number>();
    const w = sg.rowWidth(r);
    for (let c = titleCol + 1; c < w; c++) {
      const n = sg.norm(r, c);
      const f = n === "" ? undefined : matchFundsColumn(n);
      if (f && !m.has(f)) m.set(f, c);
    }
    return m;
  };
  let header = headerIn(titleRow);
  let headerRow = titleRow;
  let start = titleRow + 1;
  if (header.size < 2 && titleRow + 1 < limit) {
    const h2 = headerIn(titleRow + 1);
    if (h2.size >= 2) {
      header = h2;
      headerRow = titleRow + 1;
      start = titleRow + 2;
    } else {
      header = new Map();
      start = titleRow; // label and value on the title row itself (资金情况 | 年度资金总额 | 10)
    }
  } else if (header.size < 2) {
    header = new Map();
    start = titleRow;
  }
  let moneyUnit = moneyUnitIn(title.text);
  if (moneyUnit === undefined) {
    const w = sg.rowWidth(headerRow);
    for (let c = titleCol; c < w && moneyUnit === undefined; c++) {
      const t = sg.text(headerRow, c);
      if (t.length <= MAX_LABEL) moneyUnit = moneyUnitIn(t);
    }
  }
  const firstValueCol = header.size > 0 ? Math.min(...header.values()) : Number.MAX_SAFE_INTEGER;
  const rows: FundsRow[] = [];
  for (let r = start; r < limit; r++) {
    // A row numbering the columns under the header (列次 | 0 | 1 | 2 …, 115) is no funds row and no new section.
    if (COLUMN_NUMBERS.test(compactLabel(sg.text(r, sg.firstNonBlank(r))))) continue;
    // A new section in the title column, unless it is the block's total written under its title (湖北 20/80 form:
    // 预算执行情况(20分) above 部门整体支出总额 in the same column, the figures to the right under the header).
    const underTitle = r !== titleRow && !sg.blank(r, titleCol);
    if (underTitle && !(header.size > 0 && continuesUnderTitle(toSimplified(compactLabel(sg.text(r, titleCol))), rows))) break;
    const lc = underTitle ? titleCol : sg.firstNonBlank(r, titleCol + 1, Math.min(firstValueCol, sg.rowWidth(r)));
    if (lc < 0) {
      if (rows.length === 0 && header.size > 0 && sg.rowBlank(r)) continue; // a blank row an export put under the header
      break;
    }
    const n = sg.norm(r, lc);
    // A column's word as a label with its figure beside it (全年预算数(A) | 10) is a measure of a label | figure block.
    const measure = header.size === 0 && n !== "" && matchFundsColumn(n) !== undefined && hasFigureAfter(sg, r, lc);
    if (n !== "" && !measure && (matchFundsColumn(n) || matchFormLabel(n) || matchIndicatorField(n))) break;
    // A row restating the header's words (支出明细预算 | 项目 | 全年预算数 | 执行数 under the first block) starts another block.
    if (restatesHeader(sg, r, header)) break;
    const labelText = toSimplified(compactLabel(sg.text(r, lc))).replace(/^其中[:]?/, "");
    const isTotal = FUNDS_TOTAL_PATTERN.test(labelText);
    // A second total row starts another block (支出明细预算 under 项目资金申请, each with its 合计).
    if (isTotal && rows.some((x) => x.kind === "total")) break;
    const row: Mutable<FundsRow> = { kind: isTotal ? "total" : "part", label: sg.ref(r, lc) };
    if (header.size > 0) {
      for (const [f, c] of header) row[f] = sg.ref(r, c);
    } else {
      const vc = sg.firstNonBlank(r, lc + 1);
      if (vc >= 0) row.budget = sg.ref(r, vc);
      else if (isTotal && lc + 1 < sg.width) row.budget = sg.ref(r, lc + 1); // a blank total: its empty cell, where a finding points
    }
    rows.push(row);
  }
  if (rows.length === 0 && header.size === 0) return undefined;
  const measured = header.size === 0 ? measuresAsOneRow(sg, rows) : undefined;
  const block: Mutable<FundsBlock> = { title, moneyUnit: moneyUnit ?? "万元", rows: measured ? [measured] : rows };
  const pts = splitPointsSuffix(title.text).points;
  if (pts !== undefined) block.titlePoints = pts;
  return { block, headerRow };
}

// -- indicator body --

/**
 * Column roles by content (按内容识别列): the header words propose a column for each field; the cells below decide.
 * A reading's columns are judged on a sample of the body's rows:
 *  - several columns proposed for one field (年初指标值 / 调整指标值, 半年(程) / 全年(程) 指标值, 指标值 / 指标值内容):
 *    the one whose cells fit the field best wins, the table's own year breaking a tie; an empty column never wins;
 *  - a value column empty throughout beside an unlabelled column full of values (a header merged over two columns,
 *    a value shifted one cell by the export): the full one is the value column;
 *  - the 一级/二级/三级 columns: a column headed 一级 that holds 二级 words (数量指标, 质量指标) and a column headed
 *    二级 that holds indicator names are read by what they hold.
 * Pure, and bounded: at most SAMPLE rows are read, whatever the table's length.
 */
import type { IndicatorField } from "./model";
import type { Bound } from "./headers";
import { type Cols, SheetGrid, hasDigit, level1CategoryMemo, level2CategoryMemo, readPoints } from "./scan";

/** Body rows a reading is judged on. */
const SAMPLE = 60;
/** A share of cells that settles a question. */
const SURE = 0.6;

/** Words a qualitative target or actual is written with (达标, 合格, 有效, 提高 …). */
const VALUE_WORD = /达标|合格|完成|是|否|有|无|良|优|好|高|低|提升|改善|规范|充分|及时|按时|按期|明显|显著|满意|符合|有效|健全|完善|持续|稳定|正常|保障|确保|达到|实现|增加|减少|下降|不超|以上|以内|以下/;

/** A text that can be a target or an actual: a figure, a comparison, a date, or a short qualitative word. */
export function valueLike(t: string): boolean {
  if (t === "" || t.length > 40 || /^反映|^指标/.test(t)) return false;
  return hasDigit(t) || /^[≥≤<>=≧≦＞＜±]/.test(t) || (t.length <= 20 && VALUE_WORD.test(t));
}

function level1Like(t: string): boolean {
  return t.length <= 20 && level1CategoryMemo(t) !== undefined && /指标|\d/.test(t);
}

function level2Like(t: string): boolean {
  return t.length <= 20 && level2CategoryMemo(t) !== undefined && /指标/.test(t);
}

function nameLike(t: string): boolean {
  return t.length >= 2 && !level1Like(t) && !level2Like(t) && !/^[\d.%≥≤<>=\s]+$/.test(t);
}

/** The rows of the sample: up to SAMPLE rows below the header that hold something in a mapped column. */
function sampleRows(sg: SheetGrid, start: number, bound: Bound, cols: readonly number[]): number[] {
  const out: number[] = [];
  let blank = 0;
  for (let r = start; out.length < SAMPLE && bound.within(r); r++) {
    if (cols.every((c) => sg.blank(r, c))) {
      if (++blank >= 3) break;
      continue;
    }
    blank = 0;
    out.push(r);
  }
  return out;
}

interface ColumnStats {
  /** Share of the sample's rows where the column holds something. */
  readonly fill: number;
  /** Share of its non-blank cells that pass the test. */
  readonly fit: number;
  readonly nonBlank: number;
}

function stats(sg: SheetGrid, rows: readonly number[], c: number, test: (sg: SheetGrid, r: number, c: number) => boolean): ColumnStats {
  let nonBlank = 0;
  let pass = 0;
  for (const r of rows) {
    if (sg.blank(r, c)) continue;
    nonBlank++;
    if (test(sg, r, c)) pass++;
  }
  return { fill: rows.length ? nonBlank / rows.length : 0, fit: nonBlank ? pass / nonBlank : 0, nonBlank };
}

const textTest = (f: (t: string) => boolean) => (sg: SheetGrid, r: number, c: number) => f(sg.text(r, c));
const pointsTest = (sg: SheetGrid, r: number, c: number) => {
  const p = readPoints(sg.cell(r, c), sg.format(r, c));
  return p !== undefined && p >= 0 && p <= 100;
};
const anyTest = () => true;

/** How a field's cells are tested. */
function testOf(field: IndicatorField): (sg: SheetGrid, r: number, c: number) => boolean {
  switch (field) {
    case "target":
    case "actual":
      return textTest(valueLike);
    case "weight":
    case "score":
      return pointsTest;
    case "level1":
      return textTest(level1Like);
    case "level2":
      return textTest(level2Like);
    case "name":
      return textTest(nameLike);
    default:
      return anyTest;
  }
}

/** The year a value header speaks of: 2 for the table's own (全年, 年度, 调整后), 0 for another (半年, 年初, 中长期), else 1. */
function periodRank(header: string): number {
  if (/半年|中长期|长期/.test(header)) return 0;
  if (/全年|年度|当年|本年|调整/.test(header)) return 2;
  if (/年初/.test(header)) return 0.5;
  return 1;
}

/** What fitting changed, for the recognition's notes (and tests). */
export interface ColumnFit {
  readonly cols: Cols<IndicatorField>;
  /** One line per decision the content made against the header words ("target: F→E (…)"). */
  readonly changes: readonly string[];
}

/**
 * The columns of an indicator table by how well the body's cells fit them. `alternatives` are the other columns
 * the header proposed for a field (strong words only); `headerRow` is the header's first row, `start` the body's.
 */
export function fitColumns(
  sg: SheetGrid,
  proposed: Cols<IndicatorField>,
  alternatives: ReadonlyMap<IndicatorField, readonly number[]>,
  headerRow: number,
  start: number,
  bound: Bound,
): ColumnFit {
  const cols: Cols<IndicatorField> = { ...proposed };
  const changes: string[] = [];
  const mapped = new Set<number>([...(Object.values(cols) as number[]), ...[...alternatives.values()].flat()]);
  const rows = sampleRows(sg, start, bound, [...mapped]);
  if (rows.length < 3) return { cols, changes };
  const headerText = (c: number) => sg.norm(headerRow, c) || (start - 1 > headerRow ? sg.norm(start - 1, c) : "");

  // Several columns for one field: the best fit, the table's own year breaking a near tie; never an empty column.
  for (const [field, others] of alternatives) {
    const chosen = cols[field];
    if (chosen === undefined) continue;
    const test = testOf(field);
    let best = chosen;
    let bestScore = -1;
    let bestRank = -1;
    for (const c of [chosen, ...others]) {
      const s = stats(sg, rows, c, test);
      const score = s.fill * s.fit;
      const rank = periodRank(headerText(c));
      const better = bestScore < 0 || score > bestScore + 0.15 || (score >= bestScore - 0.15 && rank > bestRank && score > 0);
      if (better) {
        best = c;
        bestScore = score;
        bestRank = rank;
      }
    }
    if (best !== chosen && bestScore > 0) {
      cols[field] = best;
      changes.push(`${field}: ${sg.addr(headerRow, chosen)} → ${sg.addr(headerRow, best)}`);
    }
  }

  // A value column empty throughout beside an unmapped column full of values.
  const used = new Set<number>(Object.values(cols) as number[]);
  for (const field of ["target", "actual"] as const) {
    const c = cols[field];
    if (c === undefined || stats(sg, rows, c, anyTest).nonBlank > 0) continue;
    for (const n of [c + 1, c - 1]) {
      if (n < 0 || used.has(n)) continue;
      const s = stats(sg, rows, n, testOf(field));
      if (s.fill >= SURE && s.fit >= SURE) {
        cols[field] = n;
        used.delete(c);
        used.add(n);
        changes.push(`${field}: ${sg.addr(headerRow, c)} → ${sg.addr(headerRow, n)} (empty column beside a full one)`);
        break;
      }
    }
  }

  weightByContent(sg, rows, cols, headerText, changes);
  fitCategoryColumns(sg, rows, cols, headerRow, changes);
  return { cols, changes };
}

/**
 * A 得分 column with no 分值 beside it, and an unnamed column whose header still speaks of points (考值参分, 分 值(分),
 * a garbled scan of 参考分值) holding small numbers, each at least the row's score: that column is the 分值.
 */
function weightByContent(sg: SheetGrid, rows: readonly number[], cols: Cols<IndicatorField>, headerText: (c: number) => string, changes: string[]): void {
  const s = cols.score;
  if (s === undefined || cols.weight !== undefined) return;
  const used = new Set<number>(Object.values(cols) as number[]);
  const width = Math.max(...rows.map((r) => sg.rowWidth(r)), 0);
  for (let c = 0; c < width; c++) {
    if (used.has(c) || !/[分权]/.test(headerText(c))) continue;
    const pts = stats(sg, rows, c, pointsTest);
    if (pts.fill < 0.5 || pts.fit < 0.9) continue;
    let pairs = 0;
    let above = 0;
    for (const r of rows) {
      const w = readPoints(sg.cell(r, c), sg.format(r, c));
      const sc = readPoints(sg.cell(r, s), sg.format(r, s));
      if (w === undefined || sc === undefined) continue;
      pairs++;
      if (sc > w + 1e-9) above++;
    }
    if (pairs >= 3 && above === 0) {
      cols.weight = c;
      changes.push(`weight: ${sg.addr(rows[0], c)} (numbers at least each row's score under a points header)`);
      return;
    }
  }
}

type CategoryRole = "level1" | "level2" | "name";
const CATEGORY_ROLES: readonly CategoryRole[] = ["level1", "level2", "name"];

/**
 * The 一级/二级/三级 columns read by what they hold: each column's cells are counted as 一级 words, 二级 words or
 * names; where the header's role holds few of its kind and another role holds most, and the roles so read are
 * distinct and in the form's order (一级 left of 二级 left of 三级), they replace the header's.
 */
function fitCategoryColumns(sg: SheetGrid, rows: readonly number[], cols: Cols<IndicatorField>, headerRow: number, changes: string[]): void {
  const present = CATEGORY_ROLES.filter((f) => cols[f] !== undefined).map((f) => ({ field: f, c: cols[f] as number }));
  if (present.length < 2) return;
  const read: { field: CategoryRole; c: number; role: CategoryRole }[] = [];
  for (const p of present) {
    const shares = CATEGORY_ROLES.map((role) => ({ role, s: stats(sg, rows, p.c, testOf(role)) }));
    const own = shares.find((x) => x.role === p.field)?.s;
    const top = shares.reduce((a, b) => (b.s.fit > a.s.fit ? b : a));
    // Sure: most of its cells are of another level's kind, clearly more than of the header's (成本指标 is both).
    const sure = top.s.nonBlank >= 3 && top.s.fit >= SURE && top.s.fit - (own?.fit ?? 0) >= 0.4;
    read.push({ field: p.field, c: p.c, role: sure ? top.role : p.field });
  }
  if (read.every((x) => x.role === x.field)) return;
  const roles = read.map((x) => x.role);
  if (new Set(roles).size !== roles.length) return;
  const byColumn = [...read].sort((a, b) => a.c - b.c).map((x) => CATEGORY_ROLES.indexOf(x.role));
  if (byColumn.some((k, i) => i > 0 && k <= byColumn[i - 1])) return;
  for (const f of CATEGORY_ROLES) delete cols[f];
  for (const x of read) {
    cols[x.role] = x.c;
    if (x.role !== x.field) changes.push(`${x.role}: ${sg.addr(headerRow, x.c)} (headed ${x.field}, holds ${x.role} content)`);
  }
}

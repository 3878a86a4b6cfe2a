/**
 * An indicator table from its header: the header's columns (one or two rows), the form context above it, the body
 * below it, the rows' categories, and the projects with their indicators, placeholders, totals and range.
 */
import { splitPointsSuffix } from "../text";
import type { IndicatorField, IndicatorProject, IndicatorRow, IndicatorTable, IndicatorTableKind, ProjectInfo } from "./model";
import { linkGroups } from "./groups";
import { type Cols, type Mutable, type IndicatorHeader, SheetGrid } from "./scan";
import { type Bound, resolveIndicatorColumns, subHeader } from "./headers";
import { matchIndicatorField } from "./synonyms";
import { readFormContext } from "./form-fields";
import { fitColumns } from "./column-fit";
import { type Body, readBody } from "./indicator-body";
import { subtotalsOf } from "./row-categories";
import type { GridRow } from "./rows";

export function readIndicatorTable(sg: SheetGrid, h: IndicatorHeader, ctxStart: number, bound: Bound): { table: IndicatorTable; lastRow: number } {
  const { cols, nHeader } = headerColumns(sg, h, bound);
  const fieldCols = Object.values(cols) as number[];
  const firstFieldCol = Math.min(...fieldCols);
  const lastFieldCol = Math.max(...fieldCols);
  const list = cols.projectCode !== undefined || cols.projectName !== undefined;

  // Form context above the header: project fields, funds block, title rows.
  const ctx = list ? undefined : readFormContext(sg, ctxStart, h.r);

  // Indicator block label left of the fields (绩效指标（90分）).
  let blockPoints: number | undefined;
  let labelCol = -1;
  for (let c = firstFieldCol - 1; c >= 0; c--) {
    if (!sg.blank(h.r, c)) {
      labelCol = c;
      break;
    }
  }
  if (labelCol >= 0) blockPoints = splitPointsSuffix(sg.text(h.r, labelCol)).points;
  const blockCell = blockPoints !== undefined ? sg.addr(h.r, labelCol) : undefined;

  const body = readBody(sg, { headerRow: h.r, start: h.r + nHeader, cols, firstFieldCol, list, tree: h.tree === true }, bound);
  const cats = body.categories;

  const projects: IndicatorProject[] = [];
  const fallbackKey = `row ${h.r + sg.top + 1}`;
  for (const grp of body.groups) {
    if (!list) linkGroups(grp.rows);
    const split = grp.placeholders ? splitPlaceholders(grp.rows) : undefined;
    const indicators = split ? split.indicators : grp.rows;
    const placeholders = split ? split.placeholders : NONE;
    const info: ProjectInfo = list ? grp.info : (ctx?.info ?? {});
    const key = (list ? grp.keyText : info.code?.text || info.name?.text) || grp.key || fallbackKey;
    const proj: Mutable<IndicatorProject> = { key, info, indicators, placeholders, subtotals: subtotalsOf(grp, cats.level2Category) };
    if (!list && ctx?.funds) proj.funds = ctx.funds;
    if (blockPoints !== undefined) proj.indicatorBlockPoints = blockPoints;
    if (blockCell !== undefined) proj.indicatorBlockCell = blockCell;
    if (grp.total) proj.total = grp.total;
    if (grp.grade) proj.grade = grp.grade;
    projects.push(proj);
  }
  if (projects.length === 0) projects.push(emptyProject(body, ctx, blockPoints, blockCell, fallbackKey));

  const hasActual = cols.actual !== undefined || cols.score !== undefined;
  const kind: IndicatorTableKind = cats.evaluation ? "evaluation" : hasActual ? "self-evaluation" : "target";

  // Range: from the form's first row (title) to the body's last row; columns over header and form rows.
  const topRow = ctx ? ctx.startRow : h.r;
  let leftCol = Math.min(firstFieldCol, labelCol >= 0 ? labelCol : firstFieldCol);
  let rightCol = lastFieldCol;
  const spanRows = [h.r, ...(nHeader > 1 ? [h.r + nHeader - 1] : []), ...(ctx ? ctx.spanRows : [])];
  for (const r of spanRows) {
    const f = sg.firstNonBlank(r);
    if (f >= 0 && f < leftCol) leftCol = f;
    const l = sg.lastNonBlank(r);
    if (l > rightCol) rightCol = l;
  }
  if (body.totalLabelCol >= 0 && body.totalLabelCol < leftCol) leftCol = body.totalLabelCol;
  const lastRow = Math.max(body.lastRow, h.r + nHeader - 1);
  const table: IndicatorTable = {
    kind,
    layout: list ? "list" : "form",
    sheet: sg.sheet,
    range: sg.rangeA1(topRow, leftCol, lastRow, rightCol),
    headerRow: sg.top + h.r,
    headerRows: nHeader,
    columns: sg.absCols(cols),
    projects,
    framework: cats.framework,
  };
  return { table, lastRow };
}

const NONE: readonly IndicatorRow[] = Object.freeze([]);

/**
 * A group's indicators (placeholders that carry something included) and its placeholders. Most groups have no
 * placeholder: then the group's own array is the indicators and no array is made (a list has a group a project).
 */
function splitPlaceholders(rows: readonly GridRow[]): { indicators: readonly IndicatorRow[]; placeholders: readonly IndicatorRow[] } {
  let k = 0;
  while (k < rows.length && !rows[k].placeholder) k++;
  if (k === rows.length) return { indicators: rows, placeholders: NONE };
  const indicators: IndicatorRow[] = rows.slice(0, k);
  const placeholders: IndicatorRow[] = [];
  for (; k < rows.length; k++) {
    const row = rows[k];
    if (row.placeholder) placeholders.push(row);
    if (!row.placeholder || row.content) indicators.push(row);
  }
  return { indicators, placeholders };
}

/**
 * The header's columns, with a second header row merged in (年度指标值 above 指标性质/指标值/度量单位), then judged by
 * the body's cells (column-fit.ts): the header words propose, the content decides.
 */
function headerColumns(sg: SheetGrid, h: IndicatorHeader, bound: Bound): { cols: Cols<IndicatorField>; nHeader: number } {
  if (h.tree) {
    // One column for the three levels: the labels are told apart by content as the body is read (tree.ts).
    const cols = resolveIndicatorColumns(sg, h.hits);
    return { cols: { ...cols, level1: cols.name, level2: cols.name }, nHeader: 1 };
  }
  const proposed = withProjectColumnsAbove(sg, h.r, resolveIndicatorColumns(sg, h.hits));
  if (h.rows !== undefined) return { cols: fitColumns(sg, proposed, alternativesOf(h.hits, proposed), h.r, h.r + h.rows, bound).cols, nHeader: h.rows };
  const sub = subHeader(sg, h.r, proposed, bound);
  let cols = proposed;
  let nHeader = 1;
  if (sub) {
    cols = sub.cols;
    nHeader = sub.row - h.r + 1;
  } else {
    // a header merged over two rows with nothing below it
    for (const c of Object.values(cols)) {
      const m = sg.mergeAt.get(sg.key(h.r, c));
      if (m && m.bottom > h.r) nHeader = 2;
    }
  }
  return { cols: fitColumns(sg, cols, alternativesOf(h.hits, cols), h.r, h.r + nHeader, bound).cols, nHeader };
}

/**
 * Project columns labelled in the row above the header (单位代码 | 单位(专项)名称 | 资金总额 over blank cells, the
 * indicator fields below 绩效指标 in the header's own row): a list whose header spans two rows, the project's
 * fields merged down over both. Only cells left of the indicator fields, above a blank header cell, count.
 */
function withProjectColumnsAbove(sg: SheetGrid, r: number, cols: Cols<IndicatorField>): Cols<IndicatorField> {
  if (r === 0 || cols.projectName !== undefined || cols.projectCode !== undefined) return cols;
  const first = Math.min(...(Object.values(cols) as number[]));
  let out: Cols<IndicatorField> | undefined;
  for (let c = 0; c < first; c++) {
    if (!sg.blank(r, c) || sg.blank(r - 1, c)) continue;
    const m = matchIndicatorField(sg.norm(r - 1, c));
    if (!m || (m.field !== "projectName" && m.field !== "projectCode" && m.field !== "department")) continue;
    out ??= { ...cols };
    if (out[m.field] === undefined) out[m.field] = c;
  }
  return out && (out.projectName !== undefined || out.projectCode !== undefined) ? out : cols;
}

/** The other columns the header's strong words propose for a field already given a column. */
function alternativesOf(hits: IndicatorHeader["hits"], cols: Cols<IndicatorField>): Map<IndicatorField, number[]> {
  const taken = new Set<number>(Object.values(cols) as number[]);
  const out = new Map<IndicatorField, number[]>();
  for (const h of hits) {
    if (h.weak || taken.has(h.c) || cols[h.field] === undefined) continue;
    out.set(h.field, [...(out.get(h.field) ?? []), h.c]);
  }
  return out;
}

/** The one project of a block with no indicator row: the form's fields, funds, total and grade. */
function emptyProject(body: Body, ctx: ReturnType<typeof readFormContext> | undefined, blockPoints: number | undefined, blockCell: string | undefined, fallbackKey: string): IndicatorProject {
  const info: ProjectInfo = ctx?.info ?? {};
  const proj: Mutable<IndicatorProject> = { key: info.code?.text || info.name?.text || fallbackKey, info, indicators: [], placeholders: [], subtotals: [] };
  if (ctx?.funds) proj.funds = ctx.funds;
  if (blockPoints !== undefined) proj.indicatorBlockPoints = blockPoints;
  if (blockCell !== undefined) proj.indicatorBlockCell = blockCell;
  if (body.total) proj.total = body.total;
  if (body.grade) proj.grade = body.grade;
  return proj;
}

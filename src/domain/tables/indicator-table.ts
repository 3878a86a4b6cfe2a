/**
 * An indicator table from its header: the form context above it, the body below it, categories, groups and projects.
 */
import { splitPointsSuffix } from "../text";
import { type IndicatorProject, type IndicatorRow, type IndicatorTable, type IndicatorTableKind, type LevelSubtotal, type ProjectInfo } from "./model";
import { level1CategoryOf } from "./synonyms";
import { linkGroups } from "./groups";
import { type Mutable, level1CategoryMemo, level2CostMemo, level2CategoryMemo, level2CategoryCostMemo, type IndicatorHeader, SheetGrid } from "./scan";
import { resolveIndicatorColumns, subHeader } from "./headers";
import { readFormContext } from "./form-fields";
import { readBody } from "./indicator-body";

export function readIndicatorTable(
  sg: SheetGrid,
  h: IndicatorHeader,
  ctxStart: number,
  limit: number,
  headerRows: ReadonlySet<number>,
): { table: IndicatorTable; lastRow: number } {
  let cols = resolveIndicatorColumns(sg, h.hits);
  let nHeader = 1;
  const sub = subHeader(sg, h.r, cols, limit);
  if (sub) {
    cols = sub;
    nHeader = 2;
  } else {
    // a header merged over two rows with nothing below it
    for (const c of Object.values(cols)) {
      const m = sg.mergeAt.get(sg.key(h.r, c));
      if (m && m.bottom > h.r) nHeader = 2;
    }
  }
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

  const body = readBody(sg, h.r, h.r + nHeader, limit, cols, firstFieldCol, list, headerRows);

  // Framework and categories (texts repeat: memoised).
  let costLevel1 = false;
  let classicCost = false;
  const l1Cat = level1CategoryMemo;
  const l2Cost = level2CostMemo;
  for (const g of body.groups) {
    for (const row of g.rows) {
      const l1 = row.level1 && !row.level1.filled ? row.level1.text : "";
      if (l1 && l1Cat(l1) === "成本指标") costLevel1 = true;
      const cost = row.level2 ? l2Cost(row.level2.text) : undefined;
      if (cost === "level1") costLevel1 = true;
      else if (cost === "classic") classicCost = true;
    }
  }
  const framework: IndicatorTable["framework"] = costLevel1 ? "cost-level1" : classicCost ? "classic" : "unknown";
  let evaluation = false;
  const l2Cat = costLevel1 ? level2CategoryCostMemo : level2CategoryMemo;
  for (const g of body.groups) {
    for (const row of g.rows) {
      const cat = (row.level1 && l1Cat(row.level1.text)) || (row.level2 && l2Cat(row.level2.text));
      if (cat) row.category = cat;
      if (cat === "决策" || cat === "过程") evaluation = true;
    }
  }

  const projects: IndicatorProject[] = [];
  for (const grp of body.groups) {
    // subtotals and rows are both in sheet order: one pointer walk finds each subtotal's first 二级 category
    let p = 0;
    const subtotals: LevelSubtotal[] = grp.subtotals.map((s) => {
      let level1 = s.label !== "" ? level1CategoryOf(s.label) : undefined;
      while (p < grp.rows.length && grp.rows[p].row < s.ref.row) p++;
      if (!level1) {
        for (let q = p; q < grp.rows.length && grp.rows[q].row <= s.lastRow; q++) {
          const l2 = grp.rows[q].level2;
          const c = l2 ? l2Cat(l2.text) : undefined;
          if (c) {
            level1 = c;
            break;
          }
        }
      }
      return { level1: level1 ?? (s.label || s.ref.text), points: s.points, ref: s.ref, firstRow: s.ref.row, lastRow: s.lastRow };
    });
    if (!list) linkGroups(grp.rows);
    const indicators: IndicatorRow[] = [];
    const placeholders: IndicatorRow[] = [];
    for (let k = 0; k < grp.rows.length; k++) {
      const row = grp.rows[k];
      if (row.placeholder) placeholders.push(row);
      if (!row.placeholder || grp.content[k]) indicators.push(row);
    }
    const info: ProjectInfo = list ? grp.info : ctx?.info ?? {};
    const proj: Mutable<IndicatorProject> = {
      key: info.code?.text || info.name?.text || grp.key || `row ${h.r + sg.top + 1}`,
      info,
      indicators,
      placeholders,
      subtotals,
    };
    if (!list && ctx?.funds) proj.funds = ctx.funds;
    if (blockPoints !== undefined) proj.indicatorBlockPoints = blockPoints;
    if (grp.total) proj.total = grp.total;
    if (grp.grade) proj.grade = grp.grade;
    projects.push(proj);
  }
  if (projects.length === 0) {
    const info: ProjectInfo = ctx?.info ?? {};
    const proj: Mutable<IndicatorProject> = {
      key: info.code?.text || info.name?.text || `row ${h.r + sg.top + 1}`,
      info,
      indicators: [],
      placeholders: [],
      subtotals: [],
    };
    if (ctx?.funds) proj.funds = ctx.funds;
    if (blockPoints !== undefined) proj.indicatorBlockPoints = blockPoints;
    if (body.total) proj.total = body.total;
    if (body.grade) proj.grade = body.grade;
    projects.push(proj);
  }

  const hasActual = cols.actual !== undefined || cols.score !== undefined;
  const kind: IndicatorTableKind = evaluation ? "evaluation" : hasActual ? "self-evaluation" : "target";

  // Range: from the form's first row (title) to the body's last row; columns over header and form rows.
  const topRow = ctx ? ctx.startRow : h.r;
  let leftCol = Math.min(firstFieldCol, labelCol >= 0 ? labelCol : firstFieldCol);
  let rightCol = lastFieldCol;
  const spanRows = [h.r, ...(nHeader > 1 ? [h.r + 1] : []), ...(ctx ? ctx.spanRows : [])];
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
    framework,
  };
  return { table, lastRow };
}

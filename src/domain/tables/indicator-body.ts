/**
 * The indicator body (指标区): rows read once, top to bottom, each in the same steps. Is the body over (body-end.ts:
 * totals, grade, notes; headers.ts: the next header)? Is the row blank? Which project is it in (body-groups.ts)?
 * Which 一级/二级 does it fall under (hierarchy.ts)? Then the row itself: its index in the grid and what was
 * learned reading it (rows.ts). No cell is copied out of the grid.
 */
import type { IndicatorField } from "./model";
import { type Cols, MAX_BLANK_RUN, PLACEHOLDER_NAME, mayBePlaceholderName, readPoints, isNotApplicable, SheetGrid } from "./scan";
import { valueRight } from "./form-fields";
import type { Bound } from "./headers";
import { type Body, type BodyDraft, type Group, closeSubtotal, GroupIndex, ListProjects } from "./body-groups";
import { RowCategorizer } from "./row-categories";
import { BodyEnd, END_GRADE, END_STOP, END_TOTAL, findGrade, totalAfterNotes, totalAt } from "./body-end";
import { LEVEL_NEW, LEVEL_STOP, LevelFill } from "./hierarchy";
import { TreeLevels } from "./tree";
import { GridRow, type RowColumns, type RowFacts, RowStore } from "./rows";

export type { Body, Group } from "./body-groups";

/** Where a body is and how it is laid out. */
export interface BodyLayout {
  readonly headerRow: number;
  /** First row below the header. */
  readonly start: number;
  readonly cols: Cols<IndicatorField>;
  readonly firstFieldCol: number;
  /** List layout: project columns, one indicator per row. */
  readonly list: boolean;
  /** Tree layout: the 一级/二级 labels on rows of their own in the 三级 column (tree.ts). */
  readonly tree?: boolean;
}

export function readBody(sg: SheetGrid, layout: BodyLayout, bound: Bound): Body {
  const { start, cols, list } = layout;
  const body: BodyDraft = { groups: [], lastRow: start - 1, totalLabelCol: -1 };
  const groups = new GroupIndex(body);
  const columns = new RowStore(sg, cols);
  const categories = new RowCategorizer(columns);
  const mapped = Object.values(cols) as number[];
  const valueCols = [cols.target, cols.actual, cols.weight, cols.score].filter((c): c is number => c !== undefined);
  const end = new BodyEnd(sg, layout.headerRow, start, layout.firstFieldCol, columns.level1, { name: cols.name ?? -1, values: valueCols });
  const levels = layout.tree ? new TreeLevels(sg, columns.name) : new LevelFill(sg, columns.level1, columns.level2);
  const projects = new ListProjects(sg, cols.projectCode ?? -1, cols.projectName ?? -1, cols.department ?? -1);
  const facts: RowFactsDraft = { level1From: -1, level2From: -1, weightNumber: undefined, scoreNumber: undefined, notApplicable: false, placeholder: false, content: false };
  let group: Group | undefined;
  let blankRun = 0;
  let lastContent = start - 1;
  let r = start;
  for (; bound.within(r); r++) {
    // The end of the body: a total (list subtotals 小计 keep going), a grade, a note or a new section.
    const ending = end.at(r);
    if (ending === END_STOP) break;
    if (ending === END_GRADE) {
      const gref = valueRight(sg, r, end.labelCol);
      if (gref && group) group.grade = gref;
      else if (gref) body.grade = gref;
      body.lastRow = r;
      break;
    }
    if (ending === END_TOTAL) {
      const total = totalAt(sg, r, end.labelCol, cols);
      body.totalLabelCol = end.labelCol;
      body.lastRow = r;
      if (group) {
        closeSubtotal(group, sg.top);
        group.total = total;
      } else body.total = total;
      if (list && body.groups.length > 1) continue;
      const gr = findGrade(sg, r, bound); // on the total row or just below it
      if (gr) {
        if (group) group.grade = gr.ref;
        else body.grade = gr.ref;
        body.lastRow = gr.row;
      }
      r++;
      break;
    }
    if (rowBlank(sg, r, mapped)) {
      if (++blankRun >= MAX_BLANK_RUN) break;
      continue;
    }
    blankRun = 0;

    // The row's project, then its 一级/二级.
    if (list) {
      group = projects.groupOf(r, group, groups);
      if (projects.switched) levels.reset();
    } else if (!group) group = groups.get("") ?? groups.add("", {});
    const g = group;
    const level = levels.read(r);
    if (level === LEVEL_STOP) break;
    if (levels instanceof TreeLevels && levels.label) {
      lastContent = r; // a label row of the tree (or the unit and project above its first 一级)
      continue;
    }
    if (level === LEVEL_NEW) closeSubtotal(g, sg.top);

    readRowFacts(columns, r, levels, facts);
    const name = nameKind(sg, r, columns.name);
    if (level === LEVEL_NEW && levels.subtotalPoints !== undefined) {
      g.openSubtotal = { label: levels.subtotalLabel, points: levels.subtotalPoints, ref: sg.ref(r, columns.level1), startRel: r, lastRow: sg.top + r };
      if (name === NAME_BLANK && !facts.content) {
        // A row that only carries the subtotal label ("(30分)"): not an indicator.
        lastContent = r;
        g.lastRel = r;
        continue;
      }
    }
    facts.placeholder = name === NAME_TEMPLATE || (name === NAME_BLANK && !facts.content) || unusedSlot(sg, r, columns, name, facts);
    if (facts.placeholder) g.placeholders = true;
    const i = columns.add(r, facts);
    categories.add(i, r, facts.level1From, facts.level2From);
    g.rows.push(new GridRow(columns, i));
    g.lastRel = r;
    lastContent = r;
  }
  closeSubtotal(group, sg.top);
  columns.trim();
  if (body.lastRow < lastContent) body.lastRow = lastContent;
  if (!list) readTotalAfterNotes(sg, body, group, r, bound, cols);
  return Object.assign(body, { categories: categories.finish() });
}

/** The 总分/合计 row may come after notes (其他需要说明事项, 说明 …) that ended a form's body: still the table's total. */
function readTotalAfterNotes(sg: SheetGrid, body: BodyDraft, group: Group | undefined, from: number, bound: Bound, cols: Cols<IndicatorField>): void {
  if (body.total || (group && group.total)) return;
  const after = totalAfterNotes(sg, from, bound, cols);
  if (!after) return;
  if (group) group.total = after.total;
  else body.total = after.total;
  body.totalLabelCol = after.labelCol;
  if (body.lastRow < after.row) body.lastRow = after.row;
}

type RowFactsDraft = { -readonly [K in keyof RowFacts]: RowFacts[K] };

/** True when every mapped cell of the row is blank. */
function rowBlank(sg: SheetGrid, r: number, mapped: readonly number[]): boolean {
  for (const c of mapped) if (!sg.blank(r, c)) return false;
  return true;
}

/** What a row's 三级 name is: blank (or no name column), a template leftover ("指标2:", "……"), or a name. */
const NAME_BLANK = 0;
const NAME_TEMPLATE = 1;
const NAME_OWN = 2;

function nameKind(sg: SheetGrid, r: number, c: number): number {
  if (c < 0) return NAME_BLANK;
  const v = sg.cell(r, c);
  // Most names start with an ideograph other than 指: neither blank nor a leftover, known without the text.
  if (typeof v === "string" && v.length > 0 && !mayBePlaceholderName(v)) return NAME_OWN;
  const t = sg.displayText(r, c);
  if (t === "") return NAME_BLANK;
  return t.length <= 16 && mayBePlaceholderName(t) && PLACEHOLDER_NAME.test(t.replace(/ /g, "")) ? NAME_TEMPLATE : NAME_OWN;
}

/** A 二级 no project with money can leave out (经济成本指标: 财预〔2021〕101号's 成本指标 starts with what it costs). */
const ALWAYS_APPLIES = /经济成本/;

/** A cell left blank or at zero by a form that fills unused slots with 0 (0, 0.00%, 0.0). */
const ZERO_FILL = /^0+(?:\.0+)?%?$/;

function blankOrZero(sg: SheetGrid, r: number, c: number): boolean {
  if (c < 0) return true;
  const t = sg.displayText(r, c);
  return t === "" || ZERO_FILL.test(t);
}

/**
 * A slot of the template the project does not use, weighted 0: no name of its own (blank, a leftover, or 0), its
 * value blank or 0, and 0 or nothing for its points and score (生态效益指标 | | | 0, real 34; 社会成本指标 | 0 | 0.00%
 * | 0, real 91: how the 2021 forms mark a 二级 that does not apply). Not an indicator with its fields missing.
 */
function unusedSlot(sg: SheetGrid, r: number, columns: RowColumns, name: number, facts: RowFactsDraft): boolean {
  if (facts.weightNumber !== 0 && facts.scoreNumber !== 0) return false;
  // Every project that spends money has an economic cost: its slot left at 0 is a target not set (real 91's key).
  if (columns.level2 >= 0 && facts.level2From >= 0 && ALWAYS_APPLIES.test(sg.displayText(facts.level2From, columns.level2))) return false;
  if ((facts.weightNumber ?? 0) !== 0 || (facts.scoreNumber ?? 0) !== 0) return false;
  if (name === NAME_OWN && !blankOrZero(sg, r, columns.name)) return false;
  return blankOrZero(sg, r, columns.target) && blankOrZero(sg, r, columns.actual);
}

/** True for a text that says something: not blank, not a 不适用 mark ("/", "-", "—"). */
function meaningfulText(t: string): boolean {
  return t !== "" && !isNotApplicable(t);
}

/** What the row carries: its points, whether they are marked not applicable, whether it holds any content. */
function readRowFacts(columns: RowColumns, r: number, levels: Pick<LevelFill, "level1From" | "level2From">, facts: RowFactsDraft): void {
  const sg = columns.sg;
  facts.level1From = levels.level1From;
  facts.level2From = levels.level2From;
  const cw = columns.weight;
  const cs = columns.score;
  const wn = cw >= 0 ? readPoints(sg.cell(r, cw), sg.format(r, cw)) : undefined;
  const sn = cs >= 0 ? readPoints(sg.cell(r, cs), sg.format(r, cs)) : undefined;
  facts.weightNumber = wn;
  facts.scoreNumber = sn;
  // A figure is never a 不适用 mark: only non-numeric weight or score cells are looked at.
  facts.notApplicable = (wn === undefined && cw >= 0 && isNotApplicable(sg.displayText(r, cw))) || (sn === undefined && cs >= 0 && isNotApplicable(sg.displayText(r, cs)));
  // The figures first: a weighted or scored row carries content whatever its texts say (no text read then).
  facts.content =
    wn !== undefined ||
    sn !== undefined ||
    (columns.target >= 0 && meaningfulText(sg.displayText(r, columns.target))) ||
    (columns.actual >= 0 && meaningfulText(sg.displayText(r, columns.actual)));
}

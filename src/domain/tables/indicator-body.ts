/**
 * The indicator body (指标区) with its hierarchy: rows read once top to bottom, 一级/二级 filled down, subtotal labels,
 * projects of a list, placeholder rows, and the totals, grade and notes that close the block.
 */
import { type IndicatorField, type IndicatorProject, type IndicatorRow, type ProjectInfo, type Ref } from "./model";
import { STOP_PATTERN, TOTAL_PATTERN, matchFormLabel } from "./synonyms";
import { readCategoryLabel } from "./labels";
import { hasDigit, type Mutable, type Cols, MAX_LABEL, MAX_BLANK_RUN, PLACEHOLDER_NAME, mayBePlaceholderName, readPoints, level1CategoryMemo, isNotApplicable, meaningful, type Pos, SERIAL_HEADER, SheetGrid } from "./scan";
import { valueRight } from "./form-fields";

export function readBody(
  sg: SheetGrid,
  headerRow: number,
  start: number,
  limit: number,
  cols: Cols<IndicatorField>,
  firstFieldCol: number,
  list: boolean,
  headerRows: ReadonlySet<number>,
): Body {
  const body: Body = { groups: [], lastRow: start - 1, totalLabelCol: -1 };
  const byKey = new Map<string, Group>();
  const c1 = cols.level1;
  const c2 = cols.level2;
  const cCode = cols.projectCode;
  const cName = cols.projectName;
  const cDept = cols.department;
  const mapped = Object.values(cols) as number[];
  let group: Group | undefined;
  // Rows the 一级/二级 values fill down from (-1: none); plain numbers, not objects, in this per-row loop.
  let l1SrcRow = -1;
  let l2SrcRow = -1;
  let codeSrc: Pos | undefined;
  let nameSrc: Pos | undefined;
  let deptSrc: Pos | undefined;
  let curCode = "";
  let curName = "";
  let blankRun = 0;
  let lastContent = start - 1;

  const top = sg.top;

  // Label zone: columns left of the fields (the block label 绩效指标 sits there), except serial-number columns.
  const zone: number[] = [];
  for (let c = 0; c < firstFieldCol; c++) {
    if (!SERIAL_HEADER.test(sg.norm(headerRow, c))) zone.push(c);
  }
  let r = start;
  for (; r < limit && r < sg.nRows; r++) {
    if (r > start && headerRows.has(r)) break;
    // Label zone left of the fields: totals, grades, new sections.
    let lz = -1;
    for (const c of zone) {
      if (!sg.blank(r, c)) {
        lz = c;
        break;
      }
    }
    let totalRow = false;
    if (lz >= 0) {
      const n = sg.norm(r, lz);
      if (TOTAL_PATTERN.test(n)) totalRow = true;
      else if (matchFormLabel(n) === "grade") {
        const gref = valueRight(sg, r, lz);
        if (gref && group) group.grade = gref;
        else if (gref) body.grade = gref;
        body.lastRow = r;
        break;
      } else if (!(r === start && /指标/.test(n))) break; // a new section (评价结论, 财政部门意见, 注)
    }
    if (!totalRow) {
      const fc = sg.firstNonBlank(r);
      if (fc >= 0 && fc <= firstFieldCol + 1) {
        const n = sg.normCased(r, fc);
        if (n !== "" && TOTAL_PATTERN.test(n)) totalRow = true;
        else if (n !== "" && (fc === c1 || fc === firstFieldCol)) {
          if (STOP_PATTERN.test(n) && !/指标/.test(n.slice(0, 6))) break;
        }
      }
    }
    if (totalRow) {
      const lc = lz >= 0 ? lz : sg.firstNonBlank(r);
      const total: Mutable<NonNullable<IndicatorProject["total"]>> = { label: sg.ref(r, lc) };
      if (cols.weight !== undefined && cols.weight !== lc) total.weight = sg.ref(r, cols.weight);
      if (cols.score !== undefined && cols.score !== lc) total.score = sg.ref(r, cols.score);
      body.totalLabelCol = lc;
      body.lastRow = r;
      if (group) {
        closeSubtotal(group, top);
        group.total = total;
      } else body.total = total;
      if (list && body.groups.length > 1) continue; // list subtotals (小计) keep going
      // grade on the total row or just below it
      const gr = findGrade(sg, r, Math.min(limit, r + 4), headerRows);
      if (gr) {
        if (group) group.grade = gr.ref;
        else body.grade = gr.ref;
        body.lastRow = gr.row;
      }
      r++;
      break;
    }
    // Blank rows.
    let any = false;
    for (const c of mapped) {
      if (!sg.blank(r, c)) {
        any = true;
        break;
      }
    }
    if (!any) {
      if (++blankRun >= MAX_BLANK_RUN) break;
      continue;
    }
    blankRun = 0;

    // Project (list layout).
    if (list) {
      const code = cCode !== undefined ? sg.text(r, cCode) : "";
      const name = cName !== undefined ? sg.text(r, cName) : "";
      if (!group || (code !== "" && code !== curCode) || (name !== "" && name !== curName)) {
        const codeChanged = code !== "" && code !== curCode;
        closeSubtotal(group, top);
        if (code !== "") codeSrc = { r, c: cCode as number };
        else if (!group || name !== curName) codeSrc = undefined;
        if (name !== "") nameSrc = { r, c: cName as number };
        else if (codeChanged) nameSrc = undefined;
        curCode = codeSrc ? sg.text(codeSrc.r, codeSrc.c) : "";
        curName = nameSrc ? sg.text(nameSrc.r, nameSrc.c) : "";
        if (cDept !== undefined && !sg.blank(r, cDept)) deptSrc = { r, c: cDept };
        const info: Mutable<ProjectInfo> = {};
        if (cCode !== undefined) info.code = sg.ref(r, cCode, codeSrc);
        if (cName !== undefined) info.name = sg.ref(r, cName, nameSrc);
        if (cDept !== undefined) info.department = sg.ref(r, cDept, deptSrc);
        const key = curCode || curName || `row ${sg.top + r + 1}`;
        group = ensureGroup(body, byKey, key, info);
        l1SrcRow = -1;
        l2SrcRow = -1;
      } else if (cDept !== undefined && !sg.blank(r, cDept)) deptSrc = { r, c: cDept };
    } else if (!group) group = ensureGroup(body, byKey, "", {});
    const g = group as Group;

    // Levels with fill-down.
    let newSubtotal: { label: string; points: number } | undefined;
    let l1Own = "";
    if (c1 !== undefined) {
      l1Own = sg.text(r, c1);
      if (l1Own !== "") {
        const raw = l1Own.length <= MAX_LABEL ? sg.normCased(r, c1) : "";
        if (raw !== "" && STOP_PATTERN.test(raw) && !/指标/.test(raw)) break;
        l1SrcRow = r;
        l2SrcRow = -1;
        closeSubtotal(g, top);
        // "产出指标(50分)", "产出指标 (50)", "效益指标 30分)", "(50分)": the table's own weight for the category.
        const sp = hasDigit(l1Own) ? readCategoryLabel(l1Own) : undefined;
        if (sp?.points !== undefined && (sp.core === "" || level1CategoryMemo(sp.core) !== undefined)) newSubtotal = { label: sp.core, points: sp.points };
      }
    }
    const l2Blank = c2 === undefined || sg.blank(r, c2);
    if (!l2Blank) l2SrcRow = r;
    if (newSubtotal && c1 !== undefined) {
      g.openSubtotal = { label: newSubtotal.label, points: newSubtotal.points, ref: sg.ref(r, c1), startRel: r, lastRow: sg.top + r };
    }

    // The row's cells first, then the row as one literal with every field: V8 can tell from a literal's
    // allocation site that these objects live on and place them where the young-generation collector
    // need not copy them (class instances are copied: markedly slower for 100,000 kept rows).
    const level1 = c1 !== undefined ? sg.refFrom(r, c1, l1Own === "" && l1SrcRow >= 0 ? l1SrcRow : r, c1) : undefined;
    const level2 = c2 !== undefined ? sg.refFrom(r, c2, l2Blank && l2SrcRow >= 0 ? l2SrcRow : r, c2) : undefined;
    const name = cols.name !== undefined ? sg.ref(r, cols.name) : undefined;
    const sign = cols.sign !== undefined ? sg.ref(r, cols.sign) : undefined;
    const target = cols.target !== undefined ? sg.ref(r, cols.target) : undefined;
    const unit = cols.unit !== undefined ? sg.ref(r, cols.unit) : undefined;
    const actual = cols.actual !== undefined ? sg.ref(r, cols.actual) : undefined;
    const weight = cols.weight !== undefined ? sg.ref(r, cols.weight) : undefined;
    const score = cols.score !== undefined ? sg.ref(r, cols.score) : undefined;
    const reason = cols.reason !== undefined ? sg.ref(r, cols.reason) : undefined;
    const standard = cols.standard !== undefined ? sg.ref(r, cols.standard) : undefined;
    const explain = cols.explain !== undefined ? sg.ref(r, cols.explain) : undefined;
    const note = cols.note !== undefined ? sg.ref(r, cols.note) : undefined;
    const wn = weight ? readPoints(weight.value, weight.numberFormat) : undefined;
    const sn = score ? readPoints(score.value, score.numberFormat) : undefined;
    // A figure is never a 不适用 mark: only non-numeric weight or score cells are looked at.
    const notApplicable = (wn === undefined && isNotApplicable(weight?.text ?? "")) || (sn === undefined && isNotApplicable(score?.text ?? ""));
    const content = meaningful(target) || meaningful(actual) || wn !== undefined || sn !== undefined;
    const nameText = name ? name.text : "";
    const templateName =
      nameText !== "" && nameText.length <= 16 && mayBePlaceholderName(nameText) && PLACEHOLDER_NAME.test(nameText.replace(/ /g, ""));
    const subtotalOnly = newSubtotal !== undefined && nameText === "" && !content;
    if (subtotalOnly) {
      lastContent = r;
      g.lastRel = r;
      continue;
    }
    const row: Mutable<IndicatorRow> = {
      row: sg.top + r,
      level1,
      level2,
      name,
      sign,
      target,
      unit,
      actual,
      weight,
      score,
      reason,
      standard,
      explain,
      note,
      weightNumber: wn,
      scoreNumber: sn,
      category: undefined,
      notApplicable,
      placeholder: templateName || (nameText === "" && !content),
    };
    g.rows.push(row);
    g.content.push(content);
    g.lastRel = r;
    lastContent = r;
  }
  closeSubtotal(group, top);
  if (body.lastRow < lastContent) body.lastRow = lastContent;
  // The 总分/合计 row may come after notes (其他需要说明事项, 说明 …) that ended the body: still the table's total.
  if (!list && !body.total && !(group && group.total)) {
    const after = totalAfterNotes(sg, r, limit, cols, headerRows);
    if (after) {
      if (group) group.total = after.total;
      else body.total = after.total;
      body.totalLabelCol = after.labelCol;
      if (body.lastRow < after.row) body.lastRow = after.row;
    }
  }
  return body;
}

/** A 总分/合计 row within a few rows after the body (past notes), before any other header. */
export function totalAfterNotes(
  sg: SheetGrid,
  from: number,
  limit: number,
  cols: Cols<IndicatorField>,
  headerRows: ReadonlySet<number>,
): { row: number; labelCol: number; total: NonNullable<IndicatorProject["total"]> } | undefined {
  for (let r = from; r < Math.min(limit, from + 8, sg.nRows); r++) {
    if (headerRows.has(r)) return undefined;
    const fc = sg.firstNonBlank(r);
    if (fc < 0) continue;
    if (!TOTAL_PATTERN.test(sg.normCased(r, fc))) continue;
    const weight = cols.weight !== undefined && cols.weight !== fc && !sg.blank(r, cols.weight) ? sg.ref(r, cols.weight) : undefined;
    const score = cols.score !== undefined && cols.score !== fc && !sg.blank(r, cols.score) ? sg.ref(r, cols.score) : undefined;
    if (!weight && !score) continue;
    const total: Mutable<NonNullable<IndicatorProject["total"]>> = { label: sg.ref(r, fc) };
    if (weight) total.weight = weight;
    if (score) total.score = score;
    return { row: r, labelCol: fc, total };
  }
  return undefined;
}

export function findGrade(sg: SheetGrid, from: number, to: number, headerRows: ReadonlySet<number>): { ref: Ref; row: number } | undefined {
  for (let r = from; r < to && r < sg.nRows; r++) {
    if (r > from && headerRows.has(r)) return undefined;
    const w = sg.rowWidth(r);
    for (let c = 0; c < w; c++) {
      const n = sg.norm(r, c);
      if (n === "") continue;
      const f = matchFormLabel(n);
      if (f === "grade") {
        const ref = valueRight(sg, r, c);
        return ref ? { ref, row: r } : undefined;
      }
      if (f === "name") return undefined; // the next form
    }
  }
  return undefined;
}

// -- budget lists --


// ---------------------------------------------------------------------------------------------------------------

/** Ends a group's open "(30分)" subtotal at the group's last row so far. */
export function closeSubtotal(g: Group | undefined, top: number): void {
  if (!g || !g.openSubtotal) return;
  g.openSubtotal.lastRow = top + Math.max(g.openSubtotal.startRel, g.lastRel);
  g.subtotals.push(g.openSubtotal);
  g.openSubtotal = undefined;
}

/** The body's group (project) under `key`, new at the end of the body when first seen. */
export function ensureGroup(body: Body, byKey: Map<string, Group>, key: string, info: ProjectInfo): Group {
  let g = byKey.get(key);
  if (!g) {
    g = { key, info, rows: [], content: [], subtotals: [], openSubtotal: undefined, lastRel: -1, total: undefined, grade: undefined };
    byKey.set(key, g);
    body.groups.push(g);
  }
  return g;
}

export interface SubtotalDraft {
  label: string;
  points: number;
  ref: Ref;
  startRel: number;
  lastRow: number;
}

export interface Group {
  key: string;
  info: ProjectInfo;
  rows: Mutable<IndicatorRow>[];
  /** Parallel to `rows`: the row carries a target, actual, numeric weight or score. */
  content: boolean[];
  subtotals: SubtotalDraft[];
  openSubtotal: SubtotalDraft | undefined;
  lastRel: number;
  total: IndicatorProject["total"] | undefined;
  grade: Ref | undefined;
}

export interface Body {
  groups: Group[];
  lastRow: number;
  totalLabelCol: number;
  total?: IndicatorProject["total"];
  grade?: Ref;
}

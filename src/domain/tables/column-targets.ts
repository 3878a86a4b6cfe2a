/**
 * A list of projects whose targets stand in columns of their own (项目库, 项目实施情况表, 资金分配表 with a 绩效 block):
 * one project per row, and under a header group 绩效目标 / 项目绩效 / 绩效指标 a column per 一级 category or per
 * indicator; each project's cell in such a column is its target there.
 *
 *   序号 | 项目名称           | 资金规模(万元) | 绩效目标                                   |
 *        |                    |                | 产出指标      | 效益指标        | 满意度指标   |
 *   1    | 某村农机服务项目   | 100            | 采购拖拉机2台 | 受益户数≥200户 | 满意度≥90%   |
 *
 *   序号 | 项目名称 | 项目绩效                                              | 补助资金(万元)
 *        |          | 治理水体 | 污染负荷消减量(吨/年) | 生态改善目标 |
 *
 * A column headed by a category word gives its rows that 一级 (no 三级 name: the cell says both what and how much);
 * any other column under the group is an indicator whose 三级 name is its header. Found only when the sheet has no
 * indicator table of the usual kind. The rows are made as plain IndicatorRows pointing at the cells they came from.
 */
import type { IndicatorProject, IndicatorRow, IndicatorTable, ProjectInfo, Ref } from "./model";
import { level1CategoryMemo, MAX_BLANK_RUN, SheetGrid, labelAt } from "./scan";
import { matchIndicatorField, SUBTOTAL_PATTERN, STOP_PATTERN } from "./synonyms";

/** Rows looked at for the header. */
const SCAN_ROWS = 30;
/** A group header over the target columns. */
const GROUP_WORDS = /^(?:项目)?(?:绩效目标|绩效指标|项目绩效|年度绩效目标|绩效)$/;
/** Header rows a header may span (the group, its columns, a third row of money sources). */
const MAX_HEADER_ROWS = 3;

interface TargetColumn {
  readonly c: number;
  /** Row (grid-relative) of the column's own header cell. */
  readonly headerRow: number;
  /** Canonical 一级 when the header is a category word; else the header is the indicator's name. */
  readonly level1?: string;
}

interface Found {
  readonly nameCol: number;
  readonly headerRow: number;
  /** First row below the header. */
  readonly start: number;
  readonly targets: readonly TargetColumn[];
  readonly unitCol: number;
}

/** The target columns under a group header at (r, g): the next row's texts from g up to the group's next header cell. */
function columnsUnder(sg: SheetGrid, r: number, g: number): TargetColumn[] {
  let sub = r + 1;
  if (sub < sg.nRows && sg.rowBlank(sub)) sub++; // a blank row an export put inside the header
  if (sub >= sg.nRows) return [];
  let end = sg.rowWidth(r);
  for (let c = g + 1; c < end; c++) {
    if (!sg.blank(r, c)) {
      end = c;
      break;
    }
  }
  const out: TargetColumn[] = [];
  for (let c = g; c < end; c++) {
    const t = labelAt(sg, sub, c);
    if (t === "" || t.length > 30) continue;
    const level1 = level1CategoryMemo(t);
    out.push(level1 !== undefined ? { c, headerRow: sub, level1 } : { c, headerRow: sub });
  }
  return out;
}

function findHeader(sg: SheetGrid): Found | undefined {
  const rows = Math.min(sg.nRows, SCAN_ROWS);
  for (let r = 0; r < rows; r++) {
    const w = sg.rowWidth(r);
    let nameCol = -1;
    let unitCol = -1;
    let group = -1;
    for (let c = 0; c < w; c++) {
      const t = labelAt(sg, r, c);
      if (t === "") continue;
      const f = matchIndicatorField(t)?.field;
      if (f === "projectName" && nameCol < 0 && /名称/.test(t)) nameCol = c;
      else if (f === "department" && unitCol < 0) unitCol = c;
      else if (group < 0 && GROUP_WORDS.test(t)) group = c;
      else if (unitCol < 0 && /^(?:实施|承担|建设)单位/.test(t)) unitCol = c;
    }
    if (nameCol < 0 || group < 0 || group <= nameCol) continue;
    const targets = columnsUnder(sg, r, group);
    // A column per category (two at least), or per indicator (two at least) — one column is a form's label, not a block.
    if (targets.length < 2) continue;
    let start = targets[0].headerRow + 1;
    // a third header row (省级 | 市级 under 其中) holds no project
    while (start < sg.nRows && start < targets[0].headerRow + MAX_HEADER_ROWS && sg.blank(start, nameCol) && !sg.rowBlank(start)) start++;
    return { nameCol, headerRow: r, start, targets, unitCol };
  }
  return undefined;
}

/** A list of projects with their targets in columns, when the sheet holds one. */
export function readColumnTargets(sg: SheetGrid): IndicatorTable | undefined {
  const h = findHeader(sg);
  if (!h) return undefined;
  const projects: IndicatorProject[] = [];
  let blankRun = 0;
  let last = h.start - 1;
  for (let r = h.start; r < sg.nRows; r++) {
    if (sg.rowBlank(r)) {
      if (++blankRun >= MAX_BLANK_RUN) break;
      continue;
    }
    blankRun = 0;
    const name = labelAt(sg, r, h.nameCol);
    const first = labelAt(sg, r, sg.firstNonBlank(r));
    if (SUBTOTAL_PATTERN.test(first) || SUBTOTAL_PATTERN.test(name)) {
      last = r;
      continue;
    }
    if (name === "") {
      if (STOP_PATTERN.test(first)) break;
      continue;
    }
    last = r;
    const info: ProjectInfo = { name: sg.ref(r, h.nameCol), ...(h.unitCol >= 0 ? { unit: sg.ref(r, h.unitCol) } : {}), row: sg.top + r };
    // A category column left blank is a category missing; a named indicator's column left blank does not apply to
    // the project (污染负荷消减量 of a monitoring station), unless every one is blank: then the first says so.
    const given = h.targets.filter((t) => t.level1 !== undefined || !sg.blank(r, t.c));
    const indicators: IndicatorRow[] = (given.length > 0 ? given : h.targets.slice(0, 1)).map((t) => rowOf(sg, r, t));
    projects.push({ key: `${name}@${sg.top + r + 1}`, info, indicators, placeholders: [], subtotals: [] });
  }
  if (projects.length === 0) return undefined;
  const categories = h.targets.some((t) => t.level1 !== undefined);
  const left = Math.min(h.nameCol, sg.firstNonBlank(h.headerRow));
  return {
    kind: "target",
    layout: "list",
    sheet: sg.sheet,
    range: sg.rangeA1(h.headerRow, Math.max(0, left), last, Math.max(...h.targets.map((t) => t.c), sg.lastNonBlank(h.headerRow))),
    headerRow: sg.top + h.headerRow,
    headerRows: h.start - h.headerRow,
    columns: sg.absCols({
      projectName: h.nameCol,
      target: h.targets[0].c,
      ...(categories ? { level1: h.targets[0].c } : { name: h.targets[0].c }),
    }),
    projects,
    framework: "unknown",
  };
}

/** One indicator of a project: its 一级 or its name from the column's header, its target the project's cell. */
function rowOf(sg: SheetGrid, r: number, t: TargetColumn): IndicatorRow {
  const header = sg.ref(t.headerRow, t.c);
  const level: Ref = { ...header, address: sg.addr(r, t.c), row: sg.top + r, filled: true, from: header.address };
  const target = sg.ref(r, t.c);
  const base = { row: sg.top + r, target, notApplicable: false, placeholder: false };
  return t.level1 !== undefined ? { ...base, level1: { ...level, text: t.level1 }, category: t.level1 } : { ...base, name: level };
}

/**
 * A list of projects whose targets sit in one cell per project, as tagged lines (the 项目绩效目标和指标 tables
 * departments publish with their budgets; real 126):
 *
 *   单位编码 | 单位名称(项目类别/支出项目) | 年度预算安排 | 项目内容 | 绩效目标
 *   037001  | 某机房租赁服务采购项目       | 1681680      | 【项目概况】… | 【总体目标】
 *                                                                        保障…
 *                                                                        【产出指标-数量指标】
 *                                                                        指标1:机柜数量(≥77台)
 *                                                                        【效益指标-社会效益指标】
 *                                                                        指标1:服务保障民生(有力保障)
 *
 * Each 【一级-二级】 tag opens a block; each 指标N: line under it is one indicator, its name before the bracket at the
 * end and its target inside. Every field of every indicator points at the project's cell (the only place a reviewer
 * can be sent). Found only when the sheet has no indicator table of the usual kind.
 */
import { cleanText } from "../text";
import type { IndicatorProject, IndicatorRow, IndicatorTable, ProjectInfo, Ref } from "./model";
import { level1CategoryMemo, MAX_BLANK_RUN, SheetGrid, labelAt } from "./scan";
import { SUBTOTAL_PATTERN } from "./synonyms";

/** Rows looked at for the header. */
const SCAN_ROWS = 30;
/** The header of the tagged column. */
const TARGETS_HEADER = /^(?:项目)?(?:年度)?绩效(?:目标|指标)(?:和指标|及指标)?$/;
/** The header of the projects' names. */
const NAME_HEADER = /名称|项目/;
/** A tag of a block of indicators: 【产出指标-数量指标】 (the 一级 and the 二级). Bounded: linear. */
const BLOCK_TAG = /^【([^】\-－—]{1,12})[-－—]([^】]{1,16})】$/;
/** Any tag: 【总体目标】, 【项目概况】 … (ends a block). */
const ANY_TAG = /^【[^】]{1,20}】/;
/** An indicator line: 指标1:name(target). Bounded: linear. */
const INDICATOR_LINE = /^指标\s{0,2}[0-9０-９]{1,3}\s{0,2}[:：]\s{0,2}(.{1,120}?)\s{0,2}(?:[(（]([^()（）]{0,60})[)）])?$/;
/** A cell that holds tagged blocks: the content test for the column. */
const HAS_BLOCK = /【[^】]{0,12}指标[-－—]/;

interface Found {
  readonly headerRow: number;
  readonly nameCol: number;
  readonly targetCol: number;
}

/** The header row and its columns, when a cell under the targets' header holds tagged blocks. */
function findHeader(sg: SheetGrid): Found | undefined {
  const rows = Math.min(sg.nRows, SCAN_ROWS);
  for (let r = 0; r < rows; r++) {
    const w = sg.rowWidth(r);
    let targetCol = -1;
    let nameCol = -1;
    for (let c = 0; c < w; c++) {
      const t = labelAt(sg, r, c);
      if (t === "") continue;
      if (targetCol < 0 && TARGETS_HEADER.test(t)) targetCol = c;
      else if (nameCol < 0 && NAME_HEADER.test(t) && t.length <= 20) nameCol = c;
    }
    if (targetCol < 0 || nameCol < 0 || nameCol >= targetCol) continue;
    for (let k = r + 1; k < sg.nRows && k <= r + 40; k++) {
      if (HAS_BLOCK.test(sg.text(k, targetCol))) return { headerRow: r, nameCol, targetCol };
    }
  }
  return undefined;
}

/** A Ref to the project's cell that carries one piece of its text. */
function pieceRef(cell: Ref, text: string): Ref {
  return { value: text, text: cleanText(text), address: cell.address, row: cell.row, col: cell.col };
}

/** The indicators of one tagged cell, in order. */
function indicatorsIn(cell: Ref, raw: string): IndicatorRow[] {
  const out: IndicatorRow[] = [];
  let level1: string | undefined;
  let level2: string | undefined;
  for (const line of raw.split(/\r?\n/)) {
    const l = line.trim();
    if (l === "") continue;
    const tag = BLOCK_TAG.exec(l);
    if (tag) {
      level1 = tag[1].trim();
      level2 = tag[2].trim();
      continue;
    }
    if (ANY_TAG.test(l)) {
      level1 = level2 = undefined;
      continue;
    }
    if (level1 === undefined || level2 === undefined) continue;
    const m = INDICATOR_LINE.exec(l);
    if (!m) continue;
    const category = level1CategoryMemo(level1);
    out.push({
      row: cell.row,
      level1: pieceRef(cell, level1),
      level2: pieceRef(cell, level2),
      name: pieceRef(cell, m[1]),
      target: pieceRef(cell, m[2] ?? ""),
      notApplicable: false,
      placeholder: false,
      ...(category !== undefined ? { category } : {}),
    });
  }
  return out;
}

/** A list of projects with their targets in one tagged cell each, when the sheet holds one. */
export function readTaggedTargets(sg: SheetGrid): IndicatorTable | undefined {
  const h = findHeader(sg);
  if (!h) return undefined;
  const projects: IndicatorProject[] = [];
  let blankRun = 0;
  let last = h.headerRow;
  for (let r = h.headerRow + 1; r < sg.nRows; r++) {
    if (sg.rowBlank(r)) {
      if (++blankRun >= MAX_BLANK_RUN) break;
      continue;
    }
    blankRun = 0;
    const name = labelAt(sg, r, h.nameCol);
    if (name === "" || SUBTOTAL_PATTERN.test(name)) continue;
    const raw = sg.text(r, h.targetCol);
    // A unit's or a category's own line (黄山市公安局 | 92156434, 其他运转类) has no targets of its own.
    if (!HAS_BLOCK.test(raw)) continue;
    const cell = sg.ref(r, h.targetCol);
    const indicators = indicatorsIn(cell, typeof cell.value === "string" ? cell.value : raw);
    if (indicators.length === 0) continue;
    last = r;
    const info: ProjectInfo = { name: sg.ref(r, h.nameCol), row: sg.top + r };
    projects.push({ key: `${name}@${sg.top + r + 1}`, info, indicators, placeholders: [], subtotals: [] });
  }
  if (projects.length === 0) return undefined;
  return {
    kind: "target",
    layout: "list",
    sheet: sg.sheet,
    range: sg.rangeA1(h.headerRow, Math.max(0, sg.firstNonBlank(h.headerRow)), last, Math.max(h.targetCol, sg.lastNonBlank(h.headerRow))),
    headerRow: sg.top + h.headerRow,
    headerRows: 1,
    columns: sg.absCols({ projectName: h.nameCol, level1: h.targetCol, level2: h.targetCol, name: h.targetCol, target: h.targetCol }),
    packed: true,
    projects,
    framework: "unknown",
  };
}

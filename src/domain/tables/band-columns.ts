/**
 * A target table that grades each indicator in bands instead of giving one 指标值 (河北 绩效目标表, real 122):
 *
 *   绩效指标分类 | 绩效指标     | 绩效指标描述 | 绩效指标评价标准            | 评价标准确定依据
 *                |              |              | 优   | 良  | 中  | 差      |
 *   产出指标     | 救助覆盖率   | …是否应救尽救 | 100% | 90% | 85% | 85%     | 按…标准评价
 *
 * The row of band words (优 良 中 差, 优秀 良好 合格 不合格 …) under the header says which columns are the bands; the
 * best band is the target, the others its grades (table.bands). The other columns are read by their header where it
 * says what they are (分类/类别 → 一级, 描述/说明 → explain, 依据 → standard, the rest with 指标 → the name), and the
 * 一级 column by its content where the header is unreadable (a conversion's debris). Found only when the sheet has no
 * indicator table of the usual kind.
 */
import type { IndicatorProject, IndicatorRow, IndicatorTable } from "./model";
import { level1CategoryMemo, MAX_BLANK_RUN, SheetGrid, type Cols, labelAt } from "./scan";
import type { IndicatorField } from "./model";
import { STOP_PATTERN } from "./synonyms";

/** Rows looked at for the band row. */
const SCAN_ROWS = 40;
/** Grades of a band row, best first in each scale. */
const BAND_WORDS = /^(?:优|优秀|良|良好|中|中等|一般|合格|差|较差|不合格|及格|不及格)$/;

interface Found {
  readonly headerRow: number;
  readonly bandRow: number;
  readonly bands: readonly number[];
}

/** The first row holding three or more band words in consecutive columns, under a header row. */
function findBands(sg: SheetGrid): Found | undefined {
  const rows = Math.min(sg.nRows, SCAN_ROWS);
  for (let r = 1; r < rows; r++) {
    const w = sg.rowWidth(r);
    let run: number[] = [];
    for (let c = 0; c < w; c++) {
      const t = labelAt(sg, r, c);
      if (t !== "" && BAND_WORDS.test(t)) run.push(c);
      else if (t !== "") run = [];
      else if (run.length > 0 && run.length < 3) run = [];
      if (run.length >= 3 && (c + 1 >= w || !BAND_WORDS.test(labelAt(sg, r, c + 1)))) {
        // The header just above, or past one blank row an export put inside it.
        const headerRow = !sg.rowBlank(r - 1) ? r - 1 : r >= 2 && !sg.rowBlank(r - 2) ? r - 2 : -1;
        if (headerRow < 0) break;
        return { headerRow, bandRow: r, bands: run };
      }
    }
  }
  return undefined;
}

/** The columns left and right of the bands, by their header; the 一级 by its content where no header says it. */
function columnsOf(sg: SheetGrid, f: Found): Cols<IndicatorField> | undefined {
  const cols: Cols<IndicatorField> = { target: f.bands[0] };
  const w = sg.rowWidth(f.headerRow);
  const unread: number[] = [];
  for (let c = 0; c < w; c++) {
    if (f.bands.includes(c)) continue;
    const t = labelAt(sg, f.headerRow, c);
    if (t === "") continue;
    if (/分类|类别|类型|一级/.test(t)) cols.level1 ??= c;
    else if (/二级/.test(t)) cols.level2 ??= c;
    else if (/描述|说明|解释|内容/.test(t)) cols.explain ??= c;
    else if (/依据/.test(t)) cols.standard ??= c;
    else if (/评价标准|等级/.test(t)) continue; // the bands' group title
    else if (/指标/.test(t) && cols.name === undefined && c < f.bands[0]) cols.name = c;
    else unread.push(c);
  }
  // A header cell garbled beyond reading: the column whose cells hold category words is the 一级.
  if (cols.level1 === undefined) {
    for (const c of unread) {
      for (let r = f.bandRow + 1; r < Math.min(sg.nRows, f.bandRow + 6); r++) {
        if (level1CategoryMemo(labelAt(sg, r, c)) !== undefined) {
          cols.level1 = c;
          break;
        }
      }
      if (cols.level1 !== undefined) break;
    }
  }
  return cols.name !== undefined ? cols : undefined;
}

/** A table graded in bands, when the sheet holds one. */
export function readBandColumns(sg: SheetGrid): IndicatorTable | undefined {
  const f = findBands(sg);
  if (!f) return undefined;
  const cols = columnsOf(sg, f);
  if (!cols || cols.name === undefined) return undefined;
  const nameCol = cols.name;
  const indicators: IndicatorRow[] = [];
  // The row of the 一级 label in force (filled down to the rows under it) and its category, read once per label.
  let level1Row = -1;
  let category: string | undefined;
  let blankRun = 0;
  let last = f.bandRow;
  for (let r = f.bandRow + 1; r < sg.nRows; r++) {
    if (sg.rowBlank(r)) {
      if (++blankRun >= MAX_BLANK_RUN) break;
      continue;
    }
    blankRun = 0;
    const first = labelAt(sg, r, sg.firstNonBlank(r));
    if (STOP_PATTERN.test(first)) break;
    if (cols.level1 !== undefined && !sg.blank(r, cols.level1)) {
      level1Row = r;
      category = level1CategoryMemo(labelAt(sg, r, cols.level1));
    }
    if (sg.blank(r, nameCol)) continue;
    last = r;
    const row: { -readonly [K in keyof IndicatorRow]?: IndicatorRow[K] } = { row: sg.top + r, notApplicable: false, placeholder: false };
    if (level1Row >= 0 && cols.level1 !== undefined) {
      row.level1 = sg.refFrom(r, cols.level1, level1Row, cols.level1);
      if (category !== undefined) row.category = category;
    }
    row.name = sg.ref(r, nameCol);
    row.target = sg.ref(r, f.bands[0]);
    row.bandTexts = f.bands.map((c) => sg.text(r, c));
    if (cols.explain !== undefined) row.explain = sg.ref(r, cols.explain);
    if (cols.standard !== undefined) row.standard = sg.ref(r, cols.standard);
    indicators.push(row as IndicatorRow);
  }
  if (indicators.length === 0) return undefined;
  const project: IndicatorProject = { key: `row ${sg.top + f.headerRow + 1}`, info: {}, indicators, placeholders: [], subtotals: [] };
  return {
    kind: "target",
    layout: "form",
    sheet: sg.sheet,
    range: sg.rangeA1(f.headerRow, Math.max(0, sg.firstNonBlank(f.headerRow)), last, Math.max(f.bands[f.bands.length - 1], sg.lastNonBlank(f.headerRow))),
    headerRow: sg.top + f.headerRow,
    headerRows: 2,
    columns: sg.absCols(cols),
    bands: f.bands.map((c) => ({ col: sg.left + c, label: labelAt(sg, f.bandRow, c) })),
    projects: [project],
    framework: "unknown",
  };
}

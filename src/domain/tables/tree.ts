/**
 * The tree layout (树形批复表): one column holds, top to bottom, the unit, the project, each 一级 label, each 二级 label
 * under it and the 三级 names under that, told apart by indentation or by what they say; the 指标值 sits in another
 * column on the indicator rows only.
 *
 *   项目                              | 指标值 | 绩效金额
 *    某市疾病预防控制中心             |        |
 *     疫苗及药物                      |        | 3000000
 *      产出指标                       |        |
 *       数量指标(必填硬性指标)        |        |
 *        疫苗使用率                   | 100%   |
 *
 * Found only when a sheet has no indicator header of the usual kind: by its content (一级 and 二级 words in one
 * column, on rows whose value cell is empty, and values beside the rows between them) under a header that names
 * the value column.
 */
import type { IndicatorField } from "./model";
import { type Hit, type IndicatorHeader, SheetGrid, level1CategoryMemo, level2CategoryMemo } from "./scan";
import { readCategoryLabel } from "./labels";
import { indicatorHits } from "./headers";
import { matchIndicatorField } from "./synonyms";
import { LEVEL_NEW, LEVEL_SAME } from "./hierarchy";

/** Rows looked at to find a tree: enough for any published form; a longer sheet has the usual headers. */
const SCAN_ROWS = 400;
/** Columns a tree's label column may be in. */
const SCAN_COLS = 4;

/** What a label cell is: 1 a 一级 word only, 2 a 二级 word only, 3 either (成本指标, 满意度指标), 0 no label. */
function labelKind(text: string): number {
  if (text === "" || text.length > 30) return 0;
  const core = readCategoryLabel(text).core;
  if (!/指标/.test(core)) return 0;
  const one = level1CategoryMemo(core) !== undefined;
  const two = level2CategoryMemo(core) !== undefined;
  return (one ? 1 : 0) | (two ? 2 : 0);
}

/** Leading spaces of a cell (the export's indentation), full-width ones included. */
function indentOf(v: unknown): number {
  if (typeof v !== "string") return 0;
  let n = 0;
  while (n < v.length && (v.charCodeAt(n) === 0x20 || v.charCodeAt(n) === 0x3000 || v.charCodeAt(n) === 0xa0)) n++;
  return n;
}

/** The header of a tree on this sheet, if it holds one: the label column read as 三级 name, the value column. */
export function findTree(sg: SheetGrid): IndicatorHeader | undefined {
  const rows = Math.min(sg.nRows, SCAN_ROWS);
  for (let c = 0; c < SCAN_COLS; c++) {
    let firstLabel = -1;
    const level1 = new Set<string>();
    let level2 = 0;
    for (let r = 0; r < rows; r++) {
      const k = labelKind(sg.text(r, c));
      if (k === 0) continue;
      if (firstLabel < 0) firstLabel = r;
      if (k & 1) level1.add(readCategoryLabel(sg.text(r, c)).core);
      if (k === 2 || k === 3) level2++;
    }
    if (firstLabel < 0 || level1.size < 2 || level2 < 2) continue;
    const header = headerAbove(sg, firstLabel, c);
    if (!header) continue;
    const target = header.hits.find((h) => h.field === "target")?.c as number;
    if (!valuesBeside(sg, firstLabel, rows, c, target)) continue;
    return header;
  }
  return undefined;
}

/** A header row a few rows above the first label that names a value column right of the label column. */
function headerAbove(sg: SheetGrid, firstLabel: number, c: number): IndicatorHeader | undefined {
  for (let r = firstLabel - 1; r >= 0 && r >= firstLabel - 6; r--) {
    const w = sg.rowWidth(r);
    let target = -1;
    for (let k = c + 1; k < w; k++) {
      if (matchIndicatorField(sg.norm(r, k))?.field === "target") {
        target = k;
        break;
      }
    }
    if (target < 0) continue;
    const hits: Hit<IndicatorField>[] = [{ c, field: "name", weak: false }];
    for (const h of indicatorHits(sg, r)) if (h.c !== c && !h.weak && h.field !== "projectName" && h.field !== "projectCode") hits.push(h);
    return { kind: "indicator", r, hits, tree: true };
  }
  return undefined;
}

/** Most rows between the labels carry a value; the label rows carry none. */
function valuesBeside(sg: SheetGrid, from: number, to: number, c: number, t: number): boolean {
  let named = 0;
  let valued = 0;
  let labelsWithValue = 0;
  for (let r = from; r < to; r++) {
    const text = sg.text(r, c);
    if (text === "") continue;
    if (labelKind(text) !== 0) {
      if (!sg.blank(r, t)) labelsWithValue++;
      continue;
    }
    named++;
    if (!sg.blank(r, t)) valued++;
  }
  return named >= 3 && valued >= 0.6 * named && labelsWithValue <= 1;
}

/**
 * The 一级/二级 of a tree's rows, read as LevelFill reads them from their own columns: a label row opens its level
 * (and is no indicator: `label`), the rows under it take it. Rows above the first 一级 (the unit, the project) are
 * labels too. A word that can be either level (成本指标, 满意度指标) is placed by its indentation when the export kept
 * one, else as a 二级 right under a 一级 or when names follow it, and as a 一级 when its own 二级 label follows.
 */
export class TreeLevels {
  level1From = -1;
  level2From = -1;
  readonly subtotalPoints: number | undefined = undefined;
  readonly subtotalLabel = "";
  /** After `read`: the row is a label (or above the first 一级), not an indicator. */
  label = false;
  private l1Indent = -1;
  private lastWasLevel1 = false;

  constructor(
    private readonly sg: SheetGrid,
    private readonly c: number,
  ) {}

  /** True when the next non-blank row of the column is a label: a 一级 is followed by its 二级, a 二级 by names. */
  private labelNext(r: number): boolean {
    for (let k = r + 1; k < this.sg.nRows && k <= r + 3; k++) {
      const t = this.sg.text(k, this.c);
      if (t !== "") return labelKind(t) !== 0;
    }
    return false;
  }

  reset(): void {
    this.level1From = -1;
    this.level2From = -1;
  }

  read(r: number): number {
    const v = this.sg.cell(r, this.c);
    const kind = labelKind(this.sg.text(r, this.c));
    const indent = indentOf(v);
    if (kind === 0) {
      this.label = this.level1From < 0;
      this.lastWasLevel1 = false;
      return LEVEL_SAME;
    }
    this.label = true;
    let level: number;
    if (kind === 1) level = 1;
    else if (kind === 2) level = 2;
    else if (this.l1Indent >= 0 && indent !== this.l1Indent && indent > 0) level = indent < this.l1Indent ? 1 : 2;
    else if (this.l1Indent >= 0 && indent === this.l1Indent && indent > 0) level = 1;
    else level = this.lastWasLevel1 || !this.labelNext(r) ? 2 : 1;
    if (level === 1) {
      if (kind === 1 || this.l1Indent < 0) this.l1Indent = indent;
      this.level1From = r;
      this.level2From = -1;
      this.lastWasLevel1 = true;
      return LEVEL_NEW;
    }
    this.level2From = r;
    this.lastWasLevel1 = false;
    return LEVEL_SAME;
  }
}

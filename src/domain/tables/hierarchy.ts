/**
 * The 一级/二级 hierarchy of an indicator body: a category written once and merged or left blank below is filled
 * down to the rows under it, and a 一级 label that carries points ("产出指标(50分)", "(30分)") opens a subtotal.
 * Plain row numbers, no objects, in this per-row step.
 */
import { isStopLabel } from "./synonyms";
import { readCategoryLabel } from "./labels";
import type { CellValue } from "../grid";
import { hasDigit, MAX_LABEL, level1CategoryMemo, NEEDS_NORMALIZE, normLabel, SheetGrid, textOf } from "./scan";
import { RepeatMemo } from "./repeat-memo";

/** What `LevelFill.read` says of a row: it continues the current 一级, */
export const LEVEL_SAME = 0;
/** it writes a new 一级 (the open subtotal ends; `subtotalPoints` is set when the label opens one), */
export const LEVEL_NEW = 1;
/** or its 一级 cell holds a note (注, 说明, 审核意见 …): the block ended above it. */
export const LEVEL_STOP = 2;

export class LevelFill {
  /** Rows the 一级/二级 texts fill down from (-1: none yet). */
  private l1Src = -1;
  private l2Src = -1;
  /** After `read`: the rows the row's 一级 and 二级 come from (the row itself when it writes its own). */
  level1From = -1;
  level2From = -1;
  /** After `read`: the row's own 一级 text ("" when blank or when there is no 一级 column). */
  level1Own = "";
  /** After `read` returned New: the points and category core of the label, when it carries points. */
  subtotalPoints: number | undefined;
  subtotalLabel = "";

  constructor(
    private readonly sg: SheetGrid,
    private readonly c1: number,
    private readonly c2: number,
  ) {}

  /** The 一级 text of the current block ("" before the first). */
  private l1Text = "";

  /** A new project (list layout): nothing fills down into it. */
  reset(): void {
    this.l1Src = -1;
    this.l2Src = -1;
    this.l1Text = "";
  }

  read(r: number): number {
    const sg = this.sg;
    let result = LEVEL_SAME;
    this.subtotalPoints = undefined;
    this.level1Own = "";
    if (this.c1 >= 0) {
      const v = sg.cell(r, this.c1);
      const label = v === null ? BLANK_LABEL : typeof v === "string" ? this.labels.get(v) : level1Label(v);
      this.level1Own = label.text;
      if (label.text !== "" && label.text === this.l1Text) {
        // The label above repeated (filled down instead of merged): the same block goes on, no new subtotal. A
        // table that writes its 一级 on every row writes its 二级 too: a blank one is not filled from above
        // unless a merge covers it.
        this.l1Src = r;
        if (this.c2 >= 0 && !sg.covered.has(sg.key(r, this.c2))) this.l2Src = -1;
      } else if (label.text !== "") {
        if (label.stop) return LEVEL_STOP;
        this.l1Text = label.text;
        this.l1Src = r;
        this.l2Src = -1;
        result = LEVEL_NEW;
        if (label.points !== undefined) {
          this.subtotalPoints = label.points;
          this.subtotalLabel = label.core;
        }
      }
    }
    const l2Blank = this.c2 < 0 || sg.blank(r, this.c2);
    if (!l2Blank) this.l2Src = r;
    this.level1From = this.level1Own === "" && this.l1Src >= 0 ? this.l1Src : r;
    this.level2From = l2Blank && this.l2Src >= 0 ? this.l2Src : r;
    return result;
  }

  /** What the 一级 texts say, for the few a column repeats. */
  private readonly labels = new RepeatMemo<Level1Label>(level1Label);
}

/** What a 一级 cell says: its text, whether it is a note (注, 说明 …), the points its label carries. */
interface Level1Label {
  readonly text: string;
  readonly stop: boolean;
  readonly points: number | undefined;
  readonly core: string;
}

const BLANK_LABEL: Level1Label = { text: "", stop: false, points: undefined, core: "" };

function level1Label(v: CellValue): Level1Label {
  const text = textOf(v);
  if (text === "") return BLANK_LABEL;
  const raw = typeof v === "string" && text.length <= MAX_LABEL && v.length <= MAX_LABEL ? (NEEDS_NORMALIZE.test(v) ? normLabel(v) : v) : "";
  if (raw !== "" && isStopLabel(raw) && !/指标/.test(raw)) return { text, stop: true, points: undefined, core: "" };
  // "产出指标(50分)", "产出指标 (50)", "效益指标 30分)", "(50分)": the table's own weight for the category.
  const sp = hasDigit(text) ? readCategoryLabel(text) : undefined;
  if (sp?.points !== undefined && (sp.core === "" || level1CategoryMemo(sp.core) !== undefined)) return { text, stop: false, points: sp.points, core: sp.core };
  return { text, stop: false, points: undefined, core: "" };
}

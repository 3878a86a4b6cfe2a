/**
 * The 一级/二级 hierarchy of an indicator body: a category written once and merged or left blank below is filled
 * down to the rows under it, and a 一级 label that carries points ("产出指标(50分)", "(30分)") opens a subtotal.
 * Plain row numbers, no objects, in this per-row step.
 */
import { isStopLabel } from "./synonyms";
import { readCategoryLabel } from "./labels";
import type { CellValue } from "../grid";
import { hasDigit, MAX_LABEL, level1CategoryMemo, SheetGrid, textOf } from "./scan";

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

  /** A new project (list layout): nothing fills down into it. */
  reset(): void {
    this.l1Src = -1;
    this.l2Src = -1;
  }

  read(r: number): number {
    const sg = this.sg;
    let result = LEVEL_SAME;
    this.subtotalPoints = undefined;
    this.level1Own = "";
    if (this.c1 >= 0) {
      const v = sg.cell(r, this.c1);
      if (v !== this.lastValue) this.learn(v, r);
      const own = this.lastOwn;
      this.level1Own = own;
      if (own !== "") {
        if (this.lastStop) return LEVEL_STOP;
        this.l1Src = r;
        this.l2Src = -1;
        result = LEVEL_NEW;
        if (this.lastPoints !== undefined) {
          this.subtotalPoints = this.lastPoints;
          this.subtotalLabel = this.lastLabel;
        }
      }
    }
    const l2Blank = this.c2 < 0 || sg.blank(r, this.c2);
    if (!l2Blank) this.l2Src = r;
    this.level1From = this.level1Own === "" && this.l1Src >= 0 ? this.l1Src : r;
    this.level2From = l2Blank && this.l2Src >= 0 ? this.l2Src : r;
    return result;
  }

  /** The last 一级 cell read and what it says (rows repeat the cell above: it is read once per run of them). */
  private lastValue: CellValue | typeof NO_CELL = NO_CELL;
  private lastOwn = "";
  private lastStop = false;
  private lastPoints: number | undefined;
  private lastLabel = "";

  /** Reads a 一级 cell (value v, at row r): its text, whether it is a note, the points of its label. */
  private learn(v: CellValue, r: number): void {
    const own = textOf(v);
    this.lastValue = v;
    this.lastOwn = own;
    this.lastStop = false;
    this.lastPoints = undefined;
    this.lastLabel = "";
    if (own === "") return;
    const raw = own.length <= MAX_LABEL ? this.sg.normCased(r, this.c1) : "";
    if (raw !== "" && isStopLabel(raw) && !/指标/.test(raw)) {
      this.lastStop = true;
      return;
    }
    // "产出指标(50分)", "产出指标 (50)", "效益指标 30分)", "(50分)": the table's own weight for the category.
    const sp = hasDigit(own) ? readCategoryLabel(own) : undefined;
    if (sp?.points !== undefined && (sp.core === "" || level1CategoryMemo(sp.core) !== undefined)) {
      this.lastPoints = sp.points;
      this.lastLabel = sp.core;
    }
  }
}

/** Equal to no cell value. */
const NO_CELL: unique symbol = Symbol("no cell");

/**
 * The 一级/二级 hierarchy of an indicator body: a category written once and merged or left blank below is filled
 * down to the rows under it, and a 一级 label that carries points ("产出指标(50分)", "(30分)") opens a subtotal.
 * Plain row numbers, no objects, in this per-row step.
 */
import { isStopLabel } from "./synonyms";
import { readCategoryLabel } from "./labels";
import type { CellValue } from "../grid";
import { hasDigit, MAX_LABEL, level1CategoryMemo, level2CategoryMemo, NEEDS_NORMALIZE, normLabel, SheetGrid, textOf } from "./scan";
import { RepeatMemo } from "./repeat-memo";
import { canonicalName } from "./category";

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
    this.pulledFrom = -1;
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
      if (label.text === "" && this.pulledFrom < 0) {
        // A blank 一级 whose row belongs to the label below it (a label written mid-block): that block starts here.
        const below = this.labelBelow(r);
        if (below >= 0) {
          const next = this.labels.get(sg.text(below, this.c1));
          this.l1Text = next.text;
          this.l1Src = below;
          this.pulledFrom = below;
          if (this.c2 >= 0 && sg.blank(r, this.c2)) this.l2Src = -1;
          result = LEVEL_NEW;
          if (next.points !== undefined) {
            this.subtotalPoints = next.points;
            this.subtotalLabel = next.core;
          }
        }
      } else if (r === this.pulledFrom) {
        // The label the rows above were given: its block goes on.
        this.pulledFrom = -1;
        this.l1Src = r;
      } else if (label.text !== "" && label.text === this.l1Text) {
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

  /** The row of a 一级 label below that the rows from the current one were given to (-1: none pending). */
  private pulledFrom = -1;

  /**
   * The row of the 一级 label this row belongs to when that label is written below it, within its block (a merged
   * label exported into its middle row): the rows above the first label of the body; or a row whose own 二级 is a
   * framework word of another 一级 than the current one's, when the next 一级 label below is that one. -1 otherwise.
   */
  private labelBelow(r: number): number {
    const sg = this.sg;
    // The 二级 the row writes (its own, or the one filled down to it) says which 一级 it is under, when it is a framework word.
    // Inside a block, only a row that writes its own 二级 can start the next one (most rows return here).
    if (this.l1Src >= 0 && (this.c2 < 0 || sg.blank(r, this.c2))) return -1;
    const l2 = this.c2 < 0 ? -1 : !sg.blank(r, this.c2) ? r : this.l2Src;
    const want = l2 >= 0 ? this.parents.get(sg.text(l2, this.c2)) : undefined;
    if (this.l1Src >= 0 && (want === undefined || want === this.categories.get(this.l1Text))) return -1;
    // Every 二级 word on the rows up to the label must belong to it too: a misfiled 二级 at the end of a block
    // (经济效益 under 产出, then 时效指标) is not a label written low.
    const parents: string[] = [];
    for (let k = r; k < sg.nRows && k <= r + LOOK_AHEAD; k++) {
      if (k > r && !sg.blank(k, this.c1)) {
        const next = this.labels.get(sg.text(k, this.c1));
        const cat = next.stop ? undefined : this.categories.get(next.text);
        if (cat === undefined || (want !== undefined && cat !== want)) return -1;
        // A table that writes its 一级 on every row (the label repeated below) leaves none blank by layout: a blank
        // one there is missing, not written lower.
        if (k + 1 < sg.nRows && sg.text(k + 1, this.c1) === sg.text(k, this.c1)) return -1;
        return parents.every((p) => p === cat) ? k : -1;
      }
      const p = this.c2 >= 0 && !sg.blank(k, this.c2) ? this.parents.get(sg.text(k, this.c2)) : undefined;
      if (p !== undefined) parents.push(p);
    }
    return -1;
  }

  /** The 一级 each 二级 text belongs to, for the few a column repeats. */
  private readonly parents = new RepeatMemo<string | undefined>(level2ParentOf);
  /** The category of each 一级 label text. */
  private readonly categories = new RepeatMemo<string | undefined>(level1CoreCategory);

  /** What the 一级 texts say, for the few a column repeats. */
  private readonly labels = new RepeatMemo<Level1Label>(level1Label);
}

const LEVEL1_CATEGORIES: readonly string[] = ["产出指标", "效益指标", "满意度指标"];

/** Rows a 一级 label may sit below the first row of its block. */
const LOOK_AHEAD = 12;

/** The 一级 category a 二级 label belongs to (数量指标 → 产出指标), for short framework words only. */
function level2ParentOf(text: string): string | undefined {
  if (text.length > 20) return undefined;
  const core = readCategoryLabel(text).core;
  return core.length <= 12 && /指标$/.test(core) ? level2CategoryMemo(core) : undefined;
}

/** The category of a 一级 label ("产出指标(50分)" → 产出指标). */
function level1CoreCategory(text: string): string | undefined {
  if (text === "" || text.length > 30) return undefined;
  return level1CategoryMemo(readCategoryLabel(text).core) ?? canonicalName(text, LEVEL1_CATEGORIES); // 项目完成指标 → 产出指标
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

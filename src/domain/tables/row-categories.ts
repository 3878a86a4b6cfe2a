/**
 * The framework of an indicator table and each row's canonical 一级 category, read from the 一级/二级 texts of
 * its rows (texts repeat: the lookups are memoised), and the 一级 each "(30分)" subtotal covers.
 */
import type { IndicatorTable, LevelSubtotal } from "./model";
import { level1CategoryOf } from "./synonyms";
import { level1CategoryMemo, level2CostMemo, level2CategoryMemo, level2CategoryCostMemo, RepeatMemo, textOf } from "./scan";
import type { Group } from "./body-groups";
import type { RowStore } from "./rows";

export interface Categories {
  /** classic: 成本指标 under 产出; cost-level1: 成本指标 as a 一级 (2021+ framework). */
  readonly framework: IndicatorTable["framework"];
  /** Some row falls under 决策 or 过程: a key-evaluation scoring sheet. */
  readonly evaluation: boolean;
  /** The 二级 → category answer of this framework (for subtotals). */
  readonly level2Category: (text: string) => string | undefined;
}

/**
 * The text of one field (一级 or 二级) of a body's rows, as `row.textOf` gives it, remembered for the few texts
 * the column repeats (rows repeat the categories above them, filled down or written again).
 */
class FieldText {
  private readonly texts = new RepeatMemo(textOf);

  constructor(
    private readonly store: RowStore,
    private readonly f: "level1" | "level2",
  ) {}

  of(i: number): string {
    const c = this.store.of(this.f);
    if (c < 0) return "";
    const from = this.store.sourceOf(i, this.f);
    const v = this.store.sg.cell(from, c);
    return typeof v === "string" ? this.texts.get(v) : this.store.sg.displayText(from, c);
  }
}

/**
 * The framework of a body and its rows' categories, learned row by row as the body reader adds them (while the
 * row's cells are at hand). A row's category is its 一级's, else its 二级's; the 二级's answer depends on the
 * framework, known at the end: the rows categorised by their 二级 are read again then if it is the 2021 one.
 */
export class RowCategorizer {
  private costLevel1 = false;
  private classicCost = false;
  private evaluation = false;
  private readonly hasL1: boolean;
  private readonly hasL2: boolean;
  private readonly level1: FieldText;
  private readonly level2: FieldText;
  /** Rows whose category came from their 二级 (the classic framework's answer). */
  private readonly byLevel2: number[] = [];

  constructor(private readonly store: RowStore) {
    this.hasL1 = store.level1 >= 0;
    this.hasL2 = store.level2 >= 0;
    this.level1 = new FieldText(store, "level1");
    this.level2 = new FieldText(store, "level2");
  }

  /** Row i of the store, just added. */
  add(i: number): void {
    const store = this.store;
    const l1 = this.hasL1 ? this.level1.of(i) : "";
    const l2 = this.hasL2 ? this.level2.of(i) : "";
    // The framework: a 一级 of its own that says 成本指标, or a 二级 that names a cost.
    if (this.hasL1 && l1 && store.sourceOf(i, "level1") === store.relOf(i) && level1CategoryMemo(l1) === "成本指标") this.costLevel1 = true;
    const cost = this.hasL2 ? level2CostMemo(l2) : undefined;
    if (cost === "level1") this.costLevel1 = true;
    else if (cost === "classic") this.classicCost = true;
    const cat = this.hasL1 ? level1CategoryMemo(l1) : undefined;
    if (cat) this.set(i, cat);
    else if (this.hasL2) {
      this.byLevel2.push(i);
      const c2 = level2CategoryMemo(l2);
      if (c2) store.setCategory(i, c2);
    }
  }

  private set(i: number, cat: string): void {
    this.store.setCategory(i, cat);
    if (cat === "决策" || cat === "过程") this.evaluation = true;
  }

  /** The body's framework, with the categories of the rows read by their 二级 settled under it. */
  finish(): Categories {
    const framework: IndicatorTable["framework"] = this.costLevel1 ? "cost-level1" : this.classicCost ? "classic" : "unknown";
    const l2Cat = this.costLevel1 ? level2CategoryCostMemo : level2CategoryMemo;
    for (const i of this.byLevel2) {
      const cat = this.costLevel1 ? l2Cat(this.level2.of(i)) : this.store.categoryOf(i);
      if (this.costLevel1) this.store.setCategory(i, cat || undefined);
      if (cat === "决策" || cat === "过程") this.evaluation = true;
    }
    return { framework, evaluation: this.evaluation, level2Category: l2Cat };
  }
}

const NO_SUBTOTALS: readonly LevelSubtotal[] = Object.freeze([]);

/** A group's subtotals with the 一级 each covers: its label's, else its first row's 二级 category. */
export function subtotalsOf(g: Group, level2Category: (text: string) => string | undefined): readonly LevelSubtotal[] {
  if (g.subtotals.length === 0) return NO_SUBTOTALS;
  // subtotals and rows are both in sheet order: one pointer walk finds each subtotal's first 二级 category
  let p = 0;
  const rows = g.rows;
  return g.subtotals.map((s) => {
    let level1 = s.label !== "" ? level1CategoryOf(s.label) : undefined;
    while (p < rows.length && rows[p].row < s.ref.row) p++;
    if (!level1) {
      for (let q = p; q < rows.length && rows[q].row <= s.lastRow; q++) {
        const c = rows[q].hasField("level2") ? level2Category(rows[q].textOf("level2")) : undefined;
        if (c) {
          level1 = c;
          break;
        }
      }
    }
    return { level1: level1 ?? (s.label || s.ref.text), points: s.points, ref: s.ref, firstRow: s.ref.row, lastRow: s.lastRow };
  });
}

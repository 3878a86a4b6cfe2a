/**
 * The framework of an indicator table and each row's canonical 一级 category, read from the 一级/二级 texts of
 * its rows (texts repeat: the lookups are memoised), and the 一级 each "(30分)" subtotal covers.
 */
import type { IndicatorTable, LevelSubtotal } from "./model";
import { level1CategoryOf } from "./synonyms";
import { level1CategoryMemo, level2CostMemo, level2CategoryMemo, level2CategoryCostMemo, type SheetGrid, textOf } from "./scan";
import { RepeatMemo } from "./repeat-memo";
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

/** What a 一级 text says: its category (产出指标 …). */
interface Level1Facts {
  readonly text: string;
  readonly category: string | undefined;
}

/** What a 二级 text says: whether it names a cost (and of which framework), its category in the classic one. */
interface Level2Facts {
  readonly text: string;
  readonly cost: "level1" | "classic" | undefined;
  readonly category: string | undefined;
}

function level1Facts(text: string): Level1Facts {
  return { text, category: level1CategoryMemo(text) };
}

function level2Facts(text: string): Level2Facts {
  return { text, cost: level2CostMemo(text), category: level2CategoryMemo(text) };
}

/**
 * What one field (一级 or 二级) of a body's rows says, read from its text as `row.textOf` gives it and remembered
 * for the few texts the column repeats (rows repeat the categories above them, filled down or written again).
 */
class FieldFacts<T> {
  private readonly memo: RepeatMemo<T>;
  private readonly blank: T;

  constructor(
    private readonly sg: SheetGrid,
    private readonly c: number,
    private readonly facts: (text: string) => T,
  ) {
    this.memo = new RepeatMemo((v) => facts(textOf(v)));
    this.blank = facts("");
  }

  /** The facts of the field's cell in grid row `from` (the row the field's text comes from). */
  at(from: number): T {
    const v = this.sg.cell(from, this.c);
    if (v === null) return this.blank;
    return typeof v === "string" ? this.memo.get(v) : this.facts(this.sg.displayText(from, this.c));
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
  private readonly level1: FieldFacts<Level1Facts> | undefined;
  private readonly level2: FieldFacts<Level2Facts> | undefined;
  /** Rows whose category came from their 二级 (the classic framework's answer). */
  private readonly byLevel2: number[] = [];

  constructor(private readonly store: RowStore) {
    this.level1 = store.level1 >= 0 ? new FieldFacts(store.sg, store.level1, level1Facts) : undefined;
    this.level2 = store.level2 >= 0 ? new FieldFacts(store.sg, store.level2, level2Facts) : undefined;
  }

  /** Row i of the store, just added: grid row r, its 一级 and 二级 texts from rows l1From and l2From. */
  add(i: number, r: number, l1From: number, l2From: number): void {
    const f1 = this.level1?.at(l1From);
    const f2 = this.level2?.at(l2From);
    // The framework: a 一级 of its own that says 成本指标, or a 二级 that names a cost.
    if (f1 && f1.text !== "" && l1From === r && f1.category === "成本指标") this.costLevel1 = true;
    if (f2?.cost === "level1") this.costLevel1 = true;
    else if (f2?.cost === "classic") this.classicCost = true;
    const cat = f1?.category;
    if (cat) {
      this.store.setCategory(i, cat);
      if (cat === "决策" || cat === "过程") this.evaluation = true;
    } else if (f2) {
      this.byLevel2.push(i);
      if (f2.category) this.store.setCategory(i, f2.category);
    }
  }

  /** The body's framework, with the categories of the rows read by their 二级 settled under it. */
  finish(): Categories {
    const framework: IndicatorTable["framework"] = this.costLevel1 ? "cost-level1" : this.classicCost ? "classic" : "unknown";
    const l2Cat = this.costLevel1 ? level2CategoryCostMemo : level2CategoryMemo;
    const level2 = this.level2;
    for (const i of this.byLevel2) {
      const cat = this.costLevel1 && level2 ? l2Cat(level2.at(this.store.sourceOf(i, "level2")).text) : this.store.categoryOf(i);
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

/**
 * The framework of an indicator table and each row's canonical 一级 category, read from the 一级/二级 texts of
 * its rows (texts repeat: the lookups are memoised), and the 一级 each "(30分)" subtotal covers.
 */
import type { IndicatorTable, LevelSubtotal } from "./model";
import { level1CategoryOf } from "./synonyms";
import { level1CategoryMemo, level2CostMemo, level2CategoryMemo, level2CategoryCostMemo } from "./scan";
import type { Group } from "./body-groups";

export interface Categories {
  /** classic: 成本指标 under 产出; cost-level1: 成本指标 as a 一级 (2021+ framework). */
  readonly framework: IndicatorTable["framework"];
  /** Some row falls under 决策 or 过程: a key-evaluation scoring sheet. */
  readonly evaluation: boolean;
  /** The 二级 → category answer of this framework (for subtotals). */
  readonly level2Category: (text: string) => string | undefined;
}

/** Sets `category` on every row of the groups; says the framework and whether the table is an evaluation. */
export function categorizeRows(groups: readonly Group[]): Categories {
  let costLevel1 = false;
  let classicCost = false;
  const l1Cat = level1CategoryMemo;
  const l2Cost = level2CostMemo;
  for (const g of groups) {
    for (const row of g.rows) {
      if (!row.filledOf("level1")) {
        const l1 = row.textOf("level1");
        if (l1 && l1Cat(l1) === "成本指标") costLevel1 = true;
      }
      const cost = row.hasField("level2") ? l2Cost(row.textOf("level2")) : undefined;
      if (cost === "level1") costLevel1 = true;
      else if (cost === "classic") classicCost = true;
    }
  }
  const framework: IndicatorTable["framework"] = costLevel1 ? "cost-level1" : classicCost ? "classic" : "unknown";
  let evaluation = false;
  const l2Cat = costLevel1 ? level2CategoryCostMemo : level2CategoryMemo;
  const hasL1 = groups.length > 0 && groups[0].rows.length > 0 && groups[0].rows[0].hasField("level1");
  const hasL2 = groups.length > 0 && groups[0].rows.length > 0 && groups[0].rows[0].hasField("level2");
  for (const g of groups) {
    for (const row of g.rows) {
      const cat = (hasL1 && l1Cat(row.textOf("level1"))) || (hasL2 && l2Cat(row.textOf("level2"))) || undefined;
      if (cat) row.category = cat;
      if (cat === "决策" || cat === "过程") evaluation = true;
    }
  }
  return { framework, evaluation, level2Category: l2Cat };
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

/** V8 (weights above zero), V9 (subtotal labels agree with their rows) and V10 (weights total 90/100, 50/30/10). */
import { list, say } from "../catalog";
import { a1 } from "../grid";
import type { IndicatorRow } from "../tables/model";
import { readNumber } from "../value/number";
import { fieldAddress, fieldText } from "../tables/rows";
import type { Check } from "./types";
import { fundsPoints } from "../scoring/totals";

const round2 = (n: number): number => Math.round(n * 100) / 100;
const EPS = 0.005;

/** Points of the budget execution part printed on the form (funds total row 分值, or the block title). */
/** Index of the first row at or below sheet row `row`, in rows sorted by sheet row (binary search). */
function firstAtOrAfter(rows: readonly IndicatorRow[], row: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid].row < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Running sums over a project's rows: all weights, and by 一级 category. A project has a handful of categories:
 * they are kept in two arrays emptied for the next project (a Map's clear makes a new table every time).
 */
class Sums {
  total = 0;
  private readonly cats: string[] = [];
  private readonly sums: number[] = [];

  clear(): this {
    this.total = 0;
    this.cats.length = 0;
    this.sums.length = 0;
    return this;
  }

  add(cat: string, w: number): void {
    const k = this.cats.indexOf(cat);
    if (k >= 0) this.sums[k] += w;
    else {
      this.cats.push(cat);
      this.sums.push(w);
    }
  }

  /** The sum of a category's weights (undefined when none of its rows had one). */
  get(cat: string): number | undefined {
    const k = this.cats.indexOf(cat);
    return k < 0 ? undefined : this.sums[k];
  }
}

const NONE: Set<string> = new Set<string>();

export const weights: Check<Sums> = {
  id: "weights",
  codes: ["indicator.zero-weight", "project.weight-sum"],
  begin: (_ctx, reuse) => (reuse ?? new Sums()).clear(),
  // V8: each row's 分值 above zero; its weight joins the sums.
  row(row, i, { table, profile, facts }, sums, emit) {
    const wcol = table.columns.weight;
    if (wcol === undefined || row.notApplicable) return;
    // A template slot left blank, or marked unused with 0 points, asks for no weight.
    if (row.placeholder && (row.weightNumber === undefined || row.weightNumber === 0)) return;
    if (row.memberOf !== undefined) return; // a member of a ★ group: the parent carries the 分值
    const w = row.weightNumber;
    if (w === undefined || w <= 0) {
      if (!profile.requirePositiveWeight) return;
      // The cell's text and address without making its Ref (a list of weightless rows says this on every row).
      const text = fieldText(row, "weight");
      emit({
        ...(w !== undefined
          ? say("indicator.zero-weight", "notPositive", { weight: w })
          : text
            ? say("indicator.zero-weight", "notNumber", { text })
            : say("indicator.zero-weight", "empty")),
        sheet: table.sheet,
        cell: fieldAddress(row, "weight") ?? a1(row.row, wcol),
        value: text,
        expected: "> 0",
      });
      return;
    }
    sums.total += w;
    const cat = facts.categories[i].level1;
    if (cat) sums.add(cat, w);
  },
  end({ table, profile, project, facts }, sums, emit) {
    // The block's title against the points its 一级 labels print (年度绩效目标 (80 分) over 产出指标 (60 分) and
    // 效益指标 (40 分), real 118): said whether or not the form has a 分值 column.
    if (project.indicatorBlockPoints !== undefined && project.indicatorBlockCell !== undefined && project.subtotals.length >= 2) {
      let labelled = 0;
      for (const s of project.subtotals) labelled += s.points;
      labelled = round2(labelled);
      if (Math.abs(labelled - project.indicatorBlockPoints) > EPS) {
        emit({
          ...say("project.weight-sum", "blockLabels", { points: project.indicatorBlockPoints, sum: labelled, labels: list(project.subtotals.map((s) => s.ref.text.trim()), "enum") }),
          sheet: table.sheet,
          cell: project.indicatorBlockCell,
          value: String(project.indicatorBlockPoints),
          expected: String(labelled),
        });
      }
    }
    const wcol = table.columns.weight;
    if (wcol === undefined) return;
    const sum = round2(sums.total);
    const { categories } = facts;

    // V9 + V10, one finding per category: its printed label ("产出指标（50分）"), the sum of its rows and the
    // profile's weight (50/30/10) are compared together, and a disagreement is said once, at the label cell
    // (else the category's first row), stating all three. A category with no rows at all is project.missing-category's.
    const rows = project.indicators;
    // Read only for a project with subtotal labels (most lists print none).
    const inOrder = project.subtotals.length > 0 && rows.every((r, k) => k === 0 || rows[k - 1].row <= r.row);
    const subtotalSum = (first: number, last: number): number => {
      let sub = 0;
      // Rows come in sheet order: start at the subtotal's first row and stop after its last (a long
      // one-project sheet with a subtotal every few rows would otherwise cost subtotals × rows).
      const from = inOrder ? firstAtOrAfter(rows, first) : 0;
      for (let k = from; k < rows.length; k++) {
        const row = rows[k];
        if (inOrder && row.row > last) break;
        if (row.row >= first && row.row <= last && !row.notApplicable && row.memberOf === undefined && row.weightNumber !== undefined) sub += row.weightNumber;
      }
      return round2(sub);
    };
    const levelWeights =
      profile.levelWeights && project.indicatorBlockPoints === undefined && table.kind === "self-evaluation" && sum > 0 ? profile.levelWeights : undefined;
    const profileName = { zh: profile.name, en: profile.nameEn };
    // The categories with a printed subtotal label (most lists print none: no set made for them).
    const labelled = project.subtotals.length > 0 ? new Set<string>() : NONE;
    for (const s of project.subtotals) {
      labelled.add(s.level1);
      const sub = subtotalSum(s.firstRow, s.lastRow);
      const want = levelWeights?.[s.level1];
      const labelOff = Math.abs(sub - s.points) > EPS;
      const profileOff = want !== undefined && Math.abs(s.points - want) > EPS;
      if (!labelOff && !profileOff) continue;
      const label = { label: s.ref.text, points: s.points, sum: sub };
      const byProfile = { ...label, profile: profileName, category: s.level1, want: want ?? "" };
      emit({
        ...(!profileOff ? say("project.weight-sum", "labelOff", label) : say("project.weight-sum", labelOff ? "labelOffProfile" : "labelProfile", byProfile)),
        sheet: table.sheet,
        cell: s.ref.address,
        value: s.ref.text,
        expected: labelOff ? String(sub) : String(want),
      });
    }

    const points = fundsPoints(project);
    const totalWeight = project.total?.weight ? readNumber(project.total.weight.value, project.total.weight.numberFormat) : undefined;
    let expected: number[];
    if (project.indicatorBlockPoints !== undefined) expected = [project.indicatorBlockPoints];
    else if (points !== undefined) expected = [round2(profile.indicatorTotal + profile.executionPoints - points)];
    else if (totalWeight && !totalWeight.percent) expected = [totalWeight.value];
    else expected = [profile.indicatorTotal, profile.indicatorTotal + profile.executionPoints];
    // The printed total row's 分值 against the parts; and the parts against what the form or profile wants.
    // Where both disagree for one cause (weights adding to 110 under a printed 100) it is said once, at the
    // printed total, naming the sum, the printed figure and what is wanted.
    const printedOff =
      totalWeight && !totalWeight.percent && project.total?.weight && sum > 0
        ? Math.abs(round2(sum + (points ?? 0)) - totalWeight.value) > EPS && Math.abs(sum - totalWeight.value) > EPS
        : false;
    let sumOff = sum > 0;
    for (let k = 0; k < expected.length && sumOff; k++) if (Math.abs(expected[k] - sum) <= EPS) sumOff = false;
    if (printedOff && project.total?.weight && totalWeight) {
      const parts = round2(sum + (points ?? 0));
      const want = expected.filter((e) => Math.abs(e - totalWeight.value) > EPS && Math.abs(e - parts) > EPS);
      const printed = { printed: totalWeight.value, parts };
      emit({
        ...(sumOff && want.length > 0
          ? say("project.weight-sum", "printedTotalWant", { ...printed, want: list(want, "or") })
          : say("project.weight-sum", "printedTotal", printed)),
        sheet: table.sheet,
        cell: project.total.weight.address,
        value: project.total.weight.text,
        expected: String(parts),
      });
    } else if (sumOff) {
      const anchor = project.indicators.find((r) => r.weight)?.weight;
      emit({
        ...say("project.weight-sum", "total", { sum, want: list(expected, "or") }),
        sheet: table.sheet,
        cell: anchor?.address ?? a1(table.headerRow, wcol),
        value: String(sum),
        expected: expected.join(" 或 "),
      });
    }
    // V10 for the categories without a printed label: their rows against the profile's weight.
    if (levelWeights) {
      for (const [cat, want] of Object.entries(levelWeights)) {
        if (labelled.has(cat)) continue;
        const anchorRow = project.indicators.find((r, k) => categories[k].level1 === cat && r.memberOf === undefined);
        if (!anchorRow) continue; // no row of this category at all: project.missing-category says so
        const got = round2(sums.get(cat) ?? 0);
        if (Math.abs(got - want) <= EPS) continue;
        emit({
          ...say("project.weight-sum", "category", { category: cat, sum: got, profile: profileName, want }),
          sheet: table.sheet,
          cell: anchorRow.level1?.from ?? anchorRow.level1?.address ?? anchorRow.weight?.address ?? a1(anchorRow.row, wcol),
          value: String(got),
          expected: String(want),
        });
      }
    }
  },
};

/**
 * Category labels as real forms write them (一级/二级 cells): a weight or a note in brackets, brackets full- or
 * half-width, spaces and line breaks anywhere, a bracket left open or a closing one alone, a trailing 等.
 *   产出指标 (50) · 产出指标(50分) · 效益指标 30分) · 数量指标(必填硬性指标) · 时效指标(必填) · 服务对象满意度指标等
 * The weight is the table's own weight for that category (real table 15 sets 产出指标(40分)); notes are dropped.
 * Read from the end, one bracket group at a time: linear in the label's length.
 */
import { compactLabel } from "../text";
import { toSimplified } from "./traditional";

export interface CategoryLabel {
  /** The label without its weight, notes and trailing 等 (compact: half-width, no whitespace). */
  readonly core: string;
  /** A weight written in the label: "(50分)", "(50)", "50分)", "50分". */
  readonly points?: number;
  /** Notes in brackets that are not a weight ("必填硬性指标"). */
  readonly notes: readonly string[];
}

const OPEN = new Set(["(", "[", "【", "〔", "<", "{"]);
const CLOSE = new Set([")", "]", "】", "〕", ">", "}"]);
const WEIGHT = /^(\d{1,3}(?:\.\d{1,2})?)分?$/;

/** Reads a category label's core, weight and notes. */
export function readCategoryLabel(text: string): CategoryLabel {
  let t = toSimplified(compactLabel(text));
  let points: number | undefined;
  const notes: string[] = [];
  for (let guard = 0; guard < 4 && t !== ""; guard++) {
    if (t.endsWith("等")) {
      t = t.slice(0, -1);
      continue;
    }
    const last = t.charAt(t.length - 1);
    if (CLOSE.has(last)) {
      // Back to the matching opener, or to the start of a run of weight characters when none is open ("30分)").
      let k = t.length - 2;
      while (k >= 0 && !OPEN.has(t.charAt(k)) && !CLOSE.has(t.charAt(k))) k--;
      if (k >= 0 && OPEN.has(t.charAt(k))) {
        const inner = t.slice(k + 1, t.length - 1);
        const w = WEIGHT.exec(inner);
        if (w && points === undefined) points = Number(w[1]);
        else if (inner !== "") notes.push(inner);
        t = t.slice(0, k);
        continue;
      }
      const m = /(\d{1,3}(?:\.\d{1,2})?)分?$/.exec(t.slice(0, -1));
      if (m && points === undefined) {
        points = Number(m[1]);
        t = t.slice(0, t.length - 1 - m[0].length);
        continue;
      }
      t = t.slice(0, -1);
      continue;
    }
    // A range of points the category may take ("成本指标(0-20)分", "产出指标 40-50分"): a note, not its weight.
    const range = /[([【〔]?\d{1,3}(?:\.\d{1,2})?[-~～—至]\d{1,3}(?:\.\d{1,2})?[)\]】〕]?分$/.exec(t);
    if (range) {
      notes.push(range[0]);
      t = t.slice(0, t.length - range[0].length);
      continue;
    }
    // "产出指标50分" or an opener left unclosed: "产出指标(50分".
    const m = /[([【〔]?(\d{1,3}(?:\.\d{1,2})?)分$/.exec(t);
    if (m && points === undefined) {
      points = Number(m[1]);
      t = t.slice(0, t.length - m[0].length);
      continue;
    }
    if (OPEN.has(last)) {
      t = t.slice(0, -1);
      continue;
    }
    break;
  }
  return { core: t, ...(points !== undefined ? { points } : {}), notes };
}

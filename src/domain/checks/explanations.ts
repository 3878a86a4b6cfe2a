/**
 * indicator.explanation-copies-name: a form's 指标解释 / 绩效指标描述 column that only repeats each 三级 name (real table
 * 88: 维修面积 | 维修面积). One finding per project, at the first such row, when at least three rows and half of the
 * described ones do it: a single row that needs no more words (资金支付及时率) is not a fault.
 */
import { say } from "../catalog";
import { compactLabel } from "../text";
import { fieldAddress, fieldText } from "../tables/rows";
import type { IndicatorRow } from "../tables/model";
import type { Check } from "./types";

interface State {
  described: number;
  copies: IndicatorRow[];
}

const bare = (t: string): string => compactLabel(t).replace(/^(?:指标)?[0-9]+[.、:：]?/, "").replace(/[\p{P}\p{S}]/gu, "");

export const explanations: Check<State> = {
  id: "explanations",
  codes: ["indicator.explanation-copies-name"],
  begin: (_ctx, reuse) => {
    if (reuse === undefined) return { described: 0, copies: [] };
    reuse.described = 0;
    if (reuse.copies.length > 0) reuse.copies = [];
    return reuse;
  },
  row(row, _i, _ctx, state) {
    if (row.placeholder || row.notApplicable || !row.explain) return;
    const explain = row.explain.text;
    if (explain.trim() === "" || explain.length > 200) return;
    state.described++;
    const name = bare(fieldText(row, "name"));
    if (name.length >= 2 && bare(explain) === name) state.copies.push(row);
  },
  end({ table }, state, emit) {
    const n = state.copies.length;
    if (n < 3 || n * 2 < state.described) return;
    const first = state.copies[0];
    emit({
      ...say("indicator.explanation-copies-name", "copies", { count: n, name: fieldText(first, "name") }),
      sheet: table.sheet,
      cell: fieldAddress(first, "explain") as string,
      value: first.explain?.text ?? "",
      expected: "指标的含义、口径或计算方法",
    });
  },
};

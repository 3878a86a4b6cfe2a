/**
 * What a self-evaluation's 完成值 must be: a measured figure where the target is a figure.
 *  - score.actual-not-figure: a quantitative target (≤ 30 万元) with a non-figure actual (完成, 已完成) that was
 *    scored: the score cannot be verified (real table 13 scores 90 of 90 on 完成).
 *  - score.actual-copies-target: the 完成值 carries a comparison sign (≥95%) or repeats the 指标值 text
 *    with its operator: a target copied over, not what was achieved.
 */
import { isScored } from "../tables/model";
import { say } from "../catalog";
import { fmt2 } from "../scoring/round";
import { fieldAddress, fieldText } from "../tables/rows";
import type { Check } from "./types";

/** A 完成值 that starts with a comparison: ≥ ≤ > < ＞ ＜ >= <= ≧ ≦, or says 以上/以下/不低于/不超过. */
const COMPARISON = /^\s*(?:[≥≤><＞＜≧≦]|>=|<=)|(?:以上|以下|不低于|不高于|不超过|不少于|至少|最多)\s*$|^(?:不低于|不高于|不超过|不少于|至少)/;

export const actualValues: Check = {
  id: "actual-values",
  codes: ["score.actual-not-figure", "score.actual-copies-target"],
  row(row, i, { table, facts }, _state, emit) {
    if (!isScored(table)) return;
    const actualText = fieldText(row, "actual");
    if (actualText === "" || row.placeholder) return;
    const e = facts.scoreAt(i);
    if (e === undefined || e.fromMembers !== undefined) return;
    const text = actualText.trim();
    if (text.length > 200) return;
    if (COMPARISON.test(text)) {
      const same = row.target !== undefined && row.target.text.replace(/\s/g, "") === text.replace(/\s/g, "");
      emit({
        ...say("score.actual-copies-target", same ? "copies" : "comparison", { text }),
        sheet: table.sheet,
        cell: fieldAddress(row, "actual") as string,
        value: text,
        expected: "实际完成的数值",
      });
      return;
    }
    // A figure is wanted where the target is one; dates, options (达成年度指标) and 定性 rows have their own rules.
    const targetIsFigure = e.target.kind === "number" && e.family !== "qualitative";
    const actualIsText = e.actual.kind === "qualitative" || e.actual.kind === "unreadable";
    if (!targetIsFigure || !actualIsText || e.band !== undefined) return;
    // The target as the row states it, sign and unit columns included ("≤ 30 万元").
    const shown = [row.sign?.text, row.target?.text, row.unit?.text].filter((x) => x && x !== "").join(" ");
    // A form that scores nothing (转移支付 自评表: 指标值 | 全年实际完成值 | 未完成原因): whether the target was met is
    // what the actual is for, and a word (建设中, 正在实施) does not say it.
    if (table.columns.weight === undefined && table.columns.score === undefined) {
      emit({
        ...say("score.actual-not-figure", "notFigureUnscored", { target: shown, actual: text }),
        sheet: table.sheet,
        cell: fieldAddress(row, "actual") as string,
        value: text,
        expected: `与指标值“${shown}”可比的数值`,
      });
      return;
    }
    const w = e.weight;
    const s = e.entered;
    // A weight of 0 scores nothing; a row with no weight of its own (one indicator under 效益指标(10分)) was scored
    // when a score is entered.
    if ((w !== undefined && w <= 0) || s === undefined || s <= 0) return;
    emit({
      ...say("score.actual-not-figure", "notFigure", { target: shown, actual: text, score: fmt2(s) }),
      sheet: table.sheet,
      cell: fieldAddress(row, "actual") as string,
      value: text,
      expected: `与指标值“${shown}”可比的数值`,
    });
  },
};

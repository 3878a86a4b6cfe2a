/**
 * Per-row scoring checks on self-evaluation forms (rules.md §4.3–§4.5):
 * score.missing-actual, score.exceeds-weight, score.mismatch, score.out-of-band, score.missing-reason,
 * score.over-achievement. Evaluation sheets (评价) get the two that need no formula.
 */
import { say } from "../catalog";
import { a1 } from "../grid";
import type { IndicatorField, IndicatorRow, IndicatorTable, Ref } from "../tables/model";
import { isScored } from "../tables/model";
import { scoreAgrees } from "../scoring/compare";
import { overAchievement, scoreIndicator } from "../scoring/indicator";
import { bandText } from "../scoring/qualitative";
import { EPS, fmt2 } from "../scoring/round";
import { isNotApplicableMark } from "../value/number";
import { fieldText, fieldValue, hasField, type RowField } from "../tables/rows";
import type { Check } from "./types";
import type { ParsedValue } from "../value/types";
import type { IssueDraft } from "../issues";
import { targetInName } from "./name-value";
import type { IndicatorScoreEntry } from "../scoring/totals";

/** Address of a row's cell in a field's column: the Ref's when present, else computed from the column. */
function cellOf(table: IndicatorTable, row: IndicatorRow, field: IndicatorField, ref: Ref | undefined): string | undefined {
  if (ref) return ref.address;
  const col = table.columns[field];
  return col === undefined ? undefined : a1(row.row, col);
}

function anyCell(table: IndicatorTable, row: IndicatorRow, ...fields: [IndicatorField, Ref | undefined][]): string {
  for (const [f, r] of fields) {
    const c = cellOf(table, row, f, r);
    if (c) return c;
  }
  return a1(row.row, 0);
}

/** An actual that says the work is not done (still being built, not finished, not started). */
const NOT_DONE = /建设中|在建|施工中|实施中|进行中|推进中|正在|未完成|未完工|未开工|未实施|未达到|未达标|尚未/;

/** A deviation reason that says something: not blank, not "/", "-", "无". */
function hasReason(row: IndicatorRow, f: "reason" | "note"): boolean {
  const t = fieldText(row, f);
  if (t.trim() === "") return false;
  return !isNotApplicableMark(fieldValue(row, f) ?? null) && !isNotApplicableMark(t);
}

function isBlank(row: IndicatorRow, f: RowField): boolean {
  return fieldText(row, f).trim() === "";
}

/** Words saying part of the work is not done. Plain alternatives with one bounded digit class: linear. */
const UNDONE = /未发放|未完成|未到位|未达到|未达标|未实施|未开工|未竣工|尚未|仍有\d|剩余\d|还有\d/;

const UNDONE_FIELDS: readonly RowField[] = ["name", "actual", "reason", "note"];

/** The passage of a row's name, actual, reason or note that says part is not done, with a little context. */
function undoneWords(row: IndicatorRow): string | undefined {
  for (const f of UNDONE_FIELDS) {
    const text = fieldText(row, f);
    if (text.length > 1000) continue;
    const m = UNDONE.exec(text);
    if (!m) continue;
    // The clause around the words, between punctuation.
    const start = Math.max(0, text.lastIndexOf("，", m.index) + 1, text.lastIndexOf(",", m.index) + 1, m.index - 30);
    const endComma = [text.indexOf("，", m.index), text.indexOf(",", m.index)].filter((k) => k >= 0);
    const end = Math.min(text.length, m.index + m[0].length + 30, ...endComma);
    return text.slice(start, end).trim();
  }
  return undefined;
}

function pct(fraction: number): string {
  return `${fmt2(fraction * 100)}%`;
}

/** score.over-achievement: the actual `beyond` its target by more than the threshold (both shares of the target). */
function overAchieved(beyond: number, threshold: number, table: IndicatorTable, row: IndicatorRow): IssueDraft {
  return {
    ...say("score.over-achievement", "beyond", { beyond: pct(beyond), threshold: pct(threshold) }),
    sheet: table.sheet,
    cell: anyCell(table, row, ["actual", row.actual]),
    value: row.actual?.text ?? "",
    expected: `≤ ${pct(1 + threshold)} × 指标值`,
  };
}

/** The row's own scoring rule (指标说明, 评分标准) grants extra points: 加1分, 加2分, 最多加2分, 另加. */
const BONUS = /加\s*[0-9０-９一二三两]\s*分|最多加|另加|加分/;

function bonusAllowed(row: IndicatorRow): boolean {
  for (const f of ["explain", "standard", "note"] as const) {
    const t = fieldText(row, f);
    if (t !== "" && BONUS.test(t)) return true;
  }
  return false;
}

/**
 * A rate that reached its ceiling (100 %): a 满意度 of 100 % against ≥ 85 % is the most the scale gives, not a target
 * set too low (issue #22, item 8). [U] the ceiling is the scale's own, 100 % (‰ rates are left as they are).
 */
function atCeiling(target: ParsedValue, actual: ParsedValue): boolean {
  return target.unit === "%" && actual.kind === "number" && (actual.unit === "%" || actual.unit === undefined) && actual.number !== undefined && Math.abs(actual.number - 100) < EPS;
}

/**
 * The weight a score was computed from on a form that prints none: when the score is a multiple of 5 times the
 * completion ratio (实际完成值 / 指标值, above 1, both figures in one unit, a floor or no sign), within the rounding of
 * the score as written. Weights of 5, 10, 20 … only: a score landing near another whole number by chance is not taken.
 */
function impliedWeight(e: IndicatorScoreEntry, s: number): number | undefined {
  const t = e.target;
  const a = e.actual;
  if (t.kind !== "number" || a.kind !== "number" || t.number === undefined || a.number === undefined || t.number <= 0 || a.number <= 0) return undefined;
  if (t.sign === "≤" || t.sign === "＜" || (t.unit !== undefined && a.unit !== undefined && t.unit !== a.unit)) return undefined;
  const ratio = a.number / t.number;
  if (ratio <= 1 + EPS || s <= 0) return undefined;
  const w = s / ratio;
  const weight = Math.round(w / 5) * 5;
  const written = String(s).split(".")[1]?.length ?? 0;
  return weight > 0 && Math.abs(w - weight) <= (0.5 * 10 ** -written) / ratio + EPS ? weight : undefined;
}

export const scoreRows: Check = {
  id: "score-rows",
  codes: ["score.missing-actual", "score.exceeds-weight", "score.mismatch", "score.out-of-band", "score.missing-reason", "score.over-achievement"],
  row(row, i, { table, profile, facts }, _state, emit) {
    if (table.kind === "target") return;
    // The project's scores are shared with score-totals and the table summary: each row is scored once.
    const e = facts.scoreAt(i);
    if (e === undefined) return; // 不适用
    const selfEval = isScored(table);
    const sheet = table.sheet;
    const w = e.weight;
    const s = e.entered;
    const hasWeight = w !== undefined && w > 0;

    // 得分 > 分值 (§4.5: no bonus).
    // A scoring rule that grants extra points (加1分, 最多加2分) allows a score above the weight.
    if (hasWeight && s !== undefined && s > (w as number) + EPS && !bonusAllowed(row)) {
      emit({
        ...say("score.exceeds-weight", "above", { score: fmt2(s), weight: fmt2(w as number) }),
        sheet,
        cell: anyCell(table, row, ["score", row.score]),
        value: row.score?.text ?? fmt2(s),
        expected: `≤ ${fmt2(w as number)}`,
      });
    }

    // No 分值 column: a score that is a round weight times a completion ratio above 1 (31.9 = 20 × 12767.36/8000, real
    // 74) was not capped at the weight it was computed from.
    if (w === undefined && table.columns.weight === undefined && s !== undefined && !bonusAllowed(row)) {
      const implied = impliedWeight(e, s);
      if (implied !== undefined && s > implied + EPS) {
        emit({
          ...say("score.exceeds-weight", "aboveImplied", { score: fmt2(s), weight: implied, ratio: fmt2(s / implied) }),
          sheet,
          cell: anyCell(table, row, ["score", row.score]),
          value: row.score?.text ?? fmt2(s),
          expected: `≤ ${implied}`,
        });
      }
    }

    // 得分 < 分值 with no 偏差原因 (§4.5).
    // A reason given in the row's 备注 column counts as given (the block's own place for it varies).
    // (An evaluation's score sheet with no reason column has no place for one: a point not given is its scoring.)
    if (hasWeight && s !== undefined && s < (w as number) - EPS && (table.kind === "self-evaluation" || table.columns.reason !== undefined) && !hasReason(row, "reason") && !hasReason(row, "note")) {
      emit({
        ...say("score.missing-reason", "noReason", { score: fmt2(s), weight: fmt2(w as number) }),
        sheet,
        cell: anyCell(table, row, ["reason", row.reason], ["score", row.score]),
        value: row.reason?.text ?? "",
        expected: "偏差原因分析及改进措施",
      });
    }

    // No 得分 to compare (转移支付 self-evaluations score nothing per row): an actual that says the work is not done
    // (建设中, 未完成, real 111) wants its reason where the form has the column for one.
    if (s === undefined && table.kind === "self-evaluation" && table.columns.reason !== undefined && !row.placeholder) {
      const actual = fieldText(row, "actual");
      if (actual !== "" && actual.length <= 20 && NOT_DONE.test(actual) && !hasReason(row, "reason") && !hasReason(row, "note")) {
        emit({
          ...say("score.missing-reason", "notDone", { actual }),
          sheet,
          cell: anyCell(table, row, ["reason", row.reason]),
          value: row.reason?.text ?? "",
          expected: "偏差原因分析及改进措施",
        });
      }
    }

    if (!selfEval || row.placeholder || row.memberOf !== undefined) return;

    // A weighted row with no 实际完成值 (a ★ parent's actuals are on its member rows).
    // (An evaluation framework's scoring sheet without a 完成值 column has none by design.)
    if (hasWeight && isBlank(row, "actual") && row.members === undefined && (table.kind === "self-evaluation" || table.columns.actual !== undefined)) {
      const targetBlank = isBlank(row, "target");
      // The target written into the name ("…完成率100%") with its own cell empty: say where it is.
      const figure = targetBlank && hasField(row, "name") ? targetInName(fieldText(row, "name")) : undefined;
      emit({
        ...(figure
          ? s !== undefined
            ? say("score.missing-actual", "bothEmptyScoredInName", { score: fmt2(s), figure })
            : say("score.missing-actual", "bothEmptyInName", { figure })
          : s !== undefined
            ? say("score.missing-actual", targetBlank ? "bothEmptyScored" : "noActualScored", { score: fmt2(s) })
            : say("score.missing-actual", targetBlank ? "bothEmpty" : "noActual")),
        sheet,
        cell: anyCell(table, row, ["actual", row.actual], ["target", row.target], ["score", row.score]),
        value: row.actual?.text ?? "",
        expected: targetBlank ? "年度指标值、实际完成值" : "实际完成值",
      });
      return;
    }

    // 定性: the entered score must lie in the option's band (§4.4).
    if (e.band?.check && !e.band.check.ok) {
      emit({
        ...say("score.out-of-band", "outside", { reason: { zh: e.band.check.reason, en: e.band.check.reasonEn }, actual: e.actual.raw }),
        sheet,
        cell: anyCell(table, row, ["score", row.score]),
        value: row.score?.text ?? (s !== undefined ? fmt2(s) : ""),
        expected: bandText(e.band.range),
      });
    }

    // A form with no 分值 column (区域绩效目标自评表, 20/80 forms' 效益 part): nothing is scored, but an actual far
    // beyond its target is still said — judged as if the row were worth 1 point.
    if (!e.result.ok && table.columns.weight === undefined && e.result.cause === "missing-weight" && row.members === undefined) {
      const unweighted = scoreIndicator({ target: e.target, actual: e.actual, weight: 1, family: e.family }, profile);
      const beyond = overAchievement(unweighted, e.family);
      if (beyond !== undefined && beyond > profile.overAchievementThreshold + EPS && !atCeiling(e.target, e.actual)) emit(overAchieved(beyond, profile.overAchievementThreshold, table, row));
      return;
    }

    const r = e.result;
    if (r.ok) {
      if (s === undefined) {
        if (isBlank(row, "score") && table.columns.score !== undefined) {
          emit({
            ...say("score.mismatch", "empty", { rule: fmt2(r.score) }),
            sheet,
            cell: anyCell(table, row, ["score", row.score]),
            value: row.score?.text ?? "",
            expected: fmt2(r.score),
          });
        }
      } else if (!scoreAgrees(r.score, s, profile.scoreTolerance)) {
        emit({
          ...(e.fromMembers
            ? say("score.mismatch", "differsMembers", { score: fmt2(s), members: e.fromMembers, rule: fmt2(r.score), completion: pct(r.completion) })
            : say("score.mismatch", "differs", { score: fmt2(s), rule: fmt2(r.score), completion: pct(r.completion) })),
          sheet,
          cell: anyCell(table, row, ["score", row.score]),
          value: row.score?.text ?? fmt2(s),
          expected: fmt2(r.score),
        });
      } else if (hasWeight && s >= (w as number) - EPS) {
        // Full marks by the figures, but the row's own words say part is not done (real table 15: "目前255人目标人群
        // 茶叶未发放" under a claimed 100 with 20 of 20): the figures and the text disagree.
        const words = undoneWords(row);
        if (words) {
          emit({
            ...say("score.mismatch", "undone", { score: fmt2(s), words }),
            sheet,
            cell: anyCell(table, row, ["score", row.score]),
            value: row.score?.text ?? fmt2(s),
            expected: `< ${fmt2(w as number)}`,
          });
        }
      }
      const beyond = overAchievement(r, e.family);
      if (beyond !== undefined && beyond > profile.overAchievementThreshold + EPS && !atCeiling(e.target, e.actual)) emit(overAchieved(beyond, profile.overAchievementThreshold, table, row));
    } else if (r.cause === "late" && hasWeight && s !== undefined && s >= (w as number) - EPS) {
      emit({
        ...say("score.mismatch", "lateFullMarks", { actual: e.actual.raw, deadline: e.target.raw, score: fmt2(s) }),
        sheet,
        cell: anyCell(table, row, ["score", row.score]),
        value: row.score?.text ?? fmt2(s),
        expected: `< ${fmt2(w as number)}`,
      });
    }
  },
};

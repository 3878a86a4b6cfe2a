/**
 * Per-row scoring checks on self-evaluation forms (rules.md §4.3–§4.5):
 * score.missing-actual, score.exceeds-weight, score.mismatch, score.out-of-band, score.missing-reason,
 * score.over-achievement. Evaluation sheets (评价) get the two that need no formula.
 */
import { a1 } from "../grid";
import type { IndicatorField, IndicatorRow, IndicatorTable, Ref } from "../tables/model";
import { scoreAgrees } from "../scoring/compare";
import { overAchievement } from "../scoring/indicator";
import { bandText } from "../scoring/qualitative";
import { EPS, fmt2 } from "../scoring/round";
import { isNotApplicableMark } from "../value/number";
import type { Check } from "./types";
import { targetInName } from "./name-value";

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

/** A deviation reason that says something: not blank, not "/", "-", "无". */
function hasReason(ref: Ref | undefined): boolean {
  if (!ref || ref.text.trim() === "") return false;
  return !isNotApplicableMark(ref.value) && !isNotApplicableMark(ref.text);
}

function isBlankRef(ref: Ref | undefined): boolean {
  return !ref || ref.text.trim() === "";
}

/** Words saying part of the work is not done. Plain alternatives with one bounded digit class: linear. */
const UNDONE = /未发放|未完成|未到位|未达到|未达标|未实施|未开工|未竣工|尚未|仍有\d|剩余\d|还有\d/;

/** The passage of a row's name, actual, reason or note that says part is not done, with a little context. */
function undoneWords(row: IndicatorRow): string | undefined {
  for (const ref of [row.name, row.actual, row.reason, row.note]) {
    if (!ref || ref.text.length > 1000) continue;
    const m = UNDONE.exec(ref.text);
    if (!m) continue;
    // The clause around the words, between punctuation.
    const start = Math.max(0, ref.text.lastIndexOf("，", m.index) + 1, ref.text.lastIndexOf(",", m.index) + 1, m.index - 30);
    const endComma = [ref.text.indexOf("，", m.index), ref.text.indexOf(",", m.index)].filter((k) => k >= 0);
    const end = Math.min(ref.text.length, m.index + m[0].length + 30, ...endComma);
    return ref.text.slice(start, end).trim();
  }
  return undefined;
}

function pct(fraction: number): string {
  return `${fmt2(fraction * 100)}%`;
}

export const scoreRows: Check = {
  id: "score-rows",
  codes: ["score.missing-actual", "score.exceeds-weight", "score.mismatch", "score.out-of-band", "score.missing-reason", "score.over-achievement"],
  row(row, i, { table, profile, facts }, _state, emit) {
    if (table.kind === "target") return;
    // The project's scores are shared with score-totals and the table summary: each row is scored once.
    const e = facts.scoreAt(i);
    if (e === undefined) return; // 不适用
    const selfEval = table.kind === "self-evaluation";
    const sheet = table.sheet;
    const w = e.weight;
    const s = e.entered;
    const hasWeight = w !== undefined && w > 0;

    // 得分 > 分值 (§4.5: no bonus).
    if (hasWeight && s !== undefined && s > (w as number) + EPS) {
      emit({
        code: "score.exceeds-weight",
        sheet,
        cell: anyCell(table, row, ["score", row.score]),
        value: row.score?.text ?? fmt2(s),
        expected: `≤ ${fmt2(w as number)}`,
        message: `得分${fmt2(s)}超过分值${fmt2(w as number)}`,
        messageEn: `score ${fmt2(s)} is above the weight ${fmt2(w as number)}`,
      });
    }

    // 得分 < 分值 with no 偏差原因 (§4.5).
    // A reason given in the row's 备注 column counts as given (the block's own place for it varies).
    if (hasWeight && s !== undefined && s < (w as number) - EPS && (selfEval || table.columns.reason !== undefined) && !hasReason(row.reason) && !hasReason(row.note)) {
      emit({
        code: "score.missing-reason",
        sheet,
        cell: anyCell(table, row, ["reason", row.reason], ["score", row.score]),
        value: row.reason?.text ?? "",
        expected: "偏差原因分析及改进措施",
        message: `得分${fmt2(s)}低于分值${fmt2(w as number)}，未填写偏差原因分析及改进措施`,
        messageEn: `score ${fmt2(s)} is below the weight ${fmt2(w as number)} and no reason for the deviation is given`,
      });
    }

    if (!selfEval || row.placeholder || row.memberOf !== undefined) return;

    // A weighted row with no 实际完成值 (a ★ parent's actuals are on its member rows).
    if (hasWeight && isBlankRef(row.actual) && row.members === undefined) {
      const targetBlank = isBlankRef(row.target);
      // The target written into the name ("…完成率100%") with its own cell empty: say where it is.
      const inName = targetBlank && row.name ? targetInName(row.name.text) : undefined;
      const scored = (s !== undefined ? `，却得分${fmt2(s)}` : "") + (inName ? `；指标值“${inName}”写在了指标名称中，应填入年度指标值栏` : "");
      const scoredEn = (s !== undefined ? `, yet scored ${fmt2(s)}` : "") + (inName ? `; the target "${inName}" is written into the name: put it in the target column` : "");
      emit({
        code: "score.missing-actual",
        sheet,
        cell: anyCell(table, row, ["actual", row.actual], ["target", row.target], ["score", row.score]),
        value: row.actual?.text ?? "",
        expected: targetBlank ? "年度指标值、实际完成值" : "实际完成值",
        message: targetBlank
          ? `年度指标值和实际完成值均为空${scored}，得分无从核实`
          : `实际完成值为空${scored}，得分无从核实`,
        messageEn: targetBlank
          ? `target and actual are both empty${scoredEn}: the score cannot be verified`
          : `no actual value${scoredEn}: the score cannot be verified`,
      });
      return;
    }

    // 定性: the entered score must lie in the option's band (§4.4).
    if (e.band?.check && !e.band.check.ok) {
      emit({
        code: "score.out-of-band",
        sheet,
        cell: anyCell(table, row, ["score", row.score]),
        value: row.score?.text ?? (s !== undefined ? fmt2(s) : ""),
        expected: bandText(e.band.range),
        message: `${e.band.check.reason}（实际完成值“${e.actual.raw}”）`,
        messageEn: `${e.band.check.reasonEn} (actual "${e.actual.raw}")`,
      });
    }

    const r = e.result;
    if (r.ok) {
      if (s === undefined) {
        if (isBlankRef(row.score) && table.columns.score !== undefined) {
          emit({
            code: "score.mismatch",
            sheet,
            cell: anyCell(table, row, ["score", row.score]),
            value: row.score?.text ?? "",
            expected: fmt2(r.score),
            message: `得分为空，按规则应为${fmt2(r.score)}`,
            messageEn: `score is empty; the rule gives ${fmt2(r.score)}`,
          });
        }
      } else if (!scoreAgrees(r.score, s, profile.scoreTolerance)) {
        emit({
          code: "score.mismatch",
          sheet,
          cell: anyCell(table, row, ["score", row.score]),
          value: row.score?.text ?? fmt2(s),
          expected: fmt2(r.score),
          message: e.fromMembers
            ? `得分${fmt2(s)}与按其下 ${e.fromMembers} 项明细计算的${fmt2(r.score)}不符（平均完成率${pct(r.completion)}）`
            : `得分${fmt2(s)}与按规则计算的${fmt2(r.score)}不符（完成率${pct(r.completion)}）`,
          messageEn: e.fromMembers
            ? `entered score ${fmt2(s)}, its ${e.fromMembers} member rows give ${fmt2(r.score)} (mean completion ${pct(r.completion)})`
            : `entered score ${fmt2(s)}, the rule gives ${fmt2(r.score)} (completion ${pct(r.completion)})`,
        });
      } else if (hasWeight && s >= (w as number) - EPS) {
        // Full marks by the figures, but the row's own words say part is not done (real table 15: "目前255人目标人群
        // 茶叶未发放" under a claimed 100 with 20 of 20): the figures and the text disagree.
        const undone = undoneWords(row);
        if (undone) {
          emit({
            code: "score.mismatch",
            sheet,
            cell: anyCell(table, row, ["score", row.score]),
            value: row.score?.text ?? fmt2(s),
            expected: `< ${fmt2(w as number)}`,
            message: `得分为满分${fmt2(s)}，但本行文字写明尚未全部完成（“${undone}”），完成值与得分需核实`,
            messageEn: `full marks (${fmt2(s)}), yet the row's own text says part is not done ("${undone}"): check the actual and the score`,
          });
        }
      }
      const beyond = overAchievement(r, e.family);
      if (beyond !== undefined && beyond > profile.overAchievementThreshold + EPS) {
        emit({
          code: "score.over-achievement",
          sheet,
          cell: anyCell(table, row, ["actual", row.actual]),
          value: row.actual?.text ?? "",
          expected: `≤ ${pct(1 + profile.overAchievementThreshold)} × 指标值`,
          message: `实际完成值超过年度指标值${pct(beyond)}（阈值${pct(profile.overAchievementThreshold)}），指标值可能设置偏低，可按偏离度调减分值`,
          messageEn: `actual is ${pct(beyond)} beyond the target (threshold ${pct(profile.overAchievementThreshold)}): the target may have been set too low`,
        });
      }
    } else if (r.cause === "late" && hasWeight && s !== undefined && s >= (w as number) - EPS) {
      emit({
        code: "score.mismatch",
        sheet,
        cell: anyCell(table, row, ["score", row.score]),
        value: row.score?.text ?? fmt2(s),
        expected: `< ${fmt2(w as number)}`,
        message: `完成时间（${e.actual.raw}）晚于时限（${e.target.raw}），却得满分${fmt2(s)}`,
        messageEn: `finished (${e.actual.raw}) after the deadline (${e.target.raw}), yet full marks ${fmt2(s)}`,
      });
    }
  },
};

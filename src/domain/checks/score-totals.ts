/**
 * 总分 and 自评等级 (rules.md §4.6): score.total-mismatch (the entered total against the sum of the entered
 * parts, ±tolerance) and score.grade-mismatch (the entered grade against the grade of the total; 良 = 良好).
 */
import { scoreAgrees } from "../scoring/compare";
import { grade as gradeOf } from "../scoring/grade";
import { fmt2 } from "../scoring/round";
import type { Check } from "./types";
import { a1 } from "../grid";

export const scoreTotals: Check = {
  id: "score-totals",
  codes: ["score.total-mismatch", "score.grade-mismatch"],
  end({ table, profile, project, facts }, _state, emit) {
    if (table.kind === "target") return;
    const ps = facts.score();
    const tol = profile.scoreTolerance;

    const totalRef = ps.enteredTotalRef;
    // A 合计/总分 row whose 得分 is left blank while the rows are scored (real table 13: 权重 100, no total score):
    // the self-evaluation states no 总分. Said at the total row's score cell, with the sum of the parts.
    const scoreCol = table.columns.score;
    if (
      table.kind === "self-evaluation" &&
      project.total &&
      scoreCol !== undefined &&
      (!totalRef || totalRef.text.trim() === "") &&
      ps.enteredTotal === undefined &&
      ps.enteredPartsTotal !== undefined
    ) {
      emit({
        code: "score.total-mismatch",
        sheet: table.sheet,
        cell: totalRef?.address ?? a1(project.total.label.row, scoreCol),
        value: "",
        expected: fmt2(ps.enteredPartsTotal),
        message: `“${project.total.label.text}”行未填写总分（得分），各项得分合计${fmt2(ps.enteredPartsTotal)}`,
        messageEn: `the "${project.total.label.text}" row gives no total score; the parts add up to ${fmt2(ps.enteredPartsTotal)}`,
      });
    }
    if (totalRef && ps.enteredTotal !== undefined) {
      const scope = ps.totalIncludesExecution && ps.execution ? "各项指标得分与预算执行率得分" : "各项指标得分";
      const scopeEn = ps.totalIncludesExecution && ps.execution ? "indicator scores plus the budget execution score" : "indicator scores";
      if (ps.enteredPartsTotal !== undefined) {
        if (!scoreAgrees(ps.enteredPartsTotal, ps.enteredTotal, tol)) {
          emit({
            code: "score.total-mismatch",
            sheet: table.sheet,
            cell: totalRef.address,
            value: totalRef.text,
            expected: fmt2(ps.enteredPartsTotal),
            message: `总分${fmt2(ps.enteredTotal)}与${scope}合计${fmt2(ps.enteredPartsTotal)}不符`,
            messageEn: `total ${fmt2(ps.enteredTotal)} differs from the sum of the ${scopeEn}, ${fmt2(ps.enteredPartsTotal)}`,
          });
        }
      } else if (ps.complete && ps.total !== undefined && !scoreAgrees(ps.total, ps.enteredTotal, tol)) {
        // No part is entered: compare with the rules' total.
        emit({
          code: "score.total-mismatch",
          sheet: table.sheet,
          cell: totalRef.address,
          value: totalRef.text,
          expected: fmt2(ps.total),
          message: `总分${fmt2(ps.enteredTotal)}与按规则计算的${fmt2(ps.total)}不符（各项得分未填）`,
          messageEn: `total ${fmt2(ps.enteredTotal)}, the rules give ${fmt2(ps.total)} (no part score is entered)`,
        });
      }
    }

    const gradeRef = project.grade;
    if (gradeRef && gradeRef.text.trim() !== "") {
      // The grade follows the total the sheet shows; failing that, its parts; failing that, the rules' total.
      const basis = ps.enteredTotal ?? ps.enteredPartsTotal ?? ps.total;
      const g = basis !== undefined ? gradeOf(basis, profile.gradeBands) : undefined;
      if (g && g.ok) {
        if (ps.enteredGradeNormalized === undefined) {
          emit({
            code: "score.grade-mismatch",
            sheet: table.sheet,
            cell: gradeRef.address,
            value: gradeRef.text,
            expected: g.grade,
            message: `等级“${gradeRef.text}”不是优、良、中、差之一；总分${fmt2(basis as number)}对应“${g.grade}”`,
            messageEn: `grade "${gradeRef.text}" is not one of 优/良/中/差; a total of ${fmt2(basis as number)} is "${g.grade}"`,
          });
        } else if (ps.enteredGradeNormalized !== g.grade) {
          emit({
            code: "score.grade-mismatch",
            sheet: table.sheet,
            cell: gradeRef.address,
            value: gradeRef.text,
            expected: g.grade,
            message: `等级“${gradeRef.text}”与总分${fmt2(basis as number)}对应的“${g.grade}”不符`,
            messageEn: `grade "${gradeRef.text}" does not match the total ${fmt2(basis as number)}, which is "${g.grade}"`,
          });
        }
      }
    }
  },
};

/**
 * 总分 and 自评等级 (rules.md §4.6): score.total-mismatch (the entered total against the sum of the entered
 * parts, ±tolerance) and score.grade-mismatch (the entered grade against the grade of the total; 良 = 良好).
 */
import { isScored } from "../tables/model";
import { say, text } from "../catalog";
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
      isScored(table) &&
      project.total &&
      scoreCol !== undefined &&
      (!totalRef || totalRef.text.trim() === "") &&
      ps.enteredTotal === undefined &&
      ps.enteredPartsTotal !== undefined
    ) {
      emit({
        ...say("score.total-mismatch", "noTotal", { label: project.total.label.text, sum: fmt2(ps.enteredPartsTotal) }),
        sheet: table.sheet,
        cell: totalRef?.address ?? a1(project.total.label.row, scoreCol),
        value: "",
        expected: fmt2(ps.enteredPartsTotal),
      });
    }
    if (totalRef && ps.enteredTotal !== undefined) {
      const scope = text("score.total-mismatch", ps.totalIncludesExecution && ps.execution ? "withExecution" : "indicatorScores");
      if (ps.enteredPartsTotal !== undefined) {
        if (!scoreAgrees(ps.enteredPartsTotal, ps.enteredTotal, tol)) {
          emit({
            ...say("score.total-mismatch", "parts", { total: fmt2(ps.enteredTotal), scope, sum: fmt2(ps.enteredPartsTotal) }),
            sheet: table.sheet,
            cell: totalRef.address,
            value: totalRef.text,
            expected: fmt2(ps.enteredPartsTotal),
          });
        }
      } else if (ps.complete && ps.total !== undefined && !scoreAgrees(ps.total, ps.enteredTotal, tol)) {
        // No part is entered: compare with the rules' total.
        emit({
          ...say("score.total-mismatch", "rules", { total: fmt2(ps.enteredTotal), rule: fmt2(ps.total) }),
          sheet: table.sheet,
          cell: totalRef.address,
          value: totalRef.text,
          expected: fmt2(ps.total),
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
            ...say("score.grade-mismatch", "notAGrade", { grade: gradeRef.text, total: fmt2(basis as number), want: g.grade }),
            sheet: table.sheet,
            cell: gradeRef.address,
            value: gradeRef.text,
            expected: g.grade,
          });
        } else if (ps.enteredGradeNormalized !== g.grade) {
          emit({
            ...say("score.grade-mismatch", "differs", { grade: gradeRef.text, total: fmt2(basis as number), want: g.grade }),
            sheet: table.sheet,
            cell: gradeRef.address,
            value: gradeRef.text,
            expected: g.grade,
          });
        }
      }
    }
  },
};

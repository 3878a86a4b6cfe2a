/** The cells jx grade grades: a 总分 column, else the 总分 row's last figure, else a 得分 column. */
import type { Grid } from "../../../src/domain/grid";
import { findGradeTargets } from "../../../src/domain/scoring/grade-targets";

const grid = (values: (string | number | null)[][]): Grid => ({ sheet: "s", top: 0, left: 0, values });

test("a column headed 总分 (full-width spaces ignored): every score below, blanks and marks skipped", () => {
  const t = findGradeTargets(grid([["单位", "总　分"], ["甲", 95], ["乙", null], ["丙", "—"], ["丁", "八十"]]));
  expect(t?.header).toBe("总分 @ B1");
  expect(t?.targets.map((x) => [x.r, x.label])).toEqual([[1, "甲"], [4, "丁"]]);
});

test("a row labelled 总分 in a form: the last figure of the row", () => {
  const t = findGradeTargets(grid([["指标", "分值", "得分"], ["产出", 50, 48], ["总分", 100, 96]]));
  expect(t?.header).toBe("总分 @ A3");
  expect(t?.targets).toEqual([{ r: 2, c: 2, label: "总分" }]);
});

test("else a 得分 column; nothing to grade gives undefined", () => {
  expect(findGradeTargets(grid([["指标", "得分"], ["产出", 48]]))?.header).toBe("得分 @ B1");
  expect(findGradeTargets(grid([["会议记录"]]))).toBeUndefined();
});

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

test("else a 得分 column's total rows only: indicator and category scores are not totals; nothing to grade gives undefined", () => {
  const t = findGradeTargets(grid([["指标", "分值", "得分"], ["产出指标", 50, 48], ["培训人次", 10, 10], ["合计", 100, 91]]));
  expect(t?.header).toBe("得分 @ C1");
  expect(t?.targets).toEqual([{ r: 3, c: 2, label: "合计" }]);
  expect(findGradeTargets(grid([["指标", "得分"], ["产出", 48]]))).toBeUndefined();
  expect(findGradeTargets(grid([["会议记录"]]))).toBeUndefined();
});

test("a 总分 row whose only figure is under 分值 (the sum of the weights) is not a score to grade", () => {
  expect(findGradeTargets(grid([["指标名称", "目标值", "分值"], ["享受资助人数", 2100, 10], ["总分", null, 100]]))).toBeUndefined();
  const form = findGradeTargets(grid([["指标", "分值", "得分"], ["服务对象满意度", 10, 10], ["总分", 100, 96]]));
  expect(form?.targets).toEqual([{ r: 2, c: 2, label: "总分" }]);
});

test("a 总分 column skips a header repeated in it (text with no figure), and still reports a score in words", () => {
  const t = findGradeTargets(grid([["单位", "总分"], ["甲", 95], ["单位", "总分"], ["乙", "八十"]]));
  expect(t?.targets.map((x) => x.r)).toEqual([1, 3]);
});

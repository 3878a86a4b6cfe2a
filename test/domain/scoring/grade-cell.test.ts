/** gradeCell: one rule for the pane, JX.GRADE and jx grade. */
import { gradeCell } from "../../../src/domain/scoring/grade";

test.each([
  [95, null, "优"],
  ["88.5", null, "良"],
  ["７０", null, "中"],
  [40, "General", "差"],
])("%p (%p) → %p", (v, fmt, g) => {
  expect(gradeCell(v, fmt)).toEqual({ ok: true, grade: g });
});

test("a percentage is refused, not read as 0.95 → 差", () => {
  for (const [v, fmt] of [["95%", null], [0.95, "0%"]] as const) {
    const r = gradeCell(v, fmt);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/百分比/);
  }
});

test("text and blanks get a reason", () => {
  expect(gradeCell("abc").ok).toBe(false);
  expect(gradeCell(null).ok).toBe(false);
});

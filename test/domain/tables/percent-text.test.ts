/** A number shown under a percent format keeps its value but reads as the sheet shows it (issues quote it). */
import { recognizeSheet } from "../../../src/domain/tables/recognize";
import type { Grid } from "../../../src/domain/grid";
import type { IndicatorTable } from "../../../src/domain/tables/model";

test("0.95 under 0% reads 95%, 1 under 0.00% reads 100.00%, the value stays a number", () => {
  const grid: Grid = {
    sheet: "S",
    top: 0,
    left: 0,
    values: [
      ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "质量指标", "合格率", 0.95, 1, 10, 10],
    ],
    numberFormats: [[], [null, null, null, "0%", "0.00%", "General", "General"]],
  };
  const t = recognizeSheet(grid).tables[0] as IndicatorTable;
  const row = t.projects[0].indicators[0];
  expect(row.target?.text).toBe("95%");
  expect(row.target?.value).toBe(0.95);
  expect(row.actual?.text).toBe("100.00%");
  expect(row.weight?.text).toBe("10");
});

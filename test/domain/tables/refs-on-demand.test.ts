/**
 * Issue 12, item 3: a Ref (value, text, address) is made for a finding or when a front asks for one, not for every
 * cell a check reads. Every Ref of a grid is made by SheetGrid.refWithText (refFrom and the row store call it):
 * counted while a list of 7,000 indicator rows (1,000 projects) is checked.
 */
import { indicatorListGrid } from "../../../bench/synthetic";
import { checkWorkbook } from "../../../src/domain/engine";
import { recognizeWorkbook } from "../../../src/domain/tables/recognize";
import { fieldText } from "../../../src/domain/tables/rows";
import { SheetGrid } from "../../../src/domain/tables/scan";
import type { IndicatorTable } from "../../../src/domain/tables/model";

function refsMadeBy(run: () => void): number {
  const spy = jest.spyOn(SheetGrid.prototype, "refWithText");
  try {
    run();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

describe("Refs are made on demand", () => {
  const grid = indicatorListGrid(7_000);

  it("the accessors read every field of every row without making one", () => {
    const table = recognizeWorkbook([grid])[0].tables[0] as IndicatorTable;
    const rows = table.projects.flatMap((p) => p.indicators);
    expect(rows).toHaveLength(7_000);
    let chars = 0;
    const made = refsMadeBy(() => {
      for (const r of rows) for (const f of ["level1", "level2", "name", "sign", "target", "unit", "weight"] as const) chars += fieldText(r, f).length;
    });
    expect(chars).toBeGreaterThan(7_000 * 10);
    expect(made).toBe(0);
    // A front that asks gets one (and the same text).
    expect(refsMadeBy(() => expect(rows[0].name?.text).toBe(fieldText(rows[0], "name")))).toBe(1);
  });

  it("checking the list makes Refs for the findings and the projects' labels, not for the rows the checks read", () => {
    let issues = 0;
    const made = refsMadeBy(() => {
      issues = checkWorkbook([grid]).issues.length;
    });
    // The checks read each row's fields about 40 times: a Ref per read would be ~280,000, one per field ~60,000.
    // What remains: each project's code and name cells, which its coverage item quotes (its cell and texts are
    // output, as a finding's are), and the findings' cells.
    expect(made).toBeLessThanOrEqual(1_000 * 2 + issues * 4);
  });
});

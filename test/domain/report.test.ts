/** Report order and counts: issues by file, sheet order, row, column (AA after Z), severity, code. */
import fc from "fast-check";
import { buildReport, sortIssues } from "../../src/domain/report";
import type { Issue, IssueCode, Severity } from "../../src/domain/issues";

function issue(sheet: string, cell: string, severity: Severity = "error", code: IssueCode = "indicator.missing-field", file?: string): Issue {
  return { code, severity, sheet, cell, value: "", message: "m", messageEn: "m", source: "s", ...(file !== undefined ? { file } : {}) };
}

const at = (xs: readonly Issue[]): string[] => xs.map((i) => `${i.file ?? ""}|${i.sheet}!${i.cell}:${i.severity}:${i.code}`);

test("sheets in workbook order, then rows and columns as numbers, not as text", () => {
  const issues = [issue("目标", "B10"), issue("自评表", "AA2"), issue("自评表", "Z2"), issue("目标", "B9"), issue("自评表", "A10")];
  expect(at(sortIssues(issues, ["自评表", "目标"]))).toEqual([
    "|自评表!Z2:error:indicator.missing-field",
    "|自评表!AA2:error:indicator.missing-field",
    "|自评表!A10:error:indicator.missing-field",
    "|目标!B9:error:indicator.missing-field",
    "|目标!B10:error:indicator.missing-field",
  ]);
});

test("in one cell: errors before warnings, then by code; files first of all; unknown cells and sheets last", () => {
  const issues = [
    issue("S", "C3", "warning", "indicator.vague"),
    issue("S", "C3", "error", "indicator.placeholder"),
    issue("S", "C3", "error", "indicator.duplicate"),
    issue("S", "整表", "error"),
    issue("Other", "A1"),
    issue("S", "A1", "error", "indicator.missing-field", "b.xlsx"),
    issue("S", "A9", "error", "indicator.missing-field", "a.xlsx"),
  ];
  expect(at(sortIssues(issues, ["S"]))).toEqual([
    "|S!C3:error:indicator.duplicate",
    "|S!C3:error:indicator.placeholder",
    "|S!C3:warning:indicator.vague",
    "|S!整表:error:indicator.missing-field",
    "|Other!A1:error:indicator.missing-field",
    "a.xlsx|S!A9:error:indicator.missing-field",
    "b.xlsx|S!A1:error:indicator.missing-field",
  ]);
});

test("sorting keeps every issue and leaves its input alone; counts agree with the issues", () => {
  const sheets = ["A", "B", "C"];
  const arb = fc.array(
    fc.record({
      sheet: fc.constantFrom(...sheets, "Z"),
      col: fc.constantFrom("A", "B", "Z", "AA"),
      row: fc.integer({ min: 1, max: 30 }),
      severity: fc.constantFrom<Severity>("error", "warning", "info"),
    }),
    { maxLength: 60 },
  );
  fc.assert(
    fc.property(arb, (specs) => {
      const issues = specs.map((s) => issue(s.sheet, `${s.col}${s.row}`, s.severity));
      const before = [...issues];
      const r = buildReport(issues, [], sheets);
      expect(issues).toEqual(before);
      expect(at(r.issues).sort()).toEqual(at(issues).sort());
      expect(r.stats.errors + r.stats.warnings + r.stats.infos).toBe(issues.length);
      expect(r.valid).toBe(!issues.some((i) => i.severity === "error"));
      for (let k = 1; k < r.issues.length; k++) {
        const a = r.issues[k - 1];
        const b = r.issues[k];
        const rank = (s: string): number => (sheets.includes(s) ? sheets.indexOf(s) : sheets.length);
        expect(rank(a.sheet)).toBeLessThanOrEqual(rank(b.sheet));
      }
    }),
  );
});

/**
 * table.no-unit-column: an indicator table with no 计量单位 column whose targets carry their units glued to the
 * figure (real table 17: ">=20平方米", ">=98%"). The units are there, so no row is wrong; the layout makes the
 * figure and the unit one text that nobody can sum, sort or compare, and a reviewer asks for the column.
 * One finding per table, at the 指标值 header, naming an example. [U] no template text confirms the column is
 * required on every form: a warning.
 */
import { say } from "../catalog";
import { a1 } from "../grid";
import { fieldText, hasField } from "../tables/rows";
import type { Check } from "./types";

export const unitColumn: Check<{ example?: string; count: number }> = {
  id: "unit-column",
  codes: ["table.no-unit-column"],
  begin: () => ({ count: 0 }),
  row(row, i, { table, facts }, seen) {
    if (table.columns.unit !== undefined || table.kind === "evaluation") return;
    if (row.placeholder || row.notApplicable || !hasField(row, "target")) return;
    const text = fieldText(row, "target");
    if (text === "") return;
    const t = facts.target(i);
    if (t.kind !== "number" || !t.unit) return;
    seen.count++;
    seen.example ??= text;
  },
  end({ table, project }, seen, emit) {
    // Said once for the table: on its first project only.
    if (table.columns.unit !== undefined || table.projects[0] !== project) return;
    if (seen.count < 2 || table.columns.target === undefined) return;
    emit({
      ...say("table.no-unit-column", "glued", { count: seen.count, example: seen.example ?? "" }),
      sheet: table.sheet,
      cell: a1(table.headerRow, table.columns.target),
      value: seen.example ?? "",
      expected: "计量单位列",
    });
  },
};

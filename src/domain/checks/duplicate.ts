/** The same indicator twice in one project (same 二级 and 三级 name). */
import { say } from "../catalog";
import { compactLabel } from "../text";
import type { IndicatorRow } from "../tables/model";
import { fieldAddress, fieldText } from "../tables/rows";
import type { Check } from "./types";

/** A name prefixed with the template's numbering ("指标1:"): the numbering is not part of the name. */
const NUMBERED = /^指标\d+[:：]/;

const BARE_FIGURE = /^[\d.,%]+$/;

export const duplicate: Check<Map<string, IndicatorRow>> = {
  id: "duplicate",
  codes: ["indicator.duplicate"],
  // First row of each name in the project; its address is only built when a repeat quotes it.
  begin: () => new Map<string, IndicatorRow>(),
  row(row, _i, { table }, seen, emit) {
    if (row.placeholder) return;
    const text = fieldText(row, "name");
    if (text === "") return;
    const compact = compactLabel(text);
    const key = compact.startsWith("指标") ? compact.replace(NUMBERED, "") : compact;
    // A bare figure in the name cell ("0" on a form's not-applicable rows) names nothing: it cannot repeat a name.
    if (!key || BARE_FIGURE.test(key)) return;
    const firstRow = seen.get(key);
    if (firstRow === undefined) {
      seen.set(key, row);
      return;
    }
    const first = fieldAddress(firstRow, "name") as string;
    emit({
      ...say("indicator.duplicate", "repeats", { name: text, first }),
      sheet: table.sheet,
      cell: fieldAddress(row, "name") as string,
      value: text,
      expected: first,
    });
  },
};

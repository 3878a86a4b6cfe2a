/**
 * indicator.band-overlap: a table that grades each indicator in bands (优 | 良 | 中 | 差, tables/band-columns.ts) whose
 * neighbouring bands share a threshold (中 85% | 差 85%, real 122): a value there is in both grades, and the bands
 * cannot rate it. One cause, the grading scheme: one finding for the table, at the first such cell, with how many
 * indicators have it.
 */
import { say } from "../catalog";
import { parseValue } from "../value/parse";
import { a1 } from "../grid";
import type { Check } from "./types";

/** The first overlapping band cell of each table, and how many rows overlap, gathered over its one project. */
interface Overlaps {
  first?: { cell: string; text: string; upper: string; lower: string };
  rows: number;
}

export const bandGrades: Check<Overlaps | undefined> = {
  id: "band-grades",
  codes: ["indicator.band-overlap"],
  begin({ table }) {
    return table.bands && table.bands.length >= 2 ? { rows: 0 } : undefined;
  },
  row(row, _i, { table }, state) {
    if (!state || !table.bands || !row.bandTexts) return;
    for (let k = 0; k + 1 < table.bands.length; k++) {
      const a = parseValue(row.bandTexts[k]);
      const b = parseValue(row.bandTexts[k + 1]);
      if (a.kind !== "number" || b.kind !== "number" || a.number === undefined || b.number === undefined || a.unit !== b.unit || a.sign !== b.sign) continue; // 90% over <90% is a boundary, not an overlap
      if (Math.abs(a.number - b.number) > 1e-9) continue;
      state.rows++;
      state.first ??= { cell: a1(row.row, table.bands[k + 1].col), text: row.bandTexts[k + 1], upper: table.bands[k].label, lower: table.bands[k + 1].label };
      return;
    }
  },
  end({ table }, state, emit) {
    if (!state?.first) return;
    const f = state.first;
    emit({
      ...say("indicator.band-overlap", "same", { upper: f.upper, lower: f.lower, text: f.text, rows: state.rows }),
      sheet: table.sheet,
      cell: f.cell,
      value: f.text,
    });
  },
};


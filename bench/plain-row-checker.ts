/**
 * The baseline of JX.CHECK's figure: a plain per-row checker. For each row it builds the row, its one-row project
 * and context, and calls the row-level rules (every project check's `begin` and `row` hooks) directly in a loop,
 * with no walker and nothing shared between rows; findings are made and joined as JX.CHECK shows them. It gives
 * the same text as JX.CHECK for every row (bench/check-fn.bench.ts and test/functions/check-plain.test.ts hold
 * them equal), so the ratio of the two is what JX.CHECK's own machinery and argument handling cost.
 */
import { makeIssue } from "../src/domain/catalog";
import { PROJECT_CHECKS, checkContext } from "../src/domain/checks";
import { singleRow, singleRowTable, type SingleRowInput } from "../src/domain/checks/single-row";
import type { IssueDraft } from "../src/domain/issues";
import type { Profile } from "../src/domain/profiles";
import type { IndicatorProject } from "../src/domain/tables/model";

/** Each row's findings as JX.CHECK gives them: "code 说明；…", "" when clean. */
export function plainCheckRows(rows: readonly SingleRowInput[], profile: Profile): string[] {
  const out = new Array<string>(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = singleRow(rows[r]);
    const project: IndicatorProject = { key: "row", info: {}, indicators: [row], placeholders: [], subtotals: [] };
    const table = singleRowTable(project);
    const ctx = checkContext(project, table, profile);
    let text = "";
    const emit = (d: IssueDraft): void => {
      const i = makeIssue(d);
      text += `${text === "" ? "" : "；"}${i.code} ${i.message}`;
    };
    for (const check of PROJECT_CHECKS) {
      if (!check.row) continue;
      check.row(row, 0, ctx, check.begin ? check.begin(ctx) : undefined, emit);
    }
    out[r] = text;
  }
  return out;
}

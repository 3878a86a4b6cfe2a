/**
 * budget.execution-unverifiable: a self-evaluation whose funds block gives no 全年执行数 as a figure on any row
 * (real table 15: text such as "…项目38.75万元(少数民族发展资金37万元…)" where the amounts go, and the 执行数 blank).
 * The 预算执行率 and its 10 points cannot be verified; a reviewer sends the form back for the figures.
 * One finding for the block, at the total row's 执行数 cell (else the block's first row).
 */
import { say } from "../catalog";
import { a1 } from "../grid";
import { refNumber } from "../scoring/execution";
import type { Ref } from "../tables/model";
import { isScored } from "../tables/model";
import type { Check } from "./types";

/** An amount: a number, or a figure written with its money unit ("95万元", "1,200元"). */
function isAmount(ref: Ref | undefined): boolean {
  if (!ref) return false;
  if (refNumber(ref) !== undefined) return true;
  return ref.text.length <= 40 && /^[-+]?\d[\d,]*(?:\.\d+)?\s*(?:万元|元)$/.test(ref.text.trim());
}

export const executionUnverifiable: Check = {
  id: "execution-unverifiable",
  codes: ["budget.execution-unverifiable"],
  end({ table, project }, _state, emit) {
    const funds = project.funds;
    if (!isScored(table) || !funds || funds.rows.length === 0) return;
    if (funds.rows.some((r) => isAmount(r.spent))) return;
    // Something must be there to verify: a budget figure or text on some row (an empty block is the not-filled rule's).
    const filled = funds.rows.some((r) => [r.initial, r.budget, r.spent].some((ref) => ref !== undefined && ref.text.trim() !== ""));
    if (!filled) return;
    const row = funds.rows.find((r) => r.kind === "total") ?? funds.rows[0];
    const spentCol = funds.rows.find((r) => r.spent)?.spent?.col;
    const cell = row.spent?.address ?? (spentCol !== undefined ? a1(row.label.row, spentCol) : row.label.address);
    const said = funds.rows.map((r) => r.spent?.text.trim() ?? "").find((t) => t !== "");
    emit({
      ...(said ? say("budget.execution-unverifiable", "notFigure", { said: said.length > 40 ? `${said.slice(0, 40)}…` : said }) : say("budget.execution-unverifiable", "blank")),
      sheet: table.sheet,
      cell,
      value: row.spent?.text ?? "",
      expected: "全年执行数（数值）",
    });
  },
};

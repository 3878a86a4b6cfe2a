/**
 * The 资金管理情况 block of a 转移支付 self-evaluation (中央对地方转移支付绩效自评表): one row per aspect of how the
 * money was managed (分配科学性, 下达及时性, 拨付合规性, 使用规范性, 执行准确性), then 预算绩效管理情况 and
 * 支出责任履行情况, each with its 情况说明. An aspect whose 情况说明 is left blank is a field of the form not filled in
 * (form.missing-field), said at the cell where the answer goes (real 96: 下达及时性 and 支出责任履行情况 blank).
 *
 *   资金管理情况 |            | 情况说明                     | 存在问题和改进措施
 *                | 分配科学性 | 合理分配，优先保障工资社保。 |
 *                | 下达及时性 |                              |            ← blank
 *   支出责任履行情况 |        |                              |            ← blank
 *
 * A sheet check: the block is found by its title and its 情况说明 header on the same row; it ends at the first row
 * that is none of the aspects (总体目标完成情况, 绩效指标 …).
 */
import { say } from "../catalog";
import { a1, type CellValue } from "../grid";
import { compactLabel } from "../text";
import type { SheetCheck } from "./template-text";

/** The aspects the block asks about, as their labels read once compacted. */
const ASPECT = /^(?:分配科学性|下达及时性|拨付合规性|使用规范性|执行准确性|预算绩效管理情况|支出责任履行情况)$/;
const TITLE = /^资金管理情况$/;
const ANSWER_HEADER = /^情况说明$/;
/** Rows an aspect may be below the title (a 列次 row, a blank row between). */
const REACH = 12;

function textOf(v: CellValue | undefined): string {
  return typeof v === "string" ? compactLabel(v) : v === null || v === undefined ? "" : String(v);
}

interface Block {
  readonly titleRow: number;
  readonly titleCol: number;
  readonly answerCol: number;
}

export const fundsManagement: SheetCheck<{ block?: Block }> = {
  id: "funds-management",
  codes: ["form.missing-field"],
  begin: () => ({}),
  row(cells, r, { grid }, state, emit) {
    // The block's title row: 资金管理情况 and, on the same row, the 情况说明 header over the answers.
    let title = -1;
    let answer = -1;
    for (let c = 0; c < cells.length; c++) {
      const t = textOf(cells[c]);
      if (t === "") continue;
      if (title < 0 && TITLE.test(t)) title = c;
      else if (title >= 0 && answer < 0 && ANSWER_HEADER.test(t)) answer = c;
    }
    if (title >= 0 && answer >= 0) {
      state.block = { titleRow: r, titleCol: title, answerCol: answer };
      return;
    }
    const block = state.block;
    if (!block || r - block.titleRow > REACH) return;
    // The aspect's label: the first text left of the answer column (in the title's column or the one next to it).
    let label = "";
    let labelCol = -1;
    for (let c = 0; c < Math.min(cells.length, block.answerCol); c++) {
      const t = textOf(cells[c]);
      if (t !== "" && !/^\d+$/.test(t)) {
        label = t;
        labelCol = c;
        break;
      }
    }
    if (label === "" || /^列次$/.test(label)) return;
    if (!ASPECT.test(label)) {
      // A section's label in the title's column (总体目标完成情况, 绩效指标) ends the block; a sub-aspect beside an
      // aspect (资金到位率 under 下达及时性) does not.
      if (labelCol <= block.titleCol) state.block = undefined;
      return;
    }
    if (textOf(cells[block.answerCol]) !== "") return;
    emit({
      ...say("form.missing-field", "managementBlank", { aspect: label }),
      sheet: grid.sheet,
      cell: a1(grid.top + r, grid.left + block.answerCol),
      value: "",
    });
  },
};

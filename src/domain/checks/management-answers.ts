/**
 * form.management-answer: a self-evaluation's management questions answered 否 where the rules want 是 (湖南
 * 项目绩效自评报告表, real 123): 是否实行国库集中支付 √否 (financial funds not paid through the treasury), and, on a
 * form that says money was procured (是否实施政府采购 √是), 是否实行招投标 or 是否实行合同管理制 √否. Other questions
 * (工程代理, 投资评审, 双控账户) depend on the project and are not asked. A sheet check over label | answer rows; the
 * answer is the box ticked (√是□否, □是√否, ☑否 …). The treasury answer is one finding; tender and contract, with the
 * purchase, are one cause: one finding naming both, at the first.
 */
import { list, say } from "../catalog";
import { a1, type CellValue } from "../grid";
import { compactLabel } from "../text";
import { toSimplified } from "../tables/traditional";
import type { SheetCheck } from "./template-text";

/** The questions asked, by the words of their label. */
const TREASURY = /是否实行国库集中支付/;
const TENDER = /是否实行招投标|是否实行招标/;
const CONTRACT = /是否实行合同管理/;
const PROCURED = /是否实施政府采购|是否实行政府采购/;
/** A ticked box: √ ✓ ✔ ☑ ■ before the option. */
const TICK = "[√✓✔☑■]";
const TICKED_NO = new RegExp(`${TICK}\\s{0,2}否`);
const TICKED_YES = new RegExp(`${TICK}\\s{0,2}是`);

interface State {
  /** The form said money was procured (政府采购 √是). */
  procured: boolean;
  /** Tender and contract questions answered 否: one cause with the purchase, said once at the end. */
  procurementNo: { label: string; cell: string; text: string }[];
}

function answerOf(text: string): "yes" | "no" | undefined {
  const no = TICKED_NO.test(text);
  const yes = TICKED_YES.test(text);
  return no && !yes ? "no" : yes && !no ? "yes" : undefined;
}

export const managementAnswers: SheetCheck<State> = {
  id: "management-answers",
  codes: ["form.management-answer"],
  begin: () => ({ procured: false, procurementNo: [] }),
  row(cells: readonly CellValue[], r, { grid }, state, emit) {
    for (let c = 0; c + 1 < cells.length; c++) {
      const v = cells[c];
      if (typeof v !== "string" || v.length > 30 || !v.includes("是否")) continue;
      const label = toSimplified(compactLabel(v));
      const kind = TREASURY.test(label) ? "treasury" : TENDER.test(label) || CONTRACT.test(label) ? "procurement" : PROCURED.test(label) ? "procured" : undefined;
      if (!kind) continue;
      let k = c + 1;
      while (k < cells.length && (typeof cells[k] !== "string" || (cells[k] as string).trim() === "")) k++;
      if (k >= cells.length) return;
      const text = (cells[k] as string).trim();
      const answer = answerOf(text);
      if (kind === "procured") state.procured = state.procured || answer === "yes";
      else if (answer === "no") {
        const cell = a1(grid.top + r, grid.left + k);
        if (kind === "treasury") emit({ ...say("form.management-answer", "treasury", { label }), sheet: grid.sheet, cell, value: text, expected: "是" });
        else state.procurementNo.push({ label, cell, text });
      }
      return;
    }
  },
  end({ grid }, state, emit) {
    const first = state.procurementNo[0];
    if (!state.procured || !first) return;
    emit({
      ...say("form.management-answer", "procurement", { labels: list(state.procurementNo.map((p) => `“${p.label}”`), "and") }),
      sheet: grid.sheet,
      cell: first.cell,
      value: first.text,
      expected: "是",
    });
  },
};

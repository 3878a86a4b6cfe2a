/**
 * form.management-answer: a self-evaluation's management questions answered 否 where the rules want 是 (湖南
 * 项目绩效自评报告表, real 123): 是否实行国库集中支付 √否 (financial funds not paid through the treasury), and, on a
 * form that reports a government purchase (是否实施政府采购 √是), 是否实行合同管理制 √否 (a government purchase needs a
 * written contract, 政府采购法 第四十三、四十四条) or 是否实行招投标 √否 (lawful below the open-tender threshold: the
 * method used is asked). Other questions (工程代理, 投资评审, 双控账户) depend on the project and are not asked. An
 * answer that gives its reason (□是√否(采用询价方式)) is answered. A sheet check over label | answer rows, each form
 * on the sheet on its own (its 项目名称 starts it); the answer is the box ticked (√是□否, □是√否, ☑否 …). Tender and
 * contract, with the purchase, are one cause: one finding, at the first.
 */
import { say } from "../catalog";
import { a1, type CellValue } from "../grid";
import type { IssueDraft } from "../issues";
import { compactLabel } from "../text";
import { toSimplified } from "../tables/traditional";
import type { SheetCheck } from "./template-text";

/** The questions asked, by the words of their label. */
const TREASURY = /是否实行国库集中支付/;
const TENDER = /是否实行招投标|是否实行招标/;
const CONTRACT = /是否实行合同管理/;
const PROCURED = /是否实施政府采购|是否实行政府采购/;
/** The label that starts a form: its answers are not another form's. */
const FORM_START = /^项目名称/;
/** A ticked box: √ ✓ ✔ ☑ ■ before the option. */
const TICK = "[√✓✔☑■]";
const TICKED_NO = new RegExp(`${TICK}\\s{0,2}否`);
const TICKED_YES = new RegExp(`${TICK}\\s{0,2}是`);
/** What an answer holds beyond its boxes: a reason given, when something is left. */
const BOXES = /[√✓✔☑■□☐]|是|否|\s/g;

interface Answer {
  readonly label: string;
  readonly cell: string;
  readonly text: string;
}

interface State {
  /** The form being read reports a government purchase (政府采购 √是). */
  procured: boolean;
  tender?: Answer;
  contract?: Answer;
  /** The first of the two answered 否, where the finding points. */
  first?: Answer;
}

function answerOf(text: string): "yes" | "no" | undefined {
  const no = TICKED_NO.test(text);
  const yes = TICKED_YES.test(text);
  return no && !yes ? "no" : yes && !no ? "yes" : undefined;
}

/** The purchase's finding for the form read so far, and the state cleared for the next form. */
function settle(state: State, sheet: string, emit: (d: IssueDraft) => void): void {
  const first = state.first;
  if (state.procured && first) {
    const said = state.contract
      ? say("form.management-answer", "noContract", { labels: state.tender ? `“${state.tender.label}”和“${state.contract.label}”` : `“${state.contract.label}”` })
      : say("form.management-answer", "noTender", { label: (state.tender as Answer).label });
    emit({ ...said, sheet, cell: first.cell, value: first.text, expected: "是" });
  }
  state.procured = false;
  state.tender = undefined;
  state.contract = undefined;
  state.first = undefined;
}

export const managementAnswers: SheetCheck<State> = {
  id: "management-answers",
  codes: ["form.management-answer"],
  begin: () => ({ procured: false }),
  row(cells: readonly CellValue[], r, { grid }, state, emit) {
    for (let c = 0; c + 1 < cells.length; c++) {
      const v = cells[c];
      if (typeof v !== "string" || v.length > 30) continue;
      const label = toSimplified(compactLabel(v));
      if (FORM_START.test(label)) {
        settle(state, grid.sheet, emit);
        continue;
      }
      if (!label.includes("是否")) continue;
      const kind = TREASURY.test(label) ? "treasury" : TENDER.test(label) ? "tender" : CONTRACT.test(label) ? "contract" : PROCURED.test(label) ? "procured" : undefined;
      if (!kind) continue;
      let k = c + 1;
      while (k < cells.length && (typeof cells[k] !== "string" || (cells[k] as string).trim() === "")) k++;
      if (k >= cells.length) return;
      const text = (cells[k] as string).trim();
      const answer = answerOf(text);
      if (kind === "procured") state.procured = state.procured || answer === "yes";
      else if (answer === "no" && text.replace(BOXES, "").length < 2) {
        const found: Answer = { label, cell: a1(grid.top + r, grid.left + k), text };
        if (kind === "treasury") emit({ ...say("form.management-answer", "treasury", { label }), sheet: grid.sheet, cell: found.cell, value: text, expected: "是" });
        else {
          if (kind === "tender") state.tender ??= found;
          else state.contract ??= found;
          state.first ??= found;
        }
      }
      return;
    }
  },
  end({ grid }, state, emit) {
    settle(state, grid.sheet, emit);
  },
};

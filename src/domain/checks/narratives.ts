/**
 * The form's 年度总体目标 block read by meaning (issue #22, item 7). A sheet check (template-text.ts) over the rows of
 * a form's sheet:
 *
 *   form.goal-not-stated      the 预期目标 / 年度总体目标 blank, only an amount ("43.2"), or only the project's name
 *                             again ("XX项目,通过实施XX项目");
 *   score.missing-actual      the 实际完成情况 beside a stated goal left blank (a self-evaluation form: only those
 *                             print the column);
 *   score.actual-copies-target  the 实际完成情况 the 预期目标 word for word.
 *
 * The block comes in two shapes: a header row with a goal label and a completion label (预期目标 … 实际完成情况,
 * 项目年度目标 … 年度目标完成情况) and the texts in the row under it; or a goal label with its text to the right
 * (年度总体目标 | text). A cell still holding the template's instructions is template-text's, never judged here.
 */
import { say } from "../catalog";
import { a1, type CellValue } from "../grid";
import { compactLabel } from "../text";
import { isTemplateInstruction } from "./instructions";
import { unmeasurableShape } from "./vague";
import type { SheetCheck } from "./template-text";

/** Labels of the goal column or field. */
const GOAL_LABEL = /^(?:项目)?年度(?:总体)?(?:绩效)?目标$|^(?:预期|总体)目标$|^年度主要目标(?:和成果)?$/;
/** Labels of the completion column. */
const COMPLETION_LABEL = /^(?:(?:年度|全年)目标)?(?:实际)?完成情况$/;
/** The label of the project's name. */
const NAME_LABEL = /^项目名称$/;
/** Words that add nothing to a name repeated as the goal ("通过实施XX项目", "完成XX项目"). */
const FILLER = /通过|实施|开展|完成|做好|推进|落实|进行|执行|顺利|全面|确保|保障|本年度|年度|本项目|该项目|项目|工作|任务|目标|资金|用于|的|和|及|等/g;
/** An amount and nothing else: "43.2", "38.75万元", "2,026,400元". */
const ONLY_AMOUNT = /^(?:(?:总|资金|预算|投资|金额)?[:：]?[0-9][0-9,，]*(?:\.[0-9]+)?(?:万元|元|万)?)$/;

function textOf(v: CellValue | undefined): string {
  return typeof v === "string" ? v.trim() : typeof v === "number" && Number.isFinite(v) ? String(v) : "";
}

/** A label cell's text, compacted and without its colon and bracketed note ("年度总体目标（万元）："). */
export function labelText(v: CellValue | undefined): string {
  if (typeof v !== "string" || v.length > 24) return "";
  return compactLabel(v)
    .replace(/^[*＊★☆]+/, "") // a required field's mark (*年度总体绩效目标, real 22)
    .replace(/[(（][^)）]*[)）]/g, "")
    .replace(/[:：]$/, "");
}

/** A narrative compacted for comparison: no whitespace, no punctuation, half-width. */
export function bare(t: string): string {
  return compactLabel(t).replace(/[\p{P}\p{S}]/gu, "");
}

/**
 * The name's core: without a leading code ("51092324T000010263357-") and bracketed notes. A name longer than any real
 * one is no name (and the bracket pattern stays linear on what is left).
 */
function nameCore(name: string): string {
  if (name.length > 200) return "";
  return bare(name.replace(/^[0-9A-Za-z]{6,}[-－—_]/, "").replace(/[(（][^()（）]*[)）]/g, ""));
}

/** True when the goal says nothing but the project's name (with filler words and amounts around it). */
export function goalRepeatsName(goal: string, name: string): boolean {
  if (goal.length > 2000) return false;
  const core = nameCore(name);
  if (core.length < 4) return false;
  const g = bare(goal);
  if (!g.includes(core)) return false;
  const rest = g
    .split(core)
    .join("")
    .replace(/[0-9]+(?:\.[0-9]+)?(?:万元|元|万)/g, "")
    .replace(/20[0-9]{2}年?/g, "")
    .replace(FILLER, "");
  return rest.length <= 2;
}

/** True when the goal is an amount and nothing else. */
export function goalOnlyAmount(goal: string): boolean {
  const g = compactLabel(goal).replace(/[。.]$/, "");
  return g.length > 0 && g.length <= 24 && ONLY_AMOUNT.test(g);
}

/** True when the completion copies the goal word for word (punctuation and spacing aside). */
export function completionCopiesGoal(goal: string, completion: string): boolean {
  const g = bare(goal);
  return g.length >= 8 && g === bare(completion);
}

/** An amount in a narrative: the figure and its unit (元 or 万元). */
const AMOUNT = /([0-9][0-9,，]*(?:\.[0-9]+)?)(万元|元)/g;
/** A stated whole: 共 / 合计 / 总计 / 总额 … and its amount, then 其中 and the parts up to the sentence's end. */
const STATED_TOTAL = /(?:共|合计|总计|总额|总投资|累计)[^，,。；;：:]{0,12}?([0-9][0-9,，]*(?:\.[0-9]+)?)(万元|元)[，,、]?(?:其中|包括)[:：]?([^。；;]{4,400})/;

function wan(figure: string, unit: string): number {
  const n = Number(figure.replace(/[,，]/g, ""));
  return unit === "元" ? n / 10_000 : n;
}

/**
 * A total a narrative states with its parts ("共申请预算资金2026400元,其中村级组织运转400000元,……") whose parts do not
 * add up to it, in 万元; undefined when the text states no such total, names fewer than two parts, or nests or
 * prices them (括号, 每, /: a part of a part, a unit price), where a sum means nothing.
 */
export function narrativeTotalOff(text: string): { total: number; parts: number } | undefined {
  if (text.length > 2000) return undefined;
  const t = compactLabel(text);
  const m = STATED_TOTAL.exec(t);
  if (!m) return undefined;
  const segment = m[3];
  if (/[(（)）]|每|\/|标准|单价|人均|户均/.test(segment)) return undefined;
  const amounts = [...segment.matchAll(AMOUNT)];
  if (amounts.length < 2) return undefined;
  const total = wan(m[1], m[2]);
  const parts = amounts.reduce((sum, a) => sum + wan(a[1], a[2]), 0);
  if (!Number.isFinite(total) || !Number.isFinite(parts) || total <= 0) return undefined;
  return Math.abs(total - parts) > 0.1 + 1e-9 && Math.abs(total - parts) > total * 0.01 ? { total, parts } : undefined;
}

const fmtWan = (n: number): string => String(Number(n.toPrecision(10)));

/**
 * True when a completion lists the unit's standing duties (负责…；承担…；负责…) instead of what was done: three or more
 * clauses that open with a duty verb, and no figure anywhere.
 */
export function listsDuties(text: string): boolean {
  const t = compactLabel(text).replace(/^(?:主要职责|单位职责|工作职责)[:：]?/, "");
  if (t.length > 2000 || /[0-9]/.test(t)) return false;
  const clauses = t.split(/[;；。,，]/).filter((c) => c !== "");
  if (clauses.length === 0 || !/^(?:负责|承担)/.test(clauses[0])) return false;
  return clauses.filter((c) => /^(?:负责|承担|履行)/.test(c)).length >= 3;
}

interface State {
  /** The 项目名称 read last (the nearest form above on the sheet). */
  name: string;
}

/** True when a row is a header of the indicator block (the goal's row is missing: the block below is next). */
function isIndicatorHeader(cells: readonly CellValue[] | undefined): boolean {
  if (!cells) return false;
  return cells.some((v) => {
    const t = labelText(v);
    return t === "一级指标" || t === "三级指标" || t === "二级指标";
  });
}

export const narratives: SheetCheck<State> = {
  id: "narratives",
  codes: ["form.goal-not-stated", "score.missing-actual", "score.actual-copies-target", "budget.total-mismatch", "indicator.vague"],
  begin: () => ({ name: "" }),
  row(cells, r, { grid }, state, emit) {
    const values = grid.values ?? [];
    let goalCol = -1;
    let completionCol = -1;
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c];
      if (typeof v !== "string" || v.length > 24 || !/目标|名称|完成情况/.test(v)) continue;
      const t = labelText(v);
      if (NAME_LABEL.test(t)) {
        state.name = "";
        for (let k = c + 1; k < cells.length; k++) {
          const n = textOf(cells[k]);
          if (n !== "") {
            state.name = n;
            break;
          }
        }
      } else if (GOAL_LABEL.test(t) && completionCol < 0) goalCol = c;
      else if (COMPLETION_LABEL.test(t) && goalCol >= 0 && completionCol < 0) completionCol = c;
    }
    if (goalCol < 0) return;
    const at = (row: number, col: number): string => a1(grid.top + row, grid.left + col);

    let goal: string;
    let goalCell: string;
    let completion: { text: string; cell: string } | undefined;
    if (completionCol >= 0) {
      // A header row: the texts are in the row under it.
      const next = values[r + 1];
      if (!next || isIndicatorHeader(next)) return;
      goal = textOf(next[goalCol]);
      goalCell = at(r + 1, goalCol);
      completion = { text: textOf(next[completionCol]), cell: at(r + 1, completionCol) };
    } else {
      // A field: the text to the right of the label (none there: the shape is not known, nothing said).
      let k = goalCol + 1;
      while (k < cells.length && textOf(cells[k]) === "") k++;
      if (k >= cells.length) return;
      const right = labelText(cells[k]);
      if (GOAL_LABEL.test(right) || COMPLETION_LABEL.test(right)) return;
      goal = textOf(cells[k]);
      goalCell = at(r, k);
    }

    const label = labelText(cells[goalCol]);
    if (goal !== "" && isTemplateInstruction(goal)) return;
    if (goal === "") {
      emit({ ...say("form.goal-not-stated", "blank", { label }), sheet: grid.sheet, cell: goalCell, value: "", expected: "项目年度的产出和效果" });
      return;
    }
    if (goalOnlyAmount(goal)) {
      emit({ ...say("form.goal-not-stated", "onlyAmount", { label, text: goal }), sheet: grid.sheet, cell: goalCell, value: goal, expected: "项目年度的产出和效果" });
    } else if (state.name !== "" && goalRepeatsName(goal, state.name)) {
      const shown = goal.length > 60 ? `${goal.slice(0, 60)}…` : goal;
      emit({ ...say("form.goal-not-stated", "repeatsName", { label, text: shown }), sheet: grid.sheet, cell: goalCell, value: goal, expected: "项目年度的产出和效果" });
    } else if (unmeasurableShape(compactLabel(goal))) {
      // The whole goal is a slogan ("做好涉案、价格认定工作。", "全力以赴做好安全生产…工作"): no output, nothing measured.
      emit({ ...say("indicator.vague", "goalSlogan", { label, text: goal }), sheet: grid.sheet, cell: goalCell, value: goal, expected: "年度的产出数量和效果" });
    }

    // A total the goal or the completion states whose parts do not add up to it.
    const said: readonly (readonly [string, string, string])[] = [[goal, goalCell, label], [completion?.text ?? "", completion?.cell ?? "", labelText(cells[completionCol])]];
    for (const [text, cell, where] of said) {
      const off = text === "" ? undefined : narrativeTotalOff(text);
      if (!off) continue;
      emit({
        ...say("budget.total-mismatch", "narrative", { label: where, total: fmtWan(off.total), parts: fmtWan(off.parts) }),
        sheet: grid.sheet,
        cell,
        value: text,
        expected: fmtWan(off.parts),
      });
    }

    if (!completion) return;
    if (completion.text === "") {
      emit({ ...say("score.missing-actual", "narrativeBlank"), sheet: grid.sheet, cell: completion.cell, value: "", expected: "年度目标的实际完成情况" });
    } else if (!isTemplateInstruction(completion.text) && listsDuties(completion.text)) {
      emit({ ...say("score.missing-actual", "narrativeDuties"), sheet: grid.sheet, cell: completion.cell, value: completion.text, expected: "年度目标的实际完成情况" });
    } else if (!isTemplateInstruction(completion.text) && completionCopiesGoal(goal, completion.text)) {
      emit({ ...say("score.actual-copies-target", "narrative"), sheet: grid.sheet, cell: completion.cell, value: completion.text, expected: "年度目标的实际完成情况" });
    }
  },
};

/** Labels of a form's explanation cells: 偏差大或目标未完成原因分析, 偏差原因, 情况说明, 存在问题 …. */
const REASON_LABEL = /原因|偏差|说明|存在问题/;
/** A column header under which each cell gives a reason (存在问题, 原因分析), and how many rows down it reaches. */
const REASON_COLUMN = /^(?:存在(?:的)?问题|原因|原因分析|偏差原因|问题及原因)$/;
const COLUMN_REACH = 20;
/** An explanation of money left unspent (real table 74: "据实补贴,资金结余,没有100%执行完毕"). */
const EXECUTION_REASON = /结余|未执行|未支出|未支付|未拨付|尾款|结转|执行率|据实|节约|未使用|未到位|资金未|支出进度|执行进度|执行完毕|支付进度|下达滞后|下达较晚|下达晚/;
/** An explanation of a budget changed during the year. */
const ADJUSTMENT_REASON = /调整|追加|调减|调增|调剂|追减|收回/;

/** What a sheet's explanation cells explain: money left unspent, a budget adjusted during the year. */
export interface SheetExplanations {
  readonly execution: boolean;
  readonly adjustment: boolean;
}

function isReasonLabel(t: string): boolean {
  return t !== "" && t.length <= 40 && REASON_LABEL.test(t);
}

/**
 * The explanations a form's sheet gives outside its funds block and indicator rows: a text (not the template's
 * instructions) in a cell labelled as a reason (the text left of it in its row, else above it). A low execution
 * rate or an adjustment explained there is explained (issue #22, item 8).
 */
export function sheetExplanations(grid: { readonly values?: readonly (readonly CellValue[])[] }): SheetExplanations {
  const values = grid.values ?? [];
  let execution = false;
  let adjustment = false;
  // Columns headed by a reason label (资金管理情况 | 情况说明 | 存在问题 | 改进措施): the row of that header, per column.
  const reasonColumn = new Map<number, number>();
  for (let r = 0; r < values.length && !(execution && adjustment); r++) {
    const row = values[r] ?? [];
    let left = "";
    for (let c = 0; c < row.length; c++) {
      const t = textOf(row[c]);
      if (t === "") continue;
      const headed = reasonColumn.get(c);
      const labelled =
        isReasonLabel(left) || (left === "" && r > 0 && isReasonLabel(textOf(values[r - 1]?.[c]))) || (headed !== undefined && r - headed <= COLUMN_REACH);
      if (t.length <= 8 && REASON_COLUMN.test(t)) reasonColumn.set(c, r);
      left = t;
      if (!labelled || t.length < 6 || t.length > 2000 || isTemplateInstruction(t)) continue;
      if (EXECUTION_REASON.test(t)) execution = true;
      if (ADJUSTMENT_REASON.test(t)) adjustment = true;
    }
  }
  return { execution, adjustment };
}

/**
 * A form's head without its indicator part (表头部分): the title (…绩效自评表 / 绩效目标申报表), the project's fields
 * (项目名称, 主管部门, 实施单位 …), the funds block and the goal, and no indicator header below them — the file or
 * the published page ends first, or the indicator part is laid out in a way not recognized.
 *
 *   项目支出绩效自评表
 *   项目名称     | 司法业务经费
 *   主管部门     | 上饶市司法局 | 实施单位 | 上饶市司法局
 *   项目资金(万元) |            | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
 *                | 年度资金总额: | 620.82   | 620.82   | 620.82   | 100  | 100%  | 10
 *   (no 一级指标 | 二级指标 | 三级指标 | 指标值 below)
 *
 * What the head holds is checked as on a whole form (the funds block's sums, rate and score; the fields left
 * blank; the goal); the table is marked `headOnly`, so nothing is said about indicators it does not show, and the
 * engine says once that the indicator part was not found. Read only when the sheet has no indicator table at all.
 */
import { compactLabel } from "../text";
import type { IndicatorTable } from "./model";
import { readFormContext } from "./form-fields";
import { toSimplified } from "./traditional";
import type { SheetGrid } from "./scan";

/** Rows a form's title may be in (a 附件 line and a blank row may come first). */
const TITLE_ROWS = 6;

/** A performance form's title: 绩效 … 表 (自评表, 目标表, 申报表, 评价表), not a notice or a budget list. */
const FORM_TITLE = /绩效.*(?:自评|目标|申报|评价|监控).*表|绩效.*表.*(?:自评|目标|申报)/;
const SELF_EVALUATION_TITLE = /自评|评价/;

/** The form title in the sheet's first rows: [row, simplified text], or undefined. */
function formTitle(sg: SheetGrid): [number, string] | undefined {
  const rows = Math.min(sg.nRows, TITLE_ROWS);
  for (let r = 0; r < rows; r++) {
    const c = sg.firstNonBlank(r);
    if (c < 0) continue;
    const t = toSimplified(compactLabel(sg.text(r, c)));
    if (t.length <= 80 && FORM_TITLE.test(t)) return [r, t];
  }
  return undefined;
}

/**
 * The head of a form on a sheet that holds no indicator table: undefined unless the sheet is titled as a
 * performance form and its head holds a funds block with a figure, or at least two of the project's fields.
 */
export function readFormHead(sg: SheetGrid): IndicatorTable | undefined {
  const title = formTitle(sg);
  if (!title) return undefined;
  const ctx = readFormContext(sg, title[0], sg.nRows);
  const fields = [ctx.info.name, ctx.info.department, ctx.info.unit, ctx.info.code, ctx.info.contact].filter((f) => f !== undefined).length;
  const fundsRows = ctx.funds?.rows ?? [];
  const figures = fundsRows.some((r) => [r.initial, r.budget, r.spent].some((ref) => ref !== undefined && ref.text !== ""));
  if (!figures && fields < 2) return undefined;
  const spent = fundsRows.some((r) => r.spent !== undefined);
  const kind = SELF_EVALUATION_TITLE.test(title[1]) || spent ? "self-evaluation" : "target";
  // The head's rows: from the title to the sheet's last row with content (no indicator table is below it).
  let last = sg.nRows - 1;
  while (last > title[0] && sg.rowBlank(last)) last--;
  let right = 0;
  for (let r = title[0]; r <= last; r++) right = Math.max(right, sg.lastNonBlank(r));
  const key = ctx.info.code?.text || ctx.info.name?.text || `row ${title[0] + sg.top + 1}`;
  return {
    kind,
    layout: "form",
    sheet: sg.sheet,
    range: sg.rangeA1(Math.min(title[0], ctx.startRow), 0, last, Math.max(0, right)),
    headerRow: sg.top + last,
    headerRows: 1,
    columns: {},
    projects: [{ key, info: ctx.info, indicators: [], placeholders: [], subtotals: [], ...(ctx.funds ? { funds: ctx.funds } : {}) }],
    framework: "unknown",
    headOnly: true,
  };
}

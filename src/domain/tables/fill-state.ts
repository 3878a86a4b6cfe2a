/**
 * Whether a recognized form was filled in (填写情况). A form whose indicator names and values are empty
 * throughout (a template published as is, real table 21), a self-evaluation whose 完成值 and 得分 are empty
 * throughout (real table 11), or an indicator block with a header and no row under it, has nothing a reviewer
 * could check: it is "not filled in", one finding for the form, never "ready".
 */
import { text } from "../catalog";
import { parseArea } from "../grid";
import type { IndicatorProject, IndicatorRow, IndicatorTable, Ref } from "./model";
import { fieldText, type RowField } from "./rows";
import { PLACEHOLDER_VALUE } from "../profiles/common";

export interface NotFilled {
  /** The cell the finding points at: the first empty cell that should hold the content, else the header. */
  readonly row: number;
  readonly col: number;
  readonly reason: string;
  readonly reasonEn: string;
  /** The rows whose per-row "missing" findings this one replaces (one finding per cause). */
  readonly rows: ReadonlySet<number>;
}

const NOT_APPLICABLE = /^[/／\\\-—–_－]+$/;
const HOLDS_PLACE = new RegExp(PLACEHOLDER_VALUE);

/** The field's cell says something (not blank, not a 不适用 mark, not a placeholder such as 待定 or 见附件). */
function has(row: IndicatorRow, f: RowField): boolean {
  const t = fieldText(row, f);
  return t !== "" && !NOT_APPLICABLE.test(t) && !HOLDS_PLACE.test(t);
}

/** A target that is 0 (or 0%): a real value on a row or two, a form never filled in when it is every row's. */
function zero(row: IndicatorRow): boolean {
  return /^[≥≤<>=＝]*0+(?:\.0+)?%?$/.test(fieldText(row, "target").replace(/\s+/g, ""));
}

/** Every row of the project's indicator block, placeholders included, in sheet order (each row once). */
function blockRows(p: IndicatorProject): IndicatorRow[] {
  const seen = new Set<number>();
  const out: IndicatorRow[] = [];
  for (const r of [...p.indicators, ...p.placeholders]) {
    if (seen.has(r.row)) continue;
    seen.add(r.row);
    out.push(r);
  }
  return out.sort((a, b) => a.row - b.row);
}

/** The first row's cell of a field, else the row's first cell. */
function firstCell(rows: readonly IndicatorRow[], pick: (r: IndicatorRow) => Ref | undefined): { row: number; col: number } | undefined {
  for (const r of rows) {
    const ref = pick(r);
    if (ref) return { row: ref.row, col: ref.col };
  }
  return undefined;
}

/**
 * The form's fill state: undefined when it was filled in (at least one indicator has a name or a value, and a
 * self-evaluation at least one 完成值 or 得分), else why not.
 */
export function notFilledOf(table: IndicatorTable, p: IndicatorProject): NotFilled | undefined {
  if (table.layout !== "form" || table.headOnly) return undefined;
  const rows = blockRows(p);
  // The header's name (or 一级) cell, else the table's own first column (ranges are absolute; a grid may start at C).
  const header = { row: table.headerRow, col: table.columns.name ?? table.columns.level1 ?? parseArea(table.range)?.left ?? 0 };
  if (rows.length === 0) {
    const why = text("table.not-filled", "headerOnly");
    return { ...header, reason: why.zh, reasonEn: why.en, rows: new Set() };
  }
  const named = rows.some((r) => has(r, "name") && !r.placeholder);
  const valued = rows.some((r) => has(r, "target") || has(r, "actual"));
  const all = new Set(rows.map((r) => r.row));
  if (!named && !valued) {
    const at = firstCell(rows, (r) => r.name ?? r.target) ?? header;
    const why = text("table.not-filled", "noNameNoValue", { rows: rows.length });
    return { ...at, reason: why.zh, reasonEn: why.en, rows: all };
  }
  // Every name still the template's numbering (指标1, 指标2 …) though values are written in.
  if (!named && table.columns.name !== undefined && rows.length >= 2 && rows.every((r) => r.placeholder)) {
    const at = firstCell(rows, (r) => r.name) ?? header;
    const why = text("table.not-filled", "templateNames", { rows: rows.length });
    return { ...at, reason: why.zh, reasonEn: why.en, rows: all };
  }
  if (table.columns.target !== undefined && !rows.some((r) => has(r, "target") && !zero(r))) {
    const at = firstCell(rows, (r) => r.target) ?? header;
    const why = text("table.not-filled", "noValue", { rows: rows.length });
    return { ...at, reason: why.zh, reasonEn: why.en, rows: all };
  }
  // An evaluation framework's score sheet (部门决策 / 综合管理 … with only 得分 to fill): every 得分 empty.
  if (table.kind === "evaluation" && table.columns.score !== undefined && table.columns.actual === undefined && table.columns.target === undefined) {
    const scored = p.indicators.filter((r) => !r.placeholder && has(r, "name"));
    if (scored.length > 0 && !scored.some((r) => has(r, "score"))) {
      const at = firstCell(scored, (r) => r.score) ?? header;
      const why = text("table.not-filled", "noScore", { rows: scored.length });
      return { ...at, reason: why.zh, reasonEn: why.en, rows: new Set(scored.map((r) => r.row)) };
    }
  }
  if (table.kind === "self-evaluation" && table.columns.actual !== undefined) {
    const weighted = p.indicators.filter((r) => !r.placeholder && (r.weightNumber ?? 0) > 0);
    if (weighted.length > 0 && !weighted.some((r) => has(r, "actual") || has(r, "score"))) {
      const at = firstCell(weighted, (r) => r.actual) ?? header;
      const why = text("table.not-filled", "noActual", { rows: weighted.length });
      return { ...at, reason: why.zh, reasonEn: why.en, rows: new Set(weighted.map((r) => r.row)) };
    }
  }
  return undefined;
}

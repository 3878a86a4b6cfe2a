/**
 * Parent / 其中 groups in an indicator block (real table 14). A scored row that carries no 指标值 and no 完成值,
 * followed by unscored rows that carry them, is one indicator: the parent holds 分值/得分 (often marked ★), the
 * rows beneath hold the values (crop by crop, 其中 …). Linking them keeps the checks from calling the parent's
 * empty 指标值 missing and the members' empty 分值 zero, and lets scoring judge the parent on its members.
 */
import type { IndicatorRow } from "./model";
import { fieldFilled, fieldText, hasField, type RowField } from "./rows";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const NOT_APPLICABLE = /^[/／\\\-—–_－]+$/;

/** The field's cell says something (not blank, not a 不适用 mark); read without making a Ref. */
function hasText(row: IndicatorRow, f: RowField): boolean {
  const t = fieldText(row, f);
  return t !== "" && !NOT_APPLICABLE.test(t);
}

/** A row that could head a group: named, scored or weighted, with neither 指标值 nor 完成值. */
function mayBeParent(r: IndicatorRow): boolean {
  if (r.placeholder || r.notApplicable || !hasText(r, "name")) return false;
  if (r.weightNumber === undefined && r.scoreNumber === undefined) return false;
  return !hasText(r, "target") && !hasText(r, "actual");
}

/** A row that could belong to the group above: named, unscored, carrying a 指标值 or a 完成值, same 二级. */
function mayBeMember(r: IndicatorRow, parent: IndicatorRow): boolean {
  if (r.placeholder || !hasText(r, "name")) return false;
  if (r.weightNumber !== undefined || r.scoreNumber !== undefined || hasText(r, "weight") || hasText(r, "score")) return false;
  if (!hasText(r, "target") && !hasText(r, "actual")) return false;
  // A 二级 of its own (not filled down from above) starts a new part of the block.
  if (hasField(r, "level2") && !fieldFilled(r, "level2")) {
    const own = fieldText(r, "level2");
    if (own !== "" && own !== (hasField(parent, "level2") ? fieldText(parent, "level2") : undefined)) return false;
  }
  return true;
}

/** A breakdown row: "其中…" (其中桃树种植面积), the form's own word for a part of the row above. */
const BREAKDOWN = /^\s*其中/;

/** A weighted or scored row that carries its own values (a total), named. */
function mayBeTotalParent(r: IndicatorRow): boolean {
  if (r.placeholder || r.notApplicable || !hasText(r, "name")) return false;
  return r.weightNumber !== undefined || r.scoreNumber !== undefined;
}

/** Links parent and member rows in place (rows in sheet order); returns how many groups were found. */
export function linkGroups(rows: Mutable<IndicatorRow>[]): number {
  let groups = 0;
  for (let k = 0; k < rows.length; k++) {
    const parent = rows[k];
    if (!mayBeParent(parent)) {
      // A row with its own total followed by its "其中" parts (real table 09: ★补助各类瓜果蔬菜种植面积 29.5亩, then
      // 其中桃树种植面积 1.5亩 …): the parts are members (no 分值 of their own), the parent keeps its own values.
      if (!mayBeTotalParent(parent)) continue;
      let j = k + 1;
      while (j < rows.length && BREAKDOWN.test(fieldText(rows[j], "name")) && mayBeMember(rows[j], parent)) rows[j++].memberOf = parent.row;
      if (j > k + 1) {
        groups++;
        k = j - 1;
      }
      continue;
    }
    const members: IndicatorRow[] = [];
    let j = k + 1;
    while (j < rows.length && mayBeMember(rows[j], parent)) {
      rows[j].memberOf = parent.row;
      members.push(rows[j]);
      j++;
    }
    if (members.length === 0) continue;
    parent.members = members;
    groups++;
    k = j - 1;
  }
  // In a block laid out in groups, a parent-shaped last row is a parent whose members lie past the end of what
  // was published (a cut table, real table 14): a group with no member rows, not an indicator missing its values.
  const last = rows[rows.length - 1];
  if (groups > 0 && last && last.members === undefined && last.memberOf === undefined && mayBeParent(last)) last.members = [];
  return groups;
}

/**
 * indicator.unit-mismatch, a money magnitude without 元 (issue #22, item 5): a cost, a subsidy or an income written as
 * `10万/年`, `≤30万/个`, `5千`: the order of magnitude is there, the money unit is not, and 万 alone could be 万人, 万亩
 * or 万元. Reported on rows whose name or category is about money (a cost row, 补助, 经费, 收入 …); a rate, a count or
 * an area named so is left alone. A bare `5万` (no unit at all) is indicator.missing-unit's (value-format.ts), which
 * says the same with the unit it lacks.
 */
import { say } from "../catalog";
import { isCostRow, type RowCategory } from "../tables/category";
import { fieldAddress, fieldText } from "../tables/rows";
import { compactLabel } from "../text";
import type { Check } from "./types";

/** A unit that is only an order of magnitude, with an optional per-unit part: 万, 万/年, 千/人, 万每公里. */
export const MAGNITUDE_UNIT = /^(十万|百万|千万|十|百|千|万|亿)((?:\/|每).+)?$/;
/** Names about money. */
export const MONEY_NAME = /费|成本|补助|补贴|资金|经费|投资|金额|价|收入|增收|产值|工资|薪|奖励|奖金|款|预算|支出|租金|利润|税/;
/** Names about something that is not money although a money word is in them (补助人数, 资金到位率). */
const NOT_MONEY = /率|比例|比重|占比|人数|人次|户数|次数|个数|数量|面积|长度|里程|天数|时间|期限|时限/;

/** A money name or a cost row, and not a rate, count or area named with a money word. */
function aboutMoney(name: string, category: RowCategory): boolean {
  return name.length <= 60 && !NOT_MONEY.test(name) && (isCostRow(category) || MONEY_NAME.test(name));
}

/**
 * A figure whose only unit is its magnitude (5万, ≤3.5亿) on a row about money: the magnitude and the amount written
 * with 元, for indicator.missing-unit's message (value-format.ts). Undefined otherwise.
 */
export function moneyMagnitudeOnly(text: string, rawName: string, category: RowCategory): { magnitude: string; expected: string } | undefined {
  if (!ENDS_IN_MAGNITUDE.test(text)) return undefined;
  const written = compactLabel(text);
  const m = /^[≥≤<>=＞＜]*[0-9]+(?:\.[0-9]+)?(十万|百万|千万|千|万|亿)$/.exec(written);
  if (!m || !aboutMoney(compactLabel(rawName), category)) return undefined;
  return { magnitude: m[1], expected: `${written}元` };
}

// Made once: a regular expression literal in a function is a new object at each call (these run on every row).
const HAS_MAGNITUDE = /[十百千万亿]/;
const ENDS_IN_MAGNITUDE = /[十百千万亿]$/;

export const moneyMagnitude: Check = {
  id: "money-magnitude",
  codes: ["indicator.unit-mismatch"],
  row(row, i, { table, facts }, _state, emit) {
    if (row.placeholder || row.notApplicable) return;
    const text = fieldText(row, "target");
    if (text === "" || !HAS_MAGNITUDE.test(text)) return;
    const t = facts.target(i);
    if (t.kind !== "number" || t.unit === undefined) return;
    const m = MAGNITUDE_UNIT.exec(t.unit);
    if (!m) return;
    const raw = fieldText(row, "name");
    const name = compactLabel(raw);
    if (!aboutMoney(name, facts.categories[i])) return;
    const written = compactLabel(text);
    const at = written.lastIndexOf(m[1]);
    const expected = at >= 0 ? `${written.slice(0, at + m[1].length)}元${written.slice(at + m[1].length)}` : `${written}元`;
    emit({
      ...say("indicator.unit-mismatch", "magnitudeWithoutYuan", { name: raw, text, magnitude: m[1], expected }),
      sheet: table.sheet,
      cell: fieldAddress(row, "target") as string,
      value: text,
      expected,
    });
  },
};

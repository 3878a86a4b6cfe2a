/**
 * An indicator whose name and 指标值 disagree: the name states a figure with a unit ("…质量达标率100%") and the
 * 指标值 gives another figure in the same unit (">=98%", real table 17). One of the two is wrong; the reviewer
 * asks which. Names that repeat the value, or state a figure in another unit (a count beside a rate), pass.
 */
import { say } from "../catalog";
import { parseValue } from "../value/parse";
import { fieldAddress, fieldText } from "../tables/rows";
import type { Check } from "./types";

/** Figures followed by a unit-like run in a name: "100%", "3875人", "38.75万元". Bounded quantifiers: linear. */
const FIGURE_WITH_UNIT = /(\d{1,12}(?:\.\d{1,6})?)\s{0,2}(%|％|[^\d\s.,，、;；:：()（）≥≤><=*]{1,4})/g;

/** A figure with its unit ending a name: "年度资金支付完成率100%" → "100%". Bounded quantifiers: linear. */
const TRAILING_FIGURE = /(\d{1,12}(?:\.\d{1,6})?)\s{0,2}(%|％|[^\d\s.,，、;；:：()（）≥≤><=*]{1,4})\s*$/;

/**
 * The target written into the indicator's name instead of its own cell (real table 02: "指标1:年度资金支付完成率100%"
 * with 指标值 empty): the figure and unit the name ends with, when the unit is one.
 */
export function targetInName(name: string): string | undefined {
  if (name.length > 200) return undefined;
  const m = TRAILING_FIGURE.exec(name);
  if (!m) return undefined;
  const said = parseValue(m[1] + m[2]);
  return said.kind === "number" && said.unit ? `${m[1]}${m[2]}` : undefined;
}

/** Any digit: names without one state no figure. */
const DIGIT = /\d/;

export const nameValue: Check = {
  id: "name-value",
  codes: ["indicator.name-value-conflict"],
  row(row, i, { table, facts }, _state, emit) {
    if (row.placeholder || row.notApplicable) return;
    const name = fieldText(row, "name");
    if (name.length > 200 || !DIGIT.test(name)) return;
    const target = fieldText(row, "target");
    if (target === "") return;
    const t = facts.target(i);
    if (t.kind !== "number" || t.number === undefined || !t.unit) return;
    FIGURE_WITH_UNIT.lastIndex = 0;
    let conflict: { figure: number; unit: string } | undefined;
    for (let m = FIGURE_WITH_UNIT.exec(name); m; m = FIGURE_WITH_UNIT.exec(name)) {
      const said = parseValue(m[1] + m[2]);
      if (said.kind !== "number" || said.number === undefined || said.unit !== t.unit) continue;
      if (Math.abs(said.number - t.number) <= 1e-9) {
        conflict = undefined; // the name repeats the value
        break;
      }
      conflict ??= { figure: said.number, unit: said.unit };
    }
    if (!conflict) return;
    emit({
      ...say("indicator.name-value-conflict", "differs", { name, said: `${conflict.figure}${conflict.unit}`, target }),
      sheet: table.sheet,
      cell: fieldAddress(row, "target") as string,
      value: target,
      expected: `${conflict.figure}${conflict.unit}`,
    });
  },
};

/**
 * An indicator whose name and 指标值 disagree: the name states a figure with a unit ("…质量达标率100%") and the
 * 指标值 gives another figure in the same unit (">=98%", real table 17). One of the two is wrong; the reviewer
 * asks which. Names that repeat the value, or state a figure in another unit (a count beside a rate), pass.
 * Also: a name that says none shall happen over a ceiling that allows some (年内无群体性事件发生 | 小于5次), and a
 * quantity indicator that lists its quantities in its name over a percentage (慰问伤残军人50人;烈士家庭6户 | 100%).
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

/** A name that says a thing shall not happen at all. Bounded: linear. */
const NONE_IN_NAME = /无[^，,；;。]{0,12}(?:发生|事件|事故)|零(?:发生|事故|投诉|上访|伤亡)|杜绝/;
/** A name that measures a share: its figures may be counts beside a percentage. */
const SHARE_NAME = /率|比例|比重|占比|百分/;

/** The head counts a name states (50人, 6户, 8家), as written. */
function countsIn(name: string): string[] {
  const out: string[] = [];
  FIGURE_WITH_UNIT.lastIndex = 0;
  for (let m = FIGURE_WITH_UNIT.exec(name); m; m = FIGURE_WITH_UNIT.exec(name)) {
    const said = parseValue(m[1] + m[2]);
    if (said.kind === "number" && said.unitKind === "count" && said.unit !== undefined) out.push(`${m[1]}${said.unit}`);
  }
  return out;
}

/** What FIGURE_WITH_UNIT lets follow no figure: an ASCII digit, and the punctuation its unit excludes but . and spaces. */
function endsNoFigure(c: number): boolean {
  switch (c) {
    case 0x2c: // ,
    case 0xff0c: // ，
    case 0x3001: // 、
    case 0x3b: // ;
    case 0xff1b: // ；
    case 0x3a: // :
    case 0xff1a: // ：
    case 0x28: // (
    case 0x29: // )
    case 0xff08: // （
    case 0xff09: // ）
    case 0x2265: // ≥
    case 0x2264: // ≤
    case 0x3e: // >
    case 0x3c: // <
    case 0x3d: // =
    case 0x2a: // *
      return true;
    default:
      return c >= 0x30 && c <= 0x39;
  }
}

/**
 * False when FIGURE_WITH_UNIT cannot match: a figure with a unit has a digit followed by a decimal point, a space
 * or its unit, none of which ends a figure in endsNoFigure. One pass, no regular expression: most names hold no
 * digit, and a list's names that number the project (城关镇道路硬化培训人次（12）) only have digits before a bracket.
 */
export function mayStateFigure(name: string): boolean {
  for (let k = 0; k + 1 < name.length; k++) {
    const c = name.charCodeAt(k);
    if (c >= 0x30 && c <= 0x39 && !endsNoFigure(name.charCodeAt(k + 1))) return true;
  }
  return false;
}

export const nameValue: Check = {
  id: "name-value",
  codes: ["indicator.name-value-conflict"],
  row(row, i, { table, facts }, _state, emit) {
    if (row.placeholder || row.notApplicable) return;
    const name = fieldText(row, "name");
    if (name.length > 200) return;
    const target = fieldText(row, "target");
    if (target === "") return;
    const t = facts.target(i);
    if (t.kind !== "number" || t.number === undefined || !t.unit) return;
    // A name that says none shall happen (年内无群体性事件发生) over a ceiling that allows some (小于5次, real 30).
    if ((t.sign === "＜" || t.sign === "≤") && t.unitKind === "count" && t.number > 0 && NONE_IN_NAME.test(name)) {
      emit({
        ...say("indicator.name-value-conflict", "noneVsCeiling", { name, target, unit: t.unit }),
        sheet: table.sheet,
        cell: fieldAddress(row, "target") as string,
        value: target,
        expected: `0${t.unit}`,
      });
      return;
    }
    // A quantity indicator whose name lists its quantities (慰问伤残军人50人;烈士家庭6户 …) over a percentage (100%, real
    // 30): the quantities are the targets, and the percentage measures none of them.
    if (t.unitKind === "percent" && mayStateFigure(name) && facts.categories[i].level2 === "数量指标" && !SHARE_NAME.test(name)) {
      const counts = countsIn(name);
      if (counts.length > 0) {
        emit({
          ...say("indicator.name-value-conflict", "countsInName", { name, said: counts.slice(0, 3).join("、") + (counts.length > 3 ? "…" : ""), target }),
          sheet: table.sheet,
          cell: fieldAddress(row, "target") as string,
          value: target,
          expected: counts.slice(0, 3).join("、"),
        });
        return;
      }
    }
    if (!mayStateFigure(name)) return;
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

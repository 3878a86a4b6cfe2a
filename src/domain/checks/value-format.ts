/**
 * V4 (定量 needs a number), V5 (定量 needs a unit) and V6 (定量（其他） needs 指标值说明); and a 指标值 or 完成值
 * written as a date that does not exist ("2024-13-45", "2023年2月30日"): indicator.invalid-date.
 */
import { isScored } from "../tables/model";
import { say } from "../catalog";
import { a1 } from "../grid";
import { INVALID_DATE_PROBLEM } from "../value/parse";
import type { ParsedValue } from "../value/types";
import { canonicalUnit } from "../value/units";
import { isPlaceholderClean } from "./placeholder";
import { isQuantitative, rowActual, rowSignKind } from "../tables/row-values";
import { fieldAddress, fieldText } from "../tables/rows";
import { moneyMagnitudeOnly } from "./money-magnitude";
import type { Check } from "./types";

/** Why a parsed value that is written as a date is none ("没有 13 月"), or undefined. */
function invalidDateReason(v: ParsedValue): string | undefined {
  if (v.kind !== "unreadable") return undefined;
  const p = v.problems.find((x) => x.startsWith(INVALID_DATE_PROBLEM));
  return p === undefined ? undefined : p.slice(INVALID_DATE_PROBLEM.length + 1);
}

// Made once: a regular expression literal in a function is a new object at each call (FIGURE_UNIT is global:
// unitInName sets its lastIndex before each use).
const UNIT_BRACKET = /[(（]([^()（）]{1,6})[)）]\s*$/;
const FIGURE_UNIT = /(\d+(?:\.\d+)?)\s*([^\d\s.,，、;；:：()（）]{1,4})/g;

/**
 * The name states the unit: "培训人数（人）", or the target's own figure with its unit ("38.75万元" named, 38.75 in
 * 指标值, real table 15). The unit is given, only in another cell: not a missing unit.
 */
function unitInName(name: string, figure: number | undefined): boolean {
  if (name === "" || name.length > 200) return false;
  const bracket = UNIT_BRACKET.exec(name);
  if (bracket && canonicalUnit(bracket[1].trim())) return true;
  if (figure === undefined) return false;
  const re = FIGURE_UNIT;
  re.lastIndex = 0;
  for (let m = re.exec(name); m; m = re.exec(name)) {
    if (Number(m[1]) !== figure) continue;
    for (let n = m[2].length; n > 0; n--) if (canonicalUnit(m[2].slice(0, n))) return true;
  }
  return false;
}

/**
 * A per-unit figure written without its money unit: "每亩300" → 300元/亩, "28.40/株" → 28.40元/株 (the money unit is
 * the usual one for a 标准/单价/成本; the finding says which unit is missing, the expected text is a suggestion).
 */
function incompleteUnit(text: string): { expected: string; per: string; written: "perBare" | "slashBare" } | undefined {
  if (!text.includes("每") && !text.includes("/")) return undefined; // the two shapes below, told apart cheaply
  const t = text.replace(/\s+/g, "");
  if (t.length > 40) return undefined;
  const per = /^([≥≤><=]{0,2})每([\u4e00-\u9fff]{1,3})(\d+(?:\.\d+)?)$/.exec(t);
  if (per) return { expected: `${per[1]}${per[3]}元/${per[2]}`, per: per[2], written: "perBare" };
  const slash = /^([≥≤><=]{0,2})(\d+(?:\.\d+)?)\/([\u4e00-\u9fff]{1,3})$/.exec(t);
  if (slash) return { expected: `${slash[1]}${slash[2]}元/${slash[3]}`, per: slash[3], written: "slashBare" };
  return undefined;
}

/** A value that is a unit word alone, after an optional sign (the template's "≧ %", "公里" with no figure). */
const ONLY_UNIT = /^[≥≤≧≦<>=＞＜≈~]*(?:%|％|个|人|人次|次|户|亩|万亩|公里|千米|米|平方米|万元|元|万人|座|所|家|项|天|日|台|套|件|吨|万吨|株|头|只|篇|期|场|册|份|处|条|辆|间|张|名|小时)$/;

export const valueFormat: Check = {
  id: "value-format",
  codes: ["indicator.not-numeric", "indicator.missing-unit", "indicator.missing-explanation", "indicator.invalid-date"],
  row(row, i, { table, profile, facts }, _state, emit) {
    if (row.placeholder) return;
    // A 完成值 written as a date that does not exist (self-evaluations).
    if (isScored(table)) {
      const actual = fieldText(row, "actual");
      const actualWhy = actual !== "" ? invalidDateReason(rowActual(row)) : undefined;
      if (actualWhy !== undefined) {
        emit({
          ...say("indicator.invalid-date", "actual", { text: actual, why: actualWhy }),
          sheet: table.sheet,
          cell: fieldAddress(row, "actual") as string,
          value: actual,
          expected: "实际存在的日期 a real date",
        });
      }
    }
    const text = fieldText(row, "target");
    if (row.notApplicable || text === "") return;
    if (isPlaceholderClean(text, profile)) return; // reported as a placeholder
    const t = facts.target(i);
    const why = invalidDateReason(t);
    if (why !== undefined) {
      emit({
        ...say("indicator.invalid-date", "target", { text, why }),
        sheet: table.sheet,
        cell: fieldAddress(row, "target") as string,
        value: text,
        expected: "实际存在的日期 a real date",
      });
      return;
    }
    const signKind = rowSignKind(row);
    if (signKind === "定量其他") {
      if (fieldText(row, "explain") === "") {
        emit({
          ...say("indicator.missing-explanation", "missing"),
          sheet: table.sheet,
          cell: fieldAddress(row, "sign") ?? (fieldAddress(row, "target") as string),
          value: fieldText(row, "sign"),
        });
      }
      return;
    }
    // A figure whose unit is written incompletely: "每亩300" (per 亩, no money unit, and the figure after it),
    // "≤28.40/株" (a rate per 株 with no money unit). The figure is there; the unit is what is missing.
    const partial = incompleteUnit(text);
    if (partial) {
      emit({
        ...say("indicator.missing-unit", partial.written, { text, per: partial.per, expected: partial.expected }),
        sheet: table.sheet,
        cell: fieldAddress(row, "target") as string,
        value: text,
        expected: partial.expected,
      });
      return;
    }
    // Only a unit, with or without a sign ("公里", "万亩", "≧ %"): the template's value left unfilled. Else a
    // quantitative value with no figure.
    const onlyUnit = t.number === undefined && t.kind !== "date" && ONLY_UNIT.test(text.replace(/\s+/g, ""));
    if (!onlyUnit && (t.kind === "date" || !isQuantitative(row, t, signKind))) return; // 时效 dates carry their own unit
    if (onlyUnit || t.number === undefined) {
      emit({
        ...say("indicator.not-numeric", onlyUnit ? "onlyUnit" : "notNumber", { text }),
        sheet: table.sheet,
        cell: fieldAddress(row, "target") as string,
        value: text,
        expected: "数值 number",
      });
      return;
    }
    const name = fieldText(row, "name");
    if (!t.unit && !unitInName(name, t.kind === "number" ? t.number : undefined)) {
      // A money figure written with its magnitude only (5万 as a cost): the message says the 元 it lacks.
      const magnitude = moneyMagnitudeOnly(text, name, facts.categories[i]);
      emit({
        ...(magnitude ? say("indicator.missing-unit", "magnitudeOnly", { name, text, ...magnitude }) : say("indicator.missing-unit", "noUnit", { name })),
        sheet: table.sheet,
        cell: table.columns.unit !== undefined ? (fieldAddress(row, "unit") ?? a1(row.row, table.columns.unit)) : (fieldAddress(row, "target") as string),
        value: text,
        expected: "计量单位 unit",
      });
    }
  },
};

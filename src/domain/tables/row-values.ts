/** Parsed 指标值 / 实际完成值 of a row, with its sign and unit columns folded in (the 四川/云南 forms). */
import { parseValue } from "../value/parse";
import { normalizeSign } from "../value/sign";
import type { ParsedValue } from "../value/types";
import type { IndicatorRow } from "./model";
import { fieldFormat, fieldText, fieldValue } from "./rows";

/** The context rowTarget passes (parseValue keeps no reference to it): one object, not one per row. */
const targetContext: { signText: string | undefined; unitText: string | undefined; numberFormat: string | null | undefined } = {
  signText: undefined,
  unitText: undefined,
  numberFormat: undefined,
};

export function rowTarget(row: IndicatorRow): ParsedValue {
  const value = fieldValue(row, "target") ?? null;
  const ctx = targetContext;
  ctx.signText = fieldText(row, "sign") || undefined;
  ctx.unitText = fieldText(row, "unit") || undefined;
  ctx.numberFormat = fieldFormat(row, "target");
  return parseValue(value, ctx);
}

export function rowActual(row: IndicatorRow): ParsedValue {
  return parseValue(fieldValue(row, "actual") ?? null, {
    unitText: fieldText(row, "unit") || undefined,
    numberFormat: fieldFormat(row, "actual"),
  });
}

/** The sign column's meaning: a direction, 定性, 定量（其他）, or nothing. */
export function rowSignKind(row: IndicatorRow): ReturnType<typeof normalizeSign> {
  const sign = fieldText(row, "sign");
  return sign ? normalizeSign(sign) : undefined;
}

/** Quantitative: a direction sign (column or in the value), or a bare figure; not 定性/定量（其他）. */
export function isQuantitative(row: IndicatorRow, target: ParsedValue, signKind: ReturnType<typeof normalizeSign> = rowSignKind(row)): boolean {
  const s = signKind;
  if (s === "定性" || s === "定量其他") return false;
  if (s) return true;
  if (target.kind === "date") return false;
  // A 指标值类型 column that says 定量 (no direction): the value is meant to be a figure, whatever it holds.
  if (target.kind === "qualitative") return /^定量(?:指标)?$/.test(fieldText(row, "sign").replace(/\s+/g, ""));
  return target.sign !== undefined || target.kind === "number";
}

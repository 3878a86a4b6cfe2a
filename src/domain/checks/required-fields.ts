/** V1: every 三级 row has 一级, 二级, 名称 and 指标值 (and 计算符号 where the table has that column). */
import { say, text, type Template } from "../catalog";
import { a1 } from "../grid";
import { fieldAddress, fieldText, hasField } from "../tables/rows";
import type { IndicatorRow, IndicatorTable } from "../tables/model";
import { isScored } from "../tables/model";
import type { Check, Emit } from "./types";
import { targetInName } from "./name-value";
import { parseValue } from "../value/parse";
import { memoByText } from "../memo";

/** The required fields; the catalog names each (indicator.missing-field's variants of the same names). */
type Field = "level1" | "level2" | "name" | "sign" | "target";

interface Columns {
  readonly table: IndicatorTable;
  readonly has1: boolean;
  readonly has2: boolean;
  readonly hasName: boolean;
  readonly hasSign: boolean;
  readonly hasTarget: boolean;
  readonly hasActual: boolean;
}

/** The finding for an empty required field (its cell: the field's own, else the row's cell in the column). */
function missing(row: IndicatorRow, f: Field, table: IndicatorTable, emit: Emit, col: number): void {
  const field = fieldWords(f);
  // An empty 指标值 whose figure is written into the name ("…完成率100%"): say where it is.
  const figure = f === "target" && hasField(row, "name") ? targetInName(fieldText(row, "name")) : undefined;
  emit({
    ...(figure ? say("indicator.missing-field", "emptyInName", { field, figure }) : say("indicator.missing-field", "empty", { field })),
    sheet: table.sheet,
    cell: fieldAddress(row, f) ?? a1(row.row, col),
    value: "",
    expected: field.zh,
  });
}

/** The catalog's name of each field, written once (a list missing a column says it on every row). */
const FIELD_WORDS = new Map<Field, Template>();
function fieldWords(f: Field): Template {
  let t = FIELD_WORDS.get(f);
  if (t === undefined) FIELD_WORDS.set(f, (t = text("indicator.missing-field", f)));
  return t;
}

/** A deadline phrase with no subject: 12月底之前完成, 2024年6月前完工, 年底前. */
const DEADLINE_ONLY = /^(?:\d{4}年)?(?:\d{1,2}月)?(?:底|末|份|中旬|上旬|下旬)?(?:之前|以前|前)?(?:完成|完工)?$/;

/** True when a 三级 name is itself a value: a figure with or without its unit, a date, or a bare deadline. */
export function nameIsValue(name: string): boolean {
  // Most names hold no digit and are settled here, with no text made. A name of more than 16 characters with no
  // whitespace is longer than any value below ("城关镇道路硬化培训人次(12345)"): settled too, without filling the
  // memo with names that never come back.
  return DIGIT.test(name) && (name.length <= 16 || HAS_SPACE.test(name)) && nameIsValueMemo(name);
}

// Made once: a regular expression literal in a function is a new object at each call.
const DIGIT = /\d/;
const HAS_SPACE = /\s/;

/** Names repeat row after row (指标1, 2020年): each distinct text is parsed once. */
const nameIsValueMemo = memoByText((name: string): boolean => {
  const t = name.replace(/\s+/g, "");
  // A lone 0 is the form's not-applicable mark (0 | 0.00% | 0 on the cost rows a project does not use), not a figure.
  if (t.length > 16 || /^0+(?:\.0+)?$/.test(t)) return false;
  if (DEADLINE_ONLY.test(t)) return true;
  const v = parseValue(t);
  return v.kind === "date" || (v.kind === "number" && v.number !== undefined);
}, 10_000, 64);

export const requiredFields: Check<Columns> = {
  id: "required-fields",
  codes: ["indicator.missing-field"],
  // Which columns the table has, read once per project: the row hook runs for every indicator.
  begin({ table }, reuse) {
    // A list's projects share their table: the previous project's answer holds.
    if (reuse !== undefined && reuse.table === table) return reuse;
    const cols = table.columns;
    return {
      table,
      has1: cols.level1 !== undefined,
      has2: cols.level2 !== undefined,
      hasName: cols.name !== undefined,
      hasSign: cols.sign !== undefined,
      hasTarget: cols.target !== undefined,
      hasActual: cols.actual !== undefined,
    };
  },
  row(row, _i, { table }, has, emit) {
    if (row.placeholder || row.notApplicable) return;
    const cols = table.columns;
    if (has.has1 && fieldText(row, "level1") === "") missing(row, "level1", table, emit, cols.level1 as number);
    if (has.has2 && fieldText(row, "level2") === "") missing(row, "level2", table, emit, cols.level2 as number);
    if (has.hasName) {
      const name = fieldText(row, "name");
      if (name === "") missing(row, "name", table, emit, cols.name as number);
      else if (nameIsValue(name)) {
        // "1年", "2020年", "100万", "12月底之前完成" in the 三级 cell: the figure was written where the name goes.
        emit({ ...say("indicator.missing-field", "nameIsValue", { name }), sheet: table.sheet, cell: fieldAddress(row, "name") as string, value: name, expected: "三级指标名称" });
      }
    }
    // A ★ parent's values are on its member rows (parent / 其中 groups): its own 指标值 is empty by layout.
    const valuesBelow = row.members !== undefined;
    if (has.hasSign && fieldText(row, "sign") === "" && !valuesBelow) missing(row, "sign", table, emit, cols.sign as number);
    // A self-evaluation row scored with neither 指标值 nor 完成值: score.missing-actual says both, once.
    const bothEmptyScored = isScored(table) && has.hasActual && (row.weightNumber ?? 0) > 0 && fieldText(row, "actual") === "" && row.members === undefined;
    if (has.hasTarget && fieldText(row, "target") === "" && !valuesBelow && !bothEmptyScored) missing(row, "target", table, emit, cols.target as number);
  },
};

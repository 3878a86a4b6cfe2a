/** Unit agreement, % above 100 (V11), and cost indicators with a ≥/＞ sign (V12). */
import { say } from "../catalog";
import { isCostRow } from "../tables/category";
import { rowActual } from "../tables/row-values";
import { fieldAddress, fieldText, hasField } from "../tables/rows";
import { spendingMeasure } from "./spending-output";
import type { Check, ProjectFacts } from "./types";

/** Names of a time, a deadline or a duration (not of a rate; 时效性 is a quality, 项目维持时效 a duration). */
const TIME_NAME = /时间|日期|时限|期限|截止|工期|完成时|完工时|时效(?!性)|年限|周期|时长|寿命/;

// Made once: a regular expression literal in the row hook would be a new object for every row.
const TRAILING_BRACKET = /[(（][^()（）]*[)）]$/;
const RATE_NAME = /率$/;
const SHARE_NAME = /率|比例|比重|占比/;
const PERCENT_IN_NAME = /[(（]\s*[%％]\s*[)）]\s*$/;
/** An outline item's number: a parent "二、…", its parts "1、…" (a part names a kind of the parent's measure). */
const PART_NUMBER = /^[0-9０-９]{1,2}[、.．]/;
const ITEM_NUMBER = /^[一二三四五六七八九十]{1,3}[、.．]/;

/**
 * Whether indicator `i` is a numbered part of the nearest outline item above it (二、化肥减量增效田间试验 ≧15组 over
 * 1、肥料利用率 ≧5组) counted in the same unit: its name is the kind of the parent's thing (a 肥料利用率 trial), not
 * the measure, and a count in the parent's unit is right.
 */
function partOfCountedItem(facts: ProjectFacts, i: number, unit: string): boolean {
  if (!PART_NUMBER.test(fieldText(facts.project.indicators[i], "name"))) return false;
  for (let j = i - 1; j >= 0; j--) {
    const name = fieldText(facts.project.indicators[j], "name");
    if (ITEM_NUMBER.test(name)) return facts.target(j).unit === unit;
    if (!PART_NUMBER.test(name)) return false;
  }
  return false;
}

export const valueRange: Check = {
  id: "value-range",
  codes: ["indicator.unit-mismatch", "indicator.percent-over-100", "indicator.cost-direction"],
  // Also: a time or deadline (完成时间, 完工日期, 期限) given as a percentage is a unit that contradicts the name.
  row(row, i, { table, facts }, _state, emit) {
    const text = fieldText(row, "target");
    if (row.placeholder || row.notApplicable || text === "") return;
    const t = facts.target(i);
    if (t.problems.length > 0 && t.problems.some((p) => p.includes("单位不一致"))) {
      const unitText = hasField(row, "unit") ? fieldText(row, "unit") : undefined;
      emit({
        ...(t.unit
          ? say("indicator.unit-mismatch", "valueVsColumn", { unit: t.unit, column: unitText ?? "" })
          : say("indicator.unit-mismatch", "valueVsColumnNoUnit", { column: unitText ?? "" })),
        sheet: table.sheet,
        cell: fieldAddress(row, "target") as string,
        value: text,
        expected: unitText,
      });
    }
    // A rate (…率) given as a head count or a number of days (家庭医生签约率 24694人): a rate is a share.
    if (t.kind === "number" && t.unit && (t.unitKind === "count" || t.unitKind === "time")) {
      const raw = fieldText(row, "name");
      const name = raw.includes("率") ? raw.replace(TRAILING_BRACKET, "") : "";
      if (name.length <= 40 && RATE_NAME.test(name) && !partOfCountedItem(facts, i, t.unit)) {
        emit({
          ...say("indicator.unit-mismatch", "rateInCount", { name, text }),
          sheet: table.sheet,
          cell: fieldAddress(row, "target") as string,
          value: text,
          expected: "%",
        });
      }
    }
    // A name that gives its unit as % in brackets over a bare figure no share can be (新型经营主体实现产值(%) | 8000,
    // real 74): the figure is an amount, and the name's unit is wrong (or the figure is).
    if (t.kind === "number" && t.unit === undefined && t.number !== undefined && t.number > 100 && PERCENT_IN_NAME.test(fieldText(row, "name"))) {
      emit({
        ...say("indicator.unit-mismatch", "percentNameAmount", { name: fieldText(row, "name"), text }),
        sheet: table.sheet,
        cell: fieldAddress(row, "name") as string,
        value: fieldText(row, "name"),
        expected: "与指标值相符的计量单位",
      });
    }
    if (t.unit === "%") {
      const name = fieldText(row, "name");
      if (name.length <= 40 && TIME_NAME.test(name) && !SHARE_NAME.test(name)) {
        emit({
          ...say("indicator.unit-mismatch", "percentForTime", { name, text }),
          sheet: table.sheet,
          cell: fieldAddress(row, "target") as string,
          value: text,
          expected: "完成时限（如：2023年12月底前）",
        });
      }
    }
    const actual = fieldText(row, "actual");
    if (actual !== "" && t.unit) {
      const x = rowActual(row);
      if (x.unit && t.unit !== x.unit && !(t.unitKind === "money" && x.unitKind === "money")) {
        emit({
          ...say("indicator.unit-mismatch", "actualVsTarget", { actual: x.unit, target: t.unit }),
          sheet: table.sheet,
          cell: fieldAddress(row, "actual") as string,
          value: actual,
          expected: t.unit,
        });
      }
    }
    if (t.unitKind === "percent" && t.number !== undefined && t.number > 100) {
      emit({
        ...say("indicator.percent-over-100", "over", { number: t.number }),
        sheet: table.sheet,
        cell: fieldAddress(row, "target") as string,
        value: text,
        expected: "≤100%",
      });
    }
    // A cost written as a bare figure on a form with no 计算符号 column (1600元/亩, 5万元): a cap (≤) or a
    // standard (＝) is not said; a cost is most likely a cap.
    // A 计算符号-like column that only says the value's type (指标值类型: 定量) says no direction either.
    if (t.kind === "number" && t.sign === undefined && t.unitKind === "money" && (table.columns.sign === undefined || /^定[量性]$/.test(fieldText(row, "sign"))) && isCostRow(facts.categories[i])) {
      emit({
        ...say("indicator.cost-direction", "noSign", { text }),
        sheet: table.sheet,
        cell: fieldAddress(row, "target") as string,
        value: text,
        expected: `≤${text}`,
      });
    }
    // An execution rate under a budget-control 二级 (年度预算执行率 ≥90%, real 46) is no cost: ≥ is its direction, and
    // indicator.spending-as-output says what is wrong with the row.
    if ((t.sign === "≥" || t.sign === "＞") && isCostRow(facts.categories[i]) && spendingMeasure(fieldText(row, "name")) === undefined) {
      const sign = fieldText(row, "sign");
      emit({
        ...say("indicator.cost-direction", "atLeast"),
        sheet: table.sheet,
        cell: sign ? (fieldAddress(row, "sign") as string) : (fieldAddress(row, "target") as string),
        value: sign || text,
        expected: "≤",
      });
    }
  },
};

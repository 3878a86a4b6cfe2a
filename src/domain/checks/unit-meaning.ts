/**
 * Units and directions read against the indicator's meaning (issue #22, item 5):
 *
 *   indicator.unit-mismatch      a cost standard with no money unit (检查差旅费 470 人/天); a count of households given
 *                                in 人 (受益农户 ≥500人);
 *   indicator.direction-conflict a rate of something bad (差错率, 逾期率, 事故发生率) targeted with ≥; an output quantity
 *                                capped with ≤ (车辆采购数量 ≤1: buying nothing meets it);
 *   indicator.zero-target        a cost (办公费总成本 = 0万元) or an output quantity targeted at 0: nothing to measure;
 *   indicator.compliance-below-full  a compliance rate (资金使用合规性 ≥95%) below 100 %: it tolerates misuse.
 *
 * [U] the word lists are what real tables show, not a published list; a name that could be either passes.
 */
import { say } from "../catalog";
import { compactLabel } from "../text";
import { isCostRow } from "../tables/category";
import { fieldAddress, fieldText } from "../tables/rows";
import { MAGNITUDE_UNIT } from "./money-magnitude";
import type { IndicatorRow } from "../tables/model";
import type { Check } from "./types";

/** A share of something bad: the lower the better (missing-sign.ts suggests ≤ for it too). */
export const BAD_RATE = /(?:差错|错误|出错|逾期|超期|延误|事故|投诉|失误|违规|违纪|违法|不合格|返工|故障|损失|流失|辍学|死亡|发病|超标|误差|漏检|漏报|误报|空置|闲置)(?:发生)?率$/;
/** An output count of something bad, or a count that is rightly capped (调整次数, 会议次数 under austerity). */
const BAD_COUNT = /调整|投诉|事故|差错|错误|违规|违纪|违法|返工|故障|损失|逾期|延误|上访|信访|发生|整改|问题|超标|不合格|会议|次数上限|控制/;
/** Names that are not money although their row is a cost row: rates, counts, durations. */
const NOT_MONEY_NAME = /率|比例|比重|占比|数量|个数|次数|人数|天数|时间|期限|时限|面积|长度/;
/** A count of households (户数, 受益农户) and not of people in them (户籍人口, 户人口数, 用户). */
const HOUSEHOLDS = /户数|农户|贫困户|脱贫户|受益户|困难户|低保户|五保户|[0-9０-９]+户/;
const PEOPLE_OF_HOUSEHOLDS = /人口|人数|人次|户籍|用户|客户|住户人/;

/** A compliance measure: money used as the rules say, or paid at the standard the rules set (按标准发放, real 122). */
const COMPLIANCE = /合规|合法合规|专款专用|按(?:规定)?标准(?:足额)?(?:发放|支付|拨付|兑付)/;

/** The template's numbering before a name (指标1、, 2.). Made once: a literal in nameOf would be made per row. */
const NUMBERING = /^(?:指标)?[0-9０-９]+[.、:：]?/;

function nameOf(raw: string): string {
  return compactLabel(raw).replace(NUMBERING, "");
}

/** The 指标值 cell a finding points at: its address is made only for a finding (most rows have none). */
function targetCell(row: IndicatorRow): string {
  return fieldAddress(row, "target") as string;
}

export const unitMeaning: Check = {
  id: "unit-meaning",
  codes: ["indicator.unit-mismatch", "indicator.direction-conflict", "indicator.zero-target", "indicator.compliance-below-full"],
  row(row, i, { table, facts }, _state, emit) {
    if (row.placeholder || row.notApplicable) return;
    const text = fieldText(row, "target");
    const raw = fieldText(row, "name");
    if (text === "" || raw === "" || raw.length > 60) return;
    const t = facts.target(i);
    if (t.kind !== "number" || t.number === undefined) return;
    const name = nameOf(raw);
    const category = facts.categories[i];

    // Compliance is all or nothing: a 合规率 of 95 % allows 5 % of the money misused.
    if (t.unit === "%" && t.number < 100 && t.sign !== "≤" && t.sign !== "＜" && COMPLIANCE.test(name) && !BAD_RATE.test(name)) {
      emit({ ...say("indicator.compliance-below-full", "below", { name: raw, text }), sheet: table.sheet, cell: targetCell(row), value: text, expected: "100%" });
      return;
    }

    // A cost or an output quantity of 0 (a bad thing's count at 0, 事故发生数 0次, is a fine target).
    if (t.number === 0 && t.sign !== "≥" && t.sign !== "＞" && ((isCostRow(category) && t.unitKind === "money") || (category.level2 === "数量指标" && t.unitKind !== "percent")) && !BAD_COUNT.test(name) && !BAD_RATE.test(name) && !/超|节约|节省|损失|赔偿|欠/.test(name)) {
      emit({ ...say("indicator.zero-target", "zero", { name: raw, text }), sheet: table.sheet, cell: targetCell(row), value: text, expected: "> 0" });
      return;
    }

    // A cost standard in 人/天 or 次 with no 元: the amount's unit is missing (real table 90: 检查差旅费 470 人/天).
    // (A magnitude with no 元, 10万/年, is money-magnitude.ts's: it says the 元 that is missing.)
    if (isCostRow(category) && t.unit !== undefined && t.unitKind !== "money" && t.unitKind !== "percent" && t.unitKind !== "permille" && !MAGNITUDE_UNIT.test(t.unit) && !NOT_MONEY_NAME.test(name) && /费|成本|补助|补贴|标准|经费|资金|价/.test(name)) {
      emit({ ...say("indicator.unit-mismatch", "costWithoutMoney", { name: raw, text, unit: t.unit }), sheet: table.sheet, cell: targetCell(row), value: text, expected: `元/${t.unit.replace(/^.*\//, "")}` });
    }

    // Households counted in 人.
    if (t.unit === "人" && HOUSEHOLDS.test(name) && !PEOPLE_OF_HOUSEHOLDS.test(name)) {
      emit({ ...say("indicator.unit-mismatch", "householdsInPeople", { name: raw, text }), sheet: table.sheet, cell: targetCell(row), value: text, expected: "户" });
    }

    // A bad thing's rate with a floor.
    if ((t.sign === "≥" || t.sign === "＞") && t.number > 0 && BAD_RATE.test(name)) {
      emit({ ...say("indicator.direction-conflict", "badRateAtLeast", { name: raw, text }), sheet: table.sheet, cell: targetCell(row), value: text, expected: "≤" });
      return;
    }

    // An output quantity with a ceiling: meeting it asks for nothing to be done.
    if ((t.sign === "≤" || t.sign === "＜") && category.level2 === "数量指标" && t.unitKind !== "money" && t.unitKind !== "percent" && !BAD_COUNT.test(name) && !BAD_RATE.test(name)) {
      const shown = /^[≥≤<>＜＞=＝]/.test(text) ? text : `${t.sign}${text}${t.unit && !text.includes(t.unit) ? t.unit : ""}`;
      emit({ ...say("indicator.direction-conflict", "outputCapped", { name: raw, text: shown }), sheet: table.sheet, cell: targetCell(row), value: text, expected: "≥ 或 ＝" });
    }
  },
};

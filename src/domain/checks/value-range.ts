/** Unit agreement, % above 100 (V11), and cost indicators with a ≥/＞ sign (V12). */
import { isCostRow } from "../tables/category";
import { rowActual } from "../tables/row-values";
import type { Check } from "./types";

/** Names of a time or a deadline (not of a rate). */
const TIME_NAME = /时间|日期|时限|期限|截止|工期|完成时|完工时/;

export const valueRange: Check = {
  id: "value-range",
  codes: ["indicator.unit-mismatch", "indicator.percent-over-100", "indicator.cost-direction"],
  // Also: a time or deadline (完成时间, 完工日期, 期限) given as a percentage is a unit that contradicts the name.
  row(row, i, { table, facts }, _state, emit) {
    if (row.placeholder || row.notApplicable || !row.target || row.target.text === "") return;
    const t = facts.target(i);
    const glued = t.problems.find((p) => p.includes("单位不一致"));
    if (glued) {
      emit({
        code: "indicator.unit-mismatch",
        sheet: table.sheet,
        cell: row.target.address,
        value: row.target.text,
        expected: row.unit?.text,
        message: t.unit
          ? `指标值中的单位“${t.unit}”与计量单位列“${row.unit?.text ?? ""}”不一致`
          : `指标值中的单位与计量单位列“${row.unit?.text ?? ""}”不一致`,
        messageEn: t.unit
          ? `the unit in the value ("${t.unit}") differs from the unit column "${row.unit?.text ?? ""}"`
          : `the unit in the value differs from the unit column "${row.unit?.text ?? ""}"`,
      });
    }
    const name = row.name?.text ?? "";
    if (t.unit === "%" && name.length <= 40 && TIME_NAME.test(name) && !/率|比例|比重|占比/.test(name)) {
      emit({
        code: "indicator.unit-mismatch",
        sheet: table.sheet,
        cell: row.target.address,
        value: row.target.text,
        expected: "完成时限（如：2023年12月底前）",
        message: `“${name}”是时间或期限，指标值却是百分比“${row.target.text}”；应写明完成时限（如“2023年12月底前”），或改为及时率`,
        messageEn: `"${name}" is a time or deadline but the target is a percentage ("${row.target.text}"): give the deadline, or name a rate`,
      });
    }
    if (row.actual && row.actual.text !== "") {
      const x = rowActual(row);
      if (t.unit && x.unit && t.unit !== x.unit && !(t.unitKind === "money" && x.unitKind === "money")) {
        emit({
          code: "indicator.unit-mismatch",
          sheet: table.sheet,
          cell: row.actual.address,
          value: row.actual.text,
          expected: t.unit,
          message: `实际完成值的单位“${x.unit}”与指标值的单位“${t.unit}”不一致`,
          messageEn: `the actual's unit "${x.unit}" differs from the target's "${t.unit}"`,
        });
      }
    }
    if (t.unitKind === "percent" && t.number !== undefined && t.number > 100) {
      emit({
        code: "indicator.percent-over-100",
        sheet: table.sheet,
        cell: row.target.address,
        value: row.target.text,
        expected: "≤100%",
        message: `百分比指标值${t.number}%超过100%`,
        messageEn: `percentage target ${t.number}% is above 100%`,
      });
    }
    const cat = facts.categories[i];
    if (isCostRow(cat) && (t.sign === "≥" || t.sign === "＞")) {
      emit({
        code: "indicator.cost-direction",
        sheet: table.sheet,
        cell: row.sign?.text ? row.sign.address : row.target.address,
        value: row.sign?.text || row.target.text,
        expected: "≤",
        message: "成本指标一般应设为“≤”（成本有上限），当前为“≥/＞”",
        messageEn: "a cost indicator normally takes ≤ (costs are capped), not ≥/＞",
      });
    }
  },
};

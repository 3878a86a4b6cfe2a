/** Unit agreement, % above 100 (V11), and cost indicators with a ≥/＞ sign (V12). */
import { say } from "../catalog";
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
        ...(t.unit
          ? say("indicator.unit-mismatch", "valueVsColumn", { unit: t.unit, column: row.unit?.text ?? "" })
          : say("indicator.unit-mismatch", "valueVsColumnNoUnit", { column: row.unit?.text ?? "" })),
        sheet: table.sheet,
        cell: row.target.address,
        value: row.target.text,
        expected: row.unit?.text,
      });
    }
    const name = row.name?.text ?? "";
    if (t.unit === "%" && name.length <= 40 && TIME_NAME.test(name) && !/率|比例|比重|占比/.test(name)) {
      emit({
        ...say("indicator.unit-mismatch", "percentForTime", { name, text: row.target.text }),
        sheet: table.sheet,
        cell: row.target.address,
        value: row.target.text,
        expected: "完成时限（如：2023年12月底前）",
      });
    }
    if (row.actual && row.actual.text !== "") {
      const x = rowActual(row);
      if (t.unit && x.unit && t.unit !== x.unit && !(t.unitKind === "money" && x.unitKind === "money")) {
        emit({
          ...say("indicator.unit-mismatch", "actualVsTarget", { actual: x.unit, target: t.unit }),
          sheet: table.sheet,
          cell: row.actual.address,
          value: row.actual.text,
          expected: t.unit,
        });
      }
    }
    if (t.unitKind === "percent" && t.number !== undefined && t.number > 100) {
      emit({
        ...say("indicator.percent-over-100", "over", { number: t.number }),
        sheet: table.sheet,
        cell: row.target.address,
        value: row.target.text,
        expected: "≤100%",
      });
    }
    const cat = facts.categories[i];
    if (isCostRow(cat) && (t.sign === "≥" || t.sign === "＞")) {
      emit({
        ...say("indicator.cost-direction", "atLeast"),
        sheet: table.sheet,
        cell: row.sign?.text ? row.sign.address : row.target.address,
        value: row.sign?.text || row.target.text,
        expected: "≤",
      });
    }
  },
};

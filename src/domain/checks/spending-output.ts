/**
 * indicator.spending-as-output: money spent listed as an output indicator. 资金支付率 / 资金支出率 / 预算执行率
 * measure budget execution (预算执行率, scored in the funds block, rules.md §4.2), not what the project produced:
 * under 产出指标 they count the execution twice and crowd out a real output.
 */
import { say } from "../catalog";
import { compactLabel } from "../text";
import type { Check } from "./types";

const SPENDING = /(?:资金|预算|经费)(?:支出|支付|拨付|执行|使用)(?:完成)?率|预算执行率|资金到位率|资金支付进度|资金执行进度/;

export const spendingOutput: Check = {
  id: "spending-output",
  codes: ["indicator.spending-as-output"],
  row(row, i, { table, facts }, _state, emit) {
    if (table.kind === "evaluation") return; // a key evaluation's 过程 part rightly asks for it
    if (row.placeholder || !row.name || row.name.text.length > 100) return;
    if (facts.categories[i].level1 !== "产出指标") return;
    const name = compactLabel(row.name.text);
    const m = SPENDING.exec(name);
    if (!m) return;
    emit({
      ...say("indicator.spending-as-output", "spending", { name: row.name.text, measure: m[0] }),
      sheet: table.sheet,
      cell: row.name.address,
      value: row.name.text,
      expected: "产出指标：项目提供的产品或服务",
    });
  },
};

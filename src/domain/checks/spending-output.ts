/**
 * indicator.spending-as-output: money spent listed as an output indicator. 资金支付率 / 资金支出率 / 预算执行率
 * measure budget execution (预算执行率, scored in the funds block, rules.md §4.2), not what the project produced:
 * under 产出指标 they count the execution twice and crowd out a real output.
 */
import { say } from "../catalog";
import { compactLabel } from "../text";
import { fieldAddress, fieldText } from "../tables/rows";
import type { Check } from "./types";

const SPENDING =
  /(?:资金|预算|经费)(?:到位)?(?:及时)?(?:支出|支付|拨付|执行|使用|兑付)(?:完成)?率|预算执行率|资金到位率|资金支付进度|资金执行进度|(?:资金|经费|支出)(?:安排)?金额$|^(?:拨付|补助)(?:资金|经费)$/;

/** The characters one of which every SPENDING measure holds: most names are passed on this one test. */
const SPENDING_CHARS = /[率度额费金]/;

/** The spending measure a name states (预算执行率, 资金支付率 …), if it states one. */
export function spendingMeasure(name: string): string | undefined {
  if (name === "" || name.length > 100 || !SPENDING_CHARS.test(name)) return undefined;
  return SPENDING.exec(compactLabel(name))?.[0];
}

export const spendingOutput: Check = {
  id: "spending-output",
  codes: ["indicator.spending-as-output"],
  row(row, i, { table, facts }, _state, emit) {
    if (table.kind === "evaluation") return; // a key evaluation's 过程 part rightly asks for it
    if (row.placeholder) return;
    const text = fieldText(row, "name");
    if (text === "" || text.length > 100) return;
    if (facts.categories[i].level1 !== "产出指标") return;
    const measure = spendingMeasure(text);
    if (measure === undefined) return;
    emit({
      ...say("indicator.spending-as-output", "spending", { name: text, measure }),
      sheet: table.sheet,
      cell: fieldAddress(row, "name") as string,
      value: text,
      expected: "产出指标：项目提供的产品或服务",
    });
  },
};

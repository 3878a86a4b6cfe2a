/** V4 (定量 needs a number), V5 (定量 needs a unit) and V6 (定量（其他） needs 指标值说明). */
import { a1 } from "../grid";
import { canonicalUnit } from "../value/units";
import type { IssueDraft } from "../issues";
import { isPlaceholderText } from "./placeholder";
import { factsFor } from "./facts";
import { isQuantitative, rowSignKind } from "../tables/row-values";
import type { ProjectCheck } from "./types";

/**
 * The name states the unit: "培训人数（人）", or the target's own figure with its unit ("38.75万元" named, 38.75 in
 * 指标值, real table 15). The unit is given, only in another cell: not a missing unit.
 */
function unitInName(name: string, figure: number | undefined): boolean {
  if (name === "" || name.length > 200) return false;
  const bracket = /[(（]([^()（）]{1,6})[)）]\s*$/.exec(name);
  if (bracket && canonicalUnit(bracket[1].trim())) return true;
  if (figure === undefined) return false;
  const re = /(\d+(?:\.\d+)?)\s*([^\d\s.,，、;；:：()（）]{1,4})/g;
  for (let m = re.exec(name); m; m = re.exec(name)) {
    if (Number(m[1]) !== figure) continue;
    for (let n = m[2].length; n > 0; n--) if (canonicalUnit(m[2].slice(0, n))) return true;
  }
  return false;
}

export const valueFormat: ProjectCheck = {
  id: "value-format",
  codes: ["indicator.not-numeric", "indicator.missing-unit", "indicator.missing-explanation"],
  run(project, ctx) {
    const { table, profile } = ctx;
    const out: IssueDraft[] = [];
    const facts = factsFor(project, ctx);
    for (let i = 0; i < project.indicators.length; i++) {
      const row = project.indicators[i];
      if (row.placeholder || row.notApplicable || !row.target || row.target.text === "") continue;
      if (isPlaceholderText(row.target.text, profile)) continue; // reported as a placeholder
      const t = facts.target(i);
      const signKind = rowSignKind(row);
      if (signKind === "定量其他") {
        const explain = row.explain?.text ?? "";
        if (explain === "") {
          out.push({
            code: "indicator.missing-explanation",
            sheet: table.sheet,
            cell: row.sign?.address ?? row.target.address,
            value: row.sign?.text ?? "",
            message: "计算符号为“定量（其他）”时须填写指标值说明",
            messageEn: "a 定量（其他） indicator needs an explanation of its value",
          });
        }
        continue;
      }
      if (t.kind === "date" || !isQuantitative(row, t)) continue; // 时效 dates carry their own unit
      if (t.number === undefined) {
        out.push({
          code: "indicator.not-numeric",
          sheet: table.sheet,
          cell: row.target.address,
          value: row.target.text,
          expected: "数值 number",
          message: `定量指标的指标值“${row.target.text}”不是数值`,
          messageEn: `quantitative target "${row.target.text}" is not a number`,
        });
        continue;
      }
      if (!t.unit && !unitInName(row.name?.text ?? "", t.kind === "number" ? t.number : undefined)) {
        const cell = table.columns.unit !== undefined ? row.unit?.address ?? a1(row.row, table.columns.unit) : row.target.address;
        out.push({
          code: "indicator.missing-unit",
          sheet: table.sheet,
          cell,
          value: row.target.text,
          expected: "计量单位 unit",
          message: `定量指标“${row.name?.text ?? ""}”缺少计量单位`,
          messageEn: `quantitative indicator "${row.name?.text ?? ""}" has no unit`,
        });
      }
    }
    return out;
  },
};

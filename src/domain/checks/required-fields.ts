/** V1: every 三级 row has 一级, 二级, 名称 and 指标值 (and 计算符号 where the table has that column). */
import type { IssueDraft } from "../issues";
import type { IndicatorRow, Ref } from "../tables/model";
import { a1 } from "../grid";
import type { ProjectCheck } from "./types";

type Field = "level1" | "level2" | "name" | "sign" | "target";
const LABEL: Record<Field, [string, string]> = {
  level1: ["一级指标", "level-1 indicator"],
  level2: ["二级指标", "level-2 indicator"],
  name: ["三级指标名称", "indicator name"],
  sign: ["计算符号（指标性质）", "direction sign"],
  target: ["指标值", "target value"],
};

/** The row's cell for a field (a switch, not row[f]: one shape per load keeps this hot loop fast). */
function fieldRef(row: IndicatorRow, f: Field): Ref | undefined {
  switch (f) {
    case "level1":
      return row.level1;
    case "level2":
      return row.level2;
    case "name":
      return row.name;
    case "sign":
      return row.sign;
    case "target":
      return row.target;
  }
}

export const requiredFields: ProjectCheck = {
  id: "required-fields",
  codes: ["indicator.missing-field"],
  run(project, { table }) {
    const out: IssueDraft[] = [];
    const fields: Field[] = ["level1", "level2", "name", "target"];
    if (table.columns.sign !== undefined) fields.splice(3, 0, "sign");
    for (const row of project.indicators) {
      if (row.placeholder || row.notApplicable) continue;
      for (const f of fields) {
        const col = table.columns[f];
        if (col === undefined) continue;
        const ref = fieldRef(row, f);
        if (ref && ref.text !== "") continue;
        out.push({
          code: "indicator.missing-field",
          sheet: table.sheet,
          cell: ref?.address ?? a1(row.row, col),
          value: "",
          expected: LABEL[f][0],
          message: `${LABEL[f][0]}为空（必填项）`,
          messageEn: `${LABEL[f][1]} is empty (required)`,
        });
      }
    }
    return out;
  },
};

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

/** An empty or absent cell. */
function empty(ref: Ref | undefined): boolean {
  return ref === undefined || ref.text === "";
}

export const requiredFields: ProjectCheck = {
  id: "required-fields",
  codes: ["indicator.missing-field"],
  run(project, { table }) {
    const out: IssueDraft[] = [];
    // Which columns the table has, read once: the row loop below runs for every indicator of every project.
    const cols = table.columns;
    const has1 = cols.level1 !== undefined;
    const has2 = cols.level2 !== undefined;
    const hasName = cols.name !== undefined;
    const hasSign = cols.sign !== undefined;
    const hasTarget = cols.target !== undefined;
    const hasActual = cols.actual !== undefined;
    const missing = (row: IndicatorRow, f: Field, ref: Ref | undefined, col: number): void => {
      out.push({
        code: "indicator.missing-field",
        sheet: table.sheet,
        cell: ref?.address ?? a1(row.row, col),
        value: "",
        expected: LABEL[f][0],
        message: `${LABEL[f][0]}为空（必填项）`,
        messageEn: `${LABEL[f][1]} is empty (required)`,
      });
    };
    for (const row of project.indicators) {
      if (row.placeholder || row.notApplicable) continue;
      if (has1 && empty(row.level1)) missing(row, "level1", row.level1, cols.level1 as number);
      if (has2 && empty(row.level2)) missing(row, "level2", row.level2, cols.level2 as number);
      if (hasName && empty(row.name)) missing(row, "name", row.name, cols.name as number);
      // A ★ parent's values are on its member rows (parent / 其中 groups): its own 指标值 is empty by layout.
      const valuesBelow = row.members !== undefined;
      if (hasSign && empty(row.sign) && !valuesBelow) missing(row, "sign", row.sign, cols.sign as number);
      // A self-evaluation row scored with neither 指标值 nor 完成值: score.missing-actual says both, once.
      const bothEmptyScored =
        table.kind === "self-evaluation" && hasActual && (row.weightNumber ?? 0) > 0 && empty(row.actual) && row.members === undefined;
      if (hasTarget && empty(row.target) && !valuesBelow && !bothEmptyScored) missing(row, "target", row.target, cols.target as number);
    }
    return out;
  },
};

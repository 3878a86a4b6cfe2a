/** V19 (山西): when no 成本指标 was filled in, the default cost indicator may score at most N points. */
import { say } from "../catalog";
import { isCostRow } from "../tables/category";
import type { Check } from "./types";

export const shanxiCost: Check = {
  id: "shanxi-cost",
  codes: ["indicator.shanxi-cost"],
  // Whether any 成本指标 was filled in is known only after the last row.
  end({ table, profile, project, facts }, _state, emit) {
    const max = profile.defaultCostMaxPoints;
    if (max === null) return;
    const { categories } = facts;
    const cost = project.indicators.filter((_, i) => isCostRow(categories[i]));
    const filled = cost.some((r) => !r.placeholder && r.target && r.target.text !== "");
    if (filled) return;
    for (const r of cost) {
      const w = r.weightNumber;
      if (w !== undefined && w > max && r.weight) {
        emit({
          ...say("indicator.shanxi-cost", "overMax", { max, weight: w }),
          sheet: table.sheet,
          cell: r.weight.address,
          value: r.weight.text,
          expected: `≤${max}`,
        });
      }
    }
  },
};

/** The same indicator twice in one project (same 二级 and 三级 name). */
import type { IssueDraft } from "../issues";
import { compactLabel } from "../text";
import type { ProjectCheck } from "./types";

export const duplicate: ProjectCheck = {
  id: "duplicate",
  codes: ["indicator.duplicate"],
  run(project, { table }) {
    const out: IssueDraft[] = [];
    const seen = new Map<string, string>();
    for (const row of project.indicators) {
      if (row.placeholder || !row.name || row.name.text === "") continue;
      const key = compactLabel(row.name.text).replace(/^指标\d+[:：]/, "");
      if (!key) continue;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, row.name.address);
        continue;
      }
      out.push({
        code: "indicator.duplicate",
        sheet: table.sheet,
        cell: row.name.address,
        value: row.name.text,
        expected: first,
        message: `指标“${row.name.text}”与 ${first} 重复`,
        messageEn: `indicator "${row.name.text}" repeats ${first}`,
      });
    }
    return out;
  },
};

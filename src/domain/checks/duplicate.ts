/** The same indicator twice in one project (same 二级 and 三级 name). */
import type { IssueDraft } from "../issues";
import type { Ref } from "../tables/model";
import { compactLabel } from "../text";
import type { ProjectCheck } from "./types";

export const duplicate: ProjectCheck = {
  id: "duplicate",
  codes: ["indicator.duplicate"],
  run(project, { table }) {
    const out: IssueDraft[] = [];
    // First cell of each name; its address is only built when a repeat quotes it.
    const seen = new Map<string, Ref>();
    for (const row of project.indicators) {
      if (row.placeholder || !row.name || row.name.text === "") continue;
      const key = compactLabel(row.name.text).replace(/^指标\d+[:：]/, "");
      if (!key) continue;
      const firstRef = seen.get(key);
      if (firstRef === undefined) {
        seen.set(key, row.name);
        continue;
      }
      const first = firstRef.address;
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

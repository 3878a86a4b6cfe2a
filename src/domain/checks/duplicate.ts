/** The same indicator twice in one project (same 二级 and 三级 name). */
import { say } from "../catalog";
import type { Ref } from "../tables/model";
import { compactLabel } from "../text";
import type { Check } from "./types";

export const duplicate: Check<Map<string, Ref>> = {
  id: "duplicate",
  codes: ["indicator.duplicate"],
  // First cell of each name in the project; its address is only built when a repeat quotes it.
  begin: () => new Map<string, Ref>(),
  row(row, _i, { table }, seen, emit) {
    if (row.placeholder || !row.name || row.name.text === "") return;
    const key = compactLabel(row.name.text).replace(/^指标\d+[:：]/, "");
    if (!key) return;
    const firstRef = seen.get(key);
    if (firstRef === undefined) {
      seen.set(key, row.name);
      return;
    }
    const first = firstRef.address;
    emit({
      ...say("indicator.duplicate", "repeats", { name: row.name.text, first }),
      sheet: table.sheet,
      cell: row.name.address,
      value: row.name.text,
      expected: first,
    });
  },
};

/**
 * indicator.unknown-category, the misfilings the framework is sure of (issue #22, item 3; the vocabulary:
 * profiles/common.ts SURE_MISFILINGS): a quality rate under 经济效益 or 生态效益, cost control under 生态效益, an
 * incident count under 满意度; and where the indicator vocabulary (profiles/indicator-library.ts) is sure: a judgement
 * of the served under 质量 or 社会效益, an output's completion, timeliness or quality rate under 经济效益, a benefit in
 * a 成本 block. One finding per row, at the name, saying where it belongs. Rows whose categories are not
 * known, or a 满意度 word in the name (categories.ts says that one), are left alone.
 */
import { say } from "../catalog";
import { SURE_MISFILINGS } from "../profiles/common";
import { likelyPlace, maySurelyPlace } from "./indicator-library";
import { compactLabel } from "../text";
import { fieldAddress, fieldText } from "../tables/rows";
import type { Check } from "./types";

/** The categories a sure misfiling can be under, at level 1 and at level 2: a row under none of them is settled unread. */
const UNDER_LEVEL1: ReadonlySet<string> = new Set(SURE_MISFILINGS.filter((m) => m.level1).map((m) => m.under));
const UNDER_LEVEL2: ReadonlySet<string> = new Set(SURE_MISFILINGS.filter((m) => !m.level1).map((m) => m.under));

/** The template's numbering before a name (指标1、, 2.); made once, not per row. */
const NUMBERING = /^(?:指标)?[0-9]+[.、:：]?/;

export const misfiled: Check = {
  id: "misfiled",
  codes: ["indicator.unknown-category"],
  row(row, i, { table, facts }, _state, emit) {
    if (table.kind === "evaluation" || row.placeholder || row.notApplicable) return;
    const c = facts.categories[i];
    if (!c.level1Known || c.level2Misplaced) return;
    // Most rows are under no category a misfiling names (产出指标 / 数量指标): their name need not be read.
    if (!(c.level1 !== undefined && UNDER_LEVEL1.has(c.level1)) && !(c.level2Known && c.level2 !== undefined && UNDER_LEVEL2.has(c.level2))) return;
    const raw = fieldText(row, "name");
    if (raw === "" || raw.length > 60) return;
    const name = compactLabel(raw).replace(NUMBERING, "");
    if (name.includes("满意度")) return;
    for (const m of SURE_MISFILINGS) {
      const under = m.level1 ? c.level1 : c.level2Known ? c.level2 : undefined;
      if (under !== m.under || (m.name && !m.name.test(name)) || (m.unless && m.unless.test(name))) continue;
      // The vocabulary's word (indicator-library.ts): only when it is sure, and of one of the 二级 the entry names.
      // A name holding no first character of those 二级's entries cannot be placed there surely: not compared.
      if (m.likely && !maySurelyPlace(name, m.likely)) continue;
      const at = m.likely ? likelyPlace(name) : undefined;
      if (m.likely && !(at && at.sure && m.likely.includes(at.level2))) continue;
      const belongs = m.belongs ?? (at ? `${at.level2}（${at.level1}）` : "");
      if (belongs === "") continue;
      emit({
        ...say("indicator.unknown-category", "belongsElsewhere", { name: raw, under: m.under, belongs }),
        sheet: table.sheet,
        cell: fieldAddress(row, "name") as string,
        value: raw,
        expected: belongs,
      });
      return;
    }
  },
};

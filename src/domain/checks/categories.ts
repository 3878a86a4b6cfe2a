/** V2: 一级/二级 inside the framework (and 满意度 indicators under 满意度); V3: 产出, 效益 and 满意度 all present. */
import { say, text, type MessageValue } from "../catalog";
import type { IssueDraft } from "../issues";
import { compactLabel } from "../text";
import { fieldText } from "../tables/rows";
import type { Check } from "./types";

interface Seen {
  /** Labels already reported in this project (one finding per label, not per row). */
  readonly reported: Set<string>;
  /** 一级 categories the project has rows in. */
  readonly present: Set<string>;
}

/** A 一级 category as a message names it: 产出指标 / output (the catalog's words), else as the profile spells it. */
function categoryName(cat: string): MessageValue {
  if (cat === "产出指标") return text("project.missing-category", "output");
  if (cat === "效益指标") return text("project.missing-category", "benefit");
  if (cat === "满意度指标") return text("project.missing-category", "satisfaction");
  return cat;
}

export const categories: Check<Seen> = {
  id: "categories",
  codes: ["indicator.unknown-category", "project.missing-category"],
  begin: () => ({ reported: new Set<string>(), present: new Set<string>() }),
  row(row, i, { table, facts }, { reported, present }, emit) {
    if (table.kind === "evaluation") return; // 决策/过程/产出/效益 framework: not the 绩效目标 hierarchy
    if (row.placeholder) return;
    const c = facts.categories[i];
    if ((c.level1Known || c.level1Inferred) && c.level1) present.add(c.level1);
    if (c.countsAs) present.add(c.countsAs);
    // Most rows: both categories known and in place, and no 满意度 word in the name.
    const name = fieldText(row, "name");
    if (c.level1Known && c.level2Known && !c.level2Misplaced && !name.includes("满")) return;
    const { hierarchy } = facts;
    const once = (key: string, d: IssueDraft): void => {
      if (reported.has(key)) return;
      reported.add(key);
      emit(d);
    };
    if (row.level1 && row.level1.text && !c.level1Known) {
      once(`1:${compactLabel(row.level1.text)}`, {
        ...say("indicator.unknown-category", "level1", { text: row.level1.text }),
        sheet: table.sheet,
        cell: row.level1.address,
        value: row.level1.text,
        expected: Object.keys(hierarchy).join("/"),
      });
    }
    if (row.level2 && row.level2.text && !c.level2Known) {
      once(`2:${c.level2}`, {
        ...say("indicator.unknown-category", "level2", { text: row.level2.text }),
        sheet: table.sheet,
        cell: row.level2.address,
        value: row.level2.text,
        expected: c.level1Known && c.level1 ? (hierarchy[c.level1] ?? []).join("/") : undefined,
      });
    } else if (row.level2 && c.level2Misplaced && c.level2Owner) {
      once(`m:${c.level1}:${c.level2}`, {
        ...say("indicator.unknown-category", "level2Owned", { level2: `${c.level2}`, framework: c.level2OwnerSource ?? "", owner: c.level2Owner, level1: c.level1 ?? "" }),
        sheet: table.sheet,
        cell: row.level2.address,
        value: row.level2.text,
        expected: c.level2Owner,
      });
    } else if (row.level2 && c.level2Misplaced) {
      once(`m:${c.level1}:${c.level2}`, {
        ...say("indicator.unknown-category", "level2Misplaced", { level2: row.level2.text, level1: c.level1 ?? "" }),
        sheet: table.sheet,
        cell: row.level2.address,
        value: row.level2.text,
        expected: c.level1 ? (hierarchy[c.level1] ?? []).join("/") : undefined,
      });
    }
    if (compactLabel(name).includes("满意度") && (c.level1Known || c.level1Inferred) && c.level1 !== "满意度指标" && c.countsAs !== "满意度指标" && row.name) {
      emit({
        ...say("indicator.unknown-category", "satisfaction", { name: row.name.text, under: c.level2 ?? c.level1 ?? "" }),
        sheet: table.sheet,
        cell: row.name.address,
        value: row.name.text,
        expected: "满意度指标",
      });
    }
  },
  end({ table, profile, project }, { present }, emit) {
    if (table.kind === "evaluation") return;
    const first = project.indicators.find((r) => !r.placeholder);
    if (!first) return;
    const anchor = first.level1 ?? first.name ?? first.target;
    for (const cat of profile.requiredCategories) {
      if (present.has(cat)) continue;
      const isSatisfaction = cat === "满意度指标";
      emit({
        ...say("project.missing-category", "missing", { category: categoryName(cat) }),
        sheet: table.sheet,
        cell: anchor?.address ?? table.range.split(":")[0],
        value: project.info.name?.text ?? "",
        expected: cat,
        ...(isSatisfaction ? { severity: profile.missingSatisfactionSeverity } : {}),
      });
    }
  },
};

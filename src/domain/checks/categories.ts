/** V2: 一级/二级 inside the framework (and 满意度 indicators under 满意度); V3: 产出, 效益 and 满意度 all present. */
import { say, text, type MessageValue } from "../catalog";
import type { IssueDraft } from "../issues";
import { compactLabel } from "../text";
import { fieldAddress, fieldText, hasField } from "../tables/rows";
import type { Check, Emit } from "./types";

interface Seen {
  /** Labels already reported in this project (one finding per label, not per row). */
  readonly reported: Set<string>;
  /** 一级 categories the project has rows in (a few: an array, emptied for the next project). */
  readonly present: string[];
}

/** Adds a 一级 category to the project's. */
function addPresent(present: string[], cat: string): void {
  if (!present.includes(cat)) present.push(cat);
}

/** A 一级 category as a message names it: 产出指标 / output (the catalog's words), else as the profile spells it. */
function categoryName(cat: string): MessageValue {
  if (cat === "产出指标") return text("project.missing-category", "output");
  if (cat === "效益指标") return text("project.missing-category", "benefit");
  if (cat === "满意度指标") return text("project.missing-category", "satisfaction");
  return cat;
}

/**
 * Emits a finding for a label once per project. A function of its own, not a closure in the row hook: a closure
 * over the hook's arguments would make V8 allocate their context at every row.
 */
function once(reported: Set<string>, emit: Emit, key: string, d: IssueDraft): void {
  if (reported.has(key)) return;
  reported.add(key);
  emit(d);
}

/** The 一级 of the 产出/效果 scheme (效果指标, 效果指標). */
const EFFECT_SCHEME = /^(?:[(（][一二三四五六七八九十][)）]|[0-9一二三四五六七八九十]{1,2}[、.．])?(?:项目)?效果指[标標]/;

export const categories: Check<Seen> = {
  id: "categories",
  codes: ["indicator.unknown-category", "project.missing-category"],
  begin: (_ctx, reuse) => {
    if (!reuse) return { reported: new Set<string>(), present: [] };
    if (reuse.reported.size > 0) reuse.reported.clear();
    reuse.present.length = 0;
    return reuse;
  },
  row(row, i, { table, facts }, { reported, present }, emit) {
    if (table.kind === "evaluation") return; // 决策/过程/产出/效益 framework: not the 绩效目标 hierarchy
    if (row.placeholder) return;
    const c = facts.categories[i];
    if ((c.level1Known || c.level1Inferred) && c.level1) addPresent(present, c.level1);
    if (c.countsAs) addPresent(present, c.countsAs);
    // Most rows: both categories known and in place, and no 满意度 word in the name.
    const name = fieldText(row, "name");
    if (c.level1Known && c.level2Known && !c.level2Misplaced && !name.includes("满")) return;
    const { hierarchy } = facts;
    const level1 = fieldText(row, "level1");
    if (level1 !== "" && !c.level1Known) {
      once(reported, emit, `1:${compactLabel(level1)}`, {
        ...say("indicator.unknown-category", "level1", { text: level1 }),
        sheet: table.sheet,
        cell: fieldAddress(row, "level1") as string,
        value: level1,
        expected: Object.keys(hierarchy).join("/"),
      });
    }
    const hasLevel2 = hasField(row, "level2");
    const level2 = fieldText(row, "level2");
    if (level2 !== "" && !c.level2Known) {
      once(reported, emit, `2:${c.level2}`, {
        ...say("indicator.unknown-category", "level2", { text: level2 }),
        sheet: table.sheet,
        cell: fieldAddress(row, "level2") as string,
        value: level2,
        expected: c.level1Known && c.level1 ? (hierarchy[c.level1] ?? []).join("/") : undefined,
      });
    } else if (hasLevel2 && c.level2Misplaced && c.level2Owner) {
      once(reported, emit, `m:${c.level1}:${c.level2}`, {
        ...say("indicator.unknown-category", "level2Owned", { level2: `${c.level2}`, framework: c.level2OwnerSource ?? "", owner: c.level2Owner, level1: c.level1 ?? "" }),
        sheet: table.sheet,
        cell: fieldAddress(row, "level2") as string,
        value: level2,
        expected: c.level2Owner,
      });
    } else if (hasLevel2 && c.level2Misplaced) {
      once(reported, emit, `m:${c.level1}:${c.level2}`, {
        ...say("indicator.unknown-category", "level2Misplaced", { level2, level1: c.level1 ?? "" }),
        sheet: table.sheet,
        cell: fieldAddress(row, "level2") as string,
        value: level2,
        expected: c.level1 ? (hierarchy[c.level1] ?? []).join("/") : undefined,
      });
    }
    if (name !== "" && compactLabel(name).includes("满意度") && (c.level1Known || c.level1Inferred) && c.level1 !== "满意度指标" && c.countsAs !== "满意度指标") {
      // The satisfaction indicator exists, filed in the wrong place: said here, so not also "no 满意度" below.
      addPresent(present, "满意度指标");
      // A form of the 产出/效果 scheme (效果指标 as its second 一级, with no 满意度 class: 河北, real 122) files the
      // survey of those served under 效果, as the scheme means it: in place there.
      if (EFFECT_SCHEME.test(compactLabel(fieldText(row, "level1")))) return;
      emit({
        ...say("indicator.unknown-category", "satisfaction", { name, under: c.level2 ?? c.level1 ?? "" }),
        sheet: table.sheet,
        cell: fieldAddress(row, "name") as string,
        value: name,
        expected: "满意度指标",
      });
    }
  },
  end({ table, profile, project }, { present }, emit) {
    if (table.kind === "evaluation") return;
    // A flat list with no 一级 or 二级 column (重庆 部门整体 form): its rows' categories are not written, not missing.
    if (table.columns.level1 === undefined && table.columns.level2 === undefined) return;
    const first = project.indicators.find((r) => !r.placeholder);
    if (!first) return;
    for (const cat of profile.requiredCategories) {
      if (present.includes(cat)) continue;
      const anchor = first.level1 ?? first.name ?? first.target;
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

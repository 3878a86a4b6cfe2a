/** V2: 一级/二级 inside the framework (and 满意度 indicators under 满意度); V3: 产出, 效益 and 满意度 all present. */
import type { IssueDraft } from "../issues";
import { compactLabel } from "../text";
import type { Check } from "./types";

interface Seen {
  /** Labels already reported in this project (one finding per label, not per row). */
  readonly reported: Set<string>;
  /** 一级 categories the project has rows in. */
  readonly present: Set<string>;
}

export const categories: Check<Seen> = {
  id: "categories",
  codes: ["indicator.unknown-category", "project.missing-category"],
  begin: () => ({ reported: new Set<string>(), present: new Set<string>() }),
  row(row, i, { table, facts }, { reported, present }, emit) {
    if (table.kind === "evaluation") return; // 决策/过程/产出/效益 framework: not the 绩效目标 hierarchy
    if (row.placeholder) return;
    const { hierarchy } = facts;
    const once = (key: string, d: IssueDraft): void => {
      if (reported.has(key)) return;
      reported.add(key);
      emit(d);
    };
    const c = facts.categories[i];
    if ((c.level1Known || c.level1Inferred) && c.level1) present.add(c.level1);
    if (c.countsAs) present.add(c.countsAs);
    if (row.level1 && row.level1.text && !c.level1Known) {
      once(`1:${compactLabel(row.level1.text)}`, {
        code: "indicator.unknown-category",
        sheet: table.sheet,
        cell: row.level1.address,
        value: row.level1.text,
        expected: Object.keys(hierarchy).join("/"),
        message: `一级指标“${row.level1.text}”不在指标体系内`,
        messageEn: `level-1 indicator "${row.level1.text}" is not in the framework`,
      });
    }
    if (row.level2 && row.level2.text && !c.level2Known) {
      once(`2:${c.level2}`, {
        code: "indicator.unknown-category",
        sheet: table.sheet,
        cell: row.level2.address,
        value: row.level2.text,
        expected: c.level1Known && c.level1 ? (hierarchy[c.level1] ?? []).join("/") : undefined,
        message: `二级指标“${row.level2.text}”不在指标体系内`,
        messageEn: `level-2 indicator "${row.level2.text}" is not in the framework`,
      });
    } else if (row.level2 && c.level2Misplaced && c.level2Owner) {
      once(`m:${c.level1}:${c.level2}`, {
        code: "indicator.unknown-category",
        sheet: table.sheet,
        cell: row.level2.address,
        value: row.level2.text,
        expected: c.level2Owner,
        message: `二级指标“${c.level2}”是${c.level2OwnerSource ?? ""}中“${c.level2Owner}”下的二级指标，不应放在“${c.level1 ?? ""}”下`,
        messageEn: `level-2 "${c.level2}" belongs under "${c.level2Owner}" (${c.level2OwnerSource ?? ""}), not under "${c.level1 ?? ""}"`,
      });
    } else if (row.level2 && c.level2Misplaced) {
      once(`m:${c.level1}:${c.level2}`, {
        code: "indicator.unknown-category",
        sheet: table.sheet,
        cell: row.level2.address,
        value: row.level2.text,
        expected: c.level1 ? (hierarchy[c.level1] ?? []).join("/") : undefined,
        message: `二级指标“${row.level2.text}”不属于一级指标“${c.level1 ?? ""}”`,
        messageEn: `level-2 "${row.level2.text}" does not belong under "${c.level1 ?? ""}"`,
      });
    }
    const name = row.name ? compactLabel(row.name.text) : "";
    if (name.includes("满意度") && (c.level1Known || c.level1Inferred) && c.level1 !== "满意度指标" && c.countsAs !== "满意度指标" && row.name) {
      emit({
        code: "indicator.unknown-category",
        sheet: table.sheet,
        cell: row.name.address,
        value: row.name.text,
        expected: "满意度指标",
        message: `满意度指标“${row.name.text}”放在了“${c.level2 ?? c.level1 ?? ""}”下，应归入满意度指标`,
        messageEn: `satisfaction indicator "${row.name.text}" is filed under "${c.level2 ?? c.level1 ?? ""}"`,
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
        code: "project.missing-category",
        sheet: table.sheet,
        cell: anchor?.address ?? table.range.split(":")[0],
        value: project.info.name?.text ?? "",
        expected: cat,
        message: `项目缺少${cat}`,
        messageEn: `the project has no ${cat === "产出指标" ? "output" : cat === "效益指标" ? "benefit" : "satisfaction"} indicators`,
        ...(isSatisfaction ? { severity: profile.missingSatisfactionSeverity } : {}),
      });
    }
  },
};

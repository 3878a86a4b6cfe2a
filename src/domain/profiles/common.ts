/** Data shared by all profiles; each entry cites rules.md. */
import type { GradeBand, Hierarchy, QualitativeBand } from "./types";

/** Classic framework, 成本 under 产出 (§2.3, S17, S12). */
export const CLASSIC_HIERARCHY: Hierarchy = {
  产出指标: ["数量指标", "质量指标", "时效指标", "成本指标"],
  效益指标: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"],
  满意度指标: ["服务对象满意度指标"],
};

/** 2021+ framework, 成本 as a 一级 (§2.3, S5; 可持续影响 kept because its removal is [U]). */
export const COST_LEVEL1_HIERARCHY: Hierarchy = {
  产出指标: ["数量指标", "质量指标", "时效指标"],
  成本指标: ["经济成本指标", "社会成本指标", "生态环境成本指标"],
  效益指标: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"],
  满意度指标: ["服务对象满意度指标"],
};

/** §4.4 [C-impl S8/S9]. */
export const QUALITATIVE_BANDS: readonly QualitativeBand[] = [
  { option: "达成年度指标", aliases: ["达成", "达成预期", "已达成", "全部达成", "达到预期", "达到"], min: 0.8, max: 1, maxInclusive: true },
  { option: "部分达成年度指标并具有一定效果", aliases: ["部分达成", "基本达成"], min: 0.6, max: 0.8, maxInclusive: false },
  { option: "未达成年度指标且效果较差", aliases: ["未达成", "未达到"], min: 0, max: 0.6, maxInclusive: false },
];

/** §4.6 [C, S3]. */
export const GRADE_BANDS: readonly GradeBand[] = [
  { grade: "优", min: 90 },
  { grade: "良", min: 80 },
  { grade: "中", min: 60 },
  { grade: "差", min: 0 },
];

/** R5.4: D1 writes 良好 for 良; 优秀/合格/较差 are common spellings too ([U] beyond 良好). */
export const GRADE_ALIASES = { 优秀: "优", 良好: "良", 中等: "中", 较差: "差" } as const;

/** V16 [U]: drafting guidance; configurable. */
export const VAGUE_WORDS: readonly string[] = ["有所提高", "有所提升", "有所改善", "明显", "进一步", "应保尽保", "效果明显", "显著", "大幅", "逐步", "较好"];

/** V7 [C-impl S14] plus the template leftovers seen in real tables 02 and 17. */
export const PLACEHOLDER_PATTERNS: readonly string[] = ["\\*\\*", "[Xx]{2,}", "^\\*$", "^指标\\d+[:：]?$", "^[…\\.。]{2,}$", "^(?:……|…)$"];

/** National profile: 自评 10 + 产出50/效益30/满意度10 (财预〔2020〕10号 附件; rules.md §4.1). */
import { CLASSIC_HIERARCHY, COST_LEVEL1_HIERARCHY, GRADE_ALIASES, GRADE_BANDS, PLACEHOLDER_PATTERNS, QUALITATIVE_BANDS, VAGUE_WORDS } from "./common";
import type { Profile } from "./types";

export const NATIONAL: Profile = {
  id: "national",
  name: "全国通用（财预〔2020〕10号）",
  nameEn: "National (MOF 2020 No. 10)",
  source: "财预〔2020〕10号 附件2 项目支出绩效自评表",
  executionPoints: 10,
  indicatorTotal: 90,
  levelWeights: { 产出指标: 50, 效益指标: 30, 满意度指标: 10 },
  capExecutionScore: true,
  reverseFormula: "linear-2t",
  overAchievementThreshold: 0.2,
  scoreTolerance: 0.1,
  amountTolerance: 0.1,
  lowExecutionThreshold: 0.9,
  hierarchy: CLASSIC_HIERARCHY,
  hierarchyCostLevel1: COST_LEVEL1_HIERARCHY,
  requiredCategories: ["产出指标", "效益指标", "满意度指标"],
  missingSatisfactionSeverity: "error",
  vagueWords: VAGUE_WORDS,
  placeholderPatterns: PLACEHOLDER_PATTERNS,
  requirePositiveWeight: true,
  defaultCostMaxPoints: null,
  qualitativeBands: QUALITATIVE_BANDS,
  gradeBands: GRADE_BANDS,
  gradeAliases: GRADE_ALIASES,
  rescaleNotApplicable: false,
  exclusions: { secret: true, basicExpense: true, zeroAmount: true },
  specialBondAsFund: true,
};

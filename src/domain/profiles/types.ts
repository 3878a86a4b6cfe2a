/** A rule profile: every tunable number and word list, as data with its source (rules.md). */

export type ProfileId = "national" | "sichuan" | "shanxi";

export interface QualitativeBand {
  /** The 实际完成值 option text (§4.4). */
  readonly option: string;
  /** Other wordings accepted for the same option. */
  readonly aliases: readonly string[];
  /** Band as fractions of the weight: min ≤ score/W < max, or ≤ max when maxInclusive. */
  readonly min: number;
  readonly max: number;
  readonly maxInclusive: boolean;
}

export interface GradeBand {
  readonly grade: "优" | "良" | "中" | "差";
  /** Inclusive lower bound of the total score. */
  readonly min: number;
}

export interface Hierarchy {
  /** 一级 name → its 二级 names. */
  readonly [level1: string]: readonly string[];
}

export interface Profile {
  readonly id: ProfileId;
  readonly name: string; // 中文名
  readonly nameEn: string;
  /** Where the profile comes from, as a user can look it up (the internal trail is in rules.md). */
  readonly source: string;
  /** Points of the budget execution part (预算执行率), 10 (§4.1). */
  readonly executionPoints: number;
  /** Total of the indicator weights: 90 (100 minus execution). */
  readonly indicatorTotal: number;
  /** Required 一级 weights, or null when the unit sets them (四川: only the 90 total is fixed). */
  readonly levelWeights: Readonly<Record<string, number>> | null;
  /** Cap the execution score at full points when B > A ([U], §4.2). */
  readonly capExecutionScore: boolean;
  /** Reverse-indicator formula (§4.3): linear to zero at 2T (default) or W·T/X. */
  readonly reverseFormula: "linear-2t" | "ratio";
  /** Flag actuals beyond target by more than this fraction (§4.5, [U] 20%). */
  readonly overAchievementThreshold: number;
  /** Tolerance when comparing an entered score or total with the computed one (§4.6). */
  readonly scoreTolerance: number;
  /** Tolerance for money sums and amount matches, in 万元 (V14, §7). */
  readonly amountTolerance: number;
  /** 执行率 below this wants an explanation (§4.2). */
  readonly lowExecutionThreshold: number;
  /** Classic 一级 → 二级 framework and the 2021+ one with 成本指标 at level 1 (§2.3). */
  readonly hierarchy: Hierarchy;
  readonly hierarchyCostLevel1: Hierarchy;
  /** 一级 categories a project must have (V3). */
  readonly requiredCategories: readonly string[];
  /** Severity for a missing 满意度 (V3: E, W where the tenant allows it). */
  readonly missingSatisfactionSeverity: "error" | "warning";
  /** Vague words (V16). */
  readonly vagueWords: readonly string[];
  /** Placeholder patterns (V7), as regular-expression sources. */
  readonly placeholderPatterns: readonly string[];
  /** V8: weights must be above zero. */
  readonly requirePositiveWeight: boolean;
  /** V19 (山西): with no 成本指标 filled, the default cost indicator scores at most this; null when off. */
  readonly defaultCostMaxPoints: number | null;
  readonly qualitativeBands: readonly QualitativeBand[];
  readonly gradeBands: readonly GradeBand[];
  /** Other spellings of grades (良好 → 良). */
  readonly gradeAliases: Readonly<Record<string, "优" | "良" | "中" | "差">>;
  /** Rescale to 100 when indicators are marked not applicable (§4.1, S15). */
  readonly rescaleNotApplicable: boolean;
  /** Coverage exclusions (§6.3). */
  readonly exclusions: { readonly secret: boolean; readonly basicExpense: boolean; readonly zeroAmount: boolean };
  /** 专项债券 counts as 政府性基金预算 (§6.2, [U]). */
  readonly specialBondAsFund: boolean;
}

/** User settings: any profile field may be overridden (saved with the document in the add-in). */
export type Settings = Partial<Omit<Profile, "id" | "name" | "nameEn" | "source">>;

/** Scoring (rules.md §4): indicators, qualitative bands, budget execution, totals, grade, comparison. */
export { round2, roundTo, fmt2, fmtPercent } from "./round";
export { agreesAtShownPrecision, rateAgrees, scoreAgrees, readingText, type NumberReading } from "./compare";
export {
  scoreIndicator,
  resolveFamily,
  familyOfSign,
  overAchievement,
  type IndicatorInput,
  type IndicatorScore,
  type IndicatorSettings,
  type NoScoreCause,
  type ScoreMethod,
} from "./indicator";
export { findBand, bandRange, bandText, checkBandScore, type BandRange, type BandCheck } from "./qualitative";
export {
  executionRate,
  executionScore,
  scoreExecution,
  checkFundsTotal,
  scoringFundsRow,
  refNumber,
  FUNDS_COLUMNS,
  type RateResult,
  type ExecutionResult,
  type FundsColumn,
  type FundsSumCheck,
} from "./execution";
export {
  scoreProject,
  scoreRow,
  rowFamily,
  type ProjectScore,
  type IndicatorScoreEntry,
  type LevelScore,
  type NotComputed,
  type ScoreBasis,
} from "./totals";
export { grade, normalizeGrade, MAX_SCORE, type Grade, type GradeResult } from "./grade";

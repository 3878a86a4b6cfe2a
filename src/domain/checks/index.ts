/** Every project check, in the order their findings read best (the protocol: types.ts; the walk: walk.ts). */
import { bandGrades } from "./band-grades";
import { budget } from "./budget";
import { categories } from "./categories";
import { duplicate, sharedOutput } from "./duplicate";
import { executionUnverifiable } from "./execution-unverifiable";
import { formFields } from "./form-fields";
import { nameValue } from "./name-value";
import { actualValues } from "./actual-values";
import { spendingOutput } from "./spending-output";
import { placeholder } from "./placeholder";
import { requiredFields } from "./required-fields";
import { scoreRows } from "./score-rows";
import { scoreTotals } from "./score-totals";
import { shanxiCost } from "./shanxi-cost";
import type { AnyCheck } from "./types";
import { valueFormat } from "./value-format";
import { valueRange } from "./value-range";
import { vague } from "./vague";
import { unitMeaning } from "./unit-meaning";
import { figures } from "./figures";
import { explanations } from "./explanations";
import { misfiled } from "./misfiled";
import { missingSign } from "./missing-sign";
import { moneyMagnitude } from "./money-magnitude";
import { weights } from "./weights";

export type { AnyCheck, Check, CheckContext, Emit, RuleCheck } from "./types";
export { projectWalker, runCheck, walkProject, walkRows, type CheckSink } from "./walk";
export { checkContext } from "./facts";

export const PROJECT_CHECKS: readonly AnyCheck[] = [
  formFields,
  requiredFields,
  placeholder,
  valueFormat,
  valueRange,
  unitMeaning,
  moneyMagnitude,
  missingSign,
  bandGrades,
  vague,
  nameValue,
  spendingOutput,
  duplicate,
  sharedOutput,
  explanations,
  categories,
  misfiled,
  weights,
  shanxiCost,
  budget,
  figures,
  executionUnverifiable,
  scoreRows,
  actualValues,
  scoreTotals,
];

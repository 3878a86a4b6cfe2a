/**
 * Scores a whole project (rules.md §4.1, §4.6): every indicator's suggested score, the 一级 subtotals,
 * the indicator total, the budget execution score, the total and its grade; and what the sheet says.
 */
import { projectCategories, projectHierarchy, type RowCategory } from "../tables/category";
import { rowActual, rowSignKind, rowTarget } from "../tables/row-values";
import type { Profile } from "../profiles/types";
import type { IndicatorProject, IndicatorRow, IndicatorTable, Ref } from "../tables/model";
import { readNumber } from "../value/number";
import type { CellValue } from "../grid";
import { fieldFormat, fieldValue } from "../tables/rows";
import { signFamily } from "../value/sign";
import type { ParsedValue, SignFamily } from "../value/types";
import { scoreExecution, type ExecutionResult } from "./execution";
import { grade as gradeOf, normalizeGrade, type Grade } from "./grade";
import { resolveFamily, scoreIndicator, type IndicatorScore } from "./indicator";
import { checkBandScore, findBand, bandRange, type BandCheck, type BandRange } from "./qualitative";
import { EPS, round2 } from "./round";

/** Where the score counted in the computed total comes from. */
export type ScoreBasis =
  | "rule" // the §4.3 formula
  | "band" // 定性: the entered score, inside the band of the option (§4.4)
  | "entered" // no rule applies (missing or unreadable input, 定量（其他）, late): the sheet's score, unverified
  | "none"; // nothing to count

export interface IndicatorScoreEntry {
  readonly row: IndicatorRow;
  /** Canonical 一级 (产出指标 …), or the cleaned label, or "" when unknown. */
  readonly level1: string;
  readonly family: SignFamily;
  readonly target: ParsedValue;
  readonly actual: ParsedValue;
  /** 分值 as a number (undefined when blank or "/"). */
  readonly weight?: number;
  /** 得分 as entered. */
  readonly entered?: number;
  /** The rule's result: a suggested score or the reason there is none. */
  readonly result: IndicatorScore;
  /** 定性 rows whose 实际完成值 is one of the options: the band, and the entered score checked against it. */
  readonly band?: { readonly range: BandRange; readonly check?: BandCheck };
  /** Score counted in the computed total and where it came from. */
  readonly counted: number;
  readonly basis: ScoreBasis;
  /** A ★ parent scored from its members: how many members, and that the score is their mean. */
  readonly fromMembers?: number;
}

/** One 一级 subtotal (产出 / 效益 / 满意度 / 成本). */
export interface LevelScore {
  readonly level1: string;
  /** Σ 分值 of its rows. */
  readonly weight: number;
  /** Points printed on the subtotal label ("产出指标（50分）"), when there is one. */
  readonly printedPoints?: number;
  /** Σ counted scores (2 dp). */
  readonly computed: number;
  /** Σ entered scores (2 dp); undefined when none is entered. */
  readonly entered?: number;
  /** Every row has a rule or band score. */
  readonly complete: boolean;
}

export interface NotComputed {
  /** 0-based absolute sheet row. */
  readonly row: number;
  /** Cell to point at (actual, target or score). */
  readonly cell?: string;
  readonly reason: string;
  readonly reasonEn: string;
}

export interface ProjectScore {
  readonly indicators: readonly IndicatorScoreEntry[];
  readonly levels: readonly LevelScore[];
  /** Σ 分值 of the applicable indicator rows. */
  readonly indicatorWeight: number;
  /** Σ counted indicator scores, 2 dp; undefined when no row could be counted. */
  readonly indicatorTotal?: number;
  /** Σ entered indicator scores, 2 dp; undefined when none is entered. */
  readonly enteredIndicatorTotal?: number;
  /** The funds block's rate and score. */
  readonly execution?: ExecutionResult;
  /** Suggested budget execution score (§4.2). */
  readonly executionScore?: number;
  /** Indicators + execution, 2 dp (rescaled to 100 when the profile says so and rows are not applicable). */
  readonly total?: number;
  /** Before rescaling, when rescaling changed it. */
  readonly unscaledTotal?: number;
  /** Grade of `total` (§4.6). */
  readonly grade?: Grade;
  /** 总分 as entered. */
  readonly enteredTotal?: number;
  readonly enteredTotalRef?: Ref;
  /** Whether the entered 总分 covers the budget execution part (the usual 100-point form) or only indicators. */
  readonly totalIncludesExecution: boolean;
  /** Σ of the entered parts the 总分 should add up to (row 得分 + the budget 得分 when included). */
  readonly enteredPartsTotal?: number;
  /** Entered grade text (自评等级) and its canonical grade, when recognized (良好 → 良). */
  readonly enteredGrade?: string;
  readonly enteredGradeNormalized?: Grade;
  /** True when every part came from a rule (or a valid 定性 band) and the execution score is known. */
  readonly complete: boolean;
  /** What could not be computed, and why. */
  readonly notComputed: readonly NotComputed[];
}

/** A figure in a cell (blank, "/", "-" give undefined). */
function figure(ref: Ref | undefined): number | undefined {
  return ref ? figureOf(ref.value, ref.numberFormat) : undefined;
}

/** A figure in a row's cell, read without making a Ref. */
function rowFigure(row: IndicatorRow, f: "weight" | "score"): number | undefined {
  const value = fieldValue(row, f);
  return value === undefined ? undefined : figureOf(value, fieldFormat(row, f));
}

function figureOf(value: CellValue, format: string | null | undefined): number | undefined {
  const v = readNumber(value, format)?.value;
  // A figure beyond any score (1e308 in a 得分 cell) is not points: sums of such stay finite.
  return v !== undefined && Number.isFinite(v) && Math.abs(v) <= 1e6 ? v : undefined;
}

function rowWeight(row: IndicatorRow): number | undefined {
  return row.weightNumber ?? rowFigure(row, "weight");
}

function rowEntered(row: IndicatorRow): number | undefined {
  return row.scoreNumber ?? rowFigure(row, "score");
}

/** Scoring family of a row: the sign column (定性, 定量（其他）, a direction), else the target's sign or shape. */
/** The points the funds block prints for 预算执行 (its total row's 分值, else its title's "(10分)"): the form scores execution. */
export function fundsPoints(project: IndicatorProject): number | undefined {
  const f = project.funds;
  if (!f) return undefined;
  const total = f.rows.find((r) => r.kind === "total");
  const p = total?.points ? readNumber(total.points.value, total.points.numberFormat) : undefined;
  if (p && !p.percent) return p.value;
  return f.titlePoints;
}

export function rowFamily(row: IndicatorRow, target: ParsedValue): SignFamily {
  const s = rowSignKind(row);
  if (s !== undefined) return signFamily(s);
  return resolveFamily(target);
}

/**
 * A ★ parent's score from its members (real table 14): each member is scored with the parent's 分值 by §4.3,
 * and the parent gets their mean (all members met: full marks). [U] no source fixes how a group is scored;
 * the mean is the reading that gives full marks only when every member is met and never more than the 分值.
 */
function scoreGroup(members: readonly IndicatorRow[], weight: number | undefined, profile: Profile): IndicatorScore {
  let total = 0;
  let completion = 0;
  let method: Extract<IndicatorScore, { ok: true }>["method"] | undefined;
  for (const m of members) {
    const target = rowTarget(m);
    const r = scoreIndicator({ target, actual: rowActual(m), weight, family: rowFamily(m, target) }, profile);
    if (!r.ok) {
      const name = m.name?.text ?? "";
      return { ...r, reason: `其中“${name}”：${r.reason}`, reasonEn: `member "${name}": ${r.reasonEn}` };
    }
    total += r.score;
    completion += Math.min(1, r.completion);
    method ??= r.method;
  }
  // Rounded, then capped: a 分值 with three decimals must not be passed by the rounded mean.
  const score = weight !== undefined ? Math.min(weight, round2(total / members.length)) : round2(total / members.length);
  return { ok: true, score, completion: completion / members.length, method: method ?? "positive" };
}

/** Scores one indicator row as the checks and the totals see it (`parsedTarget`: its 指标值, if already parsed). */
export function scoreRow(row: IndicatorRow, level1: string, profile: Profile, parsedTarget?: ParsedValue): IndicatorScoreEntry {
  if (row.members) return scoreParentRow(row, level1, profile);
  const target = parsedTarget ?? rowTarget(row);
  const actual = rowActual(row);
  let family = rowFamily(row, target);
  const weight = rowWeight(row);
  const entered = rowEntered(row);
  // An option text as the actual (达成年度指标 …) makes the row qualitative whatever the target looks like.
  const optionBand = actual.kind === "qualitative" || actual.kind === "unreadable" ? findBand(actual.raw, profile.qualitativeBands) : undefined;
  if (optionBand && family !== "qualitative" && target.kind !== "number" && target.kind !== "date") family = "qualitative";
  const result = scoreIndicator({ target, actual, weight, family }, profile);

  let band: IndicatorScoreEntry["band"];
  if (family === "qualitative" && optionBand && weight !== undefined && weight > 0) {
    const range = bandRange(optionBand, weight);
    band = entered !== undefined ? { range, check: checkBandScore(entered, optionBand, weight) } : { range };
  }

  let counted = 0;
  let basis: ScoreBasis = "none";
  if (result.ok) {
    counted = result.score;
    basis = "rule";
  } else if (band?.check?.ok && entered !== undefined) {
    counted = entered;
    basis = "band";
  } else if (entered !== undefined) {
    counted = entered;
    basis = "entered";
  }
  return {
    row,
    level1,
    family,
    target,
    actual,
    ...(weight !== undefined ? { weight } : {}),
    ...(entered !== undefined ? { entered } : {}),
    result,
    ...(band ? { band } : {}),
    counted,
    basis,
  };
}

/** A ★ parent: its 分值/得分, the members' values (the first member's stand for the group's in the entry). */
function scoreParentRow(row: IndicatorRow, level1: string, profile: Profile): IndicatorScoreEntry {
  const members = row.members ?? [];
  const first = members[0] ?? row;
  const target = rowTarget(first);
  const weight = rowWeight(row);
  const entered = rowEntered(row);
  const result: IndicatorScore =
    members.length > 0
      ? scoreGroup(members, weight, profile)
      : { ok: false, cause: "missing-actual", reason: "其下没有明细行，无从计分", reasonEn: "no member rows beneath it: nothing to score" };
  const counted = result.ok ? result.score : entered ?? 0;
  const basis: ScoreBasis = result.ok ? "rule" : entered !== undefined ? "entered" : "none";
  return {
    row,
    level1,
    family: rowFamily(first, target),
    target,
    actual: rowActual(first),
    ...(weight !== undefined ? { weight } : {}),
    ...(entered !== undefined ? { entered } : {}),
    result,
    counted,
    basis,
    fromMembers: members.length,
  };
}

/** Cell for a row's "could not compute" note. */
function rowCell(row: IndicatorRow): string | undefined {
  return (row.actual ?? row.target ?? row.score ?? row.name)?.address;
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

/**
 * Scores a project of a recognized table with a profile (§4). Never throws: what cannot be computed is
 * listed in `notComputed` and `complete` is false. `categories` (parallel to `project.indicators`) and
 * `targetOf` (indicator index → parsed 指标值) spare computing them again when the caller has them.
 */
export function scoreProject(
  project: IndicatorProject,
  table: IndicatorTable,
  profile: Profile,
  categories?: readonly RowCategory[],
  targetOf?: (i: number) => ParsedValue,
): ProjectScore {
  const cats = categories ?? projectCategories(project, projectHierarchy(project, profile));
  const entries: IndicatorScoreEntry[] = [];
  for (let i = 0; i < project.indicators.length; i++) {
    const r = project.indicators[i];
    if (!r.notApplicable) entries.push(scoreRow(r, cats[i].level1 ?? "", profile, targetOf?.(i)));
  }
  const notComputed: NotComputed[] = [];
  for (const e of entries) {
    if (e.basis === "rule" || e.basis === "band") continue;
    if (e.weight === undefined || e.weight <= 0) continue; // no points at stake
    const cell = rowCell(e.row);
    if (!e.result.ok) notComputed.push({ row: e.row.row, ...(cell ? { cell } : {}), reason: e.result.reason, reasonEn: e.result.reasonEn });
  }

  // 一级 subtotals, in order of appearance.
  const levelOrder: string[] = [];
  for (const e of entries) if (!levelOrder.includes(e.level1)) levelOrder.push(e.level1);
  const levels: LevelScore[] = levelOrder.map((l1) => {
    const es = entries.filter((e) => e.level1 === l1);
    const enteredScores = es.map((e) => e.entered).filter((n): n is number => n !== undefined);
    const printed = project.subtotals.find((s) => s.level1 === l1)?.points;
    return {
      level1: l1,
      weight: round2(sum(es.map((e) => e.weight ?? 0))),
      ...(printed !== undefined ? { printedPoints: printed } : {}),
      computed: round2(sum(es.map((e) => e.counted))),
      ...(enteredScores.length > 0 ? { entered: round2(sum(enteredScores)) } : {}),
      complete: es.every((e) => e.basis === "rule" || e.basis === "band" || (e.weight ?? 0) <= 0),
    };
  });

  const indicatorWeight = round2(sum(entries.map((e) => e.weight ?? 0)));
  const anyCounted = entries.some((e) => e.basis !== "none");
  const indicatorTotal = anyCounted ? round2(sum(entries.map((e) => e.counted))) : undefined;
  // Placeholder rows that carry a score count in the sheet's own sum (those not already among the indicators).
  const indicatorRows = new Set(project.indicators.map((r) => r.row));
  const extraPlaceholders = project.placeholders.filter((r) => !indicatorRows.has(r.row) && !r.notApplicable);
  const enteredRowScores = [...entries.map((e) => e.entered), ...extraPlaceholders.map(rowEntered)].filter(
    (n): n is number => n !== undefined,
  );
  const enteredIndicatorTotal = enteredRowScores.length > 0 ? round2(sum(enteredRowScores)) : undefined;

  const execution = project.funds ? scoreExecution(project.funds, profile) : undefined;
  const executionScore = execution?.score;
  if (table.kind === "self-evaluation") {
    if (!execution) notComputed.push({ row: project.indicators[0]?.row ?? 0, reason: "未识别到预算执行情况，总分不含预算执行率得分", reasonEn: "no budget execution block: the total leaves out the execution score" });
    else if (!execution.rate.ok) {
      notComputed.push({
        row: execution.row.label.row,
        cell: (execution.row.budget ?? execution.row.label).address,
        reason: execution.rate.reason,
        reasonEn: execution.rate.reasonEn,
      });
    }
  }

  // Total (§4.6) and the optional rescaling to 100 when rows are not applicable (§4.1, S15).
  let total: number | undefined;
  let unscaledTotal: number | undefined;
  if (indicatorTotal !== undefined) {
    total = round2(indicatorTotal + (executionScore ?? 0));
    const dropped = project.indicators.some((r) => r.notApplicable);
    if (profile.rescaleNotApplicable && dropped) {
      const base = indicatorWeight + (execution ? execution.points : 0);
      if (base > 0 && Math.abs(base - 100) > EPS) {
        unscaledTotal = total;
        total = round2((total / base) * 100);
      }
    }
  }
  const g = total !== undefined ? gradeOf(total, profile.gradeBands) : undefined;

  // What the sheet says.
  const enteredTotalRef = project.total?.score;
  const enteredTotal = figure(enteredTotalRef);
  const totalWeight = figure(project.total?.weight);
  const executionPoints = execution?.points ?? profile.executionPoints;
  // The 总分 leaves 预算执行 out when its printed 分值 is the indicators' alone (a 合计 of 90 over the indicators), unless
  // the funds block prints points that, with the indicators', pass the full score: then the 总分 is the form's full
  // score and the weights are wrong (01: 总分 100 over indicators weighted 100 and 预算执行 10, which
  // project.weight-sum says), and its score is still the sum of every part.
  const printedPoints = fundsPoints(project);
  const totalIncludesExecution = !(
    (printedPoints === undefined || Math.abs(indicatorWeight + printedPoints - (profile.indicatorTotal + profile.executionPoints)) <= EPS) &&
    totalWeight !== undefined &&
    Math.abs(totalWeight - indicatorWeight) <= EPS &&
    Math.abs(totalWeight - (indicatorWeight + executionPoints)) > EPS
  );
  const enteredExecution = totalIncludesExecution ? execution?.enteredScore : undefined;
  const enteredParts = [...enteredRowScores, ...(enteredExecution !== undefined ? [enteredExecution] : [])];
  const enteredPartsTotal = enteredParts.length > 0 ? round2(sum(enteredParts)) : undefined;
  const gradeText = project.grade?.text.trim();
  const enteredGradeNormalized = gradeText ? normalizeGrade(gradeText, profile.gradeAliases) : undefined;

  const complete =
    notComputed.length === 0 &&
    entries.every((e) => e.basis === "rule" || e.basis === "band" || (e.weight ?? 0) <= 0) &&
    (table.kind !== "self-evaluation" || executionScore !== undefined);

  return {
    indicators: entries,
    levels,
    indicatorWeight,
    ...(indicatorTotal !== undefined ? { indicatorTotal } : {}),
    ...(enteredIndicatorTotal !== undefined ? { enteredIndicatorTotal } : {}),
    ...(execution ? { execution } : {}),
    ...(executionScore !== undefined ? { executionScore } : {}),
    ...(total !== undefined ? { total } : {}),
    ...(unscaledTotal !== undefined ? { unscaledTotal } : {}),
    ...(g && g.ok ? { grade: g.grade } : {}),
    ...(enteredTotal !== undefined ? { enteredTotal } : {}),
    ...(enteredTotalRef ? { enteredTotalRef } : {}),
    totalIncludesExecution,
    ...(enteredPartsTotal !== undefined ? { enteredPartsTotal } : {}),
    ...(gradeText ? { enteredGrade: gradeText } : {}),
    ...(enteredGradeNormalized ? { enteredGradeNormalized } : {}),
    complete,
    notComputed,
  };
}

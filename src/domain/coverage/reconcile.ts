/**
 * Reconciliation (对账): the budget list (预算项目清单) against the target tables (绩效目标表),
 * rules.md §7. Hash joins only: every step is one pass over the budget lines or the targets.
 *
 * 1. Join on the normalized 项目编码; digit-only codes also join when they differ only by leading zeros
 *    (an exact match wins over a leading-zeros one; among several, a valid target wins).
 * 2. Fall back to 预算单位/主管部门 + normalized 项目名称 (flagged `project.name-match-only`), using only
 *    targets whose code is not on the budget list (a target found by code is never re-used by name).
 * 3. Classify every line: OK | MISSING_TARGET | INVALID_TARGET | EXCLUDED (with all its reasons).
 * 4. Reverse check: targets matched by nothing → orphans. Codes twice on the list (by the same rule as
 *    the join: equal, or equal up to leading zeros) → duplicates.
 * 5. Amount check: a target's 资金总额 against the sum of its lines, beyond the profile's tolerance.
 */
import type { IssueDraft } from "../issues";
import type { Profile } from "../profiles/types";
import { coverageFindings } from "./findings";
import { isBasicExpense, looseCodeKey, memoized, normalizeCode, normalizeName, normalizeUnit } from "./normalize";
import type { BudgetItem, CoveredItem, TargetItem } from "./types";

/** Class of a budget line (§7 step 3). A name match is a flag on OK / INVALID_TARGET, not a class. */
export type CoverageClass = "OK" | "MISSING_TARGET" | "INVALID_TARGET" | "EXCLUDED";

/** Why a line is out of coverage (§6.3): 涉密, 基本支出, 零金额 (zero amount). */
export type ExclusionReason = "涉密" | "基本支出" | "零金额";

/** How a line found its target. */
export type MatchKind = "code" | "code-loose" | "name";

export interface LineResult {
  /** Position in the budget list given to `reconcile`. */
  readonly index: number;
  readonly item: BudgetItem;
  readonly class: CoverageClass;
  /** Non-empty exactly when the class is EXCLUDED. */
  readonly reasons: readonly ExclusionReason[];
  /** Index of the matched target, when one was found (also for EXCLUDED lines). */
  readonly target?: number;
  readonly matchedBy?: MatchKind;
  /** Matched by unit + name only (`project.name-match-only`). */
  readonly nameMatch: boolean;
  /** Index of the first line with the same code, when this line repeats a code. */
  readonly duplicateOf?: number;
  /** The normalized code ("" when none). */
  readonly codeKey: string;
}

export interface DuplicateCode {
  /** Normalized code of the first line. */
  readonly code: string;
  /** Line indices in list order (two or more). */
  readonly lines: readonly number[];
}

export interface AmountMismatch {
  readonly target: number;
  /** In-scope lines matched to the target; their amounts are summed. */
  readonly lines: readonly number[];
  readonly budgetWan: number;
  readonly targetWan: number;
}

/** A further list (监控, 自评, 重点评价 …) laid over the budget list. */
export interface ListCoverage {
  readonly label: string;
  readonly items: readonly CoveredItem[];
  /** Parallel to the budget lines: the line appears on the list. */
  readonly covered: readonly boolean[];
  /** How each covered line was found (parallel; undefined when not covered). */
  readonly matchedBy: readonly (MatchKind | undefined)[];
  /** Indices of list items that match no budget line. */
  readonly notOnBudget: readonly number[];
}

/** 部门整体 targets: which departments have one. */
export interface WholeDepartmentInput {
  /** 一级预算单位 to count; default: the distinct 主管部门 (else 预算单位) of the budget list. */
  readonly departments?: readonly string[];
  /** Departments that have a 部门整体绩效目标. */
  readonly withTargets: readonly string[];
}

export interface ReconcileOptions {
  readonly profile: Profile;
  readonly coveredBy?: readonly { readonly label: string; readonly items: readonly CoveredItem[] }[];
  readonly wholeDepartment?: WholeDepartmentInput;
}

/** An issue draft with the file it belongs to (targets may come from other files than the budget list). */
export type CoverageIssueDraft = IssueDraft & {
  readonly file?: string;
};

export interface Reconciliation {
  readonly lines: readonly LineResult[];
  readonly targets: readonly TargetItem[];
  /** Target indices matched by no budget line. */
  readonly orphans: readonly number[];
  readonly duplicates: readonly DuplicateCode[];
  readonly amountMismatches: readonly AmountMismatch[];
  readonly lists: readonly ListCoverage[];
  readonly wholeDepartment?: WholeDepartmentInput;
  /** Settings the statistics need. */
  readonly specialBondAsFund: boolean;
  readonly amountTolerance: number;
  readonly issues: readonly CoverageIssueDraft[];
}

/* ------------------------------------------------------------------------------------------ */
/* Indexes                                                                                     */

/** Anything with a code and a name under a unit: targets and list entries. */
interface Keyed {
  readonly code?: string;
  readonly name?: string;
  readonly unit?: string;
  readonly department?: string;
}

const SEP = "\u0001";
/** No match (unknown code, or a leading-zeros match that is ambiguous). */
const NONE = -1;

/**
 * The join key of a normalized code: the loose key for digit-only codes (equal up to leading
 * zeros), the code itself otherwise. The two kinds cannot collide: loose keys are all digits.
 */
function matchKey(code: string): string {
  return looseCodeKey(code) ?? code;
}

/**
 * Code index: one Map from match key to the best item (valid before invalid, then first). Keys
 * shared by different exact codes ("0123" and "123") keep a side table so an exact match still wins.
 */
interface CodeIndex {
  readonly byKey: Map<string, number>;
  /** Match key → exact code → best item with that code, only for keys with two or more different codes. */
  readonly variants: Map<string, Map<string, number>>;
  /** Normalized code of each item ("" when none) and its match key. */
  readonly codes: readonly string[];
  readonly keys: readonly string[];
}

/** Builds a code index; with `better`, an item replaces an earlier one when it beats it. */
function buildCodeIndex(items: readonly Keyed[], better?: (a: number, b: number) => boolean): CodeIndex {
  const byKey = new Map<string, number>();
  const variants = new Map<string, Map<string, number>>();
  const n = items.length;
  const codes: string[] = new Array<string>(n);
  const keys: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const c = normalizeCode(items[i].code);
    codes[i] = c;
    if (c === "") {
      keys[i] = "";
      continue;
    }
    const k = matchKey(c);
    keys[i] = k;
    const prev = byKey.get(k);
    if (prev === undefined) {
      byKey.set(k, i);
      continue;
    }
    let v = variants.get(k);
    if (!v && codes[prev] !== c) {
      // First second spelling: until now every item under k had one spelling, and `prev` is its best.
      v = new Map<string, number>([[codes[prev], prev]]);
      variants.set(k, v);
    }
    if (v) {
      const pv = v.get(c);
      if (pv === undefined || (better && better(i, pv))) v.set(c, i);
    }
    if (better && better(i, prev)) byKey.set(k, i);
  }
  return { byKey, variants, codes, keys };
}

/** Item for a code: ≥ 0 exact, ≤ −2 a leading-zeros match (encoded −2 − index), NONE otherwise. */
function lookupCode(idx: CodeIndex, code: string, key: string): number {
  if (key === "") return NONE;
  const i = idx.byKey.get(key);
  if (i === undefined) return NONE;
  const v = idx.variants.get(key);
  if (v === undefined) return idx.codes[i] === code ? i : -2 - i;
  const e = v.get(code);
  return e !== undefined ? e : -2 - i; // no exact spelling: the best of those equal up to leading zeros
}

type Norm = (s: string | undefined) => string;

/** unit + name index over items whose code is not on the budget list (only those may match by name). */
function buildNameIndex(
  items: readonly Keyed[],
  onBudget: Uint8Array,
  unitKey: Norm,
  better?: (a: number, b: number) => boolean,
): Map<string, number> {
  const byName = new Map<string, number>();
  for (let i = 0; i < items.length; i++) {
    if (onBudget[i]) continue;
    const n = normalizeName(items[i].name);
    if (n === "") continue;
    const u1 = unitKey(items[i].unit);
    const u2 = unitKey(items[i].department);
    for (let k = 0; k < 2; k++) {
      const u = k === 0 ? u1 : u2;
      if (u === "" || (k === 1 && u2 === u1)) continue;
      const key = u + SEP + n;
      const prev = byName.get(key);
      if (prev === undefined || (better && better(i, prev))) byName.set(key, i);
    }
  }
  return byName;
}

function lookupName(byName: ReadonlyMap<string, number>, item: BudgetItem, unitKey: Norm): number {
  if (byName.size === 0) return NONE;
  const n = normalizeName(item.name);
  if (n === "") return NONE;
  const u1 = unitKey(item.budgetUnit);
  if (u1 !== "") {
    const hit = byName.get(u1 + SEP + n);
    if (hit !== undefined) return hit;
  }
  const u2 = unitKey(item.department);
  if (u2 !== "" && u2 !== u1) return byName.get(u2 + SEP + n) ?? NONE;
  return NONE;
}

/** Marks the items whose code is on the budget list (equal, or equal up to leading zeros). */
function markOnBudget(idx: CodeIndex, budgetKeys: ReadonlyMap<string, number>): Uint8Array {
  const on = new Uint8Array(idx.keys.length);
  for (let i = 0; i < idx.keys.length; i++) if (idx.keys[i] !== "" && budgetKeys.has(idx.keys[i])) on[i] = 1;
  return on;
}

/** Matches every budget line against an index: code first, then unit + name. Fills `hits` and `kinds`. */
function matchLines(
  budget: readonly BudgetItem[],
  budgetCodes: readonly string[],
  budgetKeys: readonly string[],
  codes: CodeIndex,
  names: ReadonlyMap<string, number>,
  unitKey: Norm,
  hits: Int32Array,
  kinds: (MatchKind | undefined)[],
  used: Uint8Array,
): void {
  for (let i = 0; i < budget.length; i++) {
    let h = lookupCode(codes, budgetCodes[i], budgetKeys[i]);
    let kind: MatchKind | undefined;
    if (h >= 0) kind = "code";
    else if (h <= -2) {
      h = -2 - h;
      kind = "code-loose";
    } else {
      h = lookupName(names, budget[i], unitKey);
      if (h >= 0) kind = "name";
    }
    hits[i] = h;
    kinds[i] = kind;
    if (h >= 0) used[h] = 1;
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Exclusions                                                                                  */

const NO_REASONS: readonly ExclusionReason[] = Object.freeze([]);

/** Exclusion reasons of a line under the profile's settings (§6.3); empty when in scope. */
export function exclusionReasons(
  item: BudgetItem,
  exclusions: Profile["exclusions"],
  basic: (s: string | undefined) => boolean = isBasicExpense,
): readonly ExclusionReason[] {
  const secret = exclusions.secret && item.secret;
  const basicExpense = exclusions.basicExpense && item.expenseType !== undefined && basic(item.expenseType);
  const zero = exclusions.zeroAmount && item.amountWan === 0;
  if (!secret && !basicExpense && !zero) return NO_REASONS;
  const r: ExclusionReason[] = [];
  if (secret) r.push("涉密");
  if (basicExpense) r.push("基本支出");
  if (zero) r.push("零金额");
  return r;
}

/* ------------------------------------------------------------------------------------------ */

/** Reconciles a budget list with targets (and optional further lists). Pure; O(budget + targets). */
export function reconcile(
  budget: readonly BudgetItem[],
  targets: readonly TargetItem[],
  options: ReconcileOptions,
): Reconciliation {
  const { profile } = options;
  const tolerance = profile.amountTolerance;
  const n = budget.length;
  const unitKey = memoized(normalizeUnit);
  const basic = memoized(isBasicExpense);

  // Budget codes: match key → first line; a later line with the same key repeats the code.
  const budgetCodes: string[] = new Array<string>(n);
  const budgetKeys: string[] = new Array<string>(n);
  const firstLine = new Map<string, number>();
  const dupLines = new Map<string, number[]>();
  const duplicateOf = new Int32Array(n).fill(NONE);
  for (let i = 0; i < n; i++) {
    const c = normalizeCode(budget[i].code);
    budgetCodes[i] = c;
    if (c === "") {
      budgetKeys[i] = "";
      continue;
    }
    const k = matchKey(c);
    budgetKeys[i] = k;
    const f = firstLine.get(k);
    if (f === undefined) firstLine.set(k, i);
    else {
      duplicateOf[i] = f;
      const d = dupLines.get(k);
      if (d) d.push(i);
      else dupLines.set(k, [f, i]);
    }
  }

  // Targets: prefer a valid target over an invalid one with the same code or name.
  const betterTarget = (a: number, b: number): boolean => targets[a].valid && !targets[b].valid;
  const tCodes = buildCodeIndex(targets, betterTarget);
  const tOnBudget = markOnBudget(tCodes, firstLine);
  const tNames = buildNameIndex(targets, tOnBudget, unitKey, betterTarget);

  const used = new Uint8Array(targets.length);
  const hits = new Int32Array(n);
  const kinds: (MatchKind | undefined)[] = new Array<MatchKind | undefined>(n);
  matchLines(budget, budgetCodes, budgetKeys, tCodes, tNames, unitKey, hits, kinds, used);

  const lines: LineResult[] = new Array<LineResult>(n);
  // Per target: sum of the amounts of its in-scope lines.
  const tSum = new Float64Array(targets.length);
  const tHasAmount = new Uint8Array(targets.length);

  for (let i = 0; i < n; i++) {
    const item = budget[i];
    const h = hits[i];
    const target = h >= 0 ? h : undefined;
    const matchedBy = kinds[i];
    const reasons = exclusionReasons(item, profile.exclusions, basic);
    let cls: CoverageClass;
    if (reasons.length > 0) cls = "EXCLUDED";
    else if (target === undefined) cls = "MISSING_TARGET";
    else cls = targets[target].valid ? "OK" : "INVALID_TARGET";
    const nameMatch = matchedBy === "name" && cls !== "EXCLUDED";
    const dup = duplicateOf[i] >= 0 ? duplicateOf[i] : undefined;
    // One object shape for every line (optional fields present as undefined) keeps this loop fast.
    lines[i] = { index: i, item, class: cls, reasons, target, matchedBy, nameMatch, duplicateOf: dup, codeKey: budgetCodes[i] };

    if (target !== undefined && cls !== "EXCLUDED" && item.amountWan !== undefined) {
      tSum[target] += item.amountWan;
      tHasAmount[target] = 1;
    }
  }

  // Amount check, in target order.
  const amountMismatches: AmountMismatch[] = [];
  const mismatchAt = new Map<number, number[]>();
  const eps = 1e-9;
  for (let ti = 0; ti < targets.length; ti++) {
    const t = targets[ti];
    if (!tHasAmount[ti] || t.amountWan === undefined) continue;
    const budgetWan = Number(tSum[ti].toPrecision(15));
    const diff = Math.abs(t.amountWan - budgetWan);
    if (diff <= tolerance + eps) continue;
    const ls: number[] = [];
    mismatchAt.set(ti, ls);
    amountMismatches.push({ target: ti, lines: ls, budgetWan, targetWan: t.amountWan });
  }
  if (mismatchAt.size > 0) {
    for (let i = 0; i < n; i++) {
      const l = lines[i];
      if (l.target === undefined || l.class === "EXCLUDED") continue;
      mismatchAt.get(l.target)?.push(i);
    }
  }

  // Orphans: targets used by no line whose code is not on the list either.
  const orphans: number[] = [];
  for (let ti = 0; ti < targets.length; ti++) if (!used[ti] && !tOnBudget[ti]) orphans.push(ti);

  const duplicates: DuplicateCode[] = [...dupLines.values()].map((ls) => ({ code: budgetCodes[ls[0]], lines: ls }));

  const lists = (options.coveredBy ?? []).map((l) => {
    const codes = buildCodeIndex(l.items);
    const on = markOnBudget(codes, firstLine);
    const names = buildNameIndex(l.items, on, unitKey);
    const listUsed = new Uint8Array(l.items.length);
    const listHits = new Int32Array(n);
    const matchedBy: (MatchKind | undefined)[] = new Array<MatchKind | undefined>(n);
    matchLines(budget, budgetCodes, budgetKeys, codes, names, unitKey, listHits, matchedBy, listUsed);
    const covered: boolean[] = new Array<boolean>(n);
    for (let i = 0; i < n; i++) covered[i] = listHits[i] >= 0;
    const notOnBudget: number[] = [];
    for (let k = 0; k < l.items.length; k++) if (!listUsed[k] && !on[k]) notOnBudget.push(k);
    return { label: l.label, items: l.items, covered, matchedBy, notOnBudget };
  });

  // The findings: the coverage checks walk the lines once (findings.ts).
  const issues = coverageFindings({ lines, targets, orphans, amountMismatches, amountTolerance: tolerance });
  return {
    lines,
    targets,
    orphans,
    duplicates,
    amountMismatches,
    lists,
    ...(options.wholeDepartment ? { wholeDepartment: options.wholeDepartment } : {}),
    specialBondAsFund: profile.specialBondAsFund,
    amountTolerance: tolerance,
    issues,
  };
}

/**
 * Canonical 一级/二级 names of an indicator row (§2.3). Real tables write "产出指标（50分）", "(50分)" (the
 * words lost), "产出数量指标", "数量" or put 成本指标 at level 1; this maps them onto the profile's framework.
 */
import { compactLabel } from "../text";
import { COST_LEVEL1_HIERARCHY, CATEGORY_ALIASES, LEGACY_PLACEMENTS } from "../profiles/common";
import { readCategoryLabel } from "./labels";
import type { Hierarchy, Profile } from "../profiles/types";
import type { IndicatorProject, IndicatorRow } from "./model";
import { memoByText } from "../memo";
import { fieldText, hasField } from "./rows";

export interface RowCategory {
  /** Canonical 一级 (产出指标, 效益指标, 满意度指标, 成本指标), or the cleaned text when unknown. */
  readonly level1?: string;
  /** Canonical 二级 when known, else the cleaned text. */
  readonly level2?: string;
  readonly level1Known: boolean;
  /** The 一级 cell is not a known name, but the known 二级 says which 一级 the row belongs to. */
  readonly level1Inferred: boolean;
  readonly level2Known: boolean;
  /** The 二级 exists but under another 一级 than the row's. */
  readonly level2Misplaced: boolean;
  /**
   * The 一级 the 二级 belongs to, when it is misplaced and known only from the other official framework
   * (经济成本指标 under 产出指标: a 二级 of 成本指标 in 财预〔2021〕101号, misfiled rather than unknown).
   */
  readonly level2Owner?: string;
  /** The source of that framework (文号), said in the finding. */
  readonly level2OwnerSource?: string;
  /** An older template's placement (满意度 as a 二级 of 效益, 财预〔2015〕88号): the category the row counts as. */
  readonly countsAs?: string;
}

/** The 2021 framework's 成本指标 二级 names (财预〔2021〕101号), recognized whichever framework a table uses. */
const COST_LEVEL2_NAMES: readonly string[] = COST_LEVEL1_HIERARCHY["成本指标"] ?? [];
const COST_FRAMEWORK_SOURCE = "财预〔2021〕101号";

// Real sheets repeat a handful of labels thousands of times: remember answers per list of known names.
const nameMemos = new WeakMap<readonly string[], (text: string) => string | undefined>();

/** "产出数量指标" → "数量指标"; "数量" → "数量指标"; "产出指标(50分)" → "产出指标". */
export function canonicalName(text: string, known: readonly string[]): string | undefined {
  return canonicalNamer(known)(text);
}

/** canonicalName for one list of known names, looked up once (for loops over rows). */
function canonicalNamer(known: readonly string[]): (text: string) => string | undefined {
  let memo = nameMemos.get(known);
  if (!memo) {
    memo = memoByText((t) => canonicalNameUncached(t, known), 10_000);
    nameMemos.set(known, memo);
  }
  return memo;
}

function canonicalNameUncached(text: string, known: readonly string[]): string | undefined {
  // "数量指标(必填硬性指标)", "产出指标 (50)", "服务对象满意度指标等": the label's core names the category.
  const t = readCategoryLabel(text).core.replace(/^[一二三四五六七八九十\d]+[、.．]/, "");
  if (!t) return undefined;
  const candidates = [t, t.endsWith("指标") ? t : t + "指标", t.replace(/^(产出|效益|满意度)(?=.+指标$)/, "")];
  for (const c of candidates) if (known.includes(c)) return c;
  // Another official framework's name for a category (项目完成指标 → 产出指标; see CATEGORY_ALIASES).
  for (const alias of CATEGORY_ALIASES[t] ?? CATEGORY_ALIASES[t.endsWith("指标") ? t : t + "指标"] ?? []) if (known.includes(alias)) return alias;
  const variant = wordingVariant(t);
  return variant !== undefined && variant !== t ? canonicalNameUncached(variant, known) : undefined;
}

/**
 * The same category in another wording, as provinces and exports write it: a qualifier before it (预期产出指标,
 * 项目效益指标), a note inside it (预算(或投资规模)控制指标), a list of kinds (社会、经济、生态效益指标: the first),
 * a syllable doubled by a typo (社会效益效益指标), any satisfaction wording (群众满意度指标, 满意度指标 as a 二级).
 * Undefined when no variant applies.
 */
function wordingVariant(t: string): string | undefined {
  if (t.length > 40) return undefined; // a category label is short; a long text is not one in any wording
  if (/满意/.test(t) && t !== "满意度指标" && t !== "服务对象满意度指标") return /^满意度/.test(t) ? "服务对象满意度指标" : "满意度指标";
  if (t === "满意度指标") return "服务对象满意度指标";
  const inner = t.replace(/\([^()]*\)/g, "");
  if (inner !== t) return inner;
  const qualified = /^(?:预期|项目|年度|本年|绩效|专项)(.+指标)$/.exec(t);
  if (qualified) return qualified[1];
  const listed = /^([^、,，]+?)[、,，].*?((?:效益|成本)?指标)$/.exec(t);
  if (listed) return listed[1].replace(/指标$/, "") + listed[2];
  const doubled = t.replace(/(.{2})\1/, "$1");
  if (doubled !== t) return doubled;
  return undefined;
}

interface HierarchyIndex {
  readonly level1Names: readonly string[];
  readonly level2Names: readonly string[];
  readonly owners: ReadonlyMap<string, string>;
  /** canonicalName over the 一级 names. */
  readonly level1Of: (text: string) => string | undefined;
  /** Categories shared by text (see rowCategory). */
  readonly shared: SharedCategories;
}
const indexCache = new WeakMap<Hierarchy, HierarchyIndex>();

function hierarchyIndex(h: Hierarchy): HierarchyIndex {
  let ix = indexCache.get(h);
  if (!ix) {
    const owners = new Map<string, string>();
    for (const [l1, l2s] of Object.entries(h)) for (const l2 of l2s) owners.set(l2, l1);
    const level1Names = Object.keys(h);
    ix = { level1Names, level2Names: [...owners.keys()], owners, level1Of: canonicalNamer(level1Names), shared: { size: 0, byLevel1: new Map() } };
    indexCache.set(h, ix);
  }
  return ix;
}

/** Which framework a project uses: 成本指标 as a 一级 means the 2021+ layout. */
const COST_ONLY: readonly string[] = ["成本指标"];

export function projectHierarchy(project: IndicatorProject, profile: Profile): Hierarchy {
  const costOf = canonicalNamer(COST_ONLY);
  const costLevel1 = project.indicators.some((r) => hasField(r, "level1") && costOf(fieldText(r, "level1")) === "成本指标");
  return costLevel1 ? profile.hierarchyCostLevel1 : profile.hierarchy;
}

/** Subtotal label covering a row, if any ("(50分)" rows carry no words, so the label's own text may be empty). */
function subtotalFor(project: IndicatorProject, row: number): string | undefined {
  for (const s of project.subtotals) if (row >= s.firstRow && row <= s.lastRow) return s.level1;
  return undefined;
}

// A row whose 一级 is a known name has a category that depends on its two texts alone, and those repeat
// across rows and projects (产出指标 / 数量指标): such answers are shared, per framework. Other rows may
// borrow a subtotal's label from their project and are computed each time.
interface SharedCategories {
  size: number;
  /** 一级 text → 二级 text → category. */
  readonly byLevel1: Map<string, Map<string, RowCategory>>;
}
const SHARED_LIMIT = 20_000;

export function rowCategory(row: IndicatorRow, project: IndicatorProject, hierarchy: Hierarchy): RowCategory {
  return categorize(hierarchyIndex(hierarchy), row, project, hierarchy);
}

/** The categories of a project's indicators, in order (the framework's lookups done once). */
export function projectCategories(project: IndicatorProject, hierarchy: Hierarchy): RowCategory[] {
  const ix = hierarchyIndex(hierarchy);
  return project.indicators.map((row) => categorize(ix, row, project, hierarchy));
}

function categorize(ix: HierarchyIndex, row: IndicatorRow, project: IndicatorProject, hierarchy: Hierarchy): RowCategory {
  const t1 = fieldText(row, "level1");
  if (!t1 || ix.level1Of(t1) === undefined) return rowCategoryUncached(row, project, hierarchy);
  const t2 = fieldText(row, "level2");
  const s = ix.shared;
  let level2s = s.byLevel1.get(t1);
  let c = level2s?.get(t2);
  if (c) return c;
  c = Object.freeze(rowCategoryUncached(row, project, hierarchy));
  if (s.size >= SHARED_LIMIT) {
    s.byLevel1.clear();
    s.size = 0;
    level2s = undefined;
  }
  if (!level2s) s.byLevel1.set(t1, (level2s = new Map()));
  level2s.set(t2, c);
  s.size++;
  return c;
}

function rowCategoryUncached(row: IndicatorRow, project: IndicatorProject, hierarchy: Hierarchy): RowCategory {
  const { level1Names, level2Names, owners } = hierarchyIndex(hierarchy);
  const hasL1 = hasField(row, "level1");
  const hasL2 = hasField(row, "level2");
  const t1 = fieldText(row, "level1");
  const t2 = fieldText(row, "level2");
  const l2 = hasL2 ? canonicalName(t2, level2Names) : undefined;
  // A 二级 of the other official framework (经济成本指标 in a table laid out the classic way): known, misfiled.
  const otherFramework = !l2 && hasL2 ? canonicalName(t2, COST_LEVEL2_NAMES) : undefined;
  let l1 = hasL1 ? canonicalName(t1, level1Names) : undefined;
  if (!l1) {
    const sub = subtotalFor(project, row.row);
    if (sub) l1 = canonicalName(sub, level1Names);
  }
  // A level-1 cell that lost its words ("(50分)") or is empty: infer from the 二级.
  const l1Text = hasL1 ? readCategoryLabel(t1).core : "";
  if (!l1 && l2 && l1Text === "") l1 = owners.get(l2);
  if (otherFramework) {
    return {
      level1: l1 ?? "成本指标",
      level1Inferred: !l1,
      level2: otherFramework,
      level1Known: !!l1,
      level2Known: true,
      level2Misplaced: l1 !== undefined && l1 !== "成本指标",
      level2Owner: "成本指标",
      level2OwnerSource: COST_FRAMEWORK_SOURCE,
    };
  }
  const legacy = l1 && l2 ? LEGACY_PLACEMENTS.find((p) => p.level1 === l1 && p.level2 === l2) : undefined;
  const misplaced = !!(l1 && l2 && owners.get(l2) !== l1) && !legacy;
  // A non-standard 一级 ("项目年度绩效目标(定量指标)") over a standard 二级: the 二级 tells the category.
  const inferred = !l1 && l2 ? owners.get(l2) : undefined;
  return {
    level1: l1 ?? inferred ?? (l1Text || undefined),
    level1Inferred: inferred !== undefined,
    level2: l2 ?? (hasL2 ? compactLabel(t2) || undefined : undefined),
    level1Known: !!l1,
    level2Known: !!l2,
    level2Misplaced: misplaced,
    ...(legacy ? { countsAs: legacy.countsAs } : {}),
  };
}

/** True for rows under 成本指标 (as 一级 or as 二级 of 产出). */
export function isCostRow(c: RowCategory): boolean {
  return c.level1 === "成本指标" || c.level2 === "成本指标" || (c.level2 ?? "").endsWith("成本指标");
}

/**
 * Units of measure (计量单位 / 度量单位): canonical names, aliases, kinds, and money factors to 万元.
 */
import { toHalfWidth } from "../text";
import type { UnitKind } from "./types";
import { memoByText } from "../memo";

export interface UnitDef {
  /** Canonical spelling. */
  readonly unit: string;
  readonly kind: UnitKind;
  /** Other spellings (matched after half-width conversion and whitespace removal, case-insensitive for Latin). */
  readonly aliases?: readonly string[];
  /** For money: multiply by this to get 万元 (元 → 0.0001). */
  readonly wanFactor?: number;
  /** Power of ten from this unit to 万元 (元 → −4); kept for exact scaling. */
  readonly wanExponent?: number;
}

/** The unit table. Area, length, weight and volume are kind "other" (measures); discrete things are "count". */
export const UNITS: readonly UnitDef[] = [
  // percentages
  { unit: "%", kind: "percent", aliases: ["百分比", "百分率", "﹪"] },
  { unit: "百分点", kind: "percent", aliases: ["个百分点"] },
  { unit: "‰", kind: "permille", aliases: ["千分比", "千分率"] },
  // money
  { unit: "元", kind: "money", aliases: ["人民币元", "rmb", "圆"], wanFactor: 0.0001, wanExponent: -4 },
  { unit: "千元", kind: "money", wanFactor: 0.1, wanExponent: -1 },
  { unit: "万元", kind: "money", aliases: ["萬元", "万元人民币", "万圆"], wanFactor: 1, wanExponent: 0 },
  { unit: "百万元", kind: "money", aliases: ["百萬元"], wanFactor: 100, wanExponent: 2 },
  { unit: "千万元", kind: "money", aliases: ["千萬元"], wanFactor: 1000, wanExponent: 3 },
  { unit: "亿元", kind: "money", aliases: ["億元"], wanFactor: 10000, wanExponent: 4 },
  // time (durations)
  { unit: "年", kind: "time", aliases: ["周年"] },
  { unit: "月", kind: "time", aliases: ["个月", "個月"] },
  { unit: "周", kind: "time", aliases: ["星期", "个星期"] },
  { unit: "天", kind: "time", aliases: ["日"] },
  { unit: "工作日", kind: "time", aliases: ["个工作日"] },
  { unit: "小时", kind: "time", aliases: ["个小时", "h", "时"] },
  { unit: "分钟", kind: "time", aliases: ["min"] },
  { unit: "秒", kind: "time", aliases: ["s"] },
  { unit: "季度", kind: "time", aliases: ["个季度"] },
  { unit: "学时", kind: "time" },
  { unit: "课时", kind: "time" },
  // area, length, weight, volume
  { unit: "平方米", kind: "other", aliases: ["㎡", "m2", "m²", "平米", "平方", "平方㎡"] },
  { unit: "平方公里", kind: "other", aliases: ["km2", "km²", "㎢", "平方千米"] },
  { unit: "公顷", kind: "other", aliases: ["hm2", "hm²", "ha"] },
  { unit: "亩", kind: "other" },
  { unit: "米", kind: "other", aliases: ["m", "延米", "延长米"] },
  { unit: "公里", kind: "other", aliases: ["km", "千米"] },
  { unit: "厘米", kind: "other", aliases: ["cm"] },
  { unit: "毫米", kind: "other", aliases: ["mm"] },
  { unit: "立方米", kind: "other", aliases: ["m3", "m³", "㎥", "方", "立方"] },
  { unit: "升", kind: "other", aliases: ["l"] },
  { unit: "吨", kind: "other", aliases: ["t"] },
  { unit: "公斤", kind: "other", aliases: ["千克", "kg"] },
  { unit: "斤", kind: "other" },
  { unit: "克", kind: "other", aliases: ["g"] },
  { unit: "千瓦", kind: "other", aliases: ["kw"] },
  { unit: "千瓦时", kind: "other", aliases: ["kwh", "度"] },
  { unit: "分", kind: "other", aliases: ["分值"] },
  // counts
  ...[
    "个", "人", "人次", "户", "户次", "次", "件", "套", "所", "项", "家", "台", "辆", "座", "处", "间",
    "株", "棵", "头", "只", "匹", "名", "位", "册", "本", "份", "篇", "场", "场次", "期", "批", "批次",
    "条", "张", "部", "把", "块", "箱", "袋", "盏", "根", "眼", "口", "栋", "幢", "宗", "起", "例",
    "床", "班", "校", "村", "乡", "镇", "条次", "个次", "项次", "家次", "组", "队", "支", "架", "艘",
    "门", "对", "双", "片", "段", "级", "点", "首", "部门", "单位", "站", "座次", "人日", "人天", "人/次",
  ].map((u): UnitDef => ({ unit: u, kind: "count" })),
];

/** Multiplier prefixes on non-money units ("3万人" → 30000 人). */
const SCALE_PREFIXES: ReadonlyArray<readonly [string, number]> = [
  ["亿", 8],
  ["億", 8],
  ["万", 4],
  ["萬", 4],
  ["千", 3],
];

/** What `canonicalUnit` returns. */
export interface UnitInfo {
  /** Canonical unit ("万元", "%", "元/亩"). */
  readonly unit: string;
  readonly kind: UnitKind;
  /** For money (also money per something, 元/亩): multiply by this to get 万元. */
  readonly wanFactor?: number;
  /** Power of ten behind `wanFactor`. */
  readonly wanExponent?: number;
  /** Power of ten a multiplier prefix adds: "万人" → 4 (the figure is multiplied by 10^4, unit 人). */
  readonly scaleExponent?: number;
  /** For a compound unit (元/亩): the canonical denominator ("亩"). */
  readonly per?: string;
  /** False when the unit is not in the table (kept as written, kind "other"). */
  readonly known: boolean;
}

function keyOf(s: string): string {
  return toHalfWidth(s)
    .replace(/[\s\u00a0\u200b\ufeff]+/g, "")
    // 元/人.天, 人・次: a dot between two ideographs is the middle dot of a compound unit
    .replace(/(?<=[\u4e00-\u9fff])[.・•](?=[\u4e00-\u9fff])/g, "·")
    .replace(/·每/g, "·")
    .replace(/[（(]/g, "(")
    .replace(/[）)]/g, ")")
    .toLowerCase();
}

const INDEX: ReadonlyMap<string, UnitDef> = (() => {
  const m = new Map<string, UnitDef>();
  for (const d of UNITS) {
    m.set(keyOf(d.unit), d);
    for (const a of d.aliases ?? []) m.set(keyOf(a), d);
  }
  return m;
})();

function fromDef(d: UnitDef, scaleExponent?: number): UnitInfo {
  return {
    unit: d.unit,
    kind: d.kind,
    ...(d.wanFactor !== undefined ? { wanFactor: d.wanFactor, wanExponent: d.wanExponent } : {}),
    ...(scaleExponent ? { scaleExponent } : {}),
    known: true,
  };
}

/** A simple (non-compound) unit, with a 万/亿/千 multiplier prefix on non-money units. */
function simpleUnit(key: string): UnitInfo | undefined {
  const d = INDEX.get(key);
  if (d) return fromDef(d);
  // strip a wrapping "(…)" as in "(个)"
  const wrapped = /^\((.+)\)$/.exec(key);
  if (wrapped) return simpleUnit(wrapped[1]);
  for (const [p, e] of SCALE_PREFIXES) {
    if (key.startsWith(p) && key.length > p.length) {
      const base = INDEX.get(key.slice(p.length));
      if (base && base.kind !== "money" && base.kind !== "percent" && base.kind !== "permille") return fromDef(base, e);
    }
  }
  return undefined;
}

/** True when a text can be taken as an unknown unit: 1–4 Chinese characters or Latin letters. */
export function looksLikeUnit(key: string): boolean {
  return /^[\u3400-\u4dbf\u4e00-\u9fffA-Za-z·²³]{1,4}$/.test(key);
}

/** Starts with a known unit followed by more text ("年完成"): not a unit. */
function startsWithKnownUnit(key: string): boolean {
  for (let i = key.length - 1; i >= 1; i--) if (INDEX.has(key.slice(0, i))) return true;
  return false;
}

/**
 * Canonical form of a unit text: "萬元" → 万元 (money, 1), "元" → 元 (money, 0.0001), "％" and
 * "百分比" → %, "千分比" → ‰, "㎡" → 平方米, "万人" → 人 with scaleExponent 4, "元/亩" → 元/亩
 * (money per 亩, wanFactor 0.0001, per 亩). "个村" → 个. Unknown short texts ("批号") are kept as written with
 * kind "other" and known false. Undefined for blanks, marks ("/", "-", "无") and text that is
 * not a unit.
 */
export function canonicalUnit(text: string): UnitInfo | undefined {
  return typeof text === "string" ? unitMemo(text) : undefined;
}

/** Unit texts repeat endlessly ("%", "个", "万元"): lookups are memoised. */
const unitMemo = memoByText((text): UnitInfo | undefined => {
  const out = lookupUnit(text);
  return out === undefined ? undefined : Object.freeze(out); // shared between callers
}, 5_000, 32);

function lookupUnit(text: string): UnitInfo | undefined {
  const key = keyOf(text);
  if (key === "" || /^(?:[/\\]+|[-—–]+|无|無|不适用|n\/?a)$/.test(key)) return undefined;
  const simple = simpleUnit(key);
  if (simple) return simple;
  // compound: 元/亩, 元/平方米, 万元/公里, 人次/年, 元/人·年, 每亩元 is not handled
  const parts = key.split(/[/每]/);
  if (parts.length >= 2 && parts.every((p) => p !== "")) {
    const num = simpleUnit(parts[0]);
    const dens = parts.slice(1).map((p) => simpleUnit(p)?.unit ?? (looksLikeUnit(p) ? p : undefined));
    if (num && !num.scaleExponent && dens.every((d) => d !== undefined)) {
      const per = (dens as string[]).join("/");
      return {
        unit: `${num.unit}/${per}`,
        kind: num.kind,
        ...(num.wanFactor !== undefined ? { wanFactor: num.wanFactor, wanExponent: num.wanExponent } : {}),
        per,
        known: true,
      };
    }
  }
  // a measure word with its noun: "个村", "个项目" → 个
  if (/^个[\u4e00-\u9fff]{1,4}$/.test(key)) return fromDef(INDEX.get("个") as UnitDef);
  const written = toHalfWidth(text).replace(/[\s\u00a0\u200b\ufeff]+/g, "");
  if (looksLikeUnit(key) && !startsWithKnownUnit(key)) return { unit: written, kind: "other", known: false };
  if (parts.length === 2 && parts.every((p) => looksLikeUnit(p))) return { unit: written, kind: "other", known: false };
  return undefined;
}

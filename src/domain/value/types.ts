/** The parsed form of a 指标值 / 实际完成值 cell (see parse.ts). */

/** Canonical direction symbols (计算符号): ≥ ＞ ＝ ＜ ≤. */
export type Sign = "≥" | "＞" | "＝" | "＜" | "≤";

/** Scoring family of a sign (rules.md §2.2): 正向, 等于, 反向, 定性, 定量（其他）. */
export type SignFamily = "positive" | "equal" | "reverse" | "qualitative" | "other";

/** What kind of thing a unit measures. */
export type UnitKind = "percent" | "permille" | "money" | "count" | "time" | "other";

export interface ParsedDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
  /** Part of the month (or of the year when no month): 月初/上旬 → start, 中旬 → middle, 月底/年底/下旬 → end. */
  readonly period?: "start" | "middle" | "end";
}

/** A date written without a year ("12月底", "年底前"): what could be read. 年底 → month 12, period end. */
export interface PartialDate {
  readonly month?: number;
  readonly day?: number;
  readonly period?: "start" | "middle" | "end";
}

/** A parsed value. Never thrown; what could not be read is in `problems`. */
export interface ParsedValue {
  /** The input text as given (trimmed). */
  readonly raw: string;
  /** number: a figure (with optional sign and unit); date; qualitative text; empty; unreadable. */
  readonly kind: "number" | "date" | "qualitative" | "empty" | "unreadable";
  /** Direction, from a symbol or a word (以上, 不低于, 不超过 …), or from a separate sign column. */
  readonly sign?: Sign;
  /** The figure in `unit` (95 for "≥95%", 28.8 for "28.8萬元", 30000 for "3万人"). */
  readonly number?: number;
  /** Canonical unit: "%", "‰", "万元", "元", "亿元", "个", "平方米", "人次", … ; undefined when none. */
  readonly unit?: string;
  readonly unitKind?: UnitKind;
  /** For money: the value in 万元, and the factor from `unit` to 万元 (元 → 0.0001). */
  readonly wan?: number;
  readonly wanFactor?: number;
  /** For dates (2023年12月, 2023-10-31, an Excel serial under a date format). */
  readonly date?: ParsedDate;
  /** For qualitative values: the cleaned text (达成预期, 有效 …). */
  readonly text?: string;
  /** A date without a year ("12月底", "年底前"); kind "date", `date` absent. */
  readonly partialDate?: PartialDate;
  /** For a compound unit (元/亩): the canonical denominator ("亩"); `unit` is "元/亩". */
  readonly perUnit?: string;
  /** True for a "not applicable" mark ("/", "-", "—", "无"); kind "empty". */
  readonly notApplicable?: boolean;
  /** 定性 or 定量（其他） when the sign column (or the value) says so; `sign` is then absent. */
  readonly signLabel?: "定性" | "定量其他";
  /** Decimals as written in the value text (or implied by its number format). */
  readonly decimals?: number;
  /** Human-readable notes on anything that could not be read (Chinese; short). Empty when clean. */
  readonly problems: readonly string[];
}

/** Extra context for parsing one value. */
export interface ParseContext {
  /** Text of a separate sign column (指标性质 / 计算符号), e.g. "=", "≥", "定性". */
  readonly signText?: string;
  /** Text of a separate unit column (计量单位 / 度量单位). */
  readonly unitText?: string;
  /** Excel number format of the cell, e.g. "0.00%" or "yyyy-mm-dd". */
  readonly numberFormat?: string | null;
}

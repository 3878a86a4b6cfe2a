/**
 * Direction signs (计算符号 / 指标性质), rules.md §2.2.
 * Symbols in every width and spelling, the words people write instead of symbols,
 * and the numeric codes of the budget systems (1–6, 9).
 */
import { toHalfWidth } from "../text";
import type { Sign, SignFamily } from "./types";
import { memoByText } from "../memo";

/** What a sign column or sign word can mean: a direction, 定性 (code 6) or 定量（其他） (code 9). */
export type SignReading = Sign | "定性" | "定量其他";

/** Symbol spellings after half-width conversion and whitespace removal. Longest first matters only for prefixes. */
export const SIGN_SYMBOLS: ReadonlyArray<readonly [string, Sign]> = [
  [">=", "≥"],
  ["=>", "≥"],
  ["≥=", "≥"],
  ["≧", "≥"],
  ["⩾", "≥"],
  ["≥", "≥"],
  ["<=", "≤"],
  ["=<", "≤"],
  ["≤=", "≤"],
  ["≦", "≤"],
  ["⩽", "≤"],
  ["≤", "≤"],
  ["==", "＝"],
  ["═", "＝"],
  ["=", "＝"],
  [">", "＞"],
  ["<", "＜"],
];

/** Words written before a figure ("不低于90%"). Longest first. */
export const SIGN_PREFIX_WORDS: ReadonlyArray<readonly [string, Sign]> = [
  ["大于或等于", "≥"],
  ["小于或等于", "≤"],
  ["大于等于", "≥"],
  ["小于等于", "≤"],
  ["不低于", "≥"],
  ["不少于", "≥"],
  ["不小于", "≥"],
  ["不高于", "≤"],
  ["不超过", "≤"],
  ["不超出", "≤"],
  ["不大于", "≤"],
  ["不多于", "≤"],
  ["控制在", "≤"],
  ["至少", "≥"],
  ["最少", "≥"],
  ["最低", "≥"],
  ["至多", "≤"],
  ["最多", "≤"],
  ["最高", "≤"],
  ["大于", "＞"],
  ["高于", "＞"],
  ["多于", "＞"],
  ["超过", "＞"],
  ["小于", "＜"],
  ["低于", "＜"],
  ["少于", "＜"],
  ["等于", "＝"],
  ["达到", "≥"],
];

/** Words written after a figure ("95%以上", "5%以内"). Longest first. */
export const SIGN_SUFFIX_WORDS: ReadonlyArray<readonly [string, Sign]> = [
  ["及以上", "≥"],
  ["或以上", "≥"],
  ["以上", "≥"],
  ["之上", "≥"],
  ["及以下", "≤"],
  ["或以下", "≤"],
  ["以下", "≤"],
  ["之下", "≤"],
  ["以内", "≤"],
  ["之内", "≤"],
  ["以前", "≤"],
  ["之前", "≤"],
  ["前", "≤"],
  ["内", "≤"],
];

/** Whole-cell words of a sign column. */
const SIGN_WORDS: Readonly<Record<string, SignReading>> = {
  大于等于: "≥",
  大于或等于: "≥",
  不低于: "≥",
  不少于: "≥",
  不小于: "≥",
  以上: "≥",
  及以上: "≥",
  至少: "≥",
  正向: "≥",
  正向指标: "≥",
  大于: "＞",
  高于: "＞",
  等于: "＝",
  小于: "＜",
  低于: "＜",
  小于等于: "≤",
  小于或等于: "≤",
  不高于: "≤",
  不超过: "≤",
  不大于: "≤",
  以下: "≤",
  及以下: "≤",
  以内: "≤",
  至多: "≤",
  反向: "≤",
  反向指标: "≤",
  定性: "定性",
  定性指标: "定性",
  定量其他: "定量其他",
  "定量(其他)": "定量其他",
  "定量-其他": "定量其他",
  其他: "定量其他",
  // numeric codes of the budget systems (rules.md §2.2)
  "1": "≥",
  "2": "＞",
  "3": "＝",
  "4": "＜",
  "5": "≤",
  "6": "定性",
  "9": "定量其他",
};

/** Half-width, no whitespace, brackets unified: the form sign words are matched in. */
export function compactSignText(text: string): string {
  return toHalfWidth(text)
    .replace(/[\s\u00a0\u200b\ufeff]+/g, "")
    .replace(/[【[]/g, "(")
    .replace(/[】\]]/g, ")");
}

// Sign columns hold a handful of texts repeated on every row: readings are remembered (bounded).
const signMemo = memoByText(normalizeSignUncached, 5_000, 32);

/**
 * Reads a sign column or sign word: "≥", "≧", ">=", "＞", "═", "==", "≤", "<=", "大于等于",
 * "不低于", "以上", "不超过", "以内", "等于", "定性", "定量（其他）", codes 1–6 and 9.
 * Undefined when the text is not a sign. Never throws.
 */
export function normalizeSign(text: string): SignReading | undefined {
  return typeof text === "string" ? signMemo(text) : undefined;
}

function normalizeSignUncached(text: string): SignReading | undefined {
  const t = compactSignText(text);
  if (t === "") return undefined;
  for (const [sym, sign] of SIGN_SYMBOLS) if (t === sym) return sign;
  const w = SIGN_WORDS[t];
  if (w !== undefined) return w;
  // "1-≥", "1:≥", "≥(大于等于)" — a code or symbol with its label
  const lead = /^([1-69])[-:.、)]/.exec(t);
  if (lead) return SIGN_WORDS[lead[1]];
  for (const [sym, sign] of SIGN_SYMBOLS) {
    if (t.startsWith(sym) && /^\(.*\)$/.test(t.slice(sym.length))) return sign;
  }
  return undefined;
}

/**
 * Scoring family of a sign (rules.md §2.2 / §4.3): ≥ ＞ → positive; ＝ → equal; ＜ ≤ → reverse;
 * 定性 → qualitative; 定量（其他） → other.
 * No sign (a bare figure such as "100%") reads as "reach this figure": equal, which §4.3
 * scores like positive when the target is above 0.
 */
export function signFamily(sign: SignReading | undefined): SignFamily {
  switch (sign) {
    case "≥":
    case "＞":
      return "positive";
    case "＝":
      return "equal";
    case "＜":
    case "≤":
      return "reverse";
    case "定性":
      return "qualitative";
    case "定量其他":
      return "other";
    default:
      return "equal";
  }
}

/**
 * Text normalisation shared by the parser, table recognition and reconciliation.
 * Real tables mix full-width and half-width forms, spaces inside labels (产 出 指 标) and line breaks.
 */
import { memoByText } from "./memo";

/** Full-width ASCII variants (！ to ～) and the ideographic space become half-width. */
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

export function toHalfWidth(s: string): string {
  return FULL_WIDTH.test(s) ? halfWidthOf(s) : s;
}

/** toHalfWidth of a text known to hold a full-width character. */
function halfWidthOf(s: string): string {
  // Copies the runs between full-width characters (usually a bracket or two) rather than char by char.
  let out = "";
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if ((code >= 0xff01 && code <= 0xff5e) || code === 0x3000) {
      out += s.slice(from, i) + (code === 0x3000 ? " " : String.fromCharCode(code - 0xfee0));
      from = i + 1;
    }
  }
  return out + s.slice(from);
}

/** A CJK ideograph of the basic block or extension A (U+3400–U+9FFF), as a UTF-16 code unit. */
export function isIdeograph(code: number): boolean {
  return code >= 0x3400 && code <= 0x9fff;
}

/** Characters that compacting or cleaning would change: whitespace of any kind, full-width forms, Latin capitals. */
const CHANGES_ON_COMPACT = /[\s\u00a0\u200b\ufeff\u3000\uff01-\uff5eA-Z]/;

// The labels that do need compacting repeat across rows ("产 出 指 标", "年度\n指标值"): short ones are remembered.
const compactMemo = memoByText((s) => toHalfWidth(s).replace(/[\s\u00a0\u200b\ufeff]+/g, "").toLowerCase(), 20_000, 40);

/** Half-width, no whitespace of any kind (spaces, line breaks, NBSP), lower-case Latin. For matching labels. */
export function compactLabel(s: string): string {
  // Most labels are already compact: answer those with one test and no allocation.
  return CHANGES_ON_COMPACT.test(s) ? compactMemo(s) : s;
}

/**
 * True for the characters cleanText collapses: JavaScript's \s (the ideographic space U+3000 and U+FEFF among them)
 * and the zero-width space U+200B; that is [\s\u00a0\u200b\ufeff].
 */
function isCleanSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Half-width, trimmed, internal runs of whitespace collapsed to one space. For showing and comparing values. */
export function cleanText(s: string): string {
  // One pass tells what the text needs (each cell the checks read comes here): most texts need nothing; full-width
  // brackets or digits without any whitespace (城关镇（12）) need the half-width pass only.
  let fullWidth = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) fullWidth = true;
    else if (isCleanSpace(c)) return toHalfWidth(s).replace(/[\s\u00a0\u200b\ufeff]+/g, " ").trim();
  }
  return fullWidth ? halfWidthOf(s) : s;
}

function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/**
 * Removes a trailing "(50分)" / "（30分）" style subtotal, returning the label and the points if present.
 * Read from the end in one pass (linear on any text): an optional ")" or "]", "分", a number (digits, or digits
 * "." digits, the longest such), an optional "(" or "["; one more "(" or "[" ending the label is dropped too.
 */
export function splitPointsSuffix(label: string): { label: string; points?: number } {
  const t = compactLabel(label);
  let end = t.length;
  const last = t.charCodeAt(end - 1);
  if (last === 0x29 || last === 0x5d) end--; // ")" "]"
  if (end === 0 || t.charCodeAt(end - 1) !== 0x5206) return { label: t }; // "分"
  end--;
  let start = end;
  while (start > 0 && isAsciiDigit(t.charCodeAt(start - 1))) start--;
  if (start === end) return { label: t };
  // "12.5分": the digits before a "." belong to the number.
  if (start >= 2 && t.charCodeAt(start - 1) === 0x2e && isAsciiDigit(t.charCodeAt(start - 2))) {
    start--;
    while (start > 0 && isAsciiDigit(t.charCodeAt(start - 1))) start--;
  }
  let cut = start;
  for (let k = 0; k < 2 && cut > 0; k++) {
    const c = t.charCodeAt(cut - 1);
    if (c !== 0x28 && c !== 0x5b) break; // "(" "["
    cut--;
  }
  return { label: t.slice(0, cut), points: Number(t.slice(start, end)) };
}

/** The text without a trailing run of any of `chars` ("单位：：" → "单位"): one backward scan, linear on any text. */
export function trimTrailing(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s.charAt(end - 1))) end--;
  return end === s.length ? s : s.slice(0, end);
}

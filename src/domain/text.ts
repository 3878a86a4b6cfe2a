/**
 * Text normalisation shared by the parser, table recognition and reconciliation.
 * Real tables mix full-width and half-width forms, spaces inside labels (产 出 指 标) and line breaks.
 */

/** Full-width ASCII variants (！ to ～) and the ideographic space become half-width. */
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

export function toHalfWidth(s: string): string {
  if (!FULL_WIDTH.test(s)) return s;
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += " ";
    else out += s[i];
  }
  return out;
}

const compactCache = new Map<string, string>();

/** Half-width, no whitespace of any kind (spaces, line breaks, NBSP), lower-case Latin. For matching labels. */
export function compactLabel(s: string): string {
  // Labels repeat across rows; short ones are cached (bounded) since this runs for every cell recognized.
  if (s.length > 40) return compactUncached(s);
  const hit = compactCache.get(s);
  if (hit !== undefined) return hit;
  const out = compactUncached(s);
  if (compactCache.size > 20000) compactCache.clear();
  compactCache.set(s, out);
  return out;
}

function compactUncached(s: string): string {
  return toHalfWidth(s).replace(/[\s\u00a0\u200b\ufeff]+/g, "").toLowerCase();
}

/** Half-width, trimmed, internal runs of whitespace collapsed to one space. For showing and comparing values. */
export function cleanText(s: string): string {
  return toHalfWidth(s).replace(/[\s\u00a0\u200b\ufeff]+/g, " ").trim();
}

/** Removes a trailing "(50分)" / "（30分）" style subtotal, returning the label and the points if present. */
export function splitPointsSuffix(label: string): { label: string; points?: number } {
  const t = compactLabel(label);
  const m = /^(.*?)[([]?(\d+(?:\.\d+)?)分[)\]]?$/.exec(t);
  if (!m) return { label: t };
  return { label: m[1].replace(/[([]$/, ""), points: Number(m[2]) };
}

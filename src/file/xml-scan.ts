/**
 * Searches over XML text that never look past the element they are in, and count what they visit
 * (`xlsxReadWork`): the .xlsx readers' scans are linear in the input whatever it holds (issue 25: a 2.6 KB file
 * whose tag carries a 200,000-character attribute took 100 s through a backtracking regular expression; 100,000
 * empty rows made every row's cell search run to the end of the chunk).
 */

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/**
 * Characters the sheet reader's searches have visited, counted as they go: every search here is bounded by the element
 * it is in, so this grows with the input, never with its square (the tests double hostile inputs and compare).
 */
export const xlsxReadWork = { chars: 0 };

/**
 * `needle` in s[from, to), or -1: never looks past `to` (a search from each row of 100,000 empty rows must not run to
 * the end of the chunk each time). A slice of a flat string is a view in V8, so this costs what it scans.
 */
export function indexIn(s: string, needle: string, from: number, to: number): number {
  if (to - from < needle.length) return -1;
  const i = (from === 0 && to === s.length ? s : s.slice(from, to)).indexOf(needle);
  xlsxReadWork.chars += i < 0 ? to - from : i + needle.length;
  return i < 0 ? -1 : from + i;
}

/**
 * Each attribute `name="value"` (or single quotes) of a start tag's text s[from, to), in one pass: a name not followed by
 * "=" and a quote is skipped whole (the regular expression this replaces retried it from each of its characters, and
 * so took the square of a 200,000-character name). Values are raw (entities not decoded).
 */
export function eachAttribute(s: string, from: number, to: number, visit: (name: string, value: string) => void): void {
  // Where a search for each quote last failed: none after it, so none is searched for again.
  let noDouble = to;
  let noSingle = to;
  let i = from;
  xlsxReadWork.chars += to - from;
  while (i < to) {
    const c = s.charCodeAt(i);
    if (!isAttrNameChar(c)) {
      i++;
      continue;
    }
    const nameStart = i;
    while (i < to && isAttrNameChar(s.charCodeAt(i))) i++;
    const nameEnd = i;
    let k = i;
    while (k < to && isSpace(s.charCodeAt(k))) k++;
    if (k >= to || s.charCodeAt(k) !== 0x3d) continue;
    k++;
    while (k < to && isSpace(s.charCodeAt(k))) k++;
    const q = k < to ? s.charCodeAt(k) : 0;
    if (q !== 0x22 && q !== 0x27) {
      i = k;
      continue;
    }
    const limit = q === 0x22 ? noDouble : noSingle;
    const close = k + 1 < limit ? indexIn(s, q === 0x22 ? '"' : "'", k + 1, limit) : -1;
    if (close < 0) {
      if (q === 0x22) noDouble = Math.min(noDouble, k + 1);
      else noSingle = Math.min(noSingle, k + 1);
      i = k + 1;
      continue;
    }
    visit(s.slice(nameStart, nameEnd), s.slice(k + 1, close));
    i = close + 1;
  }
}

export function isAttrNameChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2e || c === 0x3a || c === 0x2d;
}

/**
 * Each start tag `<name …>` (or `<name …/>`) in s[from, to), its text from "<" to ">" handed to `visit`, in one pass:
 * a tag with no ">" after it ends the search (no later one can close either), where `/<name\b[^>]*>/g` rescanned
 * the rest from every such start.
 */
export function eachStartTag(s: string, name: string, from: number, to: number, visit: (tag: string) => void): void {
  const open = `<${name}`;
  for (let i = indexIn(s, open, from, to); i >= 0; ) {
    const after = i + open.length;
    const c = after < to ? s.charCodeAt(after) : 0x3e;
    // "\b" after the name: the next character is not a word character.
    const word = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
    if (word) {
      i = indexIn(s, open, after, to);
      continue;
    }
    const gt = indexIn(s, ">", after, to);
    if (gt < 0) return;
    visit(s.slice(i, gt + 1));
    i = indexIn(s, open, gt + 1, to);
  }
}

/** Attributes of one start tag's text (`name="v"` or `name='v'`), names as written, values raw; linear in the text. */
export function rawAttributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  eachAttribute(tag, 0, tag.length, (n, v) => out.set(n, v));
  return out;
}

/**
 * Text from files (file names, sheet names, cell values, messages that quote them) made safe to print on a
 * terminal. A submitted workbook is not trusted: an escape sequence in a sheet name could move the cursor,
 * retitle the window or hide lines; a newline in a file name would split the header line; a 10 MB cell would
 * flood the screen. So, for the text output only (JSON escapes by itself and stays complete):
 * - escape sequences (ESC or C1 introducers: CSI, OSC/DCS/APC/PM/SOS strings, two- and three-character
 *   sequences) are removed whole; every other C0 and C1 control, DEL and the bidirectional overrides and
 *   isolates (which reorder what is shown) are removed;
 * - in names a line break is shown as a visible \n or \r; in values whitespace runs with line breaks become one space;
 * - long text is cut (default 200 characters) with "…" and the original length.
 * One pass over the text, no regular expressions: linear on any input.
 */

/** Longest value printed whole. */
export const MAX_TERMINAL_TEXT = 200;

const ESC = 0x1b;
const BEL = 0x07;

function isBidiControl(c: number): boolean {
  return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/** True for characters that are printed as they are. */
function plain(c: number): boolean {
  return c >= 0x20 && c !== 0x7f && !(c >= 0x80 && c <= 0x9f) && !isBidiControl(c);
}

/** A control-string's payload (OSC, DCS, SOS, PM, APC) runs from `j` to BEL or ST; returns the index after it. */
function skipControlString(s: string, j: number): number {
  while (j < s.length) {
    const c = s.charCodeAt(j);
    if (c === BEL || c === 0x9c) return j + 1;
    if (c === ESC) return s.charCodeAt(j + 1) === 0x5c ? j + 2 : j; // ESC \ is ST; any other ESC starts anew
    if (c < 0x20 || (c >= 0x80 && c <= 0x9f)) return j; // another control cancels the string
    j++;
  }
  return j;
}

/** CSI parameters and intermediates from `j`, then its final byte; returns the index after it. */
function skipCsi(s: string, j: number): number {
  while (j < s.length) {
    const c = s.charCodeAt(j);
    if (c >= 0x20 && c <= 0x3f) j++;
    else return c >= 0x40 && c <= 0x7e ? j + 1 : j;
  }
  return j;
}

/** The index after the escape sequence that starts at `i` (an ESC or a C1 introducer). */
function skipEscape(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === 0x9b) return skipCsi(s, i + 1);
  if (c === 0x90 || c === 0x98 || c === 0x9d || c === 0x9e || c === 0x9f) return skipControlString(s, i + 1);
  if (c !== ESC) return i + 1;
  const n = s.charCodeAt(i + 1);
  if (n === 0x5b) return skipCsi(s, i + 2); // [
  if (n === 0x5d || n === 0x50 || n === 0x58 || n === 0x5e || n === 0x5f) return skipControlString(s, i + 2); // ] P X ^ _
  let j = i + 1;
  while (j < s.length && s.charCodeAt(j) >= 0x20 && s.charCodeAt(j) <= 0x2f) j++; // intermediates (ESC ( B …)
  return j < s.length && s.charCodeAt(j) >= 0x30 && s.charCodeAt(j) <= 0x7e ? j + 1 : i + 1;
}

/**
 * Removes escape sequences and control characters. Line breaks become a visible `\n` / `\r` ("escape", for
 * names) or a space ("space", for values); a tab becomes a space.
 */
export function stripControls(s: string, breaks: "escape" | "space"): string {
  const parts: string[] = [];
  let start = 0;
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (plain(c)) {
      i++;
      continue;
    }
    if (i > start) parts.push(s.slice(start, i));
    if (c === 0x0a || c === 0x0d) parts.push(breaks === "space" ? " " : c === 0x0a ? "\\n" : "\\r");
    else if (c === 0x09 || c === 0x0b || c === 0x0c) parts.push(" ");
    if (c === ESC || (c >= 0x80 && c <= 0x9f)) i = skipEscape(s, i);
    else i++;
    start = i;
  }
  if (start === 0) return s;
  if (start < s.length) parts.push(s.slice(start));
  return parts.join("");
}

/** Cuts text longer than `max` characters: the first `max`, "…" and the original length. */
export function cutText(s: string, max: number = MAX_TERMINAL_TEXT, originalLength: number = s.length): string {
  if (s.length <= max) return s;
  let end = max;
  const last = s.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // do not split a surrogate pair
  return `${s.slice(0, end)}…（共 ${originalLength} 字符 / ${originalLength} characters）`;
}

/** A file or sheet name for the terminal: controls removed, line breaks visible, cut when very long. */
export function termName(s: string, max: number = MAX_TERMINAL_TEXT): string {
  return cutText(stripControls(s, "escape"), max, s.length);
}

/** JavaScript's \s: the white space a line break's surroundings are trimmed of. */
function isSpace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function isBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

/** Each line break with the white space around it → one space (as `s.replace(/\s*[\r\n]+\s*\/g, " ")`, in one pass). */
export function joinLines(s: string): string {
  const parts: string[] = [];
  let start = 0;
  let i = 0;
  while (i < s.length) {
    if (!isBreak(s.charCodeAt(i))) {
      i++;
      continue;
    }
    let k = i;
    while (k > start && isSpace(s.charCodeAt(k - 1))) k--;
    parts.push(s.slice(start, k), " ");
    while (i < s.length && isSpace(s.charCodeAt(i))) i++;
    start = i;
  }
  if (start === 0) return s;
  parts.push(s.slice(start));
  return parts.join("");
}

/** A cell value or a message for the terminal: controls removed, on one line, cut when very long. */
export function termValue(s: string, max: number = MAX_TERMINAL_TEXT): string {
  return cutText(stripControls(joinLines(s), "space").trim(), max, s.length);
}

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
 * One pass over the text, no regular expressions: linear on any input. The controls are taken out by
 * src/file/shown-text.ts, which the page uses too, so a name reads the same in both.
 */
import { stripControls } from "../file/shown-text";

export { stripControls };

/** Longest value printed whole. */
export const MAX_TERMINAL_TEXT = 200;

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

/**
 * Control characters taken out of text from files (file, sheet and cell names, values) before it is shown, by the
 * command line (src/cli/terminal.ts) and by the page alike, so both show a name the same way. A submitted file is
 * not trusted: escape sequences (ESC or C1 introducers: CSI, OSC/DCS/APC/PM/SOS strings, two- and three-character
 * sequences) are removed whole; every other C0 and C1 control, DEL and the bidirectional overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069, which reorder what is shown: "报告\u202Exslx.exe" would read "报告exe.xlsx") are
 * removed. One pass over the text, no regular expressions: linear on any input. No Node built-ins (the page uses it).
 */

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

/** A file or sheet name as shown (page and terminal): controls removed, a line break a visible \n or \r. */
export function shownName(s: string): string {
  return stripControls(s, "escape");
}

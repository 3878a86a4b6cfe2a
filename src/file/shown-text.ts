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
 * names), a space ("space", for values on one line) or stay as they are ("keep", for a workbook cell or a page's
 * text, where they are plain line breaks, and so do tabs); a tab becomes a space otherwise.
 */
export function stripControls(s: string, breaks: "escape" | "space" | "keep"): string {
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
    if (c === 0x0a || c === 0x0d) parts.push(breaks === "space" ? " " : breaks === "keep" ? s[i] : c === 0x0a ? "\\n" : "\\r");
    else if (c === 0x09 && breaks === "keep") parts.push("\t");
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

/**
 * Text from a workbook (a cell's value, a message quoting one, a department or project name) as shown to a person on
 * the page, in the pane and in the report workbook's cells: controls and bidi overrides removed as in names, line
 * breaks kept. `jx check`'s text output shows the same text on one line (terminal.ts); its JSON keeps the raw value,
 * which is data, not display.
 */
export function shownText(s: string): string {
  return stripControls(s, "keep");
}

/** Keys whose strings name a place to go to (a sheet, a cell, a file): kept as they are, so links still find it. */
const PLACE_KEYS: ReadonlySet<string> = new Set(["sheet", "cell", "file"]);

/**
 * `data` with every string shownText, except those under PLACE_KEYS (shown through shownName where they are shown):
 * for data from a workbook handed whole to a view (the coverage figures and lists). Arrays and objects are copied only
 * where something changed; otherwise `data` itself is returned.
 */
export function shownData<T>(data: T): T {
  return shownDeep(data, false) as T;
}

function shownDeep(x: unknown, place: boolean): unknown {
  if (typeof x === "string") return place ? x : shownText(x);
  if (Array.isArray(x)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < x.length; i++) {
      const v = shownDeep(x[i], place);
      if (v !== x[i]) (out ??= x.slice())[i] = v;
    }
    return out ?? x;
  }
  if (x !== null && typeof x === "object") {
    let out: Record<string, unknown> | undefined;
    for (const [k, v] of Object.entries(x)) {
      const w = shownDeep(v, place || PLACE_KEYS.has(k));
      if (w !== v) (out ??= { ...(x as Record<string, unknown>) })[k] = w;
    }
    return out ?? x;
  }
  return x;
}

/**
 * The one XML reading of an .xlsx part, for the command line and the browser page alike (issue 25): every part the
 * reader (xlsx-stream.ts) looks at is first put in a plain form, so the reader's small searches (`<row`, `<c`, `</t>`)
 * meet every valid way of writing the same XML:
 *
 * - element names in the SpreadsheetML or package-relationship namespace lose their prefix (`<x:row>` → `<row>`,
 *   `</x:row >` → `</row>`); prefixes are learnt from the declarations on the part's root element and on any
 *   element whose own prefix is not known yet (declarations on other elements, and scoping, are not followed: no
 *   spreadsheet writer puts them elsewhere); elements of other namespaces keep their prefix and are not read;
 * - end tags lose the spaces before their `>`;
 * - CDATA sections become text with `&`, `<` and `>` escaped (the reader decodes entities in text);
 * - comments and processing instructions (the XML declaration too) are removed;
 * - a `>` inside an attribute value becomes `&gt;` (so the reader's search for a tag's end cannot stop in a value);
 * - a DOCTYPE is refused (no entity expansion, no external entity: nothing is ever fetched);
 * - a part in UTF-16 (by its byte-order mark, or `<` followed by a zero byte) is read as UTF-8 (utf8Part).
 *
 * Works on UTF-8 bytes (every character it looks at is ASCII, and no byte of a multi-byte character is below 0x80),
 * chunk by chunk as a part inflates: one forward pass, what is held between chunks is bounded (an element name of
 * up to 256 bytes, a tag whose prefix is not known yet of up to 64 KB, a few bytes after `<!`), and bytes that need no
 * change are handed on as views of the chunk, not copied. No Node built-ins: the page uses it.
 */
import { rawAttributes, xlsxReadWork } from "./xml-scan";

/** The namespaces whose element prefixes are dropped: SpreadsheetML (transitional and strict) and package relationships. */
const READ_NAMESPACES: ReadonlySet<string> = new Set([
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  "http://purl.oclc.org/ooxml/spreadsheetml/main",
  "http://schemas.openxmlformats.org/package/2006/relationships",
]);

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const COLON = 0x3a;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const AMP = 0x26;
const DASH = 0x2d;
const RBRACKET = 0x5d;

/** Longest element name held whole (longer ones are no name the reader looks for: handed on as they are). */
const NAME_CAP = 256;
/** Longest tag held until its end to read its declarations (beyond, handed on as it is). */
const TAG_CAP = 64 * 1024;

const bytesOf = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const LT_BYTES = bytesOf("<");
const END_OPEN = bytesOf("</");
const GT_BYTES = bytesOf(">");
const GT_ENTITY = bytesOf("&gt;");
const LT_ENTITY = bytesOf("&lt;");
const AMP_ENTITY = bytesOf("&amp;");
const CDATA = bytesOf("[CDATA[");
const DOCTYPE = bytesOf("DOCTYPE");

/** A byte that ends an element name: space, tab, line end, "/" or ">". */
function endsName(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === SLASH || b === GT;
}

/** Why a part could not be read (the reader words it as its other refusals). */
export class XmlPartError extends Error {
  constructor(readonly part: string, readonly what: "doctype") {
    super(`${part} declares a DOCTYPE`);
    this.name = "XmlPartError";
  }
}

const enum State {
  Text,
  /** A start tag's attributes, handed on (also a start or end tag with a name too long to matter). */
  Attrs,
  /** A start tag held until its ">" (it is the root, or its prefix is not known yet). */
  Held,
  /** What is left of an end tag after its name, up to ">". */
  EndTail,
  Comment,
  CData,
  /** A processing instruction. */
  Pi,
}

/** Puts the chunks of one part in the plain form described above; `push` each chunk in order, then `end`. */
export class XmlNormalizer {
  private state = State.Text;
  private out: Uint8Array[] = [];
  private runStart = 0;
  /** The bytes of an unfinished "<…" at the end of the last chunk (at most a name's worth): read again with the next. */
  private carry: Uint8Array | undefined;
  private quote = 0;
  private heldName: Uint8Array = new Uint8Array(0);
  private held: number[] = [];
  private dashes = 0;
  private brackets = 0;
  private question = false;
  private rootSeen = false;
  /** Prefix → whether it names a namespace read here. */
  private readonly prefixes = new Map<string, boolean>();

  constructor(private readonly part: string) {}

  /** The plain form of this chunk's bytes (a few may be held back until the next chunk). */
  push(input: Uint8Array): Uint8Array {
    xlsxReadWork.chars += input.length;
    const chunk = this.carry ? concatBytes([this.carry, input]) : input;
    this.carry = undefined;
    this.out = [];
    this.runStart = 0;
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      switch (this.state) {
        case State.Text: {
          const lt = chunk.indexOf(LT, i);
          if (lt < 0) {
            i = n;
            break;
          }
          i = this.markup(chunk, lt);
          break;
        }
        case State.Attrs: {
          let q = this.quote;
          while (i < n) {
            const b = chunk[i++];
            if (q !== 0) {
              if (b === q) q = 0;
              else if (b === GT) {
                this.flush(chunk, i - 1);
                this.emit(GT_ENTITY);
                this.runStart = i;
              }
            } else if (b === GT) {
              this.state = State.Text;
              break;
            } else if (b === DQUOTE || b === SQUOTE) q = b;
          }
          this.quote = q;
          break;
        }
        case State.Held: {
          for (; i < n; i++) {
            const b = chunk[i];
            if (this.quote !== 0) {
              if (b === this.quote) this.quote = 0;
              else if (b === GT) {
                for (const x of GT_ENTITY) this.held.push(x);
                continue;
              }
            } else if (b === DQUOTE || b === SQUOTE) this.quote = b;
            else if (b === GT) {
              i++;
              this.releaseHeld(true);
              this.state = State.Text;
              break;
            }
            this.held.push(b);
            if (this.held.length > TAG_CAP) {
              i++;
              this.releaseHeld(false);
              this.state = State.Attrs;
              break;
            }
          }
          this.runStart = i;
          break;
        }
        case State.EndTail: {
          const gt = chunk.indexOf(GT, i);
          i = gt < 0 ? n : gt + 1;
          if (gt >= 0) {
            this.emit(GT_BYTES);
            this.state = State.Text;
          }
          this.runStart = i;
          break;
        }
        case State.Comment: {
          for (; i < n; i++) {
            const b = chunk[i];
            if (b === DASH) this.dashes++;
            else if (b === GT && this.dashes >= 2) {
              i++;
              this.state = State.Text;
              break;
            } else this.dashes = 0;
          }
          this.runStart = i;
          break;
        }
        case State.CData: {
          for (; i < n; i++) {
            const b = chunk[i];
            if (b === RBRACKET) {
              this.flush(chunk, i);
              this.runStart = i + 1;
              this.brackets++;
              continue;
            }
            if (b === GT && this.brackets >= 2) {
              this.emitBrackets(this.brackets - 2);
              this.brackets = 0;
              i++;
              this.runStart = i;
              this.state = State.Text;
              break;
            }
            if (this.brackets > 0) {
              this.emitBrackets(this.brackets);
              this.brackets = 0;
            }
            if (b === AMP || b === LT || b === GT) {
              this.flush(chunk, i);
              this.emit(b === AMP ? AMP_ENTITY : b === LT ? LT_ENTITY : GT_ENTITY);
              this.runStart = i + 1;
            }
          }
          break;
        }
        case State.Pi: {
          for (; i < n; i++) {
            const b = chunk[i];
            if (b === GT && this.question) {
              i++;
              this.state = State.Text;
              break;
            }
            this.question = b === QUESTION;
          }
          this.runStart = i;
          break;
        }
      }
    }
    if (this.carry === undefined) this.flush(chunk, n);
    return concatBytes(this.out);
  }

  /** What is left at the end of the part (an unfinished construct is handed on as it was, for the reader to refuse). */
  end(): Uint8Array {
    this.out = [];
    if (this.state === State.Held) this.releaseHeld(false);
    if (this.carry) this.emit(this.carry);
    this.carry = undefined;
    this.state = State.Text;
    return concatBytes(this.out);
  }

  /**
   * The markup starting with the "<" at `lt`: a tag whose name needs no change stays in the run (no copy); the rest is
   * handed on changed, or sets the state that reads it. Returns where reading goes on.
   */
  private markup(chunk: Uint8Array, lt: number): number {
    const n = chunk.length;
    if (lt + 1 >= n) return this.carryFrom(chunk, lt);
    const next = chunk[lt + 1];
    if (next === BANG) {
      if (lt + 3 < n && chunk[lt + 2] === DASH && chunk[lt + 3] === DASH) {
        this.flush(chunk, lt);
        this.dashes = 0;
        this.state = State.Comment;
        this.runStart = lt + 4;
        return lt + 4;
      }
      const word = chunk.subarray(lt + 2, Math.min(n, lt + 9));
      if (word.length === 7 && sameBytes(word, CDATA)) {
        this.flush(chunk, lt);
        this.brackets = 0;
        this.state = State.CData;
        this.runStart = lt + 9;
        return lt + 9;
      }
      if (word.length === 7 && sameBytes(word, DOCTYPE)) throw new XmlPartError(this.part, "doctype");
      // Not enough bytes yet to tell: read again with the next chunk.
      if (word.length < 7 && (prefixOf(word, CDATA) || prefixOf(word, DOCTYPE) || (word.length < 2 && (word.length === 0 || word[0] === DASH)))) return this.carryFrom(chunk, lt);
      return lt + 2; // not XML: left as text, where the reader finds no element
    }
    if (next === QUESTION) {
      this.flush(chunk, lt);
      this.question = false;
      this.state = State.Pi;
      this.runStart = lt + 2;
      return lt + 2;
    }
    const endTag = next === SLASH;
    const from = endTag ? lt + 2 : lt + 1;
    let j = from;
    let colon = -1;
    while (j < n && !endsName(chunk[j])) {
      if (chunk[j] === COLON && colon < 0) colon = j;
      j++;
    }
    if (j - from > NAME_CAP) {
      // No name the reader looks for: handed on as it is.
      this.quote = 0;
      this.state = State.Attrs;
      return j;
    }
    if (j >= n) return this.carryFrom(chunk, lt);
    const prefix = colon < 0 ? undefined : latin1(chunk.subarray(from, colon));
    const read = prefix !== undefined && this.prefixes.get(prefix) === true;
    if (endTag) {
      if (!read && chunk[j] === GT) return j + 1; // unchanged
      this.flush(chunk, lt);
      this.emit(END_OPEN);
      this.emit(chunk.subarray(read ? colon + 1 : from, j));
      this.state = State.EndTail;
      this.runStart = j;
      return j;
    }
    this.quote = 0;
    if (!this.rootSeen || (prefix !== undefined && !this.prefixes.has(prefix))) {
      // The root, or a prefix not known yet: its declarations may be in this very tag.
      this.rootSeen = true;
      this.flush(chunk, lt);
      this.heldName = chunk.slice(from, j);
      this.held = [];
      this.state = State.Held;
      this.runStart = j;
      return j;
    }
    this.state = State.Attrs;
    if (!read) return j; // unchanged
    this.flush(chunk, lt);
    this.emit(LT_BYTES);
    this.emit(chunk.subarray(colon + 1, j));
    this.runStart = j;
    return j;
  }

  /** The bytes from `lt` on are read again with the next chunk (not enough of them to tell what they are). */
  private carryFrom(chunk: Uint8Array, lt: number): number {
    this.flush(chunk, lt);
    this.carry = chunk.slice(lt);
    this.runStart = chunk.length;
    return chunk.length;
  }

  private flush(chunk: Uint8Array, to: number): void {
    if (to > this.runStart) this.out.push(chunk.subarray(this.runStart, to));
    this.runStart = to;
  }

  private emit(bytes: Uint8Array): void {
    if (bytes.length > 0) this.out.push(bytes);
  }

  private emitBrackets(k: number): void {
    if (k > 0) this.emit(new Uint8Array(k).fill(RBRACKET));
  }

  /** The held tag handed on; when whole (`complete`), the namespace declarations in it are learnt first. */
  private releaseHeld(complete: boolean): void {
    if (complete) {
      let text = "";
      for (let k = 0; k < this.held.length; k += 8192) text += String.fromCharCode(...this.held.slice(k, k + 8192));
      if (text.includes("xmlns:")) {
        for (const [k, v] of rawAttributes(text)) if (k.startsWith("xmlns:")) this.prefixes.set(k.slice(6), READ_NAMESPACES.has(v));
      }
    }
    const name = this.heldName;
    const colon = name.indexOf(COLON);
    const read = colon >= 0 && this.prefixes.get(latin1(name.subarray(0, colon))) === true;
    this.emit(LT_BYTES);
    this.emit(read ? name.subarray(colon + 1) : name);
    this.emit(Uint8Array.from(this.held));
    if (complete) this.emit(GT_BYTES);
    this.held = [];
  }
}

function latin1(b: Uint8Array): string {
  return String.fromCharCode(...b);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** True when `a` is a proper beginning of `b` (so more bytes could still make `b`). */
function prefixOf(a: Uint8Array, b: Uint8Array): boolean {
  return a.length < b.length && sameBytes(a, b.subarray(0, a.length));
}

/** The parts one after another (the part itself when there is one). */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A whole part in the plain form. */
export function normalizeXml(bytes: Uint8Array, part: string): Uint8Array {
  const n = new XmlNormalizer(part);
  const a = n.push(bytes);
  const b = n.end();
  return b.length === 0 ? a : concatBytes([a, b]);
}

/** The encoding a part's first bytes show: UTF-16 by its byte-order mark or by "<" and a zero byte; else UTF-8. */
export function utf16Of(head: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  if (head.length < 2) return undefined;
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === LT && head[1] === 0)) return "utf-16le";
  if ((head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0 && head[1] === LT)) return "utf-16be";
  return undefined;
}

/** A part's bytes as UTF-8 (a UTF-16 part is decoded and encoded again; a UTF-8 one is returned as it is). */
export function utf8Part(bytes: Uint8Array): Uint8Array {
  const enc = utf16Of(bytes);
  return enc ? new TextEncoder().encode(new TextDecoder(enc).decode(bytes)) : bytes;
}

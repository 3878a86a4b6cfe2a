/**
 * Proof that a sheet is one the add-in wrote and nobody changed since: a keyed digest (HMAC-SHA-256) of the sheet's
 * kind, the name the add-in gave it, its used range's position and every value Excel returns for it, kept in the
 * sheet's marker (ownership.ts). The key is a random secret of this add-in on this computer (localStorage, partitioned
 * as Office asks), never written into a workbook: a received workbook cannot carry a marker that verifies, whatever
 * it names and whatever digest it carries, because its author does not know the key.
 *
 * Why keyed: an unkeyed digest only says "unchanged since the marker was written"; anyone can compute it over a
 * user's sheet (自评表) and forge a marker that matches. With the key, a sheet is the add-in's own only if this add-in
 * wrote exactly this content. The price: a report written on another computer (or after the browser storage was
 * cleared) is not recognised here; it is then the user's sheet, checked and never deleted, and the new report goes to
 * a free name. That is the safe side.
 *
 * SHA-256 is written out here (FIPS 180-4) because the digest is fed row by row while the sheet is read, in every
 * host the pane runs in (Excel's webviews, Chromium, jsdom), synchronously; WebCrypto's digest is one-shot and async.
 */

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));

/** Streaming SHA-256 over bytes and UTF-8 text. */
export class Sha256 {
  private readonly h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  private readonly block = new Uint8Array(64);
  private readonly w = new Uint32Array(64);
  private used = 0;
  private length = 0;

  /** Adds bytes. */
  bytes(data: ArrayLike<number>): this {
    for (let i = 0; i < data.length; i++) this.byte(data[i]);
    return this;
  }

  /** Adds a string as UTF-8 (a lone surrogate as U+FFFD, as TextEncoder does). */
  text(s: string): this {
    for (let i = 0; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (c >= 0xd800 && c < 0xe000) {
        const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
        if (c < 0xdc00 && d >= 0xdc00 && d < 0xe000) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
        } else c = 0xfffd;
      }
      if (c < 0x80) this.byte(c);
      else if (c < 0x800) this.byte(0xc0 | (c >> 6)).byte(0x80 | (c & 63));
      else if (c < 0x10000) this.byte(0xe0 | (c >> 12)).byte(0x80 | ((c >> 6) & 63)).byte(0x80 | (c & 63));
      else this.byte(0xf0 | (c >> 18)).byte(0x80 | ((c >> 12) & 63)).byte(0x80 | ((c >> 6) & 63)).byte(0x80 | (c & 63));
    }
    return this;
  }

  private byte(b: number): this {
    this.block[this.used++] = b;
    this.length++;
    if (this.used === 64) {
      this.compress();
      this.used = 0;
    }
    return this;
  }

  private compress(): void {
    const w = this.w;
    const b = this.block;
    for (let i = 0; i < 16; i++) w[i] = (b[4 * i] << 24) | (b[4 * i + 1] << 16) | (b[4 * i + 2] << 8) | b[4 * i + 3];
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
      const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
    }
    let [a, bb, c, d, e, f, g, h] = this.h;
    for (let i = 0; i < 64; i++) {
      const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & bb) ^ (a & c) ^ (bb & c))) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = bb;
      bb = a;
      a = (t1 + t2) | 0;
    }
    const s = this.h;
    s[0] += a;
    s[1] += bb;
    s[2] += c;
    s[3] += d;
    s[4] += e;
    s[5] += f;
    s[6] += g;
    s[7] += h;
  }

  /** The 32-byte digest (the hash cannot be fed afterwards). */
  digest(): Uint8Array {
    const bits = this.length * 8;
    this.byte(0x80);
    while (this.used !== 56) this.byte(0);
    const hi = Math.floor(bits / 0x100000000);
    for (const x of [hi, bits >>> 0]) this.byte((x >>> 24) & 255).byte((x >>> 16) & 255).byte((x >>> 8) & 255).byte(x & 255);
    const out = new Uint8Array(32);
    for (let i = 0; i < 8; i++) {
      out[4 * i] = this.h[i] >>> 24;
      out[4 * i + 1] = (this.h[i] >>> 16) & 255;
      out[4 * i + 2] = (this.h[i] >>> 8) & 255;
      out[4 * i + 3] = this.h[i] & 255;
    }
    return out;
  }
}

/** Lower-case hex of bytes. */
export function hex(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += b.toString(16).padStart(2, "0");
  return s;
}

/** Streaming HMAC-SHA-256 (RFC 2104) with a text key, hashed first whatever its length (so always 32 bytes). */
export class Hmac {
  private readonly inner = new Sha256();
  private readonly outerPad: Uint8Array;

  constructor(key: string) {
    let k = new Sha256().text(key).digest();
    const padded = new Uint8Array(64);
    padded.set(k);
    k = padded;
    this.outerPad = k.map((b) => b ^ 0x5c);
    this.inner.bytes(k.map((b) => b ^ 0x36));
  }

  text(s: string): this {
    this.inner.text(s);
    return this;
  }

  /** The MAC as hex. */
  hex(): string {
    return hex(new Sha256().bytes(this.outerPad).bytes(this.inner.digest()).digest());
  }
}

/** Where the key lives (localStorage, under Office's partition key when Office gives one). */
const KEY_NAME = "jx.owner-key";

/** The key for this session when the browser storage cannot be used (blocked, or absent). */
let sessionKey: string | undefined;

interface KeyStore {
  getItem(k: string): string | null;
  setItem(k: string, v: string): void;
}

/** The partition key Office gives for localStorage (undefined where storage is not partitioned, e.g. Windows). */
function partitionPrefix(): string {
  const office = (globalThis as { Office?: { context?: { partitionKey?: unknown } } }).Office;
  const p = office?.context?.partitionKey;
  return typeof p === "string" && p ? `${p}` : "";
}

function randomKey(): string {
  const bytes = new Uint8Array(32);
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (!c?.getRandomValues) return "";
  c.getRandomValues(bytes);
  return hex(bytes);
}

/**
 * This add-in's secret on this computer, made on first use. Undefined when no strong random source exists: then
 * nothing can be proved the add-in's, so nothing is skipped, replaced or deleted (the safe side).
 */
export function ownerKey(store?: KeyStore): string | undefined {
  const name = partitionPrefix() + KEY_NAME;
  let s: KeyStore | undefined = store;
  if (!s) {
    try {
      s = (globalThis as { localStorage?: KeyStore }).localStorage;
    } catch {
      s = undefined; // access itself can throw when storage is blocked
    }
  }
  try {
    const kept = s?.getItem(name);
    if (kept && /^[0-9a-f]{64}$/.test(kept)) return kept;
  } catch {
    // blocked storage: the session key below
  }
  const fresh = randomKey();
  if (!fresh) return undefined;
  try {
    if (s) {
      s.setItem(name, fresh);
      if (s.getItem(name) === fresh) return fresh;
    }
  } catch {
    // not kept: a session key
  }
  sessionKey ??= fresh;
  return sessionKey;
}

/** Forgets the session key (tests). */
export function resetSessionKey(): void {
  sessionKey = undefined;
}

/** Where a sheet's content lies: the used range (values only) at 0-based (top, left), or nothing. */
export interface UsedBox {
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly cols: number;
}

/**
 * The digest of one sheet, fed its rows in order as Range.values returns them. Each row is JSON (what the wire
 * carries), so "1" and 1, or "" and null, differ.
 */
export class SheetDigest {
  private readonly mac: Hmac;

  constructor(key: string, kind: string, given: string, box: UsedBox | undefined) {
    this.mac = new Hmac(key).text(`jx-own-1\n${kind}\n${given}\n`);
    this.mac.text(box ? `${box.top},${box.left},${box.rows},${box.cols}\n` : "empty\n");
  }

  rows(values: readonly (readonly unknown[])[]): this {
    for (const row of values) this.mac.text(JSON.stringify(row) ?? "null").text("\n");
    return this;
  }

  /** First 32 hex digits (128 bits) of the MAC: what the marker keeps. */
  value(): string {
    return this.mac.hex().slice(0, 32);
  }
}

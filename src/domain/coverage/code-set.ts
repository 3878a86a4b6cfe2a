/**
 * A set of 项目编码 (project codes) matched as the reconciliation matches them (normalize.ts): equal after
 * normalization, or, for digit-only codes, differing only by leading zeros.
 *
 * Most codes are digit strings (or numbers, when Excel dropped their leading zeros), so a digit-only code of at
 * most 15 significant digits is kept by its value in an open-addressing table of doubles: no string is made,
 * normalized or hashed for it, and a look-up reads one flat array. Longer digit-only codes are kept by their loose
 * key (normalize.ts `looseCodeKey`), any other code as normalized; both in ordinary string sets.
 */
import type { CellValue } from "../grid";
import { looseCodeKey, normalizeCode } from "./normalize";

/** Values at or above this have more than 15 digits: doubles stop holding every such integer exactly soon after. */
const VALUE_LIMIT = 1e15;
/** digitValue: not a digit-only string. */
const NOT_DIGITS = -1;
/** digitValue: digit-only, but too many significant digits for a value key. */
const LONG_DIGITS = -2;

/**
 * The value of a digit-only string (ASCII 0–9 only, leading zeros allowed) when it is below 10^15; LONG_DIGITS for a
 * longer digit-only string; NOT_DIGITS for anything else, "" included. Exact: every partial value is an integer
 * below 10^15 < 2^53 until the value passes the limit, and from there it only grows.
 */
function digitValue(s: string): number {
  const n = s.length;
  if (n === 0) return NOT_DIGITS;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NOT_DIGITS;
    v = v * 10 + d;
  }
  return v < VALUE_LIMIT ? v : LONG_DIGITS;
}

/** An empty slot of ValueTable (keys are integers ≥ 0). */
const EMPTY = -1;

/** Integers in [0, 10^15) in an open-addressing table (linear probing, at most half full). */
class ValueTable {
  private keys: Float64Array;
  private shift: number;
  private count = 0;

  /** Sized for `expected` values, at most 2^21 slots (16 MB) up front: a range's cells may be mostly blank. */
  constructor(expected: number) {
    let bits = 4;
    while (1 << bits < expected * 2 && bits < 21) bits++;
    this.keys = new Float64Array(1 << bits).fill(EMPTY);
    this.shift = 32 - bits;
  }

  get size(): number {
    return this.count;
  }

  /**
   * Slot of a value: values that differ only in their last three bits share a block of eight slots (one cache line),
   * so consecutive codes, as budget lists number them, are read from the same line; the block is the top bits of a
   * Fibonacci hash of the other bits (both 32-bit halves mixed). Codes all ending alike (…000) only start their
   * probes at a block's first slot: a block holds four on average at the table's load, probes stay short.
   */
  private slot(v: number): number {
    const lo = v >>> 0;
    const hi = (v / 4294967296) >>> 0;
    return ((Math.imul((lo >>> 3) ^ Math.imul(hi, 0x85ebca6b), 0x9e3779b1) >>> this.shift) & ~7) | (lo & 7);
  }

  add(v: number): void {
    const keys = this.keys;
    const mask = keys.length - 1;
    let i = this.slot(v);
    for (;;) {
      const k = keys[i];
      if (k === v) return;
      if (k === EMPTY) break;
      i = (i + 1) & mask;
    }
    keys[i] = v;
    if (++this.count * 2 > keys.length) this.grow();
  }

  has(v: number): boolean {
    const keys = this.keys;
    const mask = keys.length - 1;
    let i = this.slot(v);
    for (;;) {
      const k = keys[i];
      if (k === v) return true;
      if (k === EMPTY) return false;
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.keys;
    this.keys = new Float64Array(old.length * 2).fill(EMPTY);
    this.shift--;
    this.count = 0;
    for (let i = 0; i < old.length; i++) if (old[i] !== EMPTY) this.add(old[i]);
  }
}

/** Normalized project codes; see the file comment for how they are kept. */
export class CodeSet {
  /** Digit-only codes below 10^15, by value. */
  private readonly values: ValueTable;
  /** Longer digit-only codes, by loose key. */
  private readonly longDigits = new Set<string>();
  /** Any other code, as normalized. */
  private readonly others = new Set<string>();

  /** `expected`: about how many codes will be added (sizes the table; it grows past that). */
  constructor(expected = 0) {
    this.values = new ValueTable(expected);
  }

  /** Number of distinct codes (codes equal after normalization or differing only by leading zeros count once). */
  get size(): number {
    return this.values.size + this.longDigits.size + this.others.size;
  }

  /** Adds the code of a cell; a cell without a code is ignored. */
  addCell(v: CellValue | undefined): void {
    const fast = fastValue(v);
    if (fast >= 0) this.values.add(fast);
    else this.addNormalized(normalizeCode(v));
  }

  /** Adds a code already normalized (normalize.ts `normalizeCode`); "" is ignored. */
  addNormalized(code: string): void {
    const d = digitValue(code);
    if (d >= 0) this.values.add(d);
    else if (d === LONG_DIGITS) this.longDigits.add(looseCodeKey(code) as string);
    else if (code !== "") this.others.add(code);
  }

  /** True when a normalized code is in the set; "" → false. */
  has(code: string): boolean {
    const d = digitValue(code);
    if (d >= 0) return this.values.has(d);
    if (d === LONG_DIGITS) return this.longDigits.has(looseCodeKey(code) as string);
    return code !== "" && this.others.has(code);
  }

  /** Whether a cell's code is in the set; undefined when the cell holds no code (blank, an error, a boolean). */
  lookup(v: CellValue | undefined): boolean | undefined {
    const fast = fastValue(v);
    if (fast >= 0) return this.values.has(fast);
    const code = normalizeCode(v);
    return code === "" ? undefined : this.has(code);
  }
}

/**
 * The value key of a cell that needs no normalization to get one: a digit-only string below 10^15 (already
 * normalized: ASCII digits are a plain code), or a whole number in [0, 10^15) (whose digits `normalizeCode` would
 * write out). −1 for any other cell, which is then normalized.
 */
function fastValue(v: CellValue | undefined): number {
  if (typeof v === "string") return digitValue(v);
  if (typeof v === "number" && v >= 0 && v < VALUE_LIMIT && Number.isInteger(v)) return v;
  return NOT_DIGITS;
}

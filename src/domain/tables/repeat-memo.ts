const SLOTS = 128; // the hash's 7 bits

/**
 * Answers of a function of a string, for the few texts a column repeats in turn (一级, 二级, units: 数量指标,
 * 质量指标 … row after row): a small table indexed by a hash of the string's first, middle and last characters and
 * its length, each slot keeping the last string that fell in it. A hit costs one comparison, a miss the function
 * (the 二级 and 一级 names of the national and 2021 frameworks each get a slot of their own).
 */
export class RepeatMemo<T> {
  private readonly keys: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);
  private readonly values: (T | undefined)[] = new Array<T | undefined>(SLOTS).fill(undefined);

  constructor(private readonly fn: (v: string) => T) {}

  get(v: string): T {
    const n = v.length;
    const slot = n === 0 ? 0 : Math.imul(v.charCodeAt(0) ^ (v.charCodeAt(n >> 1) << 5) ^ (v.charCodeAt(n - 1) << 10) ^ n, 0x27d4eb2f) >>> 25;
    if (this.keys[slot] === v) return this.values[slot] as T;
    const t = this.fn(v);
    this.keys[slot] = v;
    this.values[slot] = t;
    return t;
  }
}

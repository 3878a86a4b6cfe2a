/**
 * Answers of a function of a string, for the few texts a column repeats in turn (一级, 二级, units: 数量指标,
 * 质量指标 … row after row): a small table indexed by the string's length and end characters, each slot
 * keeping the last string that fell in it. A hit costs one comparison, a miss the function.
 */
export class RepeatMemo<T> {
  private readonly keys: (string | undefined)[] = new Array<string | undefined>(32).fill(undefined);
  private readonly values: (T | undefined)[] = new Array<T | undefined>(32).fill(undefined);

  constructor(private readonly fn: (v: string) => T) {}

  get(v: string): T {
    const n = v.length;
    const slot = n === 0 ? 0 : (n * 7 + v.charCodeAt(0) * 3 + v.charCodeAt(n - 1)) & 31;
    if (this.keys[slot] === v) return this.values[slot] as T;
    const t = this.fn(v);
    this.keys[slot] = v;
    this.values[slot] = t;
    return t;
  }
}

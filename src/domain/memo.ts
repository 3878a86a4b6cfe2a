/**
 * One bounded memo for functions of a text. Real sheets repeat a handful of labels, signs, units and values
 * thousands of times, so the normalizers remember their answers: texts longer than `maxLength` are not kept,
 * and the cache is emptied when it reaches `limit` (a bound, not an LRU: simple and cheap).
 */

/** Stands for a remembered `undefined`, so that a hit costs one lookup, not two. */
const UNDEFINED: unique symbol = Symbol("undefined");

export function memoByText<T>(fn: (text: string) => T, limit = 20_000, maxLength = Number.POSITIVE_INFINITY): (text: string) => T {
  const cache = new Map<string, T | typeof UNDEFINED>();
  // Rows repeat the text of the row above (一级 categories, signs, units): the last answer is checked first.
  let lastText: string | undefined;
  let lastValue: T | undefined;
  return (text: string): T => {
    if (text === lastText) return lastValue as T;
    const hit = cache.get(text);
    let value: T;
    if (hit !== undefined) value = hit === UNDEFINED ? (undefined as T) : hit;
    else {
      value = fn(text);
      if (text.length <= maxLength) {
        if (cache.size >= limit) cache.clear();
        cache.set(text, value === undefined ? UNDEFINED : value);
      }
    }
    lastText = text;
    lastValue = value;
    return value;
  };
}

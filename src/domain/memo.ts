/**
 * One bounded memo for functions of a text. Real sheets repeat a handful of labels, signs, units and values
 * thousands of times, so the normalizers remember their answers: texts longer than `maxLength` are not kept,
 * and the cache is emptied when it reaches `limit` (a bound, not an LRU: simple and cheap).
 */
export function memoByText<T>(fn: (text: string) => T, limit = 20_000, maxLength = Number.POSITIVE_INFINITY): (text: string) => T {
  const cache = new Map<string, T>();
  return (text: string): T => {
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text)) return hit as T;
    const value = fn(text);
    if (text.length <= maxLength) {
      if (cache.size >= limit) cache.clear();
      cache.set(text, value);
    }
    return value;
  };
}

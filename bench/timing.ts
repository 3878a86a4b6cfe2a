/** Timing helpers for benchmarks: best of N runs, and a human figure. */
export function timeBest<T>(runs: number, fn: () => T): { ms: number; result: T } {
  let best = Number.POSITIVE_INFINITY;
  let result: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    result = fn();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (ms < best) best = ms;
  }
  return { ms: best, result: result as T };
}

export function perSecond(count: number, ms: number): string {
  return Math.round((count / ms) * 1000).toLocaleString("en-US");
}

export function heapMb(): string {
  return (process.memoryUsage().heapUsed / 1048576).toFixed(0);
}

/** Rounding used by every score (rules.md §4.3 "Round the score to 2 dp" [C-impl S8]). */

/** Tolerance for binary noise when comparing figures that were computed (0.1 + 0.2 ≠ 0.3). */
export const EPS = 1e-9;

/**
 * Rounds half away from zero at `decimals` places, immune to binary noise
 * (1.005 → 1.01, 7.2 stays 7.2, 8 × 0.9 → 7.2 and not 7.199999…).
 */
export function roundTo(x: number, decimals: number): number {
  if (!Number.isFinite(x)) return x;
  // 15 significant digits drop the binary noise of the scaling (1.005 × 100 = 100.49999999999999).
  const p = Math.pow(10, decimals);
  const product = Math.abs(x) * p;
  // A whole product under 10^15 is its own 15-digit form and rounds to itself: no string round trip.
  const scaled = Number.isInteger(product) && product < 1e15 ? product : Number(product.toPrecision(15));
  const out = Math.round(scaled) / p;
  return x < 0 && out !== 0 ? -out : out;
}

/** Rounds to 2 decimals (分). */
export function round2(x: number): number {
  return roundTo(x, 2);
}

/** Text of a figure with at most 2 decimals and no trailing zeros: 7.2 → "7.2", 10 → "10", 9.78 → "9.78". */
export function fmt2(x: number): string {
  return String(round2(x));
}

/** Text of a rate as a percentage with 2 decimals: 0.978086 → "97.81%". */
export function fmtPercent(rate: number): string {
  return `${roundTo(rate * 100, 2).toFixed(2)}%`;
}

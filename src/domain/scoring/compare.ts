/**
 * Comparing what the sheet says with what the rules give.
 * Rates are compared at the precision the sheet shows (a printed "97.80%" is right for 97.8086 %);
 * scores with a tolerance (rules.md §4.6: ±0.1).
 */
import type { NumberReading } from "../value/number";
import { EPS } from "./round";

export type { NumberReading } from "../value/number";

/**
 * True when `reading`, as printed, is a correct rendering of `computed` at the decimals shown:
 * either `computed` rounded half-up or truncated to those decimals gives the printed figure.
 * Percent readings are compared in percentage points ("50%" has 0 decimals of a percent, so it agrees
 * with 49.88 %; "97.80%" agrees with 97.8086 % by truncation; "100%" does not agree with 80.45 %).
 * A reading that carries more digits than it shows (a number cell under "0.00%") is compared the same way.
 */
export function agreesAtShownPrecision(computed: number, reading: NumberReading): boolean {
  if (!Number.isFinite(computed) || !Number.isFinite(reading.value)) return false;
  const scale = reading.percent ? 100 : 1;
  const shown = reading.value * scale;
  const c = computed * scale;
  const decimals = Math.max(0, Math.min(12, Math.floor(reading.shownDecimals)));
  const step = Math.pow(10, -decimals);
  const eps = step * 1e-6 + EPS;
  // Rounded: within half a step either side.
  if (Math.abs(c - shown) <= step / 2 + eps) return true;
  // Truncated toward zero: shown ≤ c < shown + step (mirror for negatives).
  if (shown >= 0 && c >= shown - eps && c < shown + step) return true;
  if (shown <= 0 && c <= shown + eps && c > shown - step) return true;
  return false;
}

/**
 * Agreement of an entered rate (执行率, 完成率) with a computed fraction.
 * A percentage reading is compared at its shown precision. A plain number above 1.5 is read as percentage
 * points (97.8 → 97.8 %); one at or below 1.5 as a fraction, compared at no fewer than 2 decimals
 * (so a bare "1" is 100 % and does not agree with 60 %).
 */
export function rateAgrees(computed: number, reading: NumberReading): boolean {
  if (reading.percent) return agreesAtShownPrecision(computed, reading);
  if (Math.abs(reading.value) > 1.5) {
    return agreesAtShownPrecision(computed, { value: reading.value / 100, percent: true, shownDecimals: reading.shownDecimals });
  }
  return agreesAtShownPrecision(computed, { ...reading, shownDecimals: Math.max(2, reading.shownDecimals) });
}

/** Agreement of an entered score with a computed one within a tolerance (default ±0.1, §4.6). */
export function scoreAgrees(computed: number, entered: number, tolerance = 0.1): boolean {
  if (!Number.isFinite(computed) || !Number.isFinite(entered)) return false;
  return Math.abs(computed - entered) <= Math.max(0, tolerance) + EPS;
}

/** How a rate reading would be printed: "97.80%" for a percent reading with 2 decimals, else the figure. */
export function readingText(reading: NumberReading): string {
  const d = Math.max(0, Math.min(12, Math.floor(reading.shownDecimals)));
  if (reading.percent) return `${(reading.value * 100).toFixed(d)}%`;
  return reading.value.toFixed(d);
}

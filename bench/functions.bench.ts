/**
 * JX custom functions on big ranges (product bar: 100,000-row ranges answer in well under a second).
 * Arguments are built as Excel passes them: 2-D arrays, one row per sheet row. `npm run bench functions`.
 */
import {
  jxCheck,
  jxCoverage,
  jxCoverageBy,
  jxHasTarget,
  jxMissing,
  jxParse,
  jxScore,
} from "../src/functions/functions";
import { heapMb, perSecond, timeBest } from "./timing";

const N = 100_000;
const EXCEL_ROWS = 1_048_576;

function code(i: number): string {
  return `1234${String(i).padStart(8, "0")}`;
}

/** A budget list with a title row: 项目编码, 项目名称, 主管部门, 金额; `rows` lines, then `blank` empty rows. */
export function budgetRange(rows: number, blank = 0): unknown[][] {
  const out: unknown[][] = [["项目编码", "项目名称", "主管部门", "金额"]];
  for (let i = 0; i < rows; i++) out.push([code(i), `项目${i}`, `部门${i % 98}`, 10 + (i % 500)]);
  for (let i = 0; i < blank; i++) out.push(["", "", "", ""]);
  return out;
}

/**
 * `rows` target codes: every budget code but one in ten, plus as many codes that are not on the budget list,
 * shuffled; some typed as numbers (Excel drops their leading zeros).
 */
export function targetCodes(rows: number): unknown[][] {
  const out: unknown[][] = [];
  for (let i = 0; i < rows; i++) {
    const c = i % 10 !== 3 ? code(i) : code(rows + i);
    out.push([i % 7 === 0 ? Number(c) : c]);
  }
  for (let i = out.length - 1; i > 0; i--) {
    const j = (i * 7919) % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function column(m: unknown[][], c: number): unknown[][] {
  return m.map((r) => [r[c]]);
}

function report(label: string, rows: number, ms: number, extra = ""): void {
  console.log(`${label}: ${rows.toLocaleString("en-US")} rows in ${ms.toFixed(1)} ms → ${perSecond(rows, ms)} rows/s${extra}; heap ${heapMb()} MB`);
}

export function run(): void {
  const budget = budgetRange(N);
  const targets = targetCodes(N);

  const missing = timeBest(5, () => jxMissing(budget, targets));
  report(`JX.MISSING ${N.toLocaleString("en-US")} budget rows × ${targets.length.toLocaleString("en-US")} target codes`, N, missing.ms, `, ${missing.result.length} missing`);

  const whole = budgetRange(N, EXCEL_ROWS - N - 1);
  const missingWhole = timeBest(3, () => jxMissing(whole, targets));
  report(`JX.MISSING on whole columns A:D (${EXCEL_ROWS.toLocaleString("en-US")} rows, ${N.toLocaleString("en-US")} filled)`, EXCEL_ROWS, missingWhole.ms, `, ${missingWhole.result.length} missing`);

  const signs = ["≥", "≤", "＝", "≥"];
  const scoreTargets: unknown[][] = [];
  const scoreActuals: unknown[][] = [];
  for (let i = 0; i < N; i++) {
    const s = signs[i % 4];
    scoreTargets.push([i % 3 === 0 ? `${s}${90 + (i % 10)}%` : `${s}${100 + (i % 400)}`]);
    scoreActuals.push([i % 3 === 0 ? 0.85 + (i % 15) / 100 : 80 + (i % 500)]);
  }
  const score = timeBest(5, () => jxScore(scoreTargets, scoreActuals, [[10]]));
  report(`JX.SCORE ${N.toLocaleString("en-US")} evaluations (one call over a column)`, N, score.ms);

  const codes = column(budget, 0);
  const amounts = column(budget, 3);
  const groups = column(budget, 2);
  const cov = timeBest(5, () => jxCoverage(codes, targets, amounts));
  report(`JX.COVERAGE by amount`, N, cov.ms, `, rate ${((cov.result as number) * 100).toFixed(2)}%`);
  const by = timeBest(5, () => jxCoverageBy(groups, codes, targets, amounts));
  report(`JX.COVERAGEBY (98 groups, with amounts)`, N, by.ms);
  const has = timeBest(5, () => jxHasTarget(codes, targets));
  report(`JX.HASTARGET`, N, has.ms);
  const parse = timeBest(3, () => jxParse(scoreTargets));
  report(`JX.PARSE`, N, parse.ms);

  const l1 = scoreTargets.map(() => ["产出指标"]);
  const l2 = scoreTargets.map(() => ["数量指标"]);
  const names = scoreTargets.map((_, i) => [`指标${i}`]);
  const units = scoreTargets.map((r) => [String(r[0]).endsWith("%") ? "%" : "个"]);
  const check = timeBest(1, () => jxCheck(l1, l2, names, scoreTargets, units, [[10]]));
  report(`JX.CHECK`, N, check.ms);
}

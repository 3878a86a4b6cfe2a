/**
 * Only the JX.MISSING row of issue 13's table (bench/targets.bench.ts `missing()`, the same input and the same
 * figure: best CPU of 5 calls), so it can be measured on its own: `npm run bench -- missing`.
 */
import { jxMissing } from "../src/functions/functions";
import { budgetRange, targetCodes } from "./functions.bench";

export function run(): void {
  const N = 100_000;
  const budget = budgetRange(N);
  const targets = targetCodes(N);
  const cpu: number[] = [];
  let wallBest = Infinity;
  let found = 0;
  for (let i = 0; i < 5; i++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    found = jxMissing(budget, targets).length;
    wallBest = Math.min(wallBest, Number(process.hrtime.bigint() - t0) / 1e6);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const best = Math.min(...cpu);
  console.log(
    `JX.MISSING, 100k budget rows × 100k target codes: ${best.toFixed(0)} ms CPU (${wallBest.toFixed(0)} ms wall), ${found.toLocaleString("en-US")} missing | target ≤ 100 ms | ${(best / 100).toFixed(2)}× | runs ${cpu.map((x) => x.toFixed(0)).join(", ")} ms CPU`,
  );
}

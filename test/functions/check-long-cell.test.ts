/**
 * Issue 15's case as it was met: JX.CHECK on one 100,000-character cell took 60–146 s, freezing the shared runtime
 * the pane also uses (splitPointsSuffix on digit runs, normalizeGrade on runs of "（"). Each of the six arguments
 * is given 100,000-character adversarial texts; every call must stay within a CPU bound that only a quadratic
 * blow-up exceeds (a linear pass over 100,000 characters costs a few milliseconds).
 */
import { jxCheck, jxParse, jxScore } from "../../src/functions/functions";

const N = 100_000;
const BOUND_MS = 2000;
const run = (unit: string): string => unit.repeat(Math.ceil(N / unit.length)).slice(0, N);

const LONG: Readonly<Record<string, string>> = {
  digits: run("1"),
  "digits+分x": run("1") + "分x",
  "（": run("（"),
  "≥": run("≥") + "x",
  "x spaces x": "x" + run(" ") + "x",
  指标: run("指标"),
  "2020-1-": run("2020-1-"),
  "full-width digits": run("１") + "分x",
};

function cpuMs(f: () => unknown): number {
  const start = process.cpuUsage();
  f();
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

const ROW: readonly unknown[] = ["产出指标", "数量指标", "培训人次", "≥500", "人次", 10];

describe.each(["一级", "二级", "三级", "指标值", "单位", "分值"].map((name, i) => [name, i] as const))("JX.CHECK with a 100,000-character %s", (_name, position) => {
  test.each(Object.keys(LONG))("%s", (input) => {
    const args = ROW.map((v, i) => [[i === position ? LONG[input] : v]]) as Parameters<typeof jxCheck>;
    let out: unknown;
    const ms = cpuMs(() => (out = jxCheck(...args)));
    expect(ms).toBeLessThan(BOUND_MS);
    expect(Array.isArray(out)).toBe(true);
  });
});

test.each(Object.keys(LONG))("JX.PARSE and JX.SCORE on a 100,000-character %s", (input) => {
  expect(cpuMs(() => jxParse([[LONG[input]]]))).toBeLessThan(BOUND_MS);
  expect(cpuMs(() => jxScore([[LONG[input]]], [[LONG[input]]], [[10]]))).toBeLessThan(BOUND_MS);
});

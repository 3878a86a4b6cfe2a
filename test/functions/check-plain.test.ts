/**
 * JX.CHECK, which reuses one checker (walker, table, project) for a whole range and checks a repeated row once,
 * gives every row the text a plain per-row checker gives (bench/plain-row-checker.ts: the row rules called directly,
 * nothing shared between rows): on the benchmark's rows, a budget system's list, and rows mixing every kind of cell a
 * range may hold. The bench times the two.
 */
import { resolveProfile } from "../../src/domain/profiles";
import { jxCheck } from "../../src/functions/functions";
import { checkArgs, listArgs, plainInputs } from "../../bench/check-fn.bench";
import { plainCheckRows } from "../../bench/plain-row-checker";

const NATIONAL = resolveProfile("national");

function jxTexts(args: readonly unknown[][][]): string[] {
  return jxCheck(args[0], args[1], args[2], args[3], args[4], args[5]).map((r) => String(r[0]));
}

/** `n` rows drawn (deterministically) from pools of real and broken cells. */
function mixedArgs(n: number): unknown[][][] {
  const pools: unknown[][] = [
    ["产出指标", "效益指标", "满意度指标", "成本指标", "", "XX", "产出"],
    ["数量指标", "质量指标", "时效指标", "成本指标", "社会效益指标", "经济成本指标", "满意度", "", "**"],
    ["培训人次", "指标1", "**", "服务对象满意度", "项目总成本", "", "受益人数（≥**人）", "完成率100%", "群众满意"],
    ["≥500", "有所提高", "≥120%", "", "≤90万元", "≥**", "2023年12月", 95, "达到预期", "≥95%", "＝1", "明显改善", 0.9],
    ["", "人次", "%", "万元", "个", "元/亩"],
    [10, "", "10分", 0, -5, "5%", 20],
  ];
  const cols: unknown[][][] = pools.map(() => []);
  let seed = 23;
  for (let i = 0; i < n; i++) {
    pools.forEach((pool, c) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      cols[c].push([pool[seed % pool.length]]);
    });
  }
  // A clean last row, so that no trailing blank row is trimmed away from either side.
  ["产出指标", "数量指标", "培训人次", "≥500", "人次", 10].forEach((v, c) => cols[c].push([v]));
  return cols;
}

describe("JX.CHECK with one checker per call", () => {
  it.each([
    ["the benchmark's rows", checkArgs(2000), 4],
    ["a budget system's list (rows repeat; clean)", listArgs(3000), 0],
    ["rows mixing every kind of cell (many repeated)", mixedArgs(3000), 4],
  ] as const)("gives the plain per-row checker's text on %s", (_name, args, kinds) => {
    const plain = plainCheckRows(plainInputs(args), NATIONAL);
    const jx = jxTexts(args);
    expect(jx).toHaveLength(plain.length);
    expect(jx).toEqual(plain);
    // Not a vacuous match: both clean rows and several kinds of findings.
    expect(plain.filter((t) => t === "").length).toBeGreaterThan(0);
    expect(new Set(plain.flatMap((t) => [...t.matchAll(/(?:^|；)([a-z]+\.[a-z-]+) /g)].map((m) => m[1]))).size).toBeGreaterThanOrEqual(kinds);
  });

  it("tells apart rows whose cells differ only in type or sign", () => {
    const rows: unknown[][] = [
      ["产出指标", "数量指标", "培训人次", "≥500", "人次", 10],
      ["产出指标", "数量指标", "培训人次", "≥500", "人次", "10"],
      ["产出指标", "数量指标", "培训人次", "≥500", "人次", 0],
      ["产出指标", "数量指标", "培训人次", "≥500", "人次", -0],
      ["产出指标", "数量指标", "培训人次", "≥500", "人次", true],
      ["产出指标", "数量指标", "培训人次", "≥500", "人次", null],
      ["产出指标", "数量指标", "培训人次", 500, "人次", 10],
      ["产出指标", "数量指标", "培训人次", "500", "人次", 10],
      ["产出指标", "数量指标s1:x", "", "≥500", "人次", 10],
      ["产出指标", "数量指标", "s1:x", "≥500", "人次", 10],
    ];
    const args = [0, 1, 2, 3, 4, 5].map((c) => rows.map((r) => [r[c]]));
    expect(jxTexts(args)).toEqual(plainCheckRows(plainInputs(args), NATIONAL));
  });

  it("keeps rows apart: a row's findings never depend on the rows before it", () => {
    const row = ["产出指标", "数量指标", "培训人次", "≥500", "", 10];
    const alone = jxCheck(...(row.map((v) => [[v]]) as Parameters<typeof jxCheck>));
    const twice = jxCheck(...(row.map((v) => [[v], [v]]) as Parameters<typeof jxCheck>));
    expect(twice).toEqual([alone[0], alone[0]]);
    expect(String(alone[0][0])).toMatch(/^indicator\.missing-unit /);
  });
});

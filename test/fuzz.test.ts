/**
 * The slice of `npm run fuzz` that `npm test` runs: 2,000 cases from a fixed seed (random grids and mutations of
 * the real tables, with budget lists; bench/fuzz/cases.ts) through checkWorkbook and coverageReport, each run
 * twice: no exception, the same result twice, every invariant (bench/fuzz/check-case.ts), no case over 1 s CPU.
 *
 * Failures the fuzz found in the engine and that are reported, not fixed here, are KNOWN_FAILURES: they are
 * counted apart by the slice, and each has its minimal counterexample below as a skipped test. Un-skip a test and
 * remove its KNOWN_FAILURES entry once src/domain is fixed (the last test says when a known failure is gone).
 */
import { fuzzArbitrary, runSlice } from "../bench/fuzz/fuzz";
import { KNOWN_FAILURES, runCase } from "../bench/fuzz/check-case";
import { loadRealTables, type FuzzCase } from "../bench/fuzz/cases";
import type { CellValue, Grid } from "../src/domain/grid";

jest.setTimeout(300_000);

const SEED = 15;
const RUNS = 2000;

test(`fuzz slice: ${RUNS} cases (seed ${SEED}) — no exception, deterministic, invariants hold, none over 1 s CPU`, () => {
  const t0 = Date.now();
  const f = runSlice(fuzzArbitrary(), { runs: RUNS, seed: SEED, jobs: 1, limitMs: 1000, verbose: false, strict: false }, 0, 1);
  const known = Object.entries(f.known).map(([id, n]) => `${id} ${n}`).join(", ") || "none";
  process.stdout.write(
    `fuzz slice: ${f.runs} cases, ${f.counts.exception} exceptions, ${f.counts.nondeterministic} nondeterministic, ` +
      `${f.counts.invariant} invariant failures, ${f.counts.slow} over 1 s; known (reported) failures: ${known}; ` +
      `slowest #${f.slowest.index} ${f.slowest.ms.toFixed(1)} ms CPU (${f.slowest.label.slice(0, 160)}); ${((Date.now() - t0) / 1000).toFixed(1)} s\n`,
  );
  const fresh = f.failures.flatMap((x) => x.problems.filter((p) => !p.known).map((p) => `#${x.index} ${p.kind}: ${p.detail.slice(0, 300)} — ${x.label.slice(0, 300)}`));
  expect(fresh).toEqual([]);
  expect(f.runs).toBe(RUNS);
});

// ---------------------------------------------------------------------------------------------------------------
// Minimal counterexamples (shrunk by fast-check, then cut down by hand).

function real(id: string): CellValue[][] {
  const t = loadRealTables().find((x) => x.id === id);
  if (!t) throw new Error(`no real table ${id}`);
  return t.rows.map((r) => [...r]);
}

function oneCase(workbook: Grid[], budget: Grid[] = []): FuzzCase {
  return { label: "minimal", workbook, budget, profile: "auto", coveredBy: false };
}

/** Minimal cases of the known failures (KNOWN_FAILURES), by id: none open. */
const MINIMAL: Record<string, () => FuzzCase> = {};

/** Failures the fuzz found and the engine has since fixed (3e5a27a, 68ebdab, b235424): their minimal cases hold every invariant. */
const FIXED: Record<string, () => FuzzCase> = {
  // Real table 14 with the 分值 of its first ★ parent (E10, 补助各类粮食作物种植面积) 8.408: the group's score was 8.41.
  "group-score-above-weight": () => {
    const t = real("14");
    t[9][4] = "8.408";
    return oneCase([{ sheet: "S", top: 0, left: 0, values: t }]);
  },
  // A header and one empty row on a grid starting at C5: project.missing-category (three of them) was put at A1.
  "missing-category-at-A1": () => oneCase([{ sheet: "S", top: 4, left: 2, values: [["项目编码", "二级指标", "分值"], [null, "", 0]] }]),
  // Real table 02 with 1e308 in the funds block's 分值 (F6): the computed total was Infinity.
  "funds-points-infinite-total": () => {
    const t = real("02");
    t[5][5] = 1e308;
    return oneCase([{ sheet: "S", top: 0, left: 0, values: t }]);
  },
  // Real table 11 (a 四川 form, project 51000021R000000019951) reconciled with a budget list of two lines, one of
  // them negative, and its targets given as a further list: that list's coverage by amount was 100/99 = 1.0101.
  "list-rate-by-amount": () => ({
    ...oneCase(
      [{ sheet: "S", top: 0, left: 0, values: real("11") }],
      [{ sheet: "B", top: 0, left: 0, values: [["项目编码", "项目名称", "金额（万元）"], ["51000021R000000019951", "工资性支出", 100], ["51000021R000000019952", "其他项目", -1]] }],
    ),
    coveredBy: true,
  }),
  // Real table 16 (its indicator block never filled in) with its 一级指标 header cell B8 overwritten and column D
  // emptied, on a grid starting in column C: table.not-filled was put at A8, outside the grid.
  "not-filled-in-column-A": () => {
    const t = real("16");
    t[7][1] = "x";
    for (const r of t) if (r.length > 3) r[3] = null;
    return oneCase([{ sheet: "S", top: 0, left: 2, values: t }]);
  },
  // A sheet whose used range starts at C5 and holds no table: table.not-recognized was put at A1, outside the grid.
  "not-recognized-at-A1": () => oneCase([{ sheet: "S", top: 4, left: 2, values: [["备注"]] }]),
  // Real table 20 with its 指标名称 header cell reading 一级指标 (no name column), the grid starting in column D, and a
  // budget list: the target's cell, hence project.orphan-target's, fell back to column A.
  "target-cell-in-column-A": () => {
    const t = real("20");
    t[1][2] = "一级指标";
    return oneCase([{ sheet: "S", top: 0, left: 3, values: t }], [{ sheet: "B", top: 0, left: 0, values: [["项目编码", "金额"]] }]);
  },
  // 分值 8.408 and the target met: the suggested score was 8.41, above the weight.
  "score-rounded-above-weight": () =>
    oneCase([
      {
        sheet: "S",
        top: 0,
        left: 0,
        values: [
          ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"],
          ["产出指标", "数量指标", "培训人次", "≥500人次", "600人次", 8.408, 8.408],
        ],
      },
    ]),
  // Real table 02 with 1e308 typed in the 得分 cell H15: the computed total was Infinity.
  "total-not-finite": () => {
    const t = real("02");
    t[14][7] = 1e308;
    return oneCase([{ sheet: "S", top: 0, left: 0, values: t }]);
  },
};

test.each(Object.keys(FIXED))("fixed fuzz finding %s: its minimal case holds every invariant", (id) => {
  expect(runCase(FIXED[id]()).problems).toEqual([]);
});

describe("known engine failures found by the fuzz (skipped: src/domain is being changed by others; reported)", () => {
  for (const k of KNOWN_FAILURES) {
    // Skipped on purpose: each fails today; un-skip when the engine is fixed and remove the KNOWN_FAILURES entry.
    test.skip(`${k.id}: ${k.reason}`, () => {
      expect(runCase(MINIMAL[k.id]()).problems).toEqual([]);
    });
  }

  test("every known failure has its minimal case, and says when it no longer reproduces", () => {
    for (const k of KNOWN_FAILURES) {
      expect(MINIMAL[k.id]).toBeDefined();
      const still = runCase(MINIMAL[k.id]()).problems.some((p) => p.known === k.id);
      if (!still) process.stdout.write(`fuzz: known failure ${k.id} no longer reproduces: remove it from KNOWN_FAILURES and un-skip its test\n`);
    }
  });
});

describe("npm run fuzz -- --help (issue 25)", () => {
  test("prints the usage and runs nothing; an unknown option is refused", async () => {
    const { main, USAGE } = await import("../bench/fuzz/fuzz");
    const out: string[] = [];
    const spy = jest.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => {
      out.push(String(s));
      return true;
    });
    const err = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      expect(await main(["--help"])).toBe(0);
      expect(out.join("")).toBe(USAGE);
      expect(await main(["--runz", "5"])).toBe(2);
    } finally {
      spy.mockRestore();
      err.mockRestore();
    }
  });
});

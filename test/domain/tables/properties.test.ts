/** Properties of table recognition on random grids: total, and every Ref inside the grid. */
import fc from "fast-check";
import { recognizeSheet } from "../../../src/domain/tables/recognize";
import type { Area, CellValue, Grid } from "../../../src/domain/grid";
import { parseA1 } from "../../../src/domain/grid";
import { realGrid, REAL_PREFIXES } from "../../helpers/real";

const WORDS = [
  "一级指标", "二级指标", "三级指标", "指标值", "年度指标值", "实际完成值", "分值", "得分", "权重", "计量单位", "度量单位",
  "指标性质", "项目名称", "项目编码", "主管部门", "实施单位", "预算金额", "金额（元）", "合计", "总分", "小计", "自评等级",
  "项目资金（万元）", "年度资金总额", "其中：财政拨款", "全年预算数（A）", "全年执行数（B）", "执行率", "产出指标（50分）",
  "(30分)", "数量指标", "成本指标", "决策", "过程", "指标2:", "……", "/", "-", "≥95%", "100%", "单位：元", "注：", "绩效指标（90分）",
  "产 出 指 标", "年度\n指标值", "（５０分）", "",
];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.double({ noNaN: false }) },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 120 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom({ error: "#N/A" }, { error: "#VALUE!" }) },
);

const gridArb: fc.Arbitrary<Grid> = fc
  .record({
    values: fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 30 }),
    top: fc.integer({ min: 0, max: 50 }),
    left: fc.integer({ min: 0, max: 30 }),
    merges: fc.array(
      fc.record({ top: fc.integer({ min: -2, max: 90 }), left: fc.integer({ min: -2, max: 45 }), h: fc.nat(4), w: fc.nat(4) }),
      { maxLength: 6 },
    ),
  })
  .map(({ values, top, left, merges }) => ({
    sheet: "R",
    top,
    left,
    values,
    merges: merges.map((m): Area => ({ top: m.top, left: m.left, bottom: m.top + m.h, right: m.left + m.w })),
  }));

interface RefLike {
  address: string;
  row: number;
  col: number;
}

function collectRefs(x: unknown, out: RefLike[]): void {
  if (x === null || typeof x !== "object") return;
  if (Array.isArray(x)) {
    for (const y of x) collectRefs(y, out);
    return;
  }
  const o = x as Record<string, unknown>;
  if (typeof o.address === "string" && typeof o.row === "number" && typeof o.col === "number" && "text" in o) {
    out.push({ address: o.address, row: o.row, col: o.col });
  }
  for (const v of Object.values(o)) collectRefs(v, out);
}

function extent(g: Grid): { rows: number; cols: number } {
  let cols = 0;
  for (const r of g.values) cols = Math.max(cols, r.length);
  return { rows: g.values.length, cols };
}

/** Recognizes `g` and returns the problems found (plain checks: `expect` per Ref would dominate the run time). */
function problems(g: Grid): string[] {
  const out: string[] = [];
  const rec = recognizeSheet(g);
  if ((rec.unrecognized?.reason ?? "").includes("内部错误")) out.push(rec.unrecognized?.reason ?? "");
  const refs: RefLike[] = [];
  collectRefs(rec.tables, refs);
  const { rows, cols } = extent(g);
  for (const r of refs) {
    const p = parseA1(r.address);
    if (!p || p.row !== r.row || p.col !== r.col) out.push(`address ${r.address} ≠ (${r.row},${r.col})`);
    if (r.row < g.top || r.row >= g.top + rows || r.col < g.left || r.col >= g.left + cols) out.push(`outside: ${r.address}`);
  }
  if (rec.unrecognized) {
    const p = parseA1(rec.unrecognized.cell);
    if (!p || p.row < g.top || p.row >= g.top + Math.max(rows, 1)) out.push(`unrecognized cell ${rec.unrecognized.cell}`);
  }
  return out;
}

function checkInside(g: Grid): void {
  expect(problems(g)).toEqual([]);
}

describe("recognition properties", () => {
  it("never throws and every Ref lies inside the grid (random grids)", () => {
    fc.assert(
      fc.property(gridArb, (g) => {
        checkInside(g);
      }),
      { numRuns: 400 },
    );
  });

  it("never throws on real tables with random cells overwritten", () => {
    const reals = REAL_PREFIXES.map((p) => realGrid(p));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: reals.length - 1 }),
        fc.array(fc.record({ r: fc.nat(45), c: fc.nat(11), v: cell }), { maxLength: 12 }),
        (i, edits) => {
          const base = reals[i];
          const values = base.values.map((row) => [...row]);
          for (const e of edits) {
            if (values[e.r] && e.c < values[e.r].length) values[e.r][e.c] = e.v;
          }
          checkInside({ ...base, values });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("tolerates malformed hosts: ragged rows, holes, odd merges", () => {
    const values = [["一级指标", "二级指标", "三级指标", "指标值", "分值"], [], ["产出指标"], [null, null, "a", "1", 10, 11, 12]];
    checkInside({ sheet: "X", top: 0, left: 0, values, merges: [{ top: 5, left: 5, bottom: 1, right: 1 }] });
    const holey: CellValue[][] = [];
    holey[3] = ["一级指标", "二级指标", "三级指标", "指标值", "分值"];
    expect(() => recognizeSheet({ sheet: "H", top: 0, left: 0, values: holey })).not.toThrow();
  });
});

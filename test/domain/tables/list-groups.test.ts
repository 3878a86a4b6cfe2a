/**
 * The projects of a list, however its rows come: sorted by code (no map of keys needed), out of order, or a
 * project met again further down (its rows go back to its group). And the small memo of repeated texts answers
 * as the function does when texts share a slot.
 */
import { recognizeSheet } from "../../../src/domain/tables/recognize";
import type { Grid } from "../../../src/domain/grid";
import type { IndicatorTable } from "../../../src/domain/tables/model";
import { RepeatMemo } from "../../../src/domain/tables/repeat-memo";

const HEADER = ["项目编码", "项目名称", "一级指标", "二级指标", "三级指标", "指标值", "分值"];

function list(rows: (string | number | null)[][]): Grid {
  return { sheet: "清单", top: 0, left: 0, values: [HEADER, ...rows] };
}

function projects(g: Grid): { key: string; rows: number[]; names: string[] }[] {
  const t = recognizeSheet(g).tables[0] as IndicatorTable;
  return t.projects.map((p) => ({ key: p.key, rows: p.indicators.map((r) => r.row), names: p.indicators.map((r) => r.name?.text ?? "") }));
}

const row = (code: string | null, name: string | null, l2: string, indicator: string): (string | number | null)[] => [code, name, "产出指标", l2, indicator, "≥1", 10];

describe("list projects", () => {
  it("groups a list sorted by code, each project with its own rows", () => {
    const g = list([row("P1", "甲", "数量指标", "a"), row("P1", "甲", "质量指标", "b"), row("P2", "乙", "数量指标", "c"), row("P3", "丙", "数量指标", "d")]);
    expect(projects(g)).toEqual([
      { key: "P1", rows: [1, 2], names: ["a", "b"] },
      { key: "P2", rows: [3], names: ["c"] },
      { key: "P3", rows: [4], names: ["d"] },
    ]);
  });

  it("sends the rows of a project met again back to its group, in an unsorted list", () => {
    const g = list([row("P3", "丙", "数量指标", "a"), row("P1", "甲", "数量指标", "b"), row("P3", "丙", "质量指标", "c"), row("P2", "乙", "数量指标", "d"), row("P1", "甲", "质量指标", "e")]);
    expect(projects(g)).toEqual([
      { key: "P3", rows: [1, 3], names: ["a", "c"] },
      { key: "P1", rows: [2, 5], names: ["b", "e"] },
      { key: "P2", rows: [4], names: ["d"] },
    ]);
  });

  it("keys projects by name when there is no code, and fills the name down", () => {
    const g = list([row(null, "乙", "数量指标", "a"), row(null, null, "质量指标", "b"), row(null, "甲", "数量指标", "c"), row(null, "乙", "时效指标", "d")]);
    expect(projects(g)).toEqual([
      { key: "乙", rows: [1, 2, 4], names: ["a", "b", "d"] },
      { key: "甲", rows: [3], names: ["c"] },
    ]);
  });
});

describe("RepeatMemo", () => {
  it("answers as the function for texts that fall in the same slot, however they alternate", () => {
    const calls: string[] = [];
    const memo = new RepeatMemo((v: string) => {
      calls.push(v);
      return `<${v}>`;
    });
    // Same length, first, middle and last characters: the same slot.
    const texts = ["数量指标", "数质指标", "数量指标", "数量指标", "数质指标"];
    expect(texts.map((t) => memo.get(t))).toEqual(texts.map((t) => `<${t}>`));
    // The repeat right after is a hit; an alternation in one slot calls the function again.
    expect(calls).toEqual(["数量指标", "数质指标", "数量指标", "数质指标"]);
  });
});

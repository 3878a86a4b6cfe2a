/** Row categories: answers shared by text where the texts decide, per project where a subtotal does. */
import { rowCategory } from "../../../src/domain/tables/category";
import { checkContext, projectFacts } from "../../../src/domain/checks/facts";
import { resolveProfile } from "../../../src/domain/profiles";
import { project, row, subtotal, table } from "../../helpers/model";

const national = resolveProfile("national");

describe("rowCategory", () => {
  it("gives rows with the same known 一级 and 二级 texts one shared answer, across projects", () => {
    const a = project([row(1, { level1: "产出指标", level2: "数量指标", name: "x", target: "1" })]);
    const b = project([row(9, { level1: "产出指标", level2: "数量指标", name: "y", target: "2" })]);
    const ca = rowCategory(a.indicators[0], a, national.hierarchy);
    const cb = rowCategory(b.indicators[0], b, national.hierarchy);
    expect(ca).toBe(cb);
    expect(ca).toMatchObject({ level1: "产出指标", level2: "数量指标", level1Known: true, level2Known: true });
    expect(Object.isFrozen(ca)).toBe(true);
  });

  it("reads a 一级 that lost its words from the project's own subtotal, not from another project's", () => {
    // Same texts ("(30分)" over 社会效益指标), different subtotals: the answers must differ.
    const rowsA = [row(1, { level1: "(30分)", level2: "社会效益指标", name: "x", target: "1" })];
    const rowsB = [row(1, { level1: "(30分)", level2: "社会效益指标", name: "x", target: "1" })];
    const a = project(rowsA, { subtotals: [subtotal("效益指标", 30, 1, 1, 1)] });
    const b = project(rowsB, { subtotals: [subtotal("产出指标", 30, 1, 1, 1)] });
    expect(rowCategory(a.indicators[0], a, national.hierarchy).level1).toBe("效益指标");
    const cb = rowCategory(b.indicators[0], b, national.hierarchy);
    expect(cb.level1).toBe("产出指标");
    expect(cb.level2Misplaced).toBe(true);
  });

  it("tells the same 二级 text apart under the two frameworks", () => {
    const r = row(1, { level1: "成本指标", level2: "经济成本指标", name: "x", target: "1" });
    const p = project([r]);
    expect(rowCategory(r, p, national.hierarchyCostLevel1).level2Known).toBe(true);
    expect(rowCategory(r, p, national.hierarchy).level1Known).toBe(false);
  });
});

describe("projectFacts / checkContext", () => {
  it("lists one category per indicator, in order, with the project's framework", () => {
    const p = project([
      row(1, { level1: "成本指标", level2: "经济成本指标", name: "a", target: "1" }),
      row(2, { level1: "产出指标", level2: "数量指标", name: "b", target: "1" }),
    ]);
    const f = projectFacts(p, table([p]), national);
    expect(f.hierarchy).toBe(national.hierarchyCostLevel1);
    expect(f.categories.map((c) => c.level2)).toEqual(["经济成本指标", "数量指标"]);
  });

  it("gives each indicator's score entry by index, none for a 不适用 row", () => {
    const p = project([
      row(1, { level1: "产出指标", level2: "数量指标", name: "a", target: "1" }),
      row(2, { level1: "效益指标", level2: "社会效益指标", name: "b", target: "1" }),
    ]);
    const ctx = checkContext(p, table([p]), national);
    expect(ctx.project).toBe(p);
    expect(ctx.facts.scoreAt(0)?.row).toBe(p.indicators[0]);
    expect(ctx.facts.scoreAt(1)?.row).toBe(p.indicators[1]);
    expect(ctx.facts.scoreAt(2)).toBeUndefined();
  });
});

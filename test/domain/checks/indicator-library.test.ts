/**
 * The indicator vocabulary (profiles/indicator-library.ts) and a name's most likely 二级 (checks/indicator-library.ts):
 * every entry has a source and a place in the classic framework; a name is placed by the entries it contains, sure
 * only when they agree; a longer entry subsumes a shorter one inside it; no entry contained gives the closest, never sure.
 */
import fc from "fast-check";
import { likelyPlace } from "../../../src/domain/checks/indicator-library";
import { CLASSIC_HIERARCHY } from "../../../src/domain/profiles/common";
import { INDICATOR_LIBRARY } from "../../../src/domain/profiles/indicator-library";

describe("the vocabulary", () => {
  it("every entry has a source and sits where the classic framework puts its 二级", () => {
    for (const e of INDICATOR_LIBRARY) {
      expect(e.source).toMatch(/财预〔20\d\d〕\d+号|真实表格/);
      expect(CLASSIC_HIERARCHY[e.level1]).toContain(e.level2);
    }
  });

  it("holds the official frameworks' 三级 names", () => {
    const where = (name: string) => INDICATOR_LIBRARY.filter((e) => e.name === name).map((e) => e.level2);
    expect(where("实际完成率")).toEqual(["数量指标"]);
    expect(where("质量达标率")).toEqual(["质量指标"]);
    expect(where("完成及时率")).toEqual(["时效指标"]);
    expect(where("成本节约率")).toEqual(["成本指标"]);
    expect(where("服务对象满意度")).toEqual(["服务对象满意度指标"]);
  });
});

describe("a name's most likely 二级", () => {
  it.each([
    ["工程验收合格率", "质量指标", true],
    ["指标1：项目（工程）完成及时率", "时效指标", true],
    ["森林覆盖率", "生态效益指标", true],
    ["受益群众满意率", "服务对象满意度指标", true],
    ["覆盖率", "数量指标", false],
    ["带动就业", "经济效益指标", false],
    ["受益人数", "数量指标", false],
  ])("“%s” → %s (sure: %s)", (name, level2, sure) => {
    const p = likelyPlace(name);
    expect(p?.level2).toBe(level2);
    expect(p?.sure).toBe(sure);
  });

  it("a name that contains no entry gets the closest one, never a sure answer", () => {
    const p = likelyPlace("验收合格");
    expect(p?.level2).toBe("质量指标");
    expect(p?.sure).toBe(false);
  });

  it("a name like nothing in the vocabulary has no place", () => {
    expect(likelyPlace("宣传册印制")).toBeUndefined();
    expect(likelyPlace("")).toBeUndefined();
  });

  it("full-width and spaced spellings are placed as the plain one", () => {
    expect(likelyPlace("验收 合格率")).toEqual(likelyPlace("验收合格率"));
    expect(likelyPlace("（工程）验收合格率")).toEqual(likelyPlace("(工程)验收合格率"));
  });

  it("never throws, and a sure answer always names a 二级 one of its contained entries has", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.constantFrom(...INDICATOR_LIBRARY.map((e) => e.name)), (noise, entry) => {
        const p = likelyPlace(noise + entry);
        expect(p).toBeDefined();
        if (p?.sure) expect(INDICATOR_LIBRARY.some((e) => e.level2 === p.level2 && (noise + entry).replace(/\s/g, "").includes(e.name))).toBe(true);
      }),
    );
  });
});

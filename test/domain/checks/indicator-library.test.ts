/**
 * The indicator vocabulary (profiles/indicator-library.ts) and a name's most likely 二级 (checks/indicator-library.ts):
 * every entry has a source and a place in the classic framework; a name is placed by the entries it contains, sure
 * only when they agree; a longer entry subsumes a shorter one inside it; no entry contained gives the closest, never sure.
 */
import fc from "fast-check";
import { likelyPlace, maySurelyPlace } from "../../../src/domain/checks/indicator-library";
import { CLASSIC_HIERARCHY, SURE_MISFILINGS } from "../../../src/domain/profiles/common";
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

  it("answers as the rule read plainly: every contained entry, then the closest by shared pairs (first on a tie)", () => {
    // The rule written the slow, obvious way; the module looks pairs up by number with no string per pair.
    const plain = (raw: string) => {
      const name = raw
        .normalize("NFKC")
        .replace(/[\s\u00a0\u200b\ufeff]+/g, "")
        .toLowerCase()
        .replace(/^(?:指标)?[0-9]+[.、:：]?/, "")
        .replace(/[()（）[\]【】“”"'、，,.。:：;；\s]/g, "");
      if (name.length < 2 || name.length > 60) return undefined;
      const pairsOf = (s: string) => [...new Set(Array.from({ length: Math.max(0, s.length - 1) }, (_, k) => s.slice(k, k + 2)))];
      const namePairs = pairsOf(name);
      // Entries in the order the name's pairs first reach them.
      const order: (typeof INDICATOR_LIBRARY)[number][] = [];
      for (const p of namePairs) for (const e of INDICATOR_LIBRARY) if (pairsOf(e.name).includes(p) && !order.includes(e)) order.push(e);
      const inside = order.filter((e) => name.includes(e.name));
      if (inside.length > 0) {
        const kept = inside.filter((e) => !inside.some((o) => o.name.length > e.name.length && o.name.includes(e.name)));
        kept.sort((a, b) => b.name.length - a.name.length);
        return { level2: kept[0].level2, sure: kept.every((e) => e.level2 === kept[0].level2), entry: kept[0].name };
      }
      let best: (typeof INDICATOR_LIBRARY)[number] | undefined;
      let bestScore = 0;
      for (const e of order) {
        const shared = pairsOf(e.name).filter((p) => namePairs.includes(p)).length;
        const score = (2 * shared) / (name.length - 1 + e.name.length - 1);
        if (score > bestScore) [best, bestScore] = [e, score];
      }
      return best && bestScore >= 0.5 ? { level2: best.level2, sure: false, entry: best.name } : undefined;
    };
    const chars = [...new Set(INDICATOR_LIBRARY.flatMap((e) => [...e.name]))];
    // Whole entries, their halves (a name near an entry without containing it), first pairs and single characters.
    const halves = INDICATOR_LIBRARY.flatMap((e) => [e.name.slice(0, Math.ceil(e.name.length / 2) + 1), e.name.slice(Math.floor(e.name.length / 2) - 1)]);
    const twos = INDICATOR_LIBRARY.map((e) => e.name.slice(0, 2)); // a pair written twice counts once
    const pieces = fc.oneof(fc.constantFrom(...INDICATOR_LIBRARY.map((e) => e.name)), fc.constantFrom(...halves), fc.constantFrom(...twos), fc.constantFrom(...chars), fc.constantFrom("（", "1.", " ", "项目", "城关镇"));
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 6 }), (parts) => {
        // The name, and the name written twice (each of its pairs then occurs twice and counts once).
        for (const name of [parts.join(""), parts.join("").repeat(2)]) {
          const p = likelyPlace(name);
          expect(p === undefined ? undefined : { level2: p.level2, sure: p.sure, entry: p.entry.name }).toEqual(plain(name));
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("the quick test before the vocabulary is asked (misfiled.ts)", () => {
  const lists = [...new Set(SURE_MISFILINGS.flatMap((m) => (m.likely ? [m.likely] : [])))];

  it("passes a name that contains an entry of one of the 二级, and stops one that holds none of their characters", () => {
    expect(maySurelyPlace("受益群众满意度", ["服务对象满意度指标"])).toBe(true);
    expect(maySurelyPlace("城关镇道路硬化受益人数(12)", ["服务对象满意度指标"])).toBe(false);
    expect(maySurelyPlace("验收合格率", ["服务对象满意度指标"])).toBe(false);
  });

  it("never stops a name the vocabulary is sure of in one of the 二级 (property, names as misfiled reads them)", () => {
    const chars = [...new Set(INDICATOR_LIBRARY.flatMap((e) => [...e.name]))];
    const pieces = fc.oneof(
      fc.constantFrom(...INDICATOR_LIBRARY.map((e) => e.name)),
      fc.constantFrom(...chars),
      fc.constantFrom("(", ")", "、", "1.", "城关镇", "项目", "“", "：", "a"),
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 6 }), fc.constantFrom(...lists), (parts, level2s) => {
        const name = parts.join("");
        const p = likelyPlace(name);
        if (p?.sure && level2s.includes(p.level2)) expect(maySurelyPlace(name, level2s)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});


/**
 * splitPointsSuffix and normalizeGrade were regular expressions that backtrack quadratically (a 60k-digit cell took
 * seconds); they are now single passes. Each is checked against a copy of the old expression on short random texts
 * drawn from the characters the expression cares about, and timed on long ones.
 */
import fc from "fast-check";
import { compactLabel, splitPointsSuffix } from "../../src/domain/text";
import { normalizeGrade, type Grade } from "../../src/domain/scoring/grade";
import { GRADE_ALIASES } from "../../src/domain/profiles/common";

/** The old splitPointsSuffix, verbatim. */
function oldSplitPointsSuffix(label: string): { label: string; points?: number } {
  const t = compactLabel(label);
  const m = /^(.*?)[([]?(\d+(?:\.\d+)?)分[)\]]?$/.exec(t);
  if (!m) return { label: t };
  return { label: m[1].replace(/[([]$/, ""), points: Number(m[2]) };
}

/** The old normalizeGrade, verbatim. */
function oldNormalizeGrade(text: string, aliases: Readonly<Record<string, Grade>> = GRADE_ALIASES): Grade | undefined {
  const t = text.replace(/\s+/g, "").replace(/[（(].*[)）]$/, "");
  if (t === "优" || t === "良" || t === "中" || t === "差") return t;
  return aliases[t];
}

/** Short texts over an alphabet (each element one character or a short piece). */
function textOver(alphabet: readonly string[], maxLength = 14): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...alphabet), { maxLength }).map((parts) => parts.join(""));
}

const POINTS_ALPHABET = ["0", "1", "5", "9", ".", "分", "(", ")", "[", "]", "（", "）", "【", "】", " ", "\n", "\u3000", "１", "．", "产", "出", "指标", "A", "a", "x"];
const GRADE_ALIASES_KEYS = Object.keys(GRADE_ALIASES);
const GRADE_ALPHABET = ["优", "良", "中", "差", "好", "秀", "等", "(", ")", "（", "）", "[", "]", " ", "\n", "\t", "\u3000", "\u00a0", "8", "分", "x", ...GRADE_ALIASES_KEYS];

function cpuMs(f: () => void): number {
  const start = process.cpuUsage();
  f();
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

describe("splitPointsSuffix (single pass)", () => {
  it("agrees with the old expression on random short texts", () => {
    fc.assert(
      fc.property(textOver(POINTS_ALPHABET), (s) => {
        expect(splitPointsSuffix(s)).toEqual(oldSplitPointsSuffix(s));
      }),
      { numRuns: 8000 },
    );
  });

  it("agrees on texts that end like a subtotal", () => {
    const tail = fc.constantFrom("分", "分)", "分]", "分）", ".5分", "(1分)", "((2.5分)", "[3分]", "分))", "5分x");
    fc.assert(
      fc.property(textOver(POINTS_ALPHABET, 8), tail, (head, end) => {
        const s = head + end;
        expect(splitPointsSuffix(s)).toEqual(oldSplitPointsSuffix(s));
      }),
      { numRuns: 8000 },
    );
  });

  it.each([
    ["产出指标（50分）", { label: "产出指标", points: 50 }],
    ["(30分)", { label: "", points: 30 }],
    ["效益指标", { label: "效益指标" }],
    ["满意度指标 10.5分", { label: "满意度指标", points: 10.5 }],
    ["((20分)", { label: "", points: 20 }],
    ["指标1.2.3分", { label: "指标1.", points: 2.3 }],
    ["分", { label: "分" }],
    ["5分))", { label: "5分))" }],
  ])("%s", (s, expected) => {
    expect(splitPointsSuffix(s)).toEqual(expected);
    expect(oldSplitPointsSuffix(s)).toEqual(expected);
  });

  it("takes linear time on long digit runs", () => {
    for (const s of ["分" + "1".repeat(60_000), "1".repeat(60_000) + "分x", "(".repeat(60_000) + "1".repeat(60_000) + "分)", "1.".repeat(30_000) + "分"]) {
      expect(cpuMs(() => splitPointsSuffix(s))).toBeLessThan(1000);
    }
  });
});

describe("normalizeGrade (single pass)", () => {
  it("agrees with the old expression on random short texts", () => {
    fc.assert(
      fc.property(textOver(GRADE_ALPHABET), (s) => {
        expect(normalizeGrade(s)).toBe(oldNormalizeGrade(s));
      }),
      { numRuns: 8000 },
    );
  });

  it("agrees on grade words with a parenthetical", () => {
    const word = fc.constantFrom("优", "良", "中", "差", ...GRADE_ALIASES_KEYS, "", "合格");
    fc.assert(
      fc.property(word, textOver(GRADE_ALPHABET, 6), fc.constantFrom(")", "）", ""), (w, inner, close) => {
        for (const open of ["(", "（"]) {
          const s = w + open + inner + close;
          expect(normalizeGrade(s)).toBe(oldNormalizeGrade(s));
        }
      }),
      { numRuns: 5000 },
    );
  });

  it("answers only the aliases' own words (not Object.prototype's)", () => {
    expect(normalizeGrade("constructor")).toBeUndefined();
    expect(normalizeGrade("__proto__")).toBeUndefined();
    expect(normalizeGrade("良好（85分）")).toBe("良");
  });

  it("takes linear time on long runs of brackets", () => {
    for (const s of ["（".repeat(60_000), "(".repeat(60_000), "（".repeat(60_000) + "）", "(a".repeat(30_000), " ".repeat(60_000) + "（"]) {
      expect(cpuMs(() => normalizeGrade(s))).toBeLessThan(1000);
    }
  });
});

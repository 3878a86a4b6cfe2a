/** Text normalisation: full-width to half-width, compact labels, cleaned values. */
import fc from "fast-check";
import { cleanText, compactLabel, splitPointsSuffix, toHalfWidth } from "../../src/domain/text";

/** The rule written out one character at a time. */
function halfWidthReference(s: string): string {
  return [...s]
    .map((ch) => {
      const c = ch.charCodeAt(0);
      if (ch.length === 1 && c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0);
      return c === 0x3000 && ch.length === 1 ? " " : ch;
    })
    .join("");
}

describe("toHalfWidth", () => {
  it("turns full-width digits, letters, brackets and the ideographic space into ASCII, and nothing else", () => {
    expect(toHalfWidth("≥９５％")).toBe("≥95%");
    expect(toHalfWidth("（万元）")).toBe("(万元)");
    expect(toHalfWidth("Ａ　Ｂ")).toBe("A B");
    expect(toHalfWidth("城关镇（12）里程")).toBe("城关镇(12)里程");
    expect(toHalfWidth("，。、")).toBe(",。、"); // ，is FF0C; 。、 are CJK punctuation, kept
    const plain = "产出指标";
    expect(toHalfWidth(plain)).toBe(plain);
  });
  it("agrees with the rule applied one character at a time (property)", () => {
    const ch = fc.oneof(
      fc.integer({ min: 0xff00, max: 0xff60 }).map((c) => String.fromCharCode(c)),
      fc.constantFrom("\u3000", "指", "标", "a", "1", " ", "（", "）", "😀"),
    );
    fc.assert(fc.property(fc.array(ch, { maxLength: 20 }), (chars) => {
      const s = chars.join("");
      expect(toHalfWidth(s)).toBe(halfWidthReference(s));
    }));
  });
});

describe("compactLabel and cleanText", () => {
  it("compacts labels for matching and cleans values for showing", () => {
    expect(compactLabel("产 出 指 标")).toBe("产出指标");
    expect(compactLabel("年度\n指标值（Ａ）")).toBe("年度指标值(a)");
    expect(cleanText("  ≥ ９０ ％ ")).toBe("≥ 90 %");
    expect(cleanText("a\u00a0\u200bb")).toBe("a b");
  });
  it("cleanText is half-width, whitespace runs as one space, trimmed (property against the rule written out)", () => {
    const ch = fc.constantFrom("（", "）", "１", "Ａ", "\u3000", " ", "\n", "\u00a0", "\u200b", "\ufeff", "指", "a", "%", "\t");
    fc.assert(fc.property(fc.array(ch, { maxLength: 16 }), (chars) => {
      const s = chars.join("");
      expect(cleanText(s)).toBe(halfWidthReference(s).replace(/[\s\u00a0\u200b\ufeff]+/g, " ").trim());
    }));
  });
  it("cleanText treats every character JavaScript calls whitespace as one, and only those (property against the rule)", () => {
    // \s in full, U+200B, and characters just beside them that are not whitespace.
    const spaces = ["\t", "\n", "\v", "\f", "\r", " ", "\u00a0", "\u1680", "\u2000", "\u2005", "\u200a", "\u200b", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\ufeff"];
    const others = ["\u0008", "\u000e", "\u001f", "!", "\u009f", "\u00a1", "\u167f", "\u1681", "\u1fff", "\u200c", "\u2027", "\u202a", "\u205e", "\u2060", "\u2fff", "\u3001", "\ufefe", "\uff00", "\uff01", "\uff5e", "\uff5f", "指"];
    const ch = fc.constantFrom(...spaces, ...others);
    fc.assert(fc.property(fc.array(ch, { maxLength: 12 }), (chars) => {
      const s = chars.join("");
      expect(cleanText(s)).toBe(halfWidthReference(s).replace(/[\s\u00a0\u200b\ufeff]+/g, " ").trim());
    }));
  });
  it("splits a points suffix from a subtotal label", () => {
    expect(splitPointsSuffix("产出指标（50分）")).toEqual({ label: "产出指标", points: 50 });
    expect(splitPointsSuffix("(30分)")).toEqual({ label: "", points: 30 });
    expect(splitPointsSuffix("效益指标")).toEqual({ label: "效益指标" });
  });
});

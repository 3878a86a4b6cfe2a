/** The ownership digest: SHA-256 and HMAC agree with Node's, and the key is kept per computer, never guessed. */
import { createHash, createHmac } from "crypto";
import { Hmac, Sha256, hex, ownerKey, resetSessionKey, SheetDigest } from "../../src/excel/own-digest";

describe("Sha256 and Hmac", () => {
  const samples = ["", "abc", "自评表 校验报告", "x".repeat(55), "y".repeat(56), "z".repeat(64), "😀\ud800lone", "a".repeat(1000)];
  test.each(samples)("SHA-256 of %j equals Node's", (s) => {
    // Node encodes a lone surrogate as U+FFFD too.
    expect(hex(new Sha256().text(s).digest())).toBe(createHash("sha256").update(s, "utf8").digest("hex"));
  });
  test("HMAC equals Node's, fed in pieces", () => {
    const key = "k".repeat(70);
    expect(new Hmac(key).text("hello ").text("世界").hex()).toBe(createHmac("sha256", createHash("sha256").update(key).digest()).update("hello 世界").digest("hex"));
  });
});

describe("ownerKey", () => {
  afterEach(() => resetSessionKey());
  test("made once and kept in the store", () => {
    const m = new Map<string, string>();
    const store = { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
    const a = ownerKey(store);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(ownerKey(store)).toBe(a);
  });
  test("a blocked store gives one key for the session", () => {
    const store = { getItem: (): string | null => { throw new Error("blocked"); }, setItem: (): void => { throw new Error("blocked"); } };
    const a = ownerKey(store);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(ownerKey(store)).toBe(a);
  });
  test("the digest depends on the key, the kind, the name, the box and every value", () => {
    const d = (key: string, kind = "report", name = "校验报告", rows: unknown[][] = [["a", 1]], box = { top: 0, left: 0, rows: 1, cols: 2 }): string =>
      new SheetDigest(key, kind, name, box).rows(rows).value();
    const base = d("k1");
    expect(d("k1")).toBe(base);
    expect(new Set([base, d("k2"), d("k1", "coverage"), d("k1", "report", "自评表"), d("k1", "report", "校验报告", [["a", "1"]]), d("k1", "report", "校验报告", [["a", 1]], { top: 1, left: 0, rows: 1, cols: 2 })]).size).toBe(6);
  });
});

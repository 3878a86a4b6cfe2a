/** memoByText: answers are remembered, undefined ones too, long texts are not kept, and the cache stays bounded. */
import { memoByText } from "../../src/domain/memo";

function counted<T>(f: (s: string) => T): { fn: (s: string) => T; calls: () => number } {
  let n = 0;
  return { fn: (s) => (n++, f(s)), calls: () => n };
}

test("a repeated text is computed once, an undefined answer included", () => {
  const c = counted((s) => (s === "x" ? undefined : s.length));
  const m = memoByText(c.fn);
  expect([m("ab"), m("ab"), m("x"), m("x")]).toEqual([2, 2, undefined, undefined]);
  expect(c.calls()).toBe(2);
});

test("texts longer than maxLength are not kept (only the last answer is)", () => {
  const c = counted((s) => s.length);
  const m = memoByText(c.fn, 100, 3);
  m("abcd");
  m("ab");
  m("abcd");
  expect(c.calls()).toBe(3);
  m("abcd"); // the same text again: the last answer
  expect(c.calls()).toBe(3);
});

test("the last answer is the right one after a switch between texts", () => {
  const m = memoByText((s) => (s === "x" ? undefined : s.length));
  expect([m("abc"), m("x"), m("abc"), m("x"), m("x"), m("de")]).toEqual([3, undefined, 3, undefined, undefined, 2]);
});

test("the cache empties when it reaches its limit", () => {
  const c = counted((s) => s);
  const m = memoByText(c.fn, 2);
  m("a");
  m("b");
  m("c"); // full: cleared, then "c" kept
  m("a");
  expect(c.calls()).toBe(4);
  m("c");
  expect(c.calls()).toBe(4);
});

/**
 * FindingCollector keeps what a full sort-then-cap would keep (the most severe first, each severity in report
 * order), counts every finding, and holds a bounded number of them however many arrive.
 */
import fc from "fast-check";
import { makeIssue } from "../../src/domain/catalog";
import type { Issue, IssueDraft, Severity } from "../../src/domain/issues";
import { FindingCollector, countByCode, countStats, sortIssues } from "../../src/domain/report";

const SEVERITIES: Severity[] = ["error", "warning", "info"];
const CODES = ["indicator.missing-field", "indicator.vague", "score.mismatch"] as const;

const issueArb = fc.record({
  severity: fc.constantFrom(...SEVERITIES),
  sheet: fc.constantFrom("A", "B", "Z"),
  row: fc.integer({ min: 1, max: 40 }),
  col: fc.constantFrom("A", "B", "C"),
  code: fc.constantFrom(...CODES),
  n: fc.integer(),
});

/** A check's draft (its words still a template: written only if kept), with the severity given. */
function issue(x: { severity: Severity; sheet: string; row: number; col: string; code: (typeof CODES)[number]; n: number }): IssueDraft {
  return { code: x.code, severity: x.severity, sheet: x.sheet, cell: `${x.col}${x.row}`, value: String(x.n), template: { zh: "值{v}", en: "value {v}" }, params: { v: x.n } };
}

/** The reference: sort everything, then take quotas by severity (errors first), then report order. */
function reference(all: readonly Issue[], max: number, order: readonly string[]): Issue[] {
  const sorted = sortIssues(all, order);
  let left = max;
  const quota = new Map<Severity, number>();
  for (const s of SEVERITIES) {
    const n = Math.min(sorted.filter((i) => i.severity === s).length, left);
    quota.set(s, n);
    left -= n;
  }
  return sorted.filter((i) => {
    const q = quota.get(i.severity) ?? 0;
    if (q === 0) return false;
    quota.set(i.severity, q - 1);
    return true;
  });
}

test("keeps exactly what sorting everything and capping would keep, and counts all", () => {
  fc.assert(
    fc.property(fc.array(issueArb, { maxLength: 3000 }), fc.integer({ min: 0, max: 50 }), (xs, max) => {
      const drafts = xs.map(issue);
      const all = drafts.map(makeIssue);
      const order = ["B", "A"];
      const c = new FindingCollector(max, order);
      for (const d of drafts) c.push(d);
      const r = c.report([]);
      expect(r.issues).toEqual(reference(all, max, order));
      expect(r.stats).toEqual(countStats(all));
      expect(r.byCode).toEqual(countByCode(all));
      expect(r.valid).toBe(countStats(all).errors === 0);
      if (all.length > max) expect(r.truncated).toEqual({ shown: Math.min(max, all.length), total: all.length });
      else expect(r.truncated).toBeUndefined();
    }),
    { numRuns: 200 },
  );
});

test("holds at most about twice the cap per severity while 200,000 findings arrive", () => {
  const c = new FindingCollector(100, ["S"]);
  let peak = 0;
  for (let k = 0; k < 200_000; k++) {
    c.push(issue({ severity: SEVERITIES[k % 3], sheet: "S", row: 200_000 - k, col: "A", code: CODES[k % 3], n: k }));
    peak = Math.max(peak, c.held);
  }
  expect(peak).toBeLessThanOrEqual(3 * (2 * 100 + 1024));
  const r = c.report([]);
  expect(r.issues).toHaveLength(100);
  expect(r.issues.every((i) => i.severity === "error")).toBe(true);
  // The errors kept are the first in report order: the lowest rows.
  expect(parseInt(r.issues[0].cell.slice(1), 10)).toBeLessThan(parseInt(r.issues[99].cell.slice(1), 10));
  expect(r.truncated).toEqual({ shown: 100, total: 200_000 });
});

/** Findings as checks give them: rows mostly in report order, now and then one from further up, in several sheets. */
const arrivalArb = fc.array(
  fc.record({
    severity: fc.constantFrom<Severity>("error", "error", "warning", "info"),
    sheet: fc.constantFrom("A", "B", "Z"),
    step: fc.integer({ min: -3, max: 6 }),
    col: fc.constantFrom("A", "B", "C"),
    code: fc.constantFrom(...CODES),
  }),
  { minLength: 1000, maxLength: 6000 },
);

test("a finding behind the cap's bar is dropped at once, and the kept ones are still exactly the best", () => {
  fc.assert(
    fc.property(arrivalArb, fc.integer({ min: 0, max: 40 }), (xs, max) => {
      let row = 1;
      const drafts = xs.map((x, n) => {
        row = Math.max(1, row + x.step);
        return issue({ ...x, row, n });
      });
      const all = drafts.map(makeIssue);
      const order = ["B", "A"];
      const c = new FindingCollector(max, order);
      for (const d of drafts) c.push(d);
      expect(c.report([]).issues).toEqual(reference(all, max, order));
    }),
    { numRuns: 60 },
  );
});

test("findings in report order beyond the cap make nothing: the collector holds the cap's worth and no more", () => {
  const c = new FindingCollector(100, ["S"]);
  let heldAfterFirstCut = 0;
  for (let k = 0; k < 200_000; k++) {
    c.push(issue({ severity: "error", sheet: "S", row: k + 1, col: "A", code: CODES[0], n: k }));
    if (k >= 2 * 100 + 1024) heldAfterFirstCut = Math.max(heldAfterFirstCut, c.held);
  }
  expect(heldAfterFirstCut).toBe(100);
  const r = c.report([]);
  expect(r.issues.map((i) => i.cell)).toEqual(Array.from({ length: 100 }, (_, k) => `A${k + 1}`));
  expect(r.issues[0].message).toBe("值0");
  expect(r.stats.errors).toBe(200_000);
});

test("once the errors fill the cap, warnings and infos are counted and not held", () => {
  const c = new FindingCollector(10, ["S"]);
  for (let k = 0; k < 10; k++) c.push(issue({ severity: "error", sheet: "S", row: 100 + k, col: "B", code: CODES[0], n: k }));
  for (let k = 0; k < 5000; k++) c.push(issue({ severity: k % 2 ? "warning" : "info", sheet: "S", row: 1, col: "A", code: CODES[1], n: k }));
  expect(c.held).toBe(10);
  const r = c.report([]);
  expect(r.issues.every((i) => i.severity === "error")).toBe(true);
  expect(r.stats).toEqual({ errors: 10, warnings: 2500, infos: 2500 });
});

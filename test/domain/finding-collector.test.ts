/**
 * FindingCollector keeps what a full sort-then-cap would keep (the most severe first, each severity in report
 * order), counts every finding, and holds a bounded number of them however many arrive.
 */
import fc from "fast-check";
import type { Issue, Severity } from "../../src/domain/issues";
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

function issue(x: { severity: Severity; sheet: string; row: number; col: string; code: (typeof CODES)[number]; n: number }): Issue {
  return { code: x.code, severity: x.severity, sheet: x.sheet, cell: `${x.col}${x.row}`, value: String(x.n), message: "m", messageEn: "m", source: "s" };
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
      const all = xs.map(issue);
      const order = ["B", "A"];
      const c = new FindingCollector(max, order);
      for (const i of all) c.push(i);
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

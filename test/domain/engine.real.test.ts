/**
 * The five real published tables, checked end to end (recognition → checks → scoring): each must show the
 * findings its reviewer's notes call for (test/fixtures/real/NOTES.md) and none of what the notes call consistent.
 * Expectations live beside the tables as NN.expected.json.
 */
import * as fs from "fs";
import * as path from "path";
import { checkWorkbook } from "../../src/domain/engine";
import { REAL_DIR, REAL_PREFIXES, realGrid } from "../helpers/real";

interface Expected {
  table: { kind: string; layout: string; project?: string; score?: { total?: number; grade?: string; entered?: number } };
  must: string[];
  mustNot: string[];
  expected?: Record<string, string>;
}

describe.each(REAL_PREFIXES)("real table %s", (prefix) => {
  const exp: Expected = JSON.parse(fs.readFileSync(path.join(REAL_DIR, `${prefix}.expected.json`), "utf8"));
  const result = checkWorkbook([realGrid(prefix)]);
  const found = result.issues.map((i) => `${i.code}@${i.cell}`);

  it("is recognized as the notes describe", () => {
    expect(result.tables).toHaveLength(1);
    expect(result.tables[0]).toMatchObject(exp.table);
  });
  it("shows every finding the notes call for", () => {
    for (const m of exp.must) expect(found).toContain(m);
  });
  it("reports nothing the notes call consistent", () => {
    const codes = result.issues.map((i) => i.code);
    for (const code of exp.mustNot) expect(codes).not.toContain(code);
  });
  it("reports the computed value as expected", () => {
    for (const [key, value] of Object.entries(exp.expected ?? {})) {
      const issue = result.issues.find((i) => `${i.code}@${i.cell}` === key);
      expect(issue?.expected).toBe(value);
    }
  });
  it("gives every issue a cell inside the sheet, a source and both messages", () => {
    const g = realGrid(prefix);
    for (const i of result.issues) {
      const m = /^([A-Z]+)(\d+)$/.exec(i.cell);
      expect(m).not.toBeNull();
      expect(Number(m![2])).toBeLessThanOrEqual(g.values.length);
      expect(i.source).not.toBe("");
      expect(i.message).not.toBe("");
      expect(i.messageEn).not.toBe("");
    }
  });
});

it("the verdict follows the errors", () => {
  const r = checkWorkbook([realGrid("02")]);
  expect(r.valid).toBe(r.stats.errors === 0);
  expect(r.stats.errors).toBeGreaterThan(0);
});

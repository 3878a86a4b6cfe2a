/**
 * The real-table corpus against its floor: `npm run real`'s totals (precision, recall, verdicts right on complete
 * tables) may not fall below test/real/floor.json. The corpus itself is checked for what makes the score honest:
 * every table has a key and a recorded source, and every table added after the first 26 has its blind key.
 */
import * as fs from "fs";
import * as path from "path";
import { CORPUS_DIR, formatScore, loadCorpus, scoreCorpus, scoreTable, type CorpusTable } from "./score";
import type { Issue } from "../../src/domain/issues";

interface Floor {
  readonly precision: number;
  readonly recall: number;
  readonly verdictsWrong: number;
}

const floor = JSON.parse(fs.readFileSync(path.join(CORPUS_DIR, "floor.json"), "utf8")) as Floor;
const pending: string[] = [];
const corpus = loadCorpus(CORPUS_DIR, pending);

describe("the real-table corpus", () => {
  test("every table has a key, and every key names its source", () => {
    expect(pending).toEqual([]);
    for (const t of corpus) {
      const k = t.key as { source?: string | null; source_note?: string };
      expect(`${t.id}: ${k.source ?? k.source_note ?? ""}`).toMatch(/^\d+: \S/);
    }
  });

  test("every table after the first 26 keeps the stored text it came from and its blind key", () => {
    for (const t of corpus.filter((c) => Number(c.id) > 26)) {
      expect(fs.existsSync(path.join(CORPUS_DIR, "sources", `${t.id}.txt`))).toBe(true);
      const blind = JSON.parse(fs.readFileSync(path.join(CORPUS_DIR, "blind", `${t.id}.json`), "utf8")) as { file: string; faults: unknown[] };
      expect(blind.file).toBe(t.file);
      expect(Array.isArray(blind.faults)).toBe(true);
    }
  });

  test("precision, recall and verdicts stay at or above the floor", () => {
    const score = scoreCorpus(corpus);
    process.stdout.write(`\n${formatScore(score, false)}\n`);
    expect(score.precision).toBeGreaterThanOrEqual(floor.precision);
    expect(score.recall).toBeGreaterThanOrEqual(floor.recall);
    expect(score.verdictsJudged - score.verdictsRight).toBeLessThanOrEqual(floor.verdictsWrong);
  });
});

describe("the scorer", () => {
  const table: CorpusTable = {
    id: "99",
    file: "99_x.csv",
    grid: { sheet: "x", top: 0, left: 0, values: [] },
    key: {
      file: "99_x.csv",
      source: "https://example.invalid/",
      complete: true,
      should_pass: false,
      not_checked: false,
      findings: [
        { code: "score.mismatch", cell: "H5", verdict: "TP", why: "" },
        { code: "project.missing-category", cell: "A3", verdict: "TP", why: "", message: "效益" },
        { code: "project.missing-category", cell: "A3", verdict: "FP", why: "", message: "满意度" },
        { code: "indicator.vague", cell: "E9", verdict: "FP-partial-transcription", why: "" },
      ],
      missed: [{ code: "score.total-mismatch", cell: "H23", why: "", alt: [["score.total-mismatch", "A23"]] }],
    },
  };
  const issue = (code: string, cell: string, message = ""): Issue =>
    ({ code, cell, message, severity: "error", sheet: "x", value: "", messageEn: "", source: "" }) as unknown as Issue;

  test("a finding meets a fault by code and cell, an alt meets a missed fault, the key's FP is false, an artefact is left out", () => {
    const s = scoreTable(table, [
      issue("score.mismatch", "H5"),
      issue("project.missing-category", "A3", "项目缺少满意度指标"),
      issue("project.missing-category", "A3", "项目缺少效益指标"),
      issue("indicator.vague", "E9"),
      issue("score.total-mismatch", "A23"),
      issue("score.total-mismatch", "H23"),
      issue("indicator.vague", "E10"),
    ], "not-ready");
    expect(s.findings.map((f) => f.cls)).toEqual(["true", "false", "true", "artefact", "true", "duplicate", "unjudged"]);
    expect([s.faultsMet, s.faults]).toEqual([3, 3]);
    expect(s.expectedVerdicts).toEqual(["not-ready", "not-filled"]);
  });

  test("a fault no finding meets is missed", () => {
    const s = scoreTable(table, [], "ready");
    expect(s.missed).toEqual(["score.mismatch@H5", "project.missing-category@A3 (效益)", "score.total-mismatch@H23"]);
  });
});

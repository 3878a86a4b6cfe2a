/**
 * The real-table corpus (test/real/) scored against its reviewer's keys.
 *
 * Each table `tables/NN_*.csv` has a key `keys/NN.json` (the format of ../shared/data/real/key.json): every finding an
 * engine made on it, judged (TP, TP-wrong-message, TP-wrong-severity, FP, FP-partial-transcription), and the faults
 * it missed (with `alt`: other code/cell pairs a reviewer accepts for the same fault). From a key:
 *  - faults = its TP findings + its missed entries;
 *  - a finding of today's engine is TRUE when it meets a fault (same code and cell, or an alt of a missed fault),
 *    FALSE when the key calls that code@cell FP, an ARTEFACT (left out of precision) when the key calls it
 *    FP-partial-transcription, and UNJUDGED otherwise. Unjudged findings count against precision until someone
 *    judges them in the key: a finding nobody has signed is not a true one.
 *  - a second finding meeting a fault already met is a DUPLICATE (one finding per cause) and counts as false.
 * precision = true / (true + false + duplicate + unjudged); recall = faults met / faults;
 * verdict: on complete tables whose key does not set `verdict_applies: false`, ready when `should_pass`,
 * not-checked or not-filled when `not_checked`, otherwise not-ready or not-filled.
 */
import * as fs from "fs";
import * as path from "path";
import { parseCsv } from "../../src/domain/csv";
import { checkWorkbook } from "../../src/domain/engine";
import type { Grid } from "../../src/domain/grid";
import type { Issue } from "../../src/domain/issues";
import { verdictOf, type Verdict } from "../../src/domain/report";

export const CORPUS_DIR = __dirname;

export type Judgment = "TP" | "TP-wrong-message" | "TP-wrong-severity" | "FP" | "FP-partial-transcription";

export interface KeyFinding {
  readonly code: string;
  readonly cell: string;
  readonly severity?: string;
  readonly verdict: Judgment;
  readonly why: string;
  readonly message?: string;
}

export interface KeyMissed {
  readonly code: string;
  readonly cell: string;
  readonly why: string;
  readonly message?: string;
  readonly alt?: readonly (readonly [string, string])[];
}

export interface TableKey {
  readonly file: string;
  readonly source: string | null;
  readonly complete: boolean;
  readonly should_pass: boolean;
  readonly not_checked: boolean;
  readonly should_pass_why?: string;
  readonly verdict_applies?: boolean;
  /** Why the verdict is not scored on a complete table (it rests on text the file does not hold). */
  readonly verdict_applies_why?: string;
  readonly findings: readonly KeyFinding[];
  readonly missed: readonly KeyMissed[];
}

export interface CorpusTable {
  readonly id: string;
  readonly file: string;
  readonly key: TableKey;
  readonly grid: Grid;
}

/** Every table of the corpus with its key, in file order; tables still without a key are listed in `pending`. */
export function loadCorpus(dir: string = CORPUS_DIR, pending: string[] = []): CorpusTable[] {
  const tables = fs.readdirSync(path.join(dir, "tables")).filter((f) => f.endsWith(".csv")).sort();
  const keys = new Set(fs.readdirSync(path.join(dir, "keys")).filter((f) => /^\d+\.json$/.test(f)));
  const out: CorpusTable[] = [];
  for (const file of tables) {
    const id = file.split("_")[0];
    const keyFile = `${id}.json`;
    if (!keys.delete(keyFile)) {
      pending.push(file);
      continue;
    }
    const key = JSON.parse(fs.readFileSync(path.join(dir, "keys", keyFile), "utf8")) as TableKey;
    if (key.file !== file) throw new Error(`keys/${keyFile} is for ${key.file}, not ${file}`);
    const text = fs.readFileSync(path.join(dir, "tables", file), "utf8");
    out.push({ id, file, key, grid: { sheet: file.replace(/\.csv$/, ""), top: 0, left: 0, values: parseCsv(text) } });
  }
  if (keys.size > 0) throw new Error(`keys without a table: ${[...keys].join(", ")}`);
  return out;
}

export type FindingClass = "true" | "false" | "duplicate" | "artefact" | "unjudged";

export interface TableScore {
  readonly id: string;
  readonly file: string;
  readonly findings: readonly { readonly issue: Issue; readonly cls: FindingClass }[];
  readonly faults: number;
  readonly faultsMet: number;
  readonly missed: readonly string[];
  /** Expected verdicts (any of them is right), or undefined when the table's verdict is not judged. */
  readonly expectedVerdicts?: readonly Verdict[];
  readonly verdict: Verdict;
}

const at = (code: string, cell: string) => `${code}@${cell}`;

export function expectedVerdicts(key: TableKey): readonly Verdict[] | undefined {
  if (!key.complete || key.verdict_applies === false) return undefined;
  if (key.not_checked) return ["not-checked", "not-filled"];
  return key.should_pass ? ["ready"] : ["not-ready", "not-filled"];
}

interface Entry {
  readonly pairs: readonly string[];
  readonly message?: string;
  readonly verdict: Judgment | "missed";
}

const isFault = (e: Entry) => e.verdict === "missed" || e.verdict.startsWith("TP");

function classOf(e: Entry): FindingClass {
  if (e.verdict === "FP") return "false";
  if (e.verdict === "FP-partial-transcription") return "artefact";
  return "true";
}

/**
 * Scores one table's findings against its key. A key entry may carry `message`, a text the finding's message must
 * hold, where two judgments share one code and cell (e.g. "no 效益" and "no 满意度" both at the project's label).
 */
export function scoreTable(t: CorpusTable, issues: readonly Issue[], verdict: Verdict): TableScore {
  const entries: Entry[] = [
    ...t.key.findings.map((f) => ({ pairs: [at(f.code, f.cell)], message: f.message, verdict: f.verdict })),
    ...t.key.missed.map((m) => ({ pairs: [at(m.code, m.cell), ...(m.alt ?? []).map(([c, cell]) => at(c, cell))], message: m.message, verdict: "missed" as const })),
  ];
  const used = new Array<boolean>(entries.length).fill(false);
  const fits = (e: Entry, k: string, issue: Issue) => e.pairs.includes(k) && (!e.message || issue.message.includes(e.message));
  const findings = issues.map((issue) => {
    const k = at(issue.code, issue.cell);
    // An entry not yet used, its own code@cell before an alt; else one already used (a second finding for one cause).
    let i = entries.findIndex((e, n) => !used[n] && e.pairs[0] === k && fits(e, k, issue));
    if (i < 0) i = entries.findIndex((e, n) => !used[n] && fits(e, k, issue));
    if (i >= 0) {
      used[i] = true;
      return { issue, cls: classOf(entries[i]) };
    }
    const again = entries.find((e) => fits(e, k, issue));
    if (!again) return { issue, cls: "unjudged" as const };
    const cls = classOf(again);
    return { issue, cls: cls === "true" ? ("duplicate" as const) : cls };
  });
  const faults = entries.map((e, n) => ({ e, n })).filter(({ e }) => isFault(e));
  return {
    id: t.id,
    file: t.file,
    findings,
    faults: faults.length,
    faultsMet: faults.filter(({ n }) => used[n]).length,
    missed: faults.filter(({ n }) => !used[n]).map(({ e }) => e.pairs[0] + (e.message ? ` (${e.message})` : "")),
    expectedVerdicts: expectedVerdicts(t.key),
    verdict,
  };
}

export interface CorpusScore {
  readonly tables: readonly TableScore[];
  readonly precision: number;
  readonly recall: number;
  readonly verdictsRight: number;
  readonly verdictsJudged: number;
  readonly counts: Readonly<Record<FindingClass, number>>;
  readonly faults: number;
  readonly faultsMet: number;
}

export function scoreCorpus(corpus: readonly CorpusTable[] = loadCorpus()): CorpusScore {
  const tables = corpus.map((t) => {
    const result = checkWorkbook([t.grid]);
    return scoreTable(t, result.issues, verdictOf(result));
  });
  const counts: Record<FindingClass, number> = { true: 0, false: 0, duplicate: 0, artefact: 0, unjudged: 0 };
  for (const s of tables) for (const f of s.findings) counts[f.cls]++;
  const faults = tables.reduce((n, s) => n + s.faults, 0);
  const faultsMet = tables.reduce((n, s) => n + s.faultsMet, 0);
  const judgedTables = tables.filter((s) => s.expectedVerdicts);
  const counted = counts.true + counts.false + counts.duplicate + counts.unjudged;
  return {
    tables,
    precision: counted === 0 ? 1 : counts.true / counted,
    recall: faults === 0 ? 1 : faultsMet / faults,
    verdictsRight: judgedTables.filter((s) => s.expectedVerdicts?.includes(s.verdict)).length,
    verdictsJudged: judgedTables.length,
    counts,
    faults,
    faultsMet,
  };
}

const pct = (x: number) => `${(Math.floor(x * 1000) / 10).toFixed(1)}%`;

/** The printout: one line per table, its findings that are not true, the faults it missed, then the totals line. */
export function formatScore(s: CorpusScore, detail = true): string {
  const lines: string[] = [];
  for (const t of s.tables) {
    const counted = t.findings.filter((f) => f.cls !== "artefact");
    const trueOnes = counted.filter((f) => f.cls === "true").length;
    const v = t.expectedVerdicts ? `${t.verdict}${t.expectedVerdicts.includes(t.verdict) ? " ✓" : ` ✗ (want ${t.expectedVerdicts.join("|")})`}` : `${t.verdict} (not judged)`;
    lines.push(`${t.id}  precision ${trueOnes}/${counted.length}  recall ${t.faultsMet}/${t.faults}  verdict ${v}  ${t.file}`);
    if (!detail) continue;
    for (const f of t.findings) if (f.cls !== "true" && f.cls !== "artefact") lines.push(`      ${f.cls.padEnd(9)} ${at(f.issue.code, f.issue.cell)}  ${f.issue.message}`);
    for (const m of t.missed) lines.push(`      missed    ${m}`);
  }
  const c = s.counts;
  lines.push(
    `findings: ${c.true} true, ${c.false} false, ${c.duplicate} duplicate, ${c.unjudged} unjudged, ${c.artefact} transcription artefacts; faults ${s.faultsMet}/${s.faults} found`,
  );
  lines.push(`real tables: ${s.tables.length} · precision ${pct(s.precision)} · recall ${pct(s.recall)} · verdicts ${s.verdictsRight}/${s.verdictsJudged}`);
  return lines.join("\n");
}

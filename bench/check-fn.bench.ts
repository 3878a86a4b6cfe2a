/**
 * JX.CHECK against a plain per-row checker giving the same findings (bench/plain-row-checker.ts), 10,000 rows as
 * Excel passes a range (issue 23: ≤ 3× the plain checker), on two sets of rows: the functions bench's (every name
 * different) and a budget system's list (bench/synthetic.ts: some indicators repeat from project to project, which
 * JX.CHECK checks once). Also the way JX.CHECK ran before (a walker, a table, a project and a context made for every
 * row, every row checked), for the record. CPU time, best of interleaved runs (the machine is
 * shared); the outputs are compared cell by cell before anything is timed. `npm run bench -- check-fn`.
 */
import { makeIssue } from "../src/domain/catalog";
import { PROJECT_CHECKS, checkContext, walkProject } from "../src/domain/checks";
import { singleRow, singleRowTable, type SingleRowInput } from "../src/domain/checks/single-row";
import type { Issue } from "../src/domain/issues";
import { resolveProfile, type Profile } from "../src/domain/profiles";
import type { IndicatorProject } from "../src/domain/tables/model";
import { argValue } from "../src/functions/cells";
import { jxCheck } from "../src/functions/functions";
import { plainCheckRows } from "./plain-row-checker";
import { indicatorListGrid } from "./synthetic";

const NATIONAL = resolveProfile("national");

/** JX.CHECK's six arguments over `n` rows (the functions bench's rows, plus some with findings of other kinds). */
export function checkArgs(n: number): unknown[][][] {
  const signs = ["≥", "≤", "＝", "≥"];
  const cols: unknown[][][] = [[], [], [], [], [], []];
  for (let i = 0; i < n; i++) {
    const s = signs[i % 4];
    const target = i % 3 === 0 ? `${s}${90 + (i % 10)}%` : `${s}${100 + (i % 400)}`;
    const k = i % 10;
    const row: unknown[] = [
      k === 7 ? "效益指标" : "产出指标",
      k === 7 ? "社会效益指标" : k === 5 ? "成本指标" : "数量指标",
      k === 8 ? "群众满意度" : k === 4 ? "培训人次" : `指标${i}`,
      k === 7 ? "有所提高" : k === 9 ? `${s}${120 + (i % 50)}%` : target,
      k === 6 ? "" : String(target).endsWith("%") ? "%" : "个",
      10,
    ];
    row.forEach((v, c) => cols[c].push([v]));
  }
  return cols;
}

/**
 * JX.CHECK's six arguments over the first `n` indicator rows of the benches' synthetic list (bench/synthetic.ts): rows
 * as budget systems export them, where some indicators repeat from project to project and others name the project.
 */
export function listArgs(n: number): unknown[][][] {
  const g = indicatorListGrid(n);
  const cols: unknown[][][] = [[], [], [], [], [], []];
  for (const r of g.values.slice(1)) {
    const row = [r[2], r[3], r[4], `${r[5] ?? ""}${r[6] ?? ""}`, r[7], r[8]];
    row.forEach((v, c) => cols[c].push([v]));
  }
  return cols;
}

/** The rows as plain values, as the plain checker takes them (made before any timing: its advantage). */
export function plainInputs(args: readonly unknown[][][]): SingleRowInput[] {
  return args[0].map((_, r) => {
    const v = (c: number): ReturnType<typeof argValue> => argValue(args[c][r]?.[0]);
    return { level1: v(0), level2: v(1), name: v(2), target: v(3), unit: v(4), weight: v(5) };
  });
}

/** JX.CHECK as it was: every row a new walker, table, project and context (walkProject). */
function perRowWalker(rows: readonly SingleRowInput[], profile: Profile): string[] {
  return rows.map((input) => {
    const row = singleRow(input);
    const project: IndicatorProject = { key: "row", info: {}, indicators: [row], placeholders: [], subtotals: [] };
    const table = singleRowTable(project);
    const out: Issue[] = [];
    walkProject(PROJECT_CHECKS, checkContext(project, table, profile), (d) => out.push(makeIssue(d)), { rowsOnly: true });
    return out.map((i) => `${i.code} ${i.message}`).join("；");
  });
}

function cpu(fn: () => unknown): number {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

/** Times JX.CHECK, the plain checker and the old way over one set of rows (outputs held equal first). */
function measure(label: string, args: unknown[][][], runs: number): { jx: number; plain: number; old: number; ratio: number } {
  const n = args[0].length;
  const inputs = plainInputs(args);
  const jx = (): string[] => jxCheck(args[0], args[1], args[2], args[3], args[4], args[5]).map((r) => String(r[0]));
  const plain = (): string[] => plainCheckRows(inputs, NATIONAL);
  const old = (): string[] => perRowWalker(inputs, NATIONAL);

  // Same findings, row by row, before anything is timed.
  const a = jx();
  const b = plain();
  const c = old();
  if (a.length !== b.length || a.some((x, i) => x !== b[i]) || c.some((x, i) => x !== b[i])) {
    const i = a.findIndex((x, k) => x !== b[k] || c[k] !== b[k]);
    throw new Error(`JX.CHECK and the plain checker differ at row ${i + 1}: ${a[i]} | ${b[i]} | ${c[i]}`);
  }
  const withFindings = b.filter((x) => x !== "").length;
  const codes = new Set(b.flatMap((x) => [...x.matchAll(/(?:^|；)([a-z]+\.[a-z-]+) /g)].map((m) => m[1])));
  const distinct = new Set(args[0].map((_, r) => JSON.stringify(args.map((col) => col[r][0])))).size;

  // Interleaved runs, best CPU time of each.
  const best = { jx: Infinity, plain: Infinity, old: Infinity };
  for (let k = 0; k < runs; k++) {
    best.plain = Math.min(best.plain, cpu(plain));
    best.jx = Math.min(best.jx, cpu(jx));
    best.old = Math.min(best.old, cpu(old));
  }
  const ratio = best.jx / best.plain;
  console.log(
    `JX.CHECK, ${label}: ${n.toLocaleString("en-US")} rows (${distinct.toLocaleString("en-US")} distinct; ${withFindings.toLocaleString("en-US")} with findings: ${[...codes].join(", ")}): ` +
      `${best.jx.toFixed(1)} ms CPU; plain per-row checker ${best.plain.toFixed(1)} ms; ` +
      `ratio ${ratio.toFixed(2)}× (target ≤ 3×) — ${ratio <= 3 ? "met" : "NOT met"}; ` +
      `before (a walker per row, no memo) ${best.old.toFixed(1)} ms, ${(best.old / best.plain).toFixed(2)}×; best of ${runs} interleaved runs`,
  );
  return { ...best, ratio };
}

export function run({ quick = false }: { quick?: boolean } = {}): { jx: number; plain: number; old: number; ratio: number }[] {
  const runs = quick ? 5 : 15;
  return [measure("the functions bench's rows", checkArgs(10_000), runs), measure("a budget system's list", listArgs(10_000), runs)];
}

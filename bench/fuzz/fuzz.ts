/**
 * `npm run fuzz [-- --runs N] [--seed S] [--jobs J] [--limit MS] [--only I] [--strict] [--verbose]`
 *
 * Runs N fuzz cases (default 100,000; see cases.ts) through the engine, each twice (check-case.ts), and prints
 * the figures: cases run, exceptions, nondeterministic results, invariant failures, cases over the CPU limit,
 * the slowest case (CPU ms and what it was) and the total time. Case i is generated from seed S + i, so any case
 * can be replayed alone with `--seed S --only i`; a failing case is shrunk by fast-check to a minimal
 * counterexample, which is printed. The cases are split over J child processes (default: 2, or 1 on one core),
 * each measuring its own CPU time. Failures already reported (check-case.ts KNOWN_FAILURES) are counted apart;
 * exit code 1 when anything new failed (with --strict, the known ones too).
 */
import { fork } from "child_process";
import * as os from "os";
import * as path from "path";
import fc from "fast-check";
import { checkWorkbook } from "../../src/domain/engine";
import { caseArb, loadRealTables, type FuzzCase, type Vocabulary } from "./cases";
import { DEFAULT_LIMIT_MS, KNOWN_FAILURES, runCase, type Problem, type ProblemKind } from "./check-case";

export interface Options {
  readonly runs: number;
  readonly seed: number;
  readonly jobs: number;
  readonly limitMs: number;
  readonly only?: number;
  readonly verbose: boolean;
  /** Count the known (reported) engine failures as failures too. */
  readonly strict: boolean;
}

export interface Failure {
  readonly index: number;
  readonly label: string;
  readonly problems: readonly Problem[];
}

export interface Figures {
  runs: number;
  /** Cases with a new (not known) problem of each kind. */
  counts: Record<ProblemKind, number>;
  /** Cases with each known failure (KNOWN_FAILURES id). */
  known: Record<string, number>;
  slowest: { index: number; ms: number; label: string };
  cpuMs: number;
  issues: number;
  tables: number;
  failures: Failure[];
}

function emptyFigures(): Figures {
  return { runs: 0, counts: { exception: 0, nondeterministic: 0, invariant: 0, slow: 0 }, known: {}, slowest: { index: -1, ms: 0, label: "" }, cpuMs: 0, issues: 0, tables: 0, failures: [] };
}

/** The names and codes the real tables' projects carry, so generated budget lines can match them. */
export function realVocabulary(): Vocabulary {
  const names = new Set<string>();
  const codes = new Set<string>();
  for (const t of loadRealTables()) {
    for (const x of checkWorkbook([{ sheet: t.id, top: 0, left: 0, values: t.rows }]).targets) {
      if (x.name) names.add(x.name);
      if (x.code) codes.add(x.code);
    }
  }
  return { names: [...names].sort(), codes: [...codes].sort() };
}

/** The case arbitrary over the real tables (built once per process). */
export function fuzzArbitrary(): fc.Arbitrary<FuzzCase> {
  return caseArb(loadRealTables(), realVocabulary());
}

/** Case `index` of the run with seed `seed`. */
export function caseAt(arb: fc.Arbitrary<FuzzCase>, seed: number, index: number): FuzzCase {
  return fc.sample(arb, { seed: (seed + index) | 0, numRuns: 1 })[0];
}

/** Runs the cases `index ≡ part (mod parts)` of [0, runs); `onProgress` is told every 1,000 cases. */
export function runSlice(arb: fc.Arbitrary<FuzzCase>, o: Options, part: number, parts: number, onProgress?: (done: number) => void): Figures {
  const f = emptyFigures();
  const indices = o.only !== undefined ? [o.only] : [];
  if (o.only === undefined) for (let i = part; i < o.runs; i += parts) indices.push(i);
  for (const i of indices) {
    const c = caseAt(arb, o.seed, i);
    const r = runCase(c, o.limitMs);
    f.runs++;
    f.cpuMs += r.cpuMs[0];
    f.issues += r.issues;
    f.tables += r.tables;
    if (r.cpuMs[0] > f.slowest.ms) f.slowest = { index: i, ms: r.cpuMs[0], label: c.label };
    for (const k of new Set(r.problems.filter((p) => !p.known).map((p) => p.kind))) f.counts[k]++;
    for (const id of new Set(r.problems.map((p) => p.known).filter((x): x is string => x !== undefined))) f.known[id] = (f.known[id] ?? 0) + 1;
    if (r.problems.length > 0) f.failures.push({ index: i, label: c.label, problems: r.problems });
    if (o.verbose) process.stderr.write(`#${i} ${r.cpuMs[0].toFixed(1)} ms ${r.problems.length ? "FAIL " : ""}${c.label.slice(0, 200)}\n`);
    if (onProgress && f.runs % 1000 === 0) onProgress(f.runs);
  }
  return f;
}

function merge(a: Figures, b: Figures): Figures {
  const counts = { ...a.counts };
  for (const k of Object.keys(counts) as ProblemKind[]) counts[k] += b.counts[k];
  const known = { ...a.known };
  for (const [id, n] of Object.entries(b.known)) known[id] = (known[id] ?? 0) + n;
  return {
    runs: a.runs + b.runs,
    counts,
    known,
    slowest: b.slowest.ms > a.slowest.ms ? b.slowest : a.slowest,
    cpuMs: a.cpuMs + b.cpuMs,
    issues: a.issues + b.issues,
    tables: a.tables + b.tables,
    failures: [...a.failures, ...b.failures].sort((x, y) => x.index - y.index),
  };
}

/** Problems of the same signature: the same known failure, or a new one of the same kind. */
function sameSignature(p: Problem, q: Problem): boolean {
  return p.known !== undefined ? q.known === p.known : q.known === undefined && q.kind === p.kind;
}

/** fast-check's shrink of case `index` to a minimal one that still shows a problem like `like` (not for "slow"). */
export function shrink(arb: fc.Arbitrary<FuzzCase>, o: Options, index: number, like: Problem): { label: string; problems: readonly Problem[]; grids: string } | undefined {
  const r = fc.check(
    fc.property(arb, (c) => !runCase(c, Number.POSITIVE_INFINITY).problems.some((p) => sameSignature(like, p))),
    { seed: (o.seed + index) | 0, numRuns: 1 },
  );
  const c = r.counterexample?.[0];
  if (!c) return undefined;
  const problems = runCase(c, Number.POSITIVE_INFINITY).problems.filter((p) => sameSignature(like, p));
  const short = (v: unknown): unknown => (typeof v === "string" && v.length > 80 ? `${v.slice(0, 40)}…(${v.length} chars)` : v);
  const grids = JSON.stringify({ workbook: c.workbook, budget: c.budget, profile: c.profile, coveredBy: c.coveredBy }, (_k, v: unknown) => short(v));
  return { label: c.label, problems, grids: grids.length > 4000 ? grids.slice(0, 4000) + "…" : grids };
}

function parseOptions(argv: readonly string[]): Options {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    if (i >= 0) return argv[i + 1];
    const eq = argv.find((a) => a.startsWith(`--${name}=`));
    return eq?.slice(name.length + 3);
  };
  const num = (name: string, fallback: number): number => {
    const v = get(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n)) throw new Error(`--${name} takes an integer (got ${v})`);
    return n;
  };
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  const only = get("only");
  return {
    runs: num("runs", 100_000),
    seed: num("seed", 15),
    jobs: Math.max(1, num("jobs", Math.min(2, cores))),
    limitMs: num("limit", DEFAULT_LIMIT_MS),
    ...(only !== undefined ? { only: num("only", 0) } : {}),
    verbose: argv.includes("--verbose"),
    strict: argv.includes("--strict"),
  };
}

function print(f: Figures, o: Options, wallMs: number): void {
  const line = (s: string): void => void process.stdout.write(s + "\n");
  line("");
  line(`fuzz: seed ${o.seed}, ${o.jobs} job(s), CPU limit ${o.limitMs} ms per case (each case run twice)`);
  line(`  cases run            ${f.runs.toLocaleString("en-US")} (${f.tables.toLocaleString("en-US")} tables recognized, ${f.issues.toLocaleString("en-US")} issues)`);
  line(`  exceptions           ${f.counts.exception}`);
  line(`  nondeterministic     ${f.counts.nondeterministic}`);
  line(`  invariant failures   ${f.counts.invariant}`);
  line(`  over ${o.limitMs} ms CPU     ${f.counts.slow}`);
  for (const k of KNOWN_FAILURES) line(`  known: ${k.id.padEnd(14)} ${f.known[k.id] ?? 0} case(s) — ${k.reason}`);
  line(`  slowest case         #${f.slowest.index}: ${f.slowest.ms.toFixed(1)} ms CPU — ${f.slowest.label.slice(0, 400)}`);
  line(`  engine CPU time      ${(f.cpuMs / 1000).toFixed(1)} s (first runs; mean ${(f.cpuMs / Math.max(1, f.runs)).toFixed(2)} ms per case)`);
  line(`  total time           ${(wallMs / 1000).toFixed(1)} s wall`);
}

function report(f: Figures, o: Options, arb: fc.Arbitrary<FuzzCase>): void {
  const line = (s: string): void => void process.stdout.write(s + "\n");
  if (f.failures.length === 0) return;
  line("");
  line(`failures (${f.failures.length}; replay one with --seed ${o.seed} --only <index>):`);
  const fresh = f.failures.filter((x) => x.problems.some((p) => !p.known));
  for (const x of [...fresh.slice(0, 20), ...f.failures.filter((y) => !fresh.includes(y)).slice(0, 3)]) {
    line(`  #${x.index} ${x.label.slice(0, 300)}`);
    for (const p of x.problems.slice(0, 5)) line(`      ${p.kind}${p.known ? ` (known: ${p.known})` : ""}: ${p.detail.slice(0, 400)}`);
  }
  const shrunk = new Set<string>();
  for (const x of f.failures) {
    for (const p of x.problems) {
      const sig = p.known ?? p.kind;
      if (p.kind === "slow" || shrunk.has(sig) || shrunk.size >= 6) continue;
      shrunk.add(sig);
      const m = shrink(arb, o, x.index, p);
      if (!m) continue;
      line("");
      line(`minimal counterexample (${sig}, shrunk from #${x.index}): ${m.label.slice(0, 400)}`);
      for (const q of m.problems.slice(0, 3)) line(`      ${q.kind}: ${q.detail.slice(0, 400)}`);
      line(`      grids: ${m.grids}`);
    }
  }
}

/** Parent: forks the jobs, gathers their figures, prints. */
async function parent(o: Options): Promise<number> {
  const t0 = Date.now();
  const arb = fuzzArbitrary();
  let figures = emptyFigures();
  if (o.jobs === 1 || o.only !== undefined) {
    figures = runSlice(arb, o, 0, 1, (n) => process.stderr.write(`  ${n.toLocaleString("en-US")} / ${o.runs.toLocaleString("en-US")}\r`));
  } else {
    const done = new Array<number>(o.jobs).fill(0);
    const results = await Promise.all(
      Array.from({ length: o.jobs }, (_, part) =>
        new Promise<Figures>((resolve, reject) => {
          const child = fork(path.join(__dirname, "run.js"), ["--child", String(part), ...process.argv.slice(2)], { execArgv: process.execArgv });
          let got: Figures | undefined;
          child.on("message", (m: { progress?: number; figures?: Figures }) => {
            if (m.progress !== undefined) {
              done[part] = m.progress;
              process.stderr.write(`  ${done.reduce((a, b) => a + b, 0).toLocaleString("en-US")} / ${o.runs.toLocaleString("en-US")}\r`);
            }
            if (m.figures) got = m.figures;
          });
          child.on("exit", (code) => (got ? resolve(got) : reject(new Error(`fuzz job ${part} exited with ${code} before reporting`))));
        }),
      ),
    );
    for (const r of results) figures = merge(figures, r);
  }
  print(figures, o, Date.now() - t0);
  report(figures, o, arb);
  const fresh = figures.counts.exception + figures.counts.nondeterministic + figures.counts.invariant + figures.counts.slow;
  const known = Object.values(figures.known).reduce((a, b) => a + b, 0);
  return fresh === 0 && (!o.strict || known === 0) ? 0 : 1;
}

/** Child: runs its share and sends the figures back. */
function child(o: Options, part: number): void {
  const arb = fuzzArbitrary();
  const f = runSlice(arb, o, part, o.jobs, (n) => process.send?.({ progress: n }));
  process.send?.({ figures: f }, () => process.exit(0));
}

/** What `npm run fuzz -- --help` prints (it used to start a 100,000-case run). */
export const USAGE = `usage: npm run fuzz [-- --runs N] [--seed S] [--jobs J] [--limit MS] [--only I] [--strict] [--verbose]
  --runs N     cases to run (default 100,000)
  --seed S     seed of case 0; case i uses S + i (default 15)
  --jobs J     child processes (default 2, or 1 on one core)
  --limit MS   CPU limit per case (default ${DEFAULT_LIMIT_MS} ms)
  --only I     replay case I alone
  --strict     count the known engine failures as failures too
  --verbose    print every problem
  --help       this text
`;

const KNOWN_FLAGS = new Set(["--runs", "--seed", "--jobs", "--limit", "--only", "--strict", "--verbose", "--child", "--help", "-h"]);

export async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(USAGE);
    return 0;
  }
  const unknown = argv.find((a) => a.startsWith("-") && !KNOWN_FLAGS.has(a.split("=")[0]));
  if (unknown !== undefined) {
    process.stderr.write(`fuzz: unknown option ${unknown}\n${USAGE}`);
    return 2;
  }
  const o = parseOptions(argv);
  const ci = argv.indexOf("--child");
  if (ci >= 0) {
    child(o, Number(argv[ci + 1]));
    return -1;
  }
  return parent(o);
}

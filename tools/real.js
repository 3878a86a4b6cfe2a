#!/usr/bin/env node
// `npm run real`: the real-table corpus (test/real/) checked by the engine and scored against the reviewer's keys:
// per table precision, recall and verdict, the findings that are not true and the faults missed, then one line
// `real tables: N · precision P% · recall R% · verdicts V/W`. `--brief` prints one line per table only; `--json`
// prints the totals as JSON; `--dir D` scores the corpus in D instead of test/real/. TypeScript sources run through ts-node (transpile only), so no build is needed.
require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "CommonJS", moduleResolution: "node" } });
const { loadCorpus, scoreCorpus, formatScore } = require("../test/real/score.ts");

const args = process.argv.slice(2);
const pending = [];
const dirAt = args.indexOf("--dir");
const score = scoreCorpus(loadCorpus(dirAt >= 0 ? args[dirAt + 1] : undefined, pending));
if (pending.length) process.stderr.write(`not scored (no key yet): ${pending.join(", ")}\n`);
if (args.includes("--json")) {
  const { tables, ...totals } = score;
  process.stdout.write(JSON.stringify({ tables: tables.length, ...totals }, null, 1) + "\n");
} else {
  process.stdout.write(formatScore(score, !args.includes("--brief")) + "\n");
}

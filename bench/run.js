#!/usr/bin/env node
// Benchmarks. `npm run bench` measures issue 13's table, issue 23's findings figures (bench/findings.bench.ts: a
// findings-heavy list against the clean one) and its batch figures (bench/targets.bench.ts, which
// runs bench/scale.bench.ts too: every figure against its baseline measured in the same run, its target and its
// ratio, written to bench/results.json); `npm run bench -- --quick` does the same on smaller inputs; `npm run bench
// -- scale` the batch figures alone (`--big`: 64 files of 200,000 rows); `npm run bench -- engine functions` those
// detail benches, `-- --all` every one. Each prints figures; none is a pass/fail test.
// TypeScript sources run through ts-node (transpile only), so no build is needed.
require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "CommonJS", moduleResolution: "node" } });
const fs = require("fs");
const path = require("path");

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const all = args.includes("--all");
const only = args.filter((a) => !a.startsWith("--"));
const files = fs
  .readdirSync(__dirname)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => all || (only.length === 0 ? f === "targets.bench.ts" : only.some((o) => f.includes(o))))
  .sort();

(async () => {
  for (const f of files) {
    console.log(`\n## ${f}`);
    const mod = require(path.join(__dirname, f));
    await mod.run({ quick });
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});

#!/usr/bin/env node
// Benchmarks: `npm run bench [name…]`. Each prints figures and ratios; none is a pass/fail test.
// TypeScript sources run through ts-node (transpile only), so no build is needed.
require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "CommonJS", moduleResolution: "node" } });
const fs = require("fs");
const path = require("path");

const only = process.argv.slice(2);
const files = fs
  .readdirSync(__dirname)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

(async () => {
  for (const f of files) {
    console.log(`\n## ${f}`);
    const mod = require(path.join(__dirname, f));
    await mod.run();
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});

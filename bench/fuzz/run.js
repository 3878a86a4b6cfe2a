#!/usr/bin/env node
// `npm run fuzz [-- --runs N --seed S --jobs J --limit MS --only I --verbose]`: see fuzz.ts.
// TypeScript sources run through ts-node (transpile only), as the benchmarks do, so no build is needed.
require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "CommonJS", moduleResolution: "node" } });
require("./fuzz.ts")
  .main(process.argv.slice(2))
  .then(
    (code) => {
      if (code >= 0) process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`${e && e.stack ? e.stack : String(e)}\n`);
      process.exitCode = 2;
    },
  );

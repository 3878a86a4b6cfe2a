#!/usr/bin/env node
"use strict";
// The jx command. Build first: npm run build:cli (compiles src/ into lib/).
let cli;
try {
  cli = require("../lib/cli/main.js");
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND" && String(e.message).includes("lib/cli/main.js")) {
    process.stderr.write("jx 尚未编译，请先运行 npm run build:cli / jx is not built: run npm run build:cli first\n");
    process.exit(2);
  }
  throw e;
}
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});

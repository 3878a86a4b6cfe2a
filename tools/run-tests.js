#!/usr/bin/env node
// `npm test`: jest (unit, component, CLI) then the Chromium end-to-end tests against a fresh build of the pane.
// Prints one final line "N passed, N failed" that CI reads. Exit code 0 only when everything passed.
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: process.env }).status ?? 1;
const skipE2e = process.argv.includes("--unit");

let passed = 0;
let failed = 0;

const jestOut = path.join(root, ".jest.json");
fs.rmSync(jestOut, { force: true });
const jestRc = run(process.execPath, [require.resolve("jest/bin/jest"), "--json", `--outputFile=${jestOut}`]);
try {
  const r = JSON.parse(fs.readFileSync(jestOut, "utf8"));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (r.numRuntimeErrorTestSuites || 0);
} catch {
  failed += 1;
}
if (jestRc !== 0 && failed === 0) failed += 1;

if (!skipE2e) {
  const buildRc = run("npm", ["run", "-s", "build", "--", "--env", "fast"]);
  if (buildRc !== 0) failed += 1;
  else {
    const tap = path.join(root, ".e2e.tap");
    fs.rmSync(tap, { force: true });
    const e2eRc = run(process.execPath, [
      "--test",
      "--test-reporter=spec",
      "--test-reporter-destination=stdout",
      "--test-reporter=tap",
      `--test-reporter-destination=${tap}`,
      "test/e2e/",
    ]);
    const text = fs.existsSync(tap) ? fs.readFileSync(tap, "utf8") : "";
    const num = (k) => Number((new RegExp(`^# ${k} (\\d+)`, "m").exec(text) || [])[1] || 0);
    passed += num("pass");
    failed += num("fail");
    if (e2eRc !== 0 && num("fail") === 0) failed += 1;
  }
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

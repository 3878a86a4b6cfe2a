/**
 * Browser build of the Excel fake (test/fakes/excel-fake.ts) for the e2e: the TypeScript source is transpiled
 * on the fly, so jest and the browser share one fake. `fakeExcelScript(init)` returns a script for
 * page.addInitScript that installs `window.Excel` and exposes the fake as `window.__jxFake` (stats.syncs …).
 */
"use strict";
const fs = require("fs");
const path = require("path");
const ts = require("typescript");

const SOURCE = path.join(__dirname, "..", "fakes", "excel-fake.ts");
let compiled;

/** The fake as a CommonJS body (cached). */
function compiledFake() {
  if (!compiled) {
    const out = ts.transpileModule(fs.readFileSync(SOURCE, "utf8"), {
      compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS, removeComments: true },
      fileName: "excel-fake.ts",
    });
    compiled = out.outputText;
  }
  return compiled;
}

/** A self-contained browser script that installs the fake over a workbook described by `init`. */
function fakeExcelScript(init) {
  return `(function () {
  var module = { exports: {} }; var exports = module.exports;
${compiledFake()}
  window.__jxFake = exports.installFakeExcel(window, ${JSON.stringify(init || {})});
})();`;
}

module.exports = { fakeExcelScript };

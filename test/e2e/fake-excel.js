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

/**
 * The same, over a workbook that `initSource` builds in the page (a JavaScript expression; `__synthetic` is
 * bench/synthetic.ts there, also as `window.__synthetic` for later use), so a large sheet need not travel as JSON.
 * Only in the top frame.
 */
function fakeExcelScriptFrom(initSource) {
  const synthetic = ts.transpileModule(fs.readFileSync(path.join(__dirname, "..", "..", "bench", "synthetic.ts"), "utf8"), {
    compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS, removeComments: true },
    fileName: "synthetic.ts",
  }).outputText;
  return `(function () {
  if (window !== window.top) return;
  var __synthetic = (function () { var module = { exports: {} }; var exports = module.exports;
${synthetic}
  return module.exports; })();
  window.__synthetic = __synthetic;
  var module = { exports: {} }; var exports = module.exports;
${compiledFake()}
  window.__jxFake = exports.installFakeExcel(window, (${initSource}));
})();`;
}

module.exports = { fakeExcelScript, fakeExcelScriptFrom };

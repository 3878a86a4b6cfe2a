/**
 * Writes dist/jx-offline.html: the browser page as one file that works when opened from disk (file://), for officers
 * who get it by mail or on a USB stick, or whose intranet has no web server for it. Every script of the page is
 * inlined, lazy chunks (the panels, ExcelJS) included, in the order the runtime needs; the worker's own entry is
 * left out, since a page of origin "null" cannot start it and checks on its own thread instead
 * (src/taskpane/browser/workerCore.ts, workerOrInline). office.js and office-boot.js are left out too: the file is
 * never an add-in. Its Content-Security-Policy allows exactly these scripts (by hash) and no requests at all.
 */
"use strict";
const crypto = require("crypto");

const NAME = "jx-offline.html";
/** The worker's entry chunk (the `name` given to `new Worker` in createCheckWorker.ts). */
const WORKER_CHUNK = "jx-check";
/** The page's entry chunks, in the order taskpane.html loads them. */
const ENTRY_CHUNKS = ["runtime", "domain", "functions", "taskpane"];

/** Script text safe inside an HTML <script> element. */
function inlineable(file, text) {
  if (text.includes("<!--")) throw new Error(`${NAME}: ${file} contains "<!--", which would change how the HTML parser reads an inline script`);
  return text.replace(/<\/(script)/gi, "<\\/$1");
}

function page(scripts) {
  const hashes = scripts.map((s) => `'sha256-${crypto.createHash("sha256").update(s, "utf8").digest("base64")}'`);
  const csp = [
    "default-src 'none'",
    `script-src ${hashes.join(" ")}`,
    // Fluent UI (Griffel) inserts its style rules at run time.
    "style-src 'unsafe-inline'",
    "img-src data: blob:",
    "font-src data:",
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  return [
    "<!doctype html>",
    '<html lang="zh-CN">',
    "<head>",
    '<meta charset="UTF-8" />',
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    `<meta http-equiv="Content-Security-Policy" content="${csp}" />`,
    "<title>绩效助手（离线版）/ JX Performance Checker (offline)</title>",
    '<link rel="icon" href="data:," />',
    "<style>html, body { margin: 0; padding: 0; height: 100%; }</style>",
    "</head>",
    "<body>",
    '<div id="container"></div>',
    "<noscript>绩效助手需要启用 JavaScript。 JX needs JavaScript.</noscript>",
    ...scripts.map((s) => `<script>${s}</script>`),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

class OfflinePagePlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("OfflinePagePlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "OfflinePagePlugin", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const jsOf = (chunk) => [...chunk.files].filter((f) => f.endsWith(".js"));
        const chunks = [...compilation.chunks];
        const entries = ENTRY_CHUNKS.map((n) => {
          const c = chunks.find((x) => x.name === n);
          if (!c) throw new Error(`${NAME}: no chunk "${n}"`);
          return c;
        });
        // The runtime first, then every other chunk (they register themselves with it), then the entries.
        const lazy = chunks.filter((c) => !entries.includes(c) && c.name !== WORKER_CHUNK);
        const files = [...jsOf(entries[0]), ...lazy.flatMap(jsOf).sort(), ...entries.slice(1).flatMap(jsOf)];
        const scripts = files.map((f) => inlineable(f, compilation.getAsset(f).source.source().toString()));
        compilation.emitAsset(NAME, new sources.RawSource(page(scripts)));
      });
    });
  }
}

module.exports = { OfflinePagePlugin, OFFLINE_PAGE: NAME };

// Shared by the e2e tests: a static server for dist/ on 127.0.0.1, a fresh headless Chromium profile per test
// (Debian's /usr/bin/chromium via playwright-core), and the real published tables read as the CLI reads them.
"use strict";
const { URL } = require("node:url");
const assert = require("node:assert/strict");
const fs = require("fs");
const http = require("http");
const os = require("os");
const path = require("path");
const { chromium } = require("playwright-core");
const engine = require("./engine-node");

const ROOT = path.resolve(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist");
const ARTIFACTS = path.join(ROOT, "test-artifacts");
const REAL = path.join(ROOT, "test", "fixtures", "real");
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".json": "application/json", ".png": "image/png", ".xml": "application/xml", ".map": "application/json", ".css": "text/css" };
// The flags the machine notes call for: no sandbox as root, no GPU, and no background traffic to Google hosts.
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"];

/** Starts the static server for dist/ (no directory listing, no path escapes); resolves { server, baseUrl }. */
function startServer() {
  assert.ok(fs.existsSync(path.join(DIST, "taskpane.html")), "dist/ is missing: run `npm run build -- --env fast` first");
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      const rel = decodeURIComponent(new URL(req.url, "http://x").pathname);
      const file = path.join(DIST, rel === "/" ? "taskpane.html" : rel);
      if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream" });
      fs.createReadStream(file).pipe(res);
    });
    server.listen(0, "127.0.0.1", () => resolve({ server, baseUrl: `http://127.0.0.1:${server.address().port}` }));
  });
}

function stopServer(server) {
  return new Promise((resolve) => server.close(resolve));
}

/**
 * Opens taskpane.html in a fresh profile, with `initScript` (the Excel fake) injected before office.js when given;
 * `query` is appended to the URL (or `url` opened instead: a file:// page), `beforeGoto(page)` runs before navigation
 * (routes); waits for Office.onReady.
 * Returns { page, errors, requests, consoleErrors, close }.
 */
async function openPane(baseUrl, initScript, { locale = "zh-CN", colorScheme = "light", viewport = { width: 360, height: 720 }, query = "", beforeGoto, url } = {}) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-e2e-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [...ARGS, `--lang=${locale}`],
    viewport,
    locale,
    colorScheme,
    acceptDownloads: true,
  });
  const page = context.pages()[0] || (await context.newPage());
  const errors = [];
  const requests = [];
  const consoleErrors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  context.on("request", (r) => requests.push(r.url()));
  if (initScript) await page.addInitScript({ content: initScript });
  if (beforeGoto) await beforeGoto(page);
  await page.goto(url ?? `${baseUrl}/taskpane.html${query}`);
  await page.waitForFunction(() => window.__officeReady === true, null, { timeout: 20000 });
  return {
    page,
    errors,
    requests,
    consoleErrors,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Path of a real published table by prefix ("06"). */
function realCsv(prefix) {
  const name = fs.readdirSync(REAL).find((f) => f.startsWith(prefix + "_") && f.endsWith(".csv"));
  return path.join(REAL, name);
}

/** A real table's rows as the CLI reads the CSV (src/file/csv-grid.ts: plain decimals become numbers). */
function realRows(prefix) {
  return engine.csvTextToGrid(fs.readFileSync(realCsv(prefix), "utf8"), prefix).values;
}

module.exports = { ROOT, DIST, ARTIFACTS, REAL, startServer, stopServer, openPane, realCsv, realRows };

/**
 * End-to-end, the page's Web Worker on a 100,000-row workbook (the real table 20's indicator rows repeated,
 * Chromium, dist/ served from 127.0.0.1): progress through the stages, cancel takes effect at once, the page's
 * thread never stalls while the worker reads and checks, the counts equal the engine's as the CLI runs it, and the
 * preview keeps only the rows in view in the DOM (its last row is reached by scrolling).
 *   npm run build -- --env fast && node --test test/e2e/browser-worker.test.js
 */
"use strict";
const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const path = require("path");
const ExcelJS = require("exceljs");
const engine = require("./engine-node");
const h = require("./harness");

const { ARTIFACTS } = h;
const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const ROWS = 100_000;

let server;
let baseUrl;
let big;

/** Table 20 (a 绩效目标表): its title and header, its 7 indicator rows repeated, its 总分 row last: ROWS rows. */
async function bigWorkbook() {
  const rows = h.realRows("20");
  const head = rows.slice(0, 2);
  const body = rows.slice(2, 9);
  const tail = rows.slice(9);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("20 目标表");
  for (const r of head) ws.addRow(r);
  for (let n = head.length; n < ROWS - tail.length; n++) ws.addRow(body[(n - head.length) % body.length]);
  for (const r of tail) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

before(async () => {
  ({ server, baseUrl } = await h.startServer());
  big = await bigWorkbook();
});
after(() => h.stopServer(server));

/** Records, in the page, the stages the progress line shows and the longest stall of the page's thread while busy. */
async function installProbes(page) {
  await page.evaluate(() => {
    const w = window;
    w.__stages = new Set();
    w.__maxGap = 0;
    let last = window.performance.now();
    window.setInterval(() => {
      const now = window.performance.now();
      if (document.querySelector("[data-testid=browser-progress]")) {
        w.__maxGap = Math.max(w.__maxGap, now - last);
        if (now - last > 150) (w.__gaps ??= []).push(`${Math.round(now - last)}ms@${document.querySelector("[data-testid=progress-text]")?.textContent}`);
      }
      last = now;
    }, 20);
    new window.MutationObserver(() => {
      const t = document.querySelector("[data-testid=progress-text]");
      if (t) w.__stages.add(t.textContent.split(" ")[0]);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

test("100,000 rows: progress, cancel, a responsive page, the engine's counts, a windowed preview", async () => {
  const pane = await h.openPane(baseUrl, null, { viewport: { width: 1000, height: 900 } });
  try {
    const { page } = pane;
    await installProbes(page);
    const file = { name: "20-十万行.xlsx", mimeType: XLSX_MIME, buffer: big };

    // Cancel: the worker is stopped, the page says so at once, and no result follows.
    await page.getByTestId("file-input").setInputFiles(file);
    await page.getByTestId("cancel-check").waitFor({ state: "visible" });
    await page.waitForFunction(() => /正在(解压|解析|转换|检查)/.test(document.querySelector("[data-testid=progress-text]")?.textContent ?? ""), null, { timeout: 60000 });
    const t0 = Date.now();
    await page.getByTestId("cancel-check").click();
    await page.getByTestId("check-cancelled").waitFor({ state: "visible", timeout: 2000 });
    assert.ok(Date.now() - t0 < 2000, "cancel answered within 2 s");
    assert.equal(await page.getByTestId("browser-progress").count(), 0);
    await page.waitForTimeout(1500);
    assert.equal(await page.getByTestId("file-detail").count(), 0, "a cancelled check shows no result");

    // The whole check: progress through the stages while the page's thread keeps running.
    await page.evaluate(() => {
      window.__stages.clear();
      window.__maxGap = 0;
    });
    await page.getByTestId("file-input").setInputFiles(file);
    // From the moment the worker is at work (handing the file to the page is the test's doing, not the page's).
    await page.waitForFunction(() => /正在(解压|解析)/.test(document.querySelector("[data-testid=progress-text]")?.textContent ?? ""), null, { timeout: 60000 });
    await page.evaluate(() => {
      window.__maxGap = 0;
      window.__gaps = [];
    });
    await page.getByTestId("file-detail").waitFor({ state: "visible", timeout: 240000 });
    const stages = await page.evaluate(() => [...window.__stages]);
    const maxGap = await page.evaluate(() => window.__maxGap);
    console.log(`stalls over 150 ms: ${await page.evaluate(() => (window.__gaps ?? []).join("; ") || "none")}`);
    console.log(`stages: ${stages.join(" ")}; longest stall of the page's thread while checking: ${Math.round(maxGap)} ms`);
    assert.ok(stages.includes("正在读取"), `stages: ${stages}`);
    assert.ok(stages.includes("正在检查"), `stages: ${stages}`);
    assert.ok(stages.some((s) => /正在(解压|解析|转换)/.test(s)), `stages: ${stages}`);
    // On the page's thread the same work stalls it for the whole read and check (many seconds).
    assert.ok(maxGap < 1000, `the page's thread stalled ${Math.round(maxGap)} ms`);

    // The engine's counts, as the command line gets them.
    const cli = engine.checkWorkbook(await engine.readXlsx(big));
    assert.equal(await page.getByTestId("verdict-title").textContent(), `不可提交：${cli.stats.errors} 个错误，${cli.stats.warnings} 个警告`);
    assert.ok(await page.getByTestId("truncated").isVisible(), "the findings not listed are said");

    // The preview: 100,000 rows, a few dozen in the DOM; scrolling to the end brings the 总分 row.
    const grid = page.getByTestId("sheet-preview").locator("table");
    await grid.waitFor({ timeout: 30000 });
    assert.equal(await grid.getAttribute("aria-rowcount"), String(ROWS + 1));
    const domRows = await page.locator("[data-testid=sheet-preview] tbody tr[data-row]").count();
    assert.ok(domRows > 10 && domRows < 100, `${domRows} rows in the DOM`);
    await page.getByTestId("preview-scroll").evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    const lastCell = page.locator(`[data-testid=sheet-preview] td[data-cell="A${ROWS}"]`);
    await page.waitForFunction((n) => document.querySelector(`[data-testid=sheet-preview] td[data-cell="A${n}"]`)?.textContent === "总分", ROWS, { timeout: 10000 });
    assert.equal(await lastCell.textContent(), "总分");
    assert.ok((await page.locator("[data-testid=sheet-preview] tbody tr[data-row]").count()) < 100);
    await page.screenshot({ path: path.join(ARTIFACTS, "browser-worker.png") });
    assert.deepEqual(pane.errors, []);
    // The worker script and its ExcelJS chunk came from the page's own origin under its CSP (worker-src 'self').
    assert.deepEqual(pane.consoleErrors.filter((e) => /Content Security Policy|Refused to/.test(e)), []);
    assert.ok(pane.requests.some((u) => u.startsWith(baseUrl) && /\/jx-check\.[0-9a-f]+\.js$/.test(u)), "the worker script was loaded from the page's server");
  } finally {
    await pane.close();
  }
});

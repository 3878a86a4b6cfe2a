/**
 * End-to-end, the page as a file: dist/jx-offline.html opened from disk (file://, origin "null"), as an officer
 * opens it by double-click from a mail or a USB stick. In Chinese and in English it checks the three samples with
 * the command line's results (each file's counts, the recognized budget list's coverage, the report workbook cell by
 * cell), requests nothing but its own file, and shows no raw browser error.
 *   npm run build -- --env fast && node --test test/e2e/offline-file.test.js
 */
"use strict";
const { test } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("fs");
const path = require("path");
const { pathToFileURL } = require("node:url");
const h = require("./harness");
const { runCli, workbookCells } = require("./browser-cli");

const { ARTIFACTS, DIST, ROOT } = h;
const SAMPLES = ["预算项目清单.xlsx", "绩效目标-清单.xlsx", "自评表-示例.xlsx"].map((f) => path.join(ROOT, "samples", f));
const OFFLINE = path.join(DIST, "jx-offline.html");

for (const locale of ["zh-CN", "en-US"]) {
  test(`jx-offline.html from file:// (${locale}): the three samples give the command line's results`, async () => {
    assert.ok(fs.existsSync(OFFLINE), "dist/jx-offline.html is missing: run `npm run build -- --env fast` first");
    const html = fs.readFileSync(OFFLINE, "utf8");
    assert.doesNotMatch(html, /<script[^>]+src=/, "every script is inline");
    const cli = await runCli(SAMPLES);
    const url = pathToFileURL(OFFLINE).href;
    const pane = await h.openPane(null, null, { url, locale, viewport: { width: 1280, height: 900 } });
    try {
      const { page, requests } = pane;
      await page.getByTestId("file-input").setInputFiles(SAMPLES);
      await page.getByTestId("file-summary").waitFor({ state: "visible", timeout: 60000 });
      assert.equal(await page.getByTestId("browser-error").count(), 0);
      const rows = await page.getByTestId("file-row").evaluateAll((rs) =>
        rs.map((r) => [r.getAttribute("data-file"), r.querySelector("[data-testid=file-errors]").textContent, r.querySelector("[data-testid=file-warnings]").textContent]),
      );
      assert.deepEqual(
        rows,
        cli.json.files.map((f) => [f.file, String(f.stats.errors), String(f.stats.warnings)]),
      );
      assert.ok(cli.json.coverage, "the CLI reconciled the sample budget list");
      const c = cli.json.coverage;
      assert.match(await page.getByTestId("coverage-by-count").textContent(), new RegExp(`${c.covered.projects}/${c.total.projects} = ${(c.rateByCount * 100).toFixed(2)}%`));

      if (locale === "zh-CN") {
        // No English inside the Chinese UI (the sheets' own data in the preview and the language switch aside).
        for (let k = 0; k < rows.length; k++) {
          await page.getByTestId("file-open").nth(k).click();
          await page.getByTestId("file-detail").and(page.locator(`[data-file="${rows[k][0]}"]`)).waitFor();
          const words = await page.evaluate(() => {
            const main = document.querySelector("main").cloneNode(true);
            main.querySelectorAll("[data-testid=sheet-preview], [data-testid=language-switch]").forEach((e) => e.remove());
            return [...new Set(main.innerText.match(/[A-Za-z][A-Za-z.'-]+/g) || [])];
          });
          assert.deepEqual(words.filter((w) => !["JX", "Excel", "WPS", "xlsx", "csv"].includes(w)), [], `English in the Chinese page of ${rows[k][0]}`);
        }
      }

      const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60000 }), page.getByTestId("download-report").click()]);
      const saved = path.join(ARTIFACTS, `offline-${locale}-report.xlsx`);
      await download.saveAs(saved);
      assert.deepEqual(await workbookCells(saved), await workbookCells(cli.out));
      await page.screenshot({ path: path.join(ARTIFACTS, `offline-${locale}.png`), fullPage: true });

      const foreign = requests.filter((u) => u !== url && !u.startsWith("data:") && !u.startsWith("blob:"));
      assert.deepEqual(foreign, [], "the page requests nothing but itself");
      assert.deepEqual(pane.errors, []);
      assert.deepEqual(pane.consoleErrors, []);
    } finally {
      await pane.close();
    }
  });
}

test("taskpane.html itself opened from file:// checks a file on the page's thread (no raw Worker error)", async () => {
  const pane = await h.openPane(null, null, { url: pathToFileURL(path.join(DIST, "taskpane.html")).href, viewport: { width: 1280, height: 900 } });
  try {
    const { page } = pane;
    await page.getByTestId("file-input").setInputFiles(SAMPLES[2]);
    await page.getByTestId("verdict").waitFor({ state: "visible", timeout: 60000 });
    assert.equal(await page.getByTestId("browser-error").count(), 0);
    assert.equal(await page.getByTestId("verdict").getAttribute("data-intent"), "error");
    assert.deepEqual(pane.errors, []);
  } finally {
    await pane.close();
  }
});

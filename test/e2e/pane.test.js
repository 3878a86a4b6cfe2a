/**
 * End-to-end: the built pane (dist/) in headless Chromium, served from 127.0.0.1.
 *   npm run test:e2e   (builds with --env fast first)
 * (a) inside "Excel" (the in-repo fake injected before office.js): grade a selection, exactly one sync;
 * (b) outside Office: the pane says to open it in Excel instead of staying blank.
 * Screenshots go to test-artifacts/.
 */
"use strict";
const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const path = require("path");
const { fakeExcelScript } = require("./fake-excel");
const h = require("./harness");
const engine = require("./engine-node");

const { ARTIFACTS } = h;
let server;
let baseUrl;
const openPane = (initScript, options = {}) => h.openPane(baseUrl, initScript, { viewport: { width: 360, height: 640 }, ...options });

before(async () => {
  ({ server, baseUrl } = await h.startServer());
});

after(() => h.stopServer(server));

test("inside Excel: grades the selection with one context.sync", async () => {
  const init = { sheets: [{ name: "自评表", values: [[95], [85.5], ["７０"], [40], ["abc"]] }], selection: "自评表!A1:A5" };
  const pane = await openPane(fakeExcelScript(init));
  try {
    const { page } = pane;
    // The grade tool is the pane's last tab in Excel mode.
    await page.getByTestId("tab-grade").click();
    const button = page.getByTestId("grade-selection");
    await button.waitFor({ state: "visible" });
    assert.equal(await page.evaluate(() => window.__jxFake.stats.syncs), 0);
    await button.click();
    await page.getByTestId("grade-row").nth(4).waitFor({ state: "visible" });
    const grades = await page.getByTestId("grade").allTextContents();
    assert.deepEqual(grades, ["优", "良", "中", "差", "无法评级"]);
    const reason = await page.getByTestId("grade-reason").textContent();
    assert.match(reason, /分数不是有效数字/);
    const addresses = await page.getByTestId("grade-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-address")));
    assert.deepEqual(addresses, ["自评表!A1", "自评表!A2", "自评表!A3", "自评表!A4", "自评表!A5"]);
    const stats = await page.evaluate(() => ({ syncs: window.__jxFake.stats.syncs, runs: window.__jxFake.stats.runs }));
    assert.deepEqual(stats, { syncs: 1, runs: 1 });
    await page.screenshot({ path: path.join(ARTIFACTS, "pane-grades.png"), fullPage: true });
    assert.deepEqual(pane.errors, []);
  } finally {
    await pane.close();
  }
});

for (const locale of ["zh-CN", "en-US"]) {
  test(`outside Office (${locale}): a note on what the page is, not a warning; a language switch, remembered`, async () => {
    const pane = await openPane(null, { locale });
    try {
      const { page } = pane;
      const note = page.getByTestId("page-mode");
      await note.waitFor({ state: "visible" });
      assert.equal(await page.locator("[data-testid=not-in-excel], .fui-MessageBar").count(), 0, "no warning bar on opening");
      assert.match(await note.textContent(), locale === "en-US" ? /needs no Excel/ : /本页无需 Excel/);
      assert.equal(await page.locator("main").getAttribute("lang"), locale);
      assert.equal(await page.getByTestId("grade-selection").count(), 0);
      await page.screenshot({ path: path.join(ARTIFACTS, `pane-outside-office-${locale}.png`), fullPage: true });
      // Switch to the other language; a reload keeps the choice.
      const other = locale === "en-US" ? "zh" : "en";
      await page.getByTestId(`language-${other}`).click();
      await page.reload();
      await page.waitForFunction(() => window.__officeReady === true);
      assert.equal(await page.locator("main").getAttribute("lang"), other === "en" ? "en-US" : "zh-CN");
      assert.equal(await page.getByTestId(`language-${other}`).getAttribute("aria-pressed"), "true");
      assert.deepEqual(pane.errors, []);
    } finally {
      await pane.close();
    }
  });
}

test("in Excel (zh-CN), on the three samples: no English word in any tab (the language switch aside)", async () => {
  const grids = [];
  for (const f of ["预算项目清单.xlsx", "绩效目标-清单.xlsx", "自评表-示例.xlsx"]) grids.push(...(await engine.readXlsx(path.join(h.ROOT, "samples", f))));
  const sheets = grids.map((g) => ({ name: g.sheet, values: g.values }));
  const pane = await openPane(fakeExcelScript({ sheets, selection: `${sheets[0].name}!A1` }), { viewport: { width: 360, height: 900 } });
  try {
    const { page } = pane;
    await page.getByTestId("check-workbook").click();
    await page.getByTestId("verdict").waitFor({ timeout: 60000 });
    // Open the first finding's detail too (its 应为 came from the engine in both languages).
    const words = () =>
      page.evaluate(() => {
        const main = document.querySelector("main").cloneNode(true);
        main.querySelectorAll("[data-testid=language-switch]").forEach((e) => e.remove());
        return [...new Set(main.innerText.match(/[A-Za-z][A-Za-z.'-]+/g) || [])].filter((w) => !["JX", "Excel", "WPS", "xlsx", "csv"].includes(w));
      });
    assert.deepEqual(await words(), [], "check tab");
    for (const tab of ["coverage", "templates", "settings", "grade"]) {
      await page.getByTestId(`tab-${tab}`).click();
      await page.locator(`#panel-${tab}`).waitFor();
      assert.deepEqual(await words(), [], `${tab} tab`);
    }
    assert.deepEqual(pane.errors, []);
  } finally {
    await pane.close();
  }
});

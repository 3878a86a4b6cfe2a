/**
 * The screenshots of docs/用户指南.md, made by the e2e rather than by hand, so they show what the built page and pane
 * really look like: the page (served and from a file), its summary, a finding shown in the preview, the coverage
 * view, and the pane in Excel (over the Excel fake) with its verdict and its 覆盖率 tab. All in Chinese, 1280 px
 * for the page and 360 px for the pane.
 *   npm run guide:screenshots       writes them into docs/images/ (a fresh build first)
 *   node --test test/e2e/guide.test.js   (in `npm test`) writes them into test-artifacts/guide/ and checks that
 *                                    the guide shows every one of them
 */
"use strict";
const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("fs");
const path = require("path");
const { pathToFileURL } = require("node:url");
const { fakeExcelScript } = require("./fake-excel");
const engine = require("./engine-node");
const h = require("./harness");

const { ARTIFACTS, DIST, ROOT } = h;
const OUT = process.env.JX_GUIDE_SHOTS ? path.resolve(ROOT, process.env.JX_GUIDE_SHOTS) : path.join(ARTIFACTS, "guide");
const GUIDE = path.join(ROOT, "docs", "用户指南.md");
const SAMPLES = ["预算项目清单.xlsx", "绩效目标-清单.xlsx", "自评表-示例.xlsx"].map((f) => path.join(ROOT, "samples", f));
const SHOTS = ["page-start.png", "page-summary.png", "page-finding.png", "page-coverage.png", "offline.png", "pane-check.png", "pane-coverage.png"];

let server;
let baseUrl;
before(async () => {
  ({ server, baseUrl } = await h.startServer());
  fs.mkdirSync(OUT, { recursive: true });
});
after(() => h.stopServer(server));

const shot = (name) => path.join(OUT, name);

test("guide screenshots: the page", async () => {
  const pane = await h.openPane(baseUrl, null, { viewport: { width: 1280, height: 800 } });
  try {
    const { page } = pane;
    await page.getByTestId("drop-zone").waitFor();
    await page.screenshot({ path: shot("page-start.png") });
    await page.getByTestId("file-input").setInputFiles(SAMPLES);
    await page.getByTestId("file-summary").waitFor({ timeout: 60000 });
    await page.getByTestId("file-summary").scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot("page-summary.png") });
    // The self-evaluation's details, a finding chosen: the preview shows its cell.
    await page.getByTestId("file-open").nth(2).click();
    await page.locator('[data-testid=file-detail][data-file="自评表-示例.xlsx"]').waitFor();
    await page.getByTestId("issue-select").first().click();
    await page.getByTestId("preview-focus-detail").waitFor();
    await page.screenshot({ path: shot("page-finding.png") });
    await page.getByTestId("coverage-view").screenshot({ path: shot("page-coverage.png") });
    assert.deepEqual(pane.errors, []);
  } finally {
    await pane.close();
  }
});

test("guide screenshots: the page opened from a file", async () => {
  const pane = await h.openPane(null, null, { url: pathToFileURL(path.join(DIST, "jx-offline.html")).href, viewport: { width: 1280, height: 700 } });
  try {
    await pane.page.getByTestId("drop-zone").waitFor();
    await pane.page.screenshot({ path: shot("offline.png") });
  } finally {
    await pane.close();
  }
});

test("guide screenshots: the pane in Excel", async () => {
  const grids = [];
  for (const f of SAMPLES) grids.push(...(await engine.readXlsx(f)));
  const sheets = grids.map((g) => ({ name: g.sheet, values: g.values }));
  const pane = await h.openPane(baseUrl, fakeExcelScript({ sheets, selection: `${sheets[0].name}!A1` }), { viewport: { width: 360, height: 900 } });
  try {
    const { page } = pane;
    await page.getByTestId("check-workbook").click();
    await page.getByTestId("verdict").waitFor({ timeout: 60000 });
    await page.screenshot({ path: shot("pane-check.png") });
    await page.getByTestId("tab-coverage").click();
    await page.getByTestId("coverage-panel").waitFor();
    await page.screenshot({ path: shot("pane-coverage.png") });
    assert.deepEqual(pane.errors, []);
  } finally {
    await pane.close();
  }
});

test("the guide shows every screenshot, and each was written", () => {
  for (const s of SHOTS) assert.ok(fs.statSync(shot(s)).size > 1000, `${s} written`);
  if (!fs.existsSync(GUIDE)) return;
  const text = fs.readFileSync(GUIDE, "utf8");
  for (const s of SHOTS) assert.ok(text.includes(`](images/${s})`), `docs/用户指南.md shows images/${s}`);
});

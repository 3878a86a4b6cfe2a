/**
 * End-to-end, the page's sheet preview (Chromium, dist/ served from 127.0.0.1): the checked sheet as it shows
 * (number formats applied as the reader took them), merged cells drawn with their spans, every flagged cell marked
 * with its worst severity, and clicking a finding scrolls to its cell and highlights it: on the samples' 自评表
 * (merges, percentages) and on the real table 02 (a CSV).
 *   npm run build -- --env fast && node --test test/e2e/browser-preview.test.js
 */
"use strict";
const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const path = require("path");
const engine = require("./engine-node");
const h = require("./harness");

const { ARTIFACTS, ROOT, realCsv } = h;
const SELF = path.join(ROOT, "samples", "自评表-示例.xlsx");

let server;
let baseUrl;
before(async () => {
  ({ server, baseUrl } = await h.startServer());
});
after(() => h.stopServer(server));

const RANK = { error: 0, warning: 1, info: 2 };

/** Worst severity per cell of a sheet's issues. */
function worstByCell(issues, sheet) {
  const m = new Map();
  for (const i of issues) {
    if (i.sheet !== sheet || !i.cell) continue;
    const cell = i.cell.split(":")[0];
    if (!m.has(cell) || RANK[i.severity] < RANK[m.get(cell)]) m.set(cell, i.severity);
  }
  return m;
}

/** Opens an issue's group and clicks the issue at `cell`. */
async function clickIssue(page, code, cell) {
  const group = page.locator(`[data-testid="issue-group"][data-group="${code}"]`);
  const header = group.getByTestId("issue-group-header");
  if ((await header.getAttribute("aria-expanded")) !== "true") await header.click();
  await group.locator(`[data-testid=issue][data-cell$="!${cell}"]`).getByTestId("issue-select").click();
}

/** True when the element's box lies inside the scroll view's box. */
async function inView(page, locator) {
  const box = await locator.boundingBox();
  const view = await page.getByTestId("preview-scroll").boundingBox();
  return box !== null && box.y >= view.y - 1 && box.y + box.height <= view.y + view.height + 1 && box.x >= view.x - 1 && box.x + box.width <= view.x + view.width + 1;
}

test("preview of the 自评表 sample: formats, merges, flags; a clicked finding is scrolled to and highlighted", async () => {
  const grids = await engine.readXlsx(SELF);
  const cli = engine.checkWorkbook(grids);
  const pane = await h.openPane(baseUrl, null, { viewport: { width: 900, height: 800 } });
  try {
    const { page } = pane;
    await page.getByTestId("file-input").setInputFiles(SELF);
    const preview = page.getByTestId("sheet-preview");
    await preview.waitFor({ state: "visible", timeout: 60000 });
    const cell = (a1) => preview.locator(`td[data-cell="${a1}"]`);
    await cell("H6").waitFor();
    // As the sheet shows them: 0.00% and 0.00 formats applied.
    assert.equal(await cell("H6").textContent(), "100.00%");
    assert.equal(await cell("F6").textContent(), "160.90");
    assert.equal(await cell("E6").textContent(), "200.00");
    // Merged areas drawn with their spans; the cells they cover are not drawn.
    for (const m of grids[0].merges) {
      const a1 = `${String.fromCharCode(65 + m.left)}${m.top + 1}`;
      const td = cell(a1);
      assert.equal(Number((await td.getAttribute("rowspan")) ?? 1), m.bottom - m.top + 1, `${a1} rowSpan`);
      assert.equal(Number((await td.getAttribute("colspan")) ?? 1), m.right - m.left + 1, `${a1} colSpan`);
    }
    assert.equal(await cell("B5").count(), 0, "B5 lies under the merge A5:B9");
    // Every flagged cell, and only those, marked with its worst finding.
    const flagged = await preview.locator("td[data-flag]").evaluateAll((tds) => tds.map((td) => [td.getAttribute("data-cell"), td.getAttribute("data-flag")]));
    assert.deepEqual(new Map(flagged), worstByCell(cli.issues, "自评表"));

    // Clicking a finding: its cell is scrolled into the view and highlighted.
    await page.evaluate(() => {
      document.querySelector("[data-testid=preview-scroll]").scrollTop = 0;
    });
    await clickIssue(page, "score.total-mismatch", "H22");
    const focus = preview.getByTestId("preview-focus");
    await focus.waitFor();
    assert.equal(await focus.getAttribute("data-cell"), "H22");
    assert.ok(await inView(page, focus), "H22 is within the preview's view");
    await clickIssue(page, "budget.rate-mismatch", "H6");
    await page.waitForFunction(() => document.querySelector("[data-testid=preview-focus]")?.getAttribute("data-cell") === "H6");
    assert.ok(await inView(page, preview.getByTestId("preview-focus")), "H6 is within the preview's view");
    await page.screenshot({ path: path.join(ARTIFACTS, "browser-preview.png"), fullPage: true });
    assert.deepEqual(pane.errors, []);
  } finally {
    await pane.close();
  }
});

test("preview of the real table 02 (a CSV): a finding low in the table scrolls the view down to its row", async () => {
  const csv = realCsv("02");
  const grid = engine.csvTextToGrid(require("fs").readFileSync(csv, "utf8"), "02");
  const cli = engine.checkWorkbook([grid]);
  const last = [...cli.issues].sort((a, b) => Number(/\d+/.exec(b.cell)[0]) - Number(/\d+/.exec(a.cell)[0]))[0];
  const pane = await h.openPane(baseUrl, null, { viewport: { width: 700, height: 700 } });
  try {
    const { page } = pane;
    await page.getByTestId("file-input").setInputFiles(csv);
    await page.getByTestId("sheet-preview").waitFor({ state: "visible", timeout: 60000 });
    await clickIssue(page, last.code, last.cell);
    const focus = page.getByTestId("preview-focus");
    await focus.waitFor();
    assert.equal(await focus.getAttribute("data-cell"), last.cell);
    assert.ok(await inView(page, focus), `${last.cell} is within the preview's view`);
    const scrolled = await page.getByTestId("preview-scroll").evaluate((el) => el.scrollTop);
    assert.ok(scrolled > 0, "the view scrolled down to the row");
    assert.deepEqual(pane.errors, []);
  } finally {
    await pane.close();
  }
});

/** True when the element lies inside the browser window (not only inside the preview's own scroll box). */
async function inWindow(page, locator) {
  const box = await locator.boundingBox();
  const vp = page.viewportSize();
  return box !== null && box.y >= 0 && box.y + box.height <= vp.height && box.x >= 0 && box.x + box.width <= vp.width;
}

for (const locale of ["zh-CN", "en-US"]) {
  test(`at 1280×900 (${locale}), clicking a finding brings its highlighted cell into the window, not only into the preview's box`, async () => {
    const pane = await h.openPane(baseUrl, null, { locale, viewport: { width: 1280, height: 900 } });
    try {
      const { page } = pane;
      await page.getByTestId("file-input").setInputFiles(SELF);
      await page.getByTestId("sheet-preview").waitFor({ state: "visible", timeout: 60000 });
      await page.evaluate(() => window.scrollTo(0, 0));
      await clickIssue(page, "score.total-mismatch", "H22");
      const focus = page.getByTestId("preview-focus");
      await focus.waitFor();
      await page.waitForFunction(() => {
        const r = document.querySelector("[data-testid=preview-focus]").getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      }, null, { timeout: 5000 }).catch(() => undefined);
      assert.ok(await inWindow(page, focus), "H22 is on screen after the click");
      assert.deepEqual(pane.errors, []);
    } finally {
      await pane.close();
    }
  });
}

for (const locale of ["zh-CN", "en-US"]) {
  test(`the preview (${locale}): a colour key, the chosen cell's text and finding in words, codes shown whole; no 404 on load`, async () => {
    const missing = [];
    const pane = await h.openPane(baseUrl, null, {
      locale,
      viewport: { width: 1280, height: 900 },
      beforeGoto: (page) => page.on("response", (r) => r.status() >= 400 && missing.push(`${r.status()} ${r.url()}`)),
    });
    try {
      const { page } = pane;
      const budget = path.join(ROOT, "samples", "预算项目清单.xlsx");
      await page.getByTestId("file-input").setInputFiles([budget, path.join(ROOT, "samples", "绩效目标-清单.xlsx")]);
      await page.getByTestId("file-summary").waitFor({ timeout: 60000 });
      await page.getByTestId("preview-legend").waitFor();
      assert.equal(await page.getByTestId("preview-legend").locator("li").count(), 4);
      // The budget list's 21-digit codes are not cut.
      await page.locator("td[data-cell=A2]").waitFor();
      const cut = await page.locator("[data-testid=sheet-preview] td").evaluateAll((tds) => tds.filter((td) => /^\d{15,}$/.test(td.textContent) && td.scrollWidth > td.clientWidth).map((td) => td.textContent));
      assert.deepEqual(cut, []);
      // A chosen finding: its cell's text and message under the preview.
      const issue = page.getByTestId("issue-select").first();
      const message = await issue.getByTestId("issue-message").textContent();
      await issue.click();
      const detail = page.getByTestId("preview-focus-detail");
      await detail.waitFor();
      assert.ok((await detail.textContent()).includes(message.slice(0, 10)), `${await detail.textContent()} names the finding`);
      assert.deepEqual(missing, [], "no request fails (favicon included)");
      assert.deepEqual(pane.errors, []);
    } finally {
      await pane.close();
    }
  });
}

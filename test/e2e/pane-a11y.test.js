/**
 * End-to-end, Excel mode, in Chromium: the findings list is a Fluent tree that works from the keyboard and reads
 * well to a screen reader (Chromium's own accessibility tree is asserted), and the pane follows an Office theme
 * change while open. `Office` is a stand-in injected before the page's scripts (office.js is not loaded in the e2e):
 * it says the host is Excel, reports `context.officeTheme`, and raises OfficeThemeChanged through
 * `context.document.addHandlerAsync` where the test asks it to. What real Excel does (whether it raises any theme
 * event, and when its officeTheme changes) only real Excel can confirm; the pane also looks again on focus and on a
 * timer for that reason, which the second half of the theme test exercises.
 *   npm run build -- --env fast && node --test test/e2e/pane-a11y.test.js
 */
"use strict";
const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const path = require("path");
const { fakeExcelScript } = require("./fake-excel");
const h = require("./harness");

const { ARTIFACTS } = h;
let server;
let baseUrl;

before(async () => {
  ({ server, baseUrl } = await h.startServer());
});
after(() => h.stopServer(server));

/** A stand-in `Office` for Excel: onReady, the theme, and a theme event the test can raise. */
const OFFICE = `(function () {
  var handlers = [];
  window.__jxTheme = {
    set: function (t, raise) {
      window.Office.context.officeTheme = t;
      if (raise) handlers.forEach(function (h) { h({ type: "officeThemeChanged", officeTheme: t }); });
    },
    handlers: handlers,
  };
  window.Office = {
    onReady: function (cb) {
      var info = { host: "Excel", platform: "PC" };
      setTimeout(function () { if (cb) cb(info); }, 0);
      return Promise.resolve(info);
    },
    EventType: { OfficeThemeChanged: "officeThemeChanged" },
    context: {
      displayLanguage: "zh-CN",
      officeTheme: { isDarkTheme: false, bodyBackgroundColor: "#ffffff" },
      document: {
        addHandlerAsync: function (type, h, cb) {
          if (type === "officeThemeChanged") handlers.push(h);
          if (cb) cb({ status: "succeeded" });
        },
        removeHandlerAsync: function (type, o, cb) { if (cb) cb({ status: "succeeded" }); },
      },
    },
  };
})();`;

function workbook() {
  return { sheets: [{ name: "自评表", values: h.realRows("06") }, { name: "备注", values: [["用户自己的数据"]] }], selection: "备注!A1" };
}

const background = (page) =>
  page.evaluate(() => {
    const [r, g, b] = window.getComputedStyle(document.querySelector("main")).backgroundColor.match(/\d+/g).map(Number);
    return r + g + b;
  });

test("the findings tree: keyboard navigation and screen-reader labels in Chromium", async () => {
  const pane = await h.openPane(baseUrl, fakeExcelScript(workbook()), { viewport: { width: 360, height: 900 } });
  try {
    const { page } = pane;
    await page.getByTestId("check-workbook").click();
    await page.getByTestId("verdict").waitFor();

    // Chromium's accessibility tree: a labelled tree, labelled groups with their state, labelled findings.
    const aria = await page.getByTestId("issue-tree").ariaSnapshot();
    assert.match(aria, /- tree "问题清单"/);
    // Groups are named by their title in words; the rule code is only in a finding's detail.
    assert.match(aria, /treeitem "[^"(]+: 错误, \d+ 条" \[expanded\] \[level=1\]/);
    assert.match(aria, /treeitem "[^"(]+: 错误, \d+ 条" \[level=1\]/);
    assert.doesNotMatch(aria, /treeitem "[^"]*\([a-z]+\.[a-z-]+\)/);
    assert.match(aria, /treeitem "转到 自评表![A-Z]+\d+: 错误, [^"]+" \[level=2\]/);

    const first = page.getByTestId("issue-group-header").first();
    await first.focus();
    const focused = () => page.evaluate(() => ({ role: document.activeElement.getAttribute("role"), label: document.activeElement.getAttribute("aria-label"), level: document.activeElement.getAttribute("aria-level"), expanded: document.activeElement.getAttribute("aria-expanded") }));
    assert.deepEqual((await focused()).level, "1");
    // Down: into the open group's first finding; Enter: Excel selects its cell.
    await page.keyboard.press("ArrowDown");
    const leaf = await focused();
    assert.equal(leaf.role, "treeitem");
    assert.equal(leaf.level, "2");
    const cell = /^转到 自评表!([A-Z]+\d+):/.exec(leaf.label)[1];
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => window.__jxFake.model.selection.sheet.name === "自评表");
    const sel = await page.evaluate(() => window.__jxFake.model.selection.area);
    const col = cell.match(/[A-Z]+/)[0].charCodeAt(0) - 65;
    assert.deepEqual([sel.top, sel.left], [Number(cell.match(/\d+/)[0]) - 1, col]);
    // Tab from a finding reaches its "why" action (shown while the item has focus); Enter shows the rule's source.
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute("data-testid")), "issue-why");
    await page.keyboard.press("Enter");
    await page.getByTestId("issue-source").waitFor();
    await page.keyboard.press("Shift+Tab");
    assert.equal((await focused()).level, "2");
    // Left: back to the group; Left again closes it; Right opens it; Down from a closed group goes to the next group.
    await page.keyboard.press("ArrowLeft");
    assert.equal((await focused()).level, "1");
    await page.keyboard.press("ArrowLeft");
    assert.equal((await focused()).expanded, "false");
    await page.keyboard.press("ArrowRight");
    assert.equal((await focused()).expanded, "true");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowDown");
    const second = await focused();
    assert.equal(second.level, "1");
    assert.notEqual(second.label, (await first.getAttribute("aria-label")));
    // End: the last item of the tree; Home: the first.
    await page.keyboard.press("Home");
    assert.equal((await focused()).label, await first.getAttribute("aria-label"));
    // Tab leaves the tree in one press (roving tab index: one tab stop for the whole tree).
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.querySelector('[data-testid="issue-tree"]').contains(document.activeElement)), false);
    await page.screenshot({ path: path.join(ARTIFACTS, "pane-tree.png"), fullPage: true });
    assert.deepEqual(pane.errors, []);
  } finally {
    await pane.close();
  }
});

test("the pane follows an Office theme change while open", async () => {
  const init = `${OFFICE}\n${fakeExcelScript(workbook())}`;
  const pane = await h.openPane(baseUrl, init, { viewport: { width: 360, height: 700 } });
  try {
    const { page } = pane;
    await page.getByTestId("check-workbook").waitFor();
    assert.ok((await background(page)) > 600, "light to start with");
    assert.equal(await page.evaluate(() => window.__jxTheme.handlers.length), 1, "the pane listens for OfficeThemeChanged");

    // Office raises the event: dark at once.
    await page.evaluate(() => window.__jxTheme.set({ isDarkTheme: true, bodyBackgroundColor: "#262626" }, true));
    await page.waitForFunction(() => document.querySelector("main").getAttribute("data-theme") === "dark");
    assert.ok((await background(page)) < 200, "dark after the event");
    await page.screenshot({ path: path.join(ARTIFACTS, "pane-theme-dark.png"), fullPage: true });

    // The theme changes with no event (as Excel documents none): the pane notices within its poll.
    await page.evaluate(() => window.__jxTheme.set({ isDarkTheme: false, bodyBackgroundColor: "#ffffff" }, false));
    await page.waitForFunction(() => document.querySelector("main").getAttribute("data-theme") === "light", null, { timeout: 5000 });
    assert.ok((await background(page)) > 600, "light again");
    assert.deepEqual(pane.errors, []);
  } finally {
    await pane.close();
  }
});

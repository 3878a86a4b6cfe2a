/**
 * End-to-end, the page at 360 px (a narrow task pane, a phone-sized window), in Chinese and in English, on the
 * three samples: table cells keep short words on one line (不可提交 is not written one character per line), the
 * coverage table's 原因 column is readable, and the tables scroll sideways in their own box while the page does not.
 *   npm run build -- --env fast && node --test test/e2e/narrow.test.js
 */
"use strict";
const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const path = require("path");
const h = require("./harness");

const { ARTIFACTS, ROOT } = h;
const SAMPLES = ["预算项目清单.xlsx", "绩效目标-清单.xlsx", "自评表-示例.xlsx"].map((f) => path.join(ROOT, "samples", f));

let server;
let baseUrl;
before(async () => {
  ({ server, baseUrl } = await h.startServer());
});
after(() => h.stopServer(server));

for (const locale of ["zh-CN", "en-US"]) {
  test(`at 360 px (${locale}): verdicts on one line, the reason column readable, no sideways scroll of the page`, async () => {
    const pane = await h.openPane(baseUrl, null, { locale, viewport: { width: 360, height: 720 } });
    try {
      const { page } = pane;
      await page.getByTestId("file-input").setInputFiles(SAMPLES);
      await page.getByTestId("coverage-lacking").waitFor({ timeout: 60000 });
      const m = await page.evaluate(() => {
        // Lines of an element's text: the distinct tops of its text's boxes (not the cell's height, which is the row's).
        const lines = (el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        };
        return {
          verdicts: [...document.querySelectorAll("[data-testid=file-verdict]")].map((td) => [td.textContent, lines(td)]),
          reasons: [...document.querySelectorAll("[data-testid=coverage-lacking-row] td:last-child")].map((td) => [td.textContent, td.getBoundingClientRect().width, td.scrollWidth <= td.clientWidth]),
          pageWidth: document.documentElement.scrollWidth,
        };
      });
      for (const [text, n] of m.verdicts) assert.equal(n, 1, `"${text}" on one line`);
      assert.ok(m.reasons.length > 0);
      for (const [text, width, fits] of m.reasons) {
        assert.ok(width >= 120, `the reason "${text}" has room (${width} px)`);
        assert.ok(fits, `the reason "${text}" is not clipped`);
      }
      assert.ok(m.pageWidth <= 360, `the page does not scroll sideways (${m.pageWidth} px)`);
      await page.screenshot({ path: path.join(ARTIFACTS, `narrow-${locale}.png`), fullPage: true });
      assert.deepEqual(pane.errors, []);
    } finally {
      await pane.close();
    }
  });
}

/**
 * End-to-end, Excel mode: "keep checking while I work" in the built pane over the Excel fake, with a real published
 * table (06) on one sheet and a large sheet beside it. The option is off by default; once on, an edit typed into the
 * table's sheet (the fake fires WorksheetChanged as Excel does) is followed about a second later by a re-read of that
 * sheet alone (3 syncs, none of the large sheet's cells), and the verdict, the findings and the marks are those the
 * engine gives for the edited workbook. The add-in's own writes (the report sheet) start no re-check.
 *   npm run build -- --env fast && node --test test/e2e/pane-live.test.js
 */
"use strict";
const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const path = require("path");
const { fakeExcelScript } = require("./fake-excel");
const engine = require("./engine-node");
const h = require("./harness");

const { ARTIFACTS } = h;
let server;
let baseUrl;

before(async () => {
  ({ server, baseUrl } = await h.startServer());
});
after(() => h.stopServer(server));

const BIG = Array.from({ length: 3000 }, (_, r) => [`第${r + 1}行`, r, "备注文字备注文字", r * 3]);

function workbook() {
  return { sheets: [{ name: "自评表", values: h.realRows("06") }, { name: "大表", values: BIG }], selection: "自评表!A1" };
}

async function issueKeys(page) {
  await page.getByTestId("group-by-sheet").click();
  for (;;) {
    const closed = page.locator('[data-testid="issue-group-header"][aria-expanded="false"]');
    if ((await closed.count()) === 0) break;
    await closed.first().click();
  }
  return (await page.getByTestId("issue").evaluateAll((els) => els.map((e) => `${e.getAttribute("data-code")}@${e.getAttribute("data-cell")}`))).sort();
}

const stats = (page) => page.evaluate(() => ({ syncs: window.__jxFake.stats.syncs, bytes: window.__jxFake.stats.responseBytes.reduce((a, b) => a + b, 0), handlers: window.__jxFake.model.handlers.length }));

test("keeps checking the edited sheet while the user works; off by default", async (t) => {
  const pane = await h.openPane(baseUrl, fakeExcelScript(workbook()), { viewport: { width: 360, height: 900 } });
  try {
    const { page } = pane;
    await page.getByTestId("check-workbook").click();
    await page.getByTestId("verdict").waitFor();
    const fullBytes = (await stats(page)).bytes;
    await page.getByTestId("apply-marks").click();
    await page.getByText(/已标注/).waitFor();

    // Off by default: no handler registered, no note.
    await page.getByTestId("tab-settings").click();
    const sw = page.getByTestId("keep-checking");
    assert.equal(await sw.isChecked(), false);
    assert.equal((await stats(page)).handlers, 0);
    await sw.click();
    await page.waitForFunction(() => window.__jxFake.model.handlers.length === 1);
    assert.equal(await sw.isChecked(), true);
    await page.getByTestId("tab-check").click();
    assert.match(await page.getByTestId("live-note").textContent(), /正在随编辑自动检查/);

    // The user fills in the empty indicator value the check found (E18) and types a total that is wrong (H6 stays).
    const startSyncs = (await stats(page)).syncs;
    const startBytes = (await stats(page)).bytes;
    const before = await issueKeys(page);
    assert.ok(before.includes("indicator.missing-field@自评表!E18"), before.join(" "));
    await page.evaluate(() => window.__jxFake.model.edit("自评表!E18", [["≥95%"]]));
    await page.getByText(/已重新检查“自评表”工作表/).waitFor({ timeout: 10000 });

    // What the engine gives for the edited workbook, sheet for sheet.
    const edited = workbook();
    const rows = edited.sheets[0].values.map((r) => r.slice());
    while (rows[17].length < 5) rows[17].push(null);
    rows[17][4] = "≥95%";
    edited.sheets[0].values = rows;
    const expected = engine.issueKeys(engine.checkWorkbook(engine.gridsOfFake(edited)).issues);
    const after = await issueKeys(page);
    assert.deepEqual(after, expected);
    assert.ok(!after.includes("indicator.missing-field@自评表!E18"));
    const s = await stats(page);
    // One sheet read (3 syncs) and its marks redrawn (3 syncs); the large sheet's cells were not read again.
    assert.equal(s.syncs - startSyncs, 6);
    t.diagnostic(`live re-check: ${s.syncs - startSyncs} syncs, ${s.bytes - startBytes} bytes read; the full check read ${fullBytes} bytes`);
    assert.ok(s.bytes - startBytes < fullBytes / 3, `re-check read ${s.bytes - startBytes} bytes, the full check ${fullBytes}`);
    const marks = await page.evaluate(() => window.__jxFake.model.sheets[0].conditionalFormats.filter((c) => /jx-mark/.test(c.formula || "")).length);
    assert.ok(marks > 0);

    // The add-in's own write (the report sheet) starts no re-check.
    const beforeReport = (await stats(page)).syncs;
    await page.getByTestId("write-report").click();
    await page.getByText(/已写入“校验报告”工作表/).waitFor();
    await page.waitForTimeout(1600);
    assert.equal((await stats(page)).syncs - beforeReport, 4);
    await page.screenshot({ path: path.join(ARTIFACTS, "pane-live.png"), fullPage: true });

    // Turned off: the handler is removed.
    await page.getByTestId("tab-settings").click();
    await page.getByTestId("keep-checking").click();
    await page.waitForFunction(() => window.__jxFake.model.handlers.length === 0);
    assert.deepEqual(pane.errors, []);
  } finally {
    await pane.close();
  }
});

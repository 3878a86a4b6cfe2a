/**
 * End-to-end, Excel mode: the built pane (dist/) in headless Chromium over the in-repo Excel fake, loaded with a
 * real published table (test/fixtures/real/06_*.csv). Checks the whole workbook, reads the verdict and issues,
 * clicks an issue to select its cell, writes the 校验报告 sheet, applies and clears marks, asserting the number
 * of context.sync calls of each step and that the user's sheets never change.
 *   npm run build -- --env fast && node --test test/e2e/
 * Screenshots (zh-CN light, en-US dark) go to test-artifacts/.
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
const openPane = (initScript, { locale = "zh-CN", colorScheme = "light" } = {}) =>
  h.openPane(baseUrl, initScript, { locale, colorScheme, viewport: { width: 320, height: 900 } });

/** The fake workbook: the real table 06 on "自评表", a second user sheet, and a user conditional format. */
function workbook() {
  return {
    sheets: [
      { name: "自评表", values: h.realRows("06"), merges: ["A1:I1", "A2:I2", "B3:I3"] },
      { name: "备注", values: [["用户自己的数据", 42]] },
    ],
    selection: "备注!A1",
  };
}

/** Syncs so far, and a fingerprint of the user's sheets (cells, merges, formats, their own conditional formats). */
async function fakeState(page) {
  return page.evaluate(() => {
    const f = window.__jxFake;
    const user = f.model.sheets.filter((s) => s.name === "自评表" || s.name === "备注");
    const fp = JSON.stringify(
      user.map((s) => ({
        name: s.name,
        cells: [...s.cells.entries()].sort(),
        merges: s.merges,
        formats: s.formats,
        validations: s.validations,
        cf: s.conditionalFormats.filter((c) => !/jx-mark/.test(c.formula || "")),
      })),
    );
    return {
      syncs: f.stats.syncs,
      maxRequest: Math.max(0, ...f.stats.requestBytes),
      maxResponse: Math.max(0, ...f.stats.responseBytes),
      fingerprint: fp,
      sheets: f.model.sheets.map((s) => s.name),
      selection: { sheet: f.model.selection.sheet.name, top: f.model.selection.area.top, left: f.model.selection.area.left },
      marks: f.model.sheets.flatMap((s) => s.conditionalFormats.filter((c) => /jx-mark/.test(c.formula || "")).map((c) => ({ sheet: s.name, formula: c.formula, fill: c.fillColor, cells: c.areas.length }))),
      tables: f.model.tables.map((t) => t.name),
    };
  });
}

/** Syncs used by `action`, once `done` resolves. */
async function syncsOf(page, action, done) {
  const before = (await fakeState(page)).syncs;
  await action();
  await done();
  return (await fakeState(page)).syncs - before;
}

before(async () => {
  ({ server, baseUrl } = await h.startServer());
});

after(() => h.stopServer(server));

test("Excel mode (zh-CN, light): checks a real table end to end with constant syncs", async () => {
  const pane = await openPane(fakeExcelScript(workbook()));
  try {
    const { page } = pane;
    // A user conditional format the add-in must never touch.
    await page.evaluate(() => {
      window.__jxFake.model.sheets[0].conditionalFormats.push({ id: "user-cf", type: "Custom", areas: [{ top: 0, left: 0, bottom: 5, right: 5 }], formula: "=A1>5", fillColor: "#00FF00" });
    });
    const start = await fakeState(page);
    assert.equal(start.syncs, 0);

    // 1. Check the whole workbook: 3 syncs (sheet list, used ranges, all cells in one batch).
    const checkSyncs = await syncsOf(page, () => page.getByTestId("check-workbook").click(), () => page.getByTestId("verdict").waitFor());
    assert.equal(checkSyncs, 3);
    const verdict = await page.getByTestId("verdict-title").textContent();
    assert.match(verdict, /不可提交/);
    assert.equal(await page.getByTestId("verdict").getAttribute("data-intent"), "error");
    assert.ok((await page.getByTestId("verdict-table").count()) >= 1);
    // Group by sheet (one sheet, one open group) to list every issue; the reviewer's findings on 06 (06.expected.json).
    await page.getByTestId("group-by-sheet").click();
    const codes = await page.getByTestId("issue").evaluateAll((els) => els.map((e) => `${e.getAttribute("data-code")}@${e.getAttribute("data-cell")}`));
    assert.ok(codes.some((c) => c.startsWith("budget.score-mismatch@") && c.includes("H6")), codes.join(" "));
    assert.ok(codes.some((c) => c.startsWith("indicator.missing-field@") && c.includes("E18")), codes.join(" "));
    // Same findings as the command line on the same sheets (one engine, every front).
    const cli = engine.checkWorkbook(engine.gridsOfFake(workbook()));
    assert.deepEqual(codes.map((c) => c.replace(/@(?!.*!)/, "@自评表!")).sort(), engine.issueKeys(cli.issues));

    // 2. Click an issue: its cell is selected in Excel, one sync.
    const issue = page.locator('[data-testid="issue"][data-code="budget.score-mismatch"]').first();
    const selectSyncs = await syncsOf(
      page,
      () => issue.getByTestId("issue-select").click(),
      () => page.waitForFunction(() => window.__jxFake.model.selection.sheet.name === "自评表"),
    );
    assert.equal(selectSyncs, 1);
    assert.deepEqual((await fakeState(page)).selection, { sheet: "自评表", top: 5, left: 7 });
    await page.screenshot({ path: path.join(ARTIFACTS, "excel-check-zh-light.png"), fullPage: true });

    // 3. Write the report sheet: 4 syncs (the last two read it back for its marker's digest); a table; links back;
    // rerun replaces it (6 syncs: two more to verify it first).
    const reportSyncs = await syncsOf(page, () => page.getByTestId("write-report").click(), () => page.getByTestId("status").waitFor());
    assert.equal(reportSyncs, 4);
    const report = await page.evaluate(() => {
      const s = window.__jxFake.model.sheets.find((x) => x.name === "校验报告");
      return { a1: s.cell(0, 0).value, header: s.cell(3, 0).value, link: s.cell(4, 2).formula, rows: [...s.cells.keys()].filter((k) => k.endsWith(",3")).length };
    });
    assert.match(String(report.a1), /不可提交/);
    assert.equal(report.header, "严重程度 Severity");
    assert.match(report.link, /^=HYPERLINK\("#'自评表'!/);
    assert.ok((await fakeState(page)).tables.includes("JX_Report"));
    const afterFirst = (await fakeState(page)).syncs;
    await page.getByTestId("write-report").click();
    await page.waitForFunction((n) => window.__jxFake.model.sheets.filter((s) => s.name === "校验报告").length === 1 && window.__jxFake.stats.syncs >= n + 6, afterFirst);
    assert.deepEqual((await fakeState(page)).sheets, ["自评表", "备注", "校验报告"]);

    // 4. Marks: 3 syncs to apply (and replace), 3 to clear; only ours are removed.
    const markSyncs = await syncsOf(page, () => page.getByTestId("apply-marks").click(), () => page.getByText(/已标注/).waitFor());
    assert.equal(markSyncs, 3);
    const marked = await fakeState(page);
    assert.ok(marked.marks.some((m) => m.sheet === "自评表" && m.fill === "#FFC7CE"), JSON.stringify(marked.marks));
    const clearSyncs = await syncsOf(page, () => page.getByTestId("clear-marks").click(), () => page.getByText(/已清除/).waitFor());
    assert.equal(clearSyncs, 3);
    const cleared = await fakeState(page);
    assert.deepEqual(cleared.marks, []);

    // The user's sheets never changed; every round trip stayed under 5 MB.
    assert.equal(cleared.fingerprint, start.fingerprint);
    assert.ok(cleared.maxRequest < 5 * 1024 * 1024 && cleared.maxResponse < 5 * 1024 * 1024);
    assert.deepEqual(pane.errors, []);
  } finally {
    await pane.close();
  }
});

test("Excel mode (en-US, dark): English words and a dark theme, usable at 320 px", async () => {
  const pane = await openPane(fakeExcelScript(workbook()), { locale: "en-US", colorScheme: "dark" });
  try {
    const { page } = pane;
    await page.getByTestId("check-workbook").click();
    await page.getByTestId("verdict").waitFor();
    assert.match(await page.getByTestId("check-workbook").textContent(), /Check the whole workbook/);
    const bg = await page.evaluate(() => window.getComputedStyle(document.querySelector("main")).backgroundColor);
    const [r, g, b] = bg.match(/\d+/g).map(Number);
    assert.ok(r + g + b < 200, `dark background expected, got ${bg}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `horizontal overflow ${overflow}px at 320 px`);
    await page.screenshot({ path: path.join(ARTIFACTS, "excel-check-en-dark.png"), fullPage: true });
    assert.deepEqual(pane.errors, []);
  } finally {
    await pane.close();
  }
});

test("Excel mode: coverage sheet with a native chart, and a blank template, touching no user sheet", async () => {
  const init = workbook();
  init.sheets.unshift({
    name: "预算清单",
    values: [
      ["项目编码", "项目名称", "主管部门", "预算类型", "金额（万元）"],
      ["P001", "2023年马鹿坑国有林场新建野生动物收容所建设项目", "临沧市临翔区林业和草原局", "一般公共预算", 32.4],
      ["P002", "森林防火", "临沧市临翔区林业和草原局", "一般公共预算", 10],
    ],
  });
  const pane = await openPane(fakeExcelScript(init));
  try {
    const { page } = pane;
    const start = await fakeState(page);
    await page.getByTestId("check-workbook").click();
    await page.getByTestId("verdict").waitFor();
    await page.getByTestId("tab-coverage").click();
    assert.match(await page.getByTestId("coverage-summary").textContent(), /\/2/);
    assert.ok((await page.getByTestId("missing-target").count()) >= 1);
    const covSyncs = await syncsOf(page, () => page.getByTestId("write-coverage").click(), () => page.getByText(/已写入“覆盖率统计”工作表/).waitFor());
    // Two sheets, as the downloaded report has them (覆盖率统计, 缺少目标清单), in the four syncs of one.
    assert.equal(covSyncs, 4);
    const cov = await page.evaluate(() => {
      const s = window.__jxFake.model.sheets.find((x) => x.name === "覆盖率统计");
      const m = window.__jxFake.model.sheets.find((x) => x.name === "缺少目标清单");
      return { charts: s.charts.map((c) => c.type), tables: window.__jxFake.model.tables.filter((t) => t.sheet === s).map((t) => t.name), missingHeader: m.cell(0, 0).value };
    });
    assert.deepEqual(cov.charts, ["ColumnClustered"]);
    assert.deepEqual(cov.tables, []);
    assert.equal(cov.missingHeader, "分类 Class");
    // Click-to-row on a missing target.
    await page.getByTestId("missing-target").first().click();
    await page.waitForFunction(() => window.__jxFake.model.selection.sheet.name === "预算清单");

    await page.getByTestId("tab-templates").click();
    await page.getByTestId("insert-self-evaluation").click();
    await page.waitForFunction(() => window.__jxFake.model.sheets.some((s) => s.name === "项目支出绩效自评表"));
    const tpl = await page.evaluate(() => window.__jxFake.model.sheets.find((s) => s.name === "项目支出绩效自评表").validations.length);
    assert.equal(tpl, 2);
    const end = await fakeState(page);
    const userPart = (fp) => JSON.parse(fp).filter((s) => s.name !== "预算清单");
    assert.deepEqual(userPart(end.fingerprint), userPart(start.fingerprint));
    await page.screenshot({ path: path.join(ARTIFACTS, "excel-coverage-zh-light.png"), fullPage: true });
    assert.deepEqual(pane.errors, []);
  } finally {
    await pane.close();
  }
});

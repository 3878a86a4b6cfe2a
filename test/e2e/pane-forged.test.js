/**
 * End-to-end, Excel mode (issue 25, item 1): a received workbook cannot steer the pane. The workbooks of the
 * reproducer carry hidden names with the add-in's public marker signature, pointing at the user's own sheets: a
 * report marker on 自评表, a pending marker on 备注, a coverage marker on the budget list (预算清单). The production
 * pane over the Excel fake must check every sheet (never 可以提交 for the bad 自评表), say that a marker was ignored,
 * and write its report and coverage sheets beside them, leaving every user sheet in place, unchanged.
 *   npm run build -- --env fast && node --test test/e2e/pane-forged.test.js
 */
"use strict";
const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { fakeExcelScript } = require("./fake-excel");
const h = require("./harness");

let server;
let baseUrl;

before(async () => {
  ({ server, baseUrl } = await h.startServer());
});
after(() => h.stopServer(server));

const BUDGET = [
  ["项目编码", "项目名称", "主管部门", "预算类型", "金额（万元）"],
  ["P001", "2023年马鹿坑国有林场新建野生动物收容所建设项目", "临沧市临翔区林业和草原局", "一般公共预算", 32.4],
  ["P002", "森林防火", "临沧市临翔区林业和草原局", "一般公共预算", 10],
];

/** The user's three sheets and one forged marker. */
function workbook(marker) {
  return {
    sheets: [
      { name: "自评表", values: h.realRows("06"), merges: ["A1:I1", "A2:I2", "B3:I3"] },
      { name: "备注", values: [["用户自己的数据", 42]] },
      { name: "预算清单", values: BUDGET },
    ],
    names: [marker],
    active: "自评表",
  };
}

const FORGED = [
  ["report marker on 自评表", { name: "_JX_REPORT", refersTo: "自评表!A1", comment: 'jx1 {"k":"report","s":"自评表","t":["JX_Report"]}' }, "自评表"],
  ["pending marker on 备注", { name: "_JX_PENDING_REPORT", refersTo: "备注!A1", comment: 'jx1 {"k":"pending","s":"备注","o":"report"}' }, undefined],
  ["coverage marker on 预算清单", { name: "_JX_COVERAGE", refersTo: "预算清单!A1", comment: `jx1 {"k":"coverage","s":"预算清单","d":"${"ab".repeat(16)}"}` }, "预算清单"],
];

/** The user's sheets as the fake holds them (cells and merges), by name. */
function userSheets(page) {
  return page.evaluate(() =>
    JSON.stringify(
      window.__jxFake.model.sheets
        .filter((s) => ["自评表", "备注", "预算清单"].includes(s.name))
        .map((s) => ({ name: s.name, cells: [...s.cells.entries()].sort(), merges: s.merges })),
    ),
  );
}

for (const [what, marker, claimed] of FORGED) {
  test(`a forged ${what}: every user sheet checked and kept`, async () => {
    const pane = await h.openPane(baseUrl, fakeExcelScript(workbook(marker)), { viewport: { width: 360, height: 900 } });
    try {
      const { page } = pane;
      const before = await userSheets(page);
      await page.getByTestId("check-workbook").click();
      await page.getByTestId("verdict").waitFor();
      // All three sheets read, and 自评表's errors found: never 可以提交.
      assert.match(await page.getByTestId("verdict").textContent(), /已检查 3 个工作表/);
      assert.match(await page.getByTestId("verdict-title").textContent(), /不可提交/);
      if (claimed) assert.match(await page.getByTestId("claims-ignored").textContent(), new RegExp(`“${claimed}”带有本插件的标记.*已忽略该标记`));
      else assert.equal(await page.getByTestId("claims-ignored").count(), 0);

      await page.getByTestId("write-report").click();
      await page.getByText(/已写入“校验报告”工作表/).waitFor();
      await page.getByTestId("tab-coverage").click();
      await page.getByTestId("write-coverage").click();
      await page.getByText(/已写入“覆盖率统计”工作表/).waitFor();
      const sheets = await page.evaluate(() => window.__jxFake.model.sheets.map((s) => s.name));
      assert.deepEqual(sheets.slice(0, 3), ["自评表", "备注", "预算清单"]);
      assert.ok(sheets.includes("校验报告") && sheets.includes("覆盖率统计"), sheets.join(","));
      assert.equal(await userSheets(page), before);
      // Checked again: the add-in's own sheets (written here) are left out; every user sheet is still read.
      await page.getByTestId("tab-check").click();
      await page.getByTestId("check-workbook").click();
      await page.waitForFunction(() => /已检查 3 个工作表/.test(document.querySelector('[data-testid="verdict"]')?.textContent || ""));
      assert.deepEqual(pane.errors, []);
    } finally {
      await pane.close();
    }
  });
}

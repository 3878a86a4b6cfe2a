/**
 * End-to-end, the page without Excel on several files at once (Chromium, dist/ served from 127.0.0.1):
 * the samples' budget list and targets with a self-evaluation and a real published table, checked in the page's
 * worker; the summary gives each file's verdict and counts, the coverage view the same figures, groups and lists as
 * `jx check --budget`, and the downloaded report equals the command line's --out workbook cell by cell.
 *   npm run build -- --env fast && node --test test/e2e/browser-batch.test.js
 */
"use strict";
const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const path = require("path");
const h = require("./harness");
const { runCli, workbookCells } = require("./browser-cli");

const { ARTIFACTS, ROOT, realCsv } = h;
const SAMPLES = path.join(ROOT, "samples");
const BUDGET = path.join(SAMPLES, "预算项目清单.xlsx");
const TARGETS = path.join(SAMPLES, "绩效目标-清单.xlsx");
const SELF = path.join(SAMPLES, "自评表-示例.xlsx");

const ExcelJS = require("exceljs");

/**
 * A budget list and a target table of our own with every coverage case: a covered line, a missing one, one whose
 * target has errors, an excluded (涉密) one that leaves its department with no project ("—"), a name-only match,
 * a repeated code, and a target not on the list. The indicator rows are the samples' (one valid set, one with
 * errors).
 */
async function ownTables() {
  const src = new ExcelJS.Workbook();
  await src.xlsx.readFile(TARGETS);
  const rows = [];
  src.worksheets[0].eachRow((r, n) => { if (n >= 3) rows.push(r.values.slice(1)); });
  const good = rows.filter((r) => r[0] === "513424230000000002201").map((r) => r.slice(3));
  const bad = rows.filter((r) => r[0] === "513424230000000002202").map((r) => r.slice(3));
  const budget = new ExcelJS.Workbook();
  const b = budget.addWorksheet("预算项目清单");
  b.addRow(["项目编码", "项目名称", "预算单位", "主管部门", "预算类型", "支出类型", "是否涉密", "金额（万元）", "年度"]);
  const line = (code, name, dept, type, kind, secret, amount) => b.addRow([code, name, dept, dept, type, kind, secret, amount, 2024]);
  line("110101240000000000001", "社区养老服务补贴", "东城区民政局", "一般公共预算", "项目支出", "否", 300);      // covered
  line("110101240000000000002", "困难群众临时救助", "东城区民政局", "一般公共预算", "项目支出", "否", 120.5);    // missing
  line("110101240000000000003", "街巷环境整治", "东城区城市管理委", "一般公共预算", "项目支出", "否", 480);      // invalid target
  line("110101240000000000004", "应急物资储备", "东城区应急局", "一般公共预算", "项目支出", "是", 60);          // excluded (secret): a department with none left
  line("110101240000000000005", "老年食堂运营补助", "东城区民政局", "政府性基金预算", "项目支出", "否", 88);     // name-only match
  line("110101240000000000006", "背街小巷绿化", "东城区城市管理委", "一般公共预算", "项目支出", "否", 75);      // duplicate code (with the next)
  line("110101240000000000006", "背街小巷绿化（续）", "东城区城市管理委", "一般公共预算", "项目支出", "否", 25);
  const targets = new ExcelJS.Workbook();
  const t = targets.addWorksheet("绩效目标");
  t.addRow(["项目编码", "项目名称", "主管部门", "一级指标", "二级指标", "三级指标", "计算符号", "指标值", "计量单位", "分值"]);
  const project = (code, name, dept, ind) => { for (const r of ind) t.addRow([code, name, dept, ...r]); };
  project("110101240000000000001", "社区养老服务补贴", "东城区民政局", good);
  project("110101240000000000003", "街巷环境整治", "东城区城市管理委", bad);
  project("", "老年食堂运营补助", "东城区民政局", good);
  project("110101240000000000006", "背街小巷绿化", "东城区城市管理委", good);
  project("110101249999999999999", "不在清单上的项目", "东城区民政局", good);
  return { budget: Buffer.from(await budget.xlsx.writeBuffer()), targets: Buffer.from(await targets.xlsx.writeBuffer()) };
}

let server;
let baseUrl;

before(async () => {
  ({ server, baseUrl } = await h.startServer());
});
after(() => h.stopServer(server));

function fmtAmount(n) {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0+$/, "").replace(/\.$/, "");
}
function fmtRate(rate, whole) {
  return rate === null || rate === undefined || !Number.isFinite(rate) || whole === 0 ? "—" : `${(rate * 100).toFixed(2)}%`;
}

/** The page's summary rows: file, verdict, errors, warnings. */
async function summaryRows(page) {
  return page.getByTestId("file-row").evaluateAll((rows) =>
    rows.map((r) => ({
      file: r.getAttribute("data-file"),
      verdict: r.querySelector("[data-testid=file-verdict]").textContent,
      errors: r.querySelector("[data-testid=file-errors]").textContent,
      warnings: r.querySelector("[data-testid=file-warnings]").textContent,
    })),
  );
}

/** A group table's rows as text cells. */
async function tableRows(page, testId) {
  return page.getByTestId(testId).locator("tbody tr").evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent.trim())));
}

async function compareCoverage(page, cov) {
  assert.equal(await page.getByTestId("coverage-by-count").textContent(), `按项目数: ${cov.covered.projects}/${cov.total.projects} = ${fmtRate(cov.rateByCount, cov.total.projects)}`);
  assert.equal(
    await page.getByTestId("coverage-by-amount").textContent(),
    `按金额: ${fmtAmount(cov.covered.amount)}/${fmtAmount(cov.total.amount)} 万元 = ${fmtRate(cov.rateByAmount, cov.total.amount)}`,
  );
  const row = (name, g) => [name, String(g.projects), String(g.covered), fmtRate(g.rateByCount, g.projects), fmtAmount(g.amount), fmtAmount(g.coveredAmount), fmtRate(g.rateByAmount, g.amount)];
  const total = ["合计", String(cov.total.projects), String(cov.covered.projects), fmtRate(cov.rateByCount, cov.total.projects), fmtAmount(cov.total.amount), fmtAmount(cov.covered.amount), fmtRate(cov.rateByAmount, cov.total.amount)];
  assert.deepEqual(await tableRows(page, "coverage-by-department"), [...cov.byDepartment.map((d) => row(d.department, d)), total]);
  if (cov.byBudgetType.length > 0) assert.deepEqual(await tableRows(page, "coverage-by-type"), cov.byBudgetType.map((d) => row(d.budgetType, d)));
  const lacking = [...cov.missing, ...cov.invalid].map((m) => [m.class, m.code]);
  const shown = await page.getByTestId("coverage-lacking-row").evaluateAll((rows) => rows.map((r) => [r.getAttribute("data-class"), r.getAttribute("data-code")]));
  assert.deepEqual(shown, lacking);
  assert.deepEqual(await page.getByTestId("coverage-excluded-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-code"))), cov.excluded.map((e) => e.code));
  assert.deepEqual(await page.getByTestId("coverage-orphan-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-code"))), cov.orphans.map((e) => e.code));
  assert.deepEqual(await page.getByTestId("coverage-duplicate-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-code"))), cov.duplicates.map((e) => e.code));
  assert.deepEqual(await page.getByTestId("coverage-name-match-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-code"))), cov.nameMatches.map((e) => e.code));
  // The chart: one bar pair per department with projects, labelled with the same rates.
  const bars = await page.getByTestId("chart-bar").evaluateAll((gs) => gs.map((g) => [g.getAttribute("data-group"), g.getAttribute("data-count"), g.getAttribute("data-amount")]));
  assert.deepEqual(
    bars,
    cov.byDepartment.filter((d) => d.projects > 0 || d.amount > 0).map((d) => [d.department, fmtRate(d.rateByCount, d.projects), fmtRate(d.rateByAmount, d.amount)]),
  );
}

async function compareDownload(page, cliOut, name) {
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60000 }), page.getByTestId("download-report").click()]);
  const saved = path.join(ARTIFACTS, name);
  await download.saveAs(saved);
  const pageCells = await workbookCells(saved);
  const cliCells = await workbookCells(cliOut);
  assert.deepEqual(Object.keys(pageCells), Object.keys(cliCells));
  for (const sheet of Object.keys(cliCells)) assert.deepEqual(pageCells[sheet], cliCells[sheet], `sheet ${sheet}`);
  return pageCells;
}

test("several files: each file's verdict, the coverage of the recognized budget list as the CLI gives it, and the CLI's report", async () => {
  const files = [BUDGET, TARGETS, SELF, realCsv("02")];
  const cli = await runCli(files);
  const pane = await h.openPane(baseUrl, null, { viewport: { width: 1100, height: 900 } });
  try {
    const { page } = pane;
    await page.getByTestId("file-input").setInputFiles(files);
    await page.getByTestId("file-summary").waitFor({ state: "visible", timeout: 60000 });

    const rows = await summaryRows(page);
    assert.deepEqual(
      rows.map((r) => r.file),
      cli.json.files.map((f) => f.file),
    );
    for (const [k, f] of cli.json.files.entries()) {
      assert.equal(rows[k].errors, String(f.stats.errors), `${f.file} errors`);
      assert.equal(rows[k].warnings, String(f.stats.warnings), `${f.file} warnings`);
    }
    // The self-evaluation sample and table 02 are not ready; the budget list speaks of coverage gaps.
    assert.equal(rows.find((r) => r.file === "自评表-示例.xlsx").verdict, "不可提交");
    assert.equal(rows.find((r) => /^02_/.test(r.file)).verdict, "不可提交");
    assert.equal(await page.getByTestId("budget-recognized").textContent(), "将 预算项目清单.xlsx 作为预算项目清单");

    assert.ok(cli.json.coverage, "the CLI reconciled the recognized budget list");
    await compareCoverage(page, cli.json.coverage);
    await page.screenshot({ path: path.join(ARTIFACTS, "browser-batch.png"), fullPage: true });
    const cells = await compareDownload(page, cli.out, "browser-batch-report.xlsx");
    assert.ok(cells["覆盖率统计 Coverage"], "the report has the coverage sheets");
    assert.deepEqual(pane.errors, []);
  } finally {
    await pane.close();
  }
});

test("a chosen budget list (as --budget): the same figures, groups and lists as `jx check --budget`", async () => {
  const cli = await runCli([TARGETS, BUDGET], { budget: "预算项目清单.xlsx" });
  const pane = await h.openPane(baseUrl, null, { viewport: { width: 1100, height: 900 } });
  try {
    const { page } = pane;
    await page.getByTestId("file-input").setInputFiles([TARGETS, BUDGET]);
    await page.getByTestId("file-summary").waitFor({ state: "visible", timeout: 60000 });
    await page.getByTestId("budget-select").selectOption("预算项目清单.xlsx");
    await page.locator('[data-testid=file-row][data-role="budget"]').waitFor({ timeout: 60000 });
    const rows = await summaryRows(page);
    assert.deepEqual(
      rows.map((r) => r.file),
      cli.json.files.map((f) => f.file),
    );
    for (const [k, f] of cli.json.files.entries()) assert.equal(rows[k].errors, String(f.stats.errors), `${f.file} errors`);
    await compareCoverage(page, cli.json.coverage);
    await compareDownload(page, cli.out, "browser-batch-budget-report.xlsx");
    assert.deepEqual(pane.errors, []);
  } finally {
    await pane.close();
  }
});

test("our own budget list and targets with every coverage case: the page's figures and lists are the CLI's", async () => {
  const { budget, targets } = await ownTables();
  const cli = await runCli([{ name: "目标.xlsx", buffer: targets }, { name: "清单.xlsx", buffer: budget }], { budget: "清单.xlsx" });
  const c = cli.json.coverage;
  // The fixture holds every case (else the comparison below would prove less than it says).
  for (const list of ["missing", "invalid", "excluded", "orphans", "nameMatches", "duplicates"]) assert.ok(c[list].length > 0, `a ${list} case`);
  assert.ok(c.byDepartment.some((d) => d.projects === 0), "a department with no project left");
  const pane = await h.openPane(baseUrl, null, { viewport: { width: 1100, height: 900 } });
  try {
    const { page } = pane;
    await page.getByTestId("file-input").setInputFiles([
      { name: "目标.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: targets },
      { name: "清单.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: budget },
    ]);
    await page.getByTestId("file-summary").waitFor({ state: "visible", timeout: 60000 });
    await page.getByTestId("budget-select").selectOption("清单.xlsx");
    await page.locator('[data-testid=file-row][data-role="budget"]').waitFor({ timeout: 60000 });
    await compareCoverage(page, c);
    // The group with no project shows "—", not 0 %.
    const empty = c.byDepartment.find((d) => d.projects === 0).department;
    const row = (await tableRows(page, "coverage-by-department")).find((r) => r[0] === empty);
    assert.deepEqual([row[3], row[6]], ["—", "—"]);
    // A lacking line is one click from its row in the budget list's preview.
    await page.locator('[data-testid=coverage-lacking-row][data-class="MISSING_TARGET"]').getByTestId("coverage-goto").first().click();
    await page.getByTestId("preview-focus").waitFor();
    assert.equal(await page.getByTestId("preview-focus").getAttribute("data-cell"), c.missing[0].cell);
    await page.screenshot({ path: path.join(ARTIFACTS, "browser-batch-own.png"), fullPage: true });
    await compareDownload(page, cli.out, "browser-batch-own-report.xlsx");
    assert.deepEqual(pane.errors, []);
  } finally {
    await pane.close();
  }
});

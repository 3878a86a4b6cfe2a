/**
 * End-to-end, Excel mode: the pane and `jx check <targets> --budget <list> --format json` on the same tables give the
 * same findings and the same coverage figures and lists. The tables are put into the Excel fake as sheets of one
 * workbook (named as the CLI names them), the pane checks the whole workbook, and its verdict, findings, coverage
 * tab and 覆盖率统计 sheet are compared with the CLI's JSON, run in-process on the files themselves:
 *   1. the samples' budget list and targets (samples/预算项目清单.xlsx + samples/绩效目标-清单.xlsx);
 *   2. real published tables (17: a target table, 06: a self-evaluation) with a budget list naming their projects;
 *   3. test/fixtures/coverage: a budget list and target table holding every coverage case.
 *   npm run build -- --env fast && node --test test/e2e/pane-parity.test.js
 */
"use strict";
const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { fakeExcelScript } = require("./fake-excel");
const engine = require("./engine-node");
const h = require("./harness");
const { main } = require("../../src/cli/main");
const { a1 } = require("../../src/domain/grid");

const { ROOT, ARTIFACTS } = h;
let server;
let baseUrl;
let tmp;

before(async () => {
  ({ server, baseUrl } = await h.startServer());
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "jx-parity-"));
});

after(async () => {
  await h.stopServer(server);
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** `jx check … --format json` in-process: the parsed report. */
async function cliJson(targets, budget) {
  let out = "";
  const io = { stdout: (t) => (out += t), stderr: () => undefined, stderrIsTTY: false, cwd: ROOT };
  const code = await main(["check", ...targets, "--budget", budget, "--format", "json"], io);
  assert.ok(code === 0 || code === 1, `jx exit ${code}`);
  return JSON.parse(out);
}

/** A file's sheets as the CLI reads them, as fake-Excel sheets (values, number formats, merges at their place). */
async function fakeSheets(file) {
  let grids;
  if (file.endsWith(".csv")) grids = [engine.csvTextToGrid(fs.readFileSync(file, "utf8"), path.basename(file, ".csv"))];
  else grids = await engine.readXlsx(fs.readFileSync(file));
  return grids.map((g) => ({
    name: g.sheet,
    at: a1(g.top, g.left),
    values: g.values.map((r) => r.map((v) => (v === undefined ? null : v))),
    ...(g.numberFormats ? { numberFormat: g.numberFormats.map((r) => r.map((f) => f ?? null)) } : {}),
    merges: (g.merges || []).map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`),
  }));
}

/** Every finding the pane lists ("code@sheet!cell"), every group opened. */
async function paneIssueKeys(page) {
  await page.getByTestId("group-by-sheet").click();
  for (;;) {
    const closed = page.locator('[data-testid="issue-group-header"][aria-expanded="false"]');
    if ((await closed.count()) === 0) break;
    await closed.first().click();
  }
  const keys = await page.getByTestId("issue").evaluateAll((els) => els.map((e) => `${e.getAttribute("data-code")}@${e.getAttribute("data-cell")}`));
  return keys.sort();
}

function cliIssueKeys(json) {
  return json.files.flatMap((f) => f.issues.map((i) => `${i.code}@${i.sheet}!${i.cell}`)).sort();
}

/** What the coverage tab shows, read from the page. */
async function paneCoverage(page) {
  return page.evaluate(() => {
    const q = (id) => [...document.querySelectorAll(`[data-testid="${id}"]`)];
    const num = (e, a) => Number(e.getAttribute(a));
    const groups = (id) =>
      q(id).flatMap((t) =>
        [...t.querySelectorAll('[data-testid="coverage-group"]')].map((r) => ({
          group: r.getAttribute("data-group"),
          projects: num(r, "data-projects"),
          covered: num(r, "data-covered"),
          amount: num(r, "data-amount"),
          coveredAmount: num(r, "data-covered-amount"),
          excluded: num(r, "data-excluded"),
          rateCount: r.querySelector('[data-testid="rate-count"]').textContent,
          rateAmount: r.querySelector('[data-testid="rate-amount"]').textContent,
        })),
      );
    const summary = q("coverage-summary")[0];
    const amount = q("coverage-by-amount")[0];
    return {
      total: { projects: num(summary, "data-projects"), amount: num(amount, "data-amount") },
      covered: { projects: num(summary, "data-covered"), amount: num(amount, "data-covered-amount") },
      byCount: q("coverage-by-count")[0].textContent,
      byAmount: amount.textContent,
      byDepartment: groups("coverage-by-department"),
      byBudgetType: groups("coverage-by-budget-type"),
      lacking: q("lacking-line").map((e) => `${e.getAttribute("data-class")}@${e.getAttribute("data-cell")}`),
      reasons: q("lacking-reason").map((e) => e.textContent),
      excluded: q("excluded-line").map((e) => `${e.getAttribute("data-cell")}:${e.getAttribute("data-reason")}`),
      nameMatches: q("name-match-line").map((e) => e.getAttribute("data-cell")),
      orphans: q("orphan-line").map((e) => e.getAttribute("data-cell")),
      duplicates: q("duplicate-line").map((e) => e.getAttribute("data-code")),
    };
  });
}

function fmtRate(rate, whole) {
  return whole === 0 ? "—" : `${(rate * 100).toFixed(2)}%`;
}

/** Checks the workbook in the pane and compares everything with the CLI's JSON. Returns the page for more. */
async function compare(name, sheets, json, { keepOpen = false } = {}) {
  const pane = await h.openPane(baseUrl, fakeExcelScript({ sheets }), { viewport: { width: 360, height: 900 } });
  const { page } = pane;
  try {
    await page.getByTestId("check-workbook").click();
    await page.getByTestId("verdict").waitFor();

    // Findings: the same list, the same counts in the verdict.
    assert.deepEqual(await paneIssueKeys(page), cliIssueKeys(json), `${name}: findings`);
    // The budget list's coverage gaps are its own verdict (覆盖有缺口), not errors of the forms beside it, as the CLI
    // judges the list apart from the target files.
    const gaps = json.files.flatMap((f) => f.issues).filter((i) => i.code === "project.no-target" || i.code === "project.invalid-target").length;
    const errors = json.files.reduce((n, f) => n + f.stats.errors, 0) - gaps;
    const warnings = json.files.reduce((n, f) => n + f.stats.warnings, 0);
    const title = await page.getByTestId("verdict-title").textContent();
    if (errors > 0) assert.equal(title, `不可提交：${errors} 个错误，${warnings} 个警告`, `${name}: verdict`);
    if (gaps > 0) assert.equal(await page.getByTestId("verdict-budget-list-title").textContent(), `覆盖有缺口：${gaps} 个预算项目缺少有效的绩效目标`, `${name}: the list's verdict`);

    // Coverage: figures, groups, lists.
    await page.getByTestId("tab-coverage").click();
    await page.getByTestId("coverage-view").waitFor();
    const p = await paneCoverage(page);
    const c = json.coverage;
    assert.deepEqual(p.total, c.total, `${name}: total`);
    assert.deepEqual(p.covered, c.covered, `${name}: covered`);
    assert.equal(p.byCount, `按项目数：${c.covered.projects}/${c.total.projects} = ${fmtRate(c.rateByCount, c.total.projects)}`);
    assert.match(p.byAmount, new RegExp(` = ${fmtRate(c.rateByAmount, c.total.amount).replace(".", "\\.")}$`));
    const groups = (rows, key) =>
      rows.map((g) => ({
        group: g[key],
        projects: g.projects,
        covered: g.covered,
        amount: g.amount,
        coveredAmount: g.coveredAmount,
        excluded: g.excluded,
        rateCount: fmtRate(g.rateByCount, g.projects),
        rateAmount: fmtRate(g.rateByAmount, g.amount),
      }));
    assert.deepEqual(p.byDepartment, groups(c.byDepartment, "department"), `${name}: by department`);
    assert.deepEqual(p.byBudgetType, groups(c.byBudgetType, "budgetType"), `${name}: by budget type`);
    assert.deepEqual(p.lacking, [...c.missing, ...c.invalid].map((m) => `${m.class}@${m.sheet}!${m.cell}`), `${name}: lacking`);
    c.invalid.forEach((m, k) => assert.match(p.reasons[c.missing.length + k], new RegExp(`有 ${m.errors} 个错误`)));
    assert.deepEqual(p.excluded, c.excluded.map((e) => `${e.sheet}!${e.cell}:${e.reason}`), `${name}: excluded`);
    assert.deepEqual(p.nameMatches, c.nameMatches.map((m) => `${m.sheet}!${m.cell}`), `${name}: name matches`);
    assert.deepEqual(p.orphans, c.orphans.map((o) => `${o.sheet}!${o.cell}`), `${name}: orphans`);
    assert.deepEqual(p.duplicates, c.duplicates.map((d) => d.code), `${name}: duplicates`);
    await page.screenshot({ path: path.join(ARTIFACTS, `pane-parity-${name}.png`), fullPage: true });
    assert.deepEqual(pane.errors, []);
    if (keepOpen) return pane;
  } catch (e) {
    await pane.close();
    throw e;
  }
  await pane.close();
  return undefined;
}

test("samples: the pane gives jx check --budget's findings and coverage", async () => {
  const budget = path.join(ROOT, "samples", "预算项目清单.xlsx");
  const targets = path.join(ROOT, "samples", "绩效目标-清单.xlsx");
  const json = await cliJson([targets], budget);
  // The issue's figures: 5 errors and 2 warnings in all, 2 of 6 lines covered, the invalid target among those lacking one.
  assert.deepEqual([json.coverage.covered.projects, json.coverage.total.projects], [2, 6]);
  const sheets = [...(await fakeSheets(targets)), ...(await fakeSheets(budget))];
  await compare("samples", sheets, json);
});

test("real tables (17 target, 06 self-evaluation) against a budget list naming their projects", async () => {
  const t17 = path.join(tmp, "目标17.csv");
  const s06 = path.join(tmp, "自评06.csv");
  fs.copyFileSync(h.realCsv("17"), t17);
  fs.copyFileSync(h.realCsv("06"), s06);
  const budget = path.join(tmp, "预算清单.csv");
  fs.writeFileSync(
    budget,
    [
      "项目编码,项目名称,预算单位,主管部门,预算类型,金额（万元）",
      "430412180001,2018年市级专项扶贫资金基础设施(人大代表扶贫基地),南岳镇政府,南岳镇政府,一般公共预算,10",
      "530902230001,2023年马鹿坑国有林场新建野生动物收容所建设项目,临沧市临翔区林业和草原局,临沧市临翔区林业和草原局,一般公共预算,32.4",
      "530902230002,森林防火,临沧市临翔区林业和草原局,临沧市临翔区林业和草原局,一般公共预算,10",
    ].join("\n") + "\n",
  );
  const json = await cliJson([t17, s06], budget);
  assert.ok(json.coverage.nameMatches.length >= 1, "the real projects are found by unit and name");
  const sheets = [...(await fakeSheets(t17)), ...(await fakeSheets(s06)), ...(await fakeSheets(budget))];
  await compare("real", sheets, json);
});

test("every coverage case: missing, invalid, excluded, name-only, orphan, repeated code; — in the tab and the sheet", async () => {
  const dir = path.join(ROOT, "test", "fixtures", "coverage");
  const budget = path.join(dir, "budget-all-cases.csv");
  const targets = path.join(dir, "targets-all-cases.csv");
  const json = await cliJson([targets], budget);
  const c = json.coverage;
  for (const k of ["missing", "invalid", "excluded", "nameMatches", "orphans", "duplicates"]) assert.ok(c[k].length > 0, `the fixture has ${k}`);
  const sheets = [...(await fakeSheets(targets)), ...(await fakeSheets(budget))];
  const pane = await compare("all-cases", sheets, json, { keepOpen: true });
  try {
    const { page } = pane;
    // The department with nothing to cover reads "—", in the tab and in the 覆盖率统计 sheet.
    const row = page.locator('[data-testid="coverage-by-department"] [data-group="示例市应急局"]');
    assert.equal(await row.getByTestId("rate-count").textContent(), "—");
    await page.getByTestId("write-coverage").click();
    await page.getByText(/已写入“覆盖率统计”工作表/).waitFor();
    // A sheet of the Excel fake as rows of values.
    const sheetRows = (name) =>
      page.evaluate((n) => {
        const s = window.__jxFake.model.sheets.find((x) => x.name === n);
        const rows = new Map();
        for (const [k, cell] of s.cells) {
          const [r, col] = k.split(",").map(Number);
          if (!rows.has(r)) rows.set(r, []);
          rows.get(r)[col] = cell.value;
        }
        return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
      }, name);
    const sheet = await sheetRows("覆盖率统计");
    const dept = sheet.find((r) => r[0] === "示例市应急局");
    assert.deepEqual([dept[1], dept[2], dept[3], dept[6]], [0, 0, "—", "—"]);
    // The lines lacking a valid target on 缺少目标清单, as in the downloaded report.
    const missing = await sheetRows("缺少目标清单");
    const invalid = missing.find((r) => r[1] === "510000240000000000201" && /错误/.test(String(r[5])));
    assert.ok(invalid, "the invalid target is among the lines lacking a valid target, with its reason");
    assert.deepEqual(
      missing.slice(1).map((r) => r[1]),
      [...c.missing, ...c.invalid, ...c.excluded].map((m) => m.code),
      "the lines lacking a valid target and the exclusions, in the CLI's order",
    );
    // Clicking the invalid line's target goes to the target table's project.
    await page.getByTestId("invalid-target-go").first().click();
    await page.waitForFunction(() => window.__jxFake.model.selection.sheet.name === "targets-all-cases");
    assert.deepEqual(pane.errors, []);
  } finally {
    await pane.close();
  }
});

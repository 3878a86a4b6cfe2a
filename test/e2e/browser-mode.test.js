/**
 * End-to-end: the built pane (dist/) opened outside Office, as a plain page served from 127.0.0.1, checks a file
 * in the browser: upload → verdict and issues → download the 校验报告 and reopen it with ExcelJS in Node.
 * Every request must go to the page's own origin (the file never leaves the machine), and Excel mode must not
 * download the ExcelJS chunk.
 *   npm run build -- --env fast && node --test test/e2e/browser-mode.test.js
 * Screenshots go to test-artifacts/.
 */
"use strict";
const { test, before, after } = require("node:test");
const { URL } = require("node:url");
const assert = require("node:assert/strict");
const fs = require("fs");
const path = require("path");
const ExcelJS = require("exceljs");
const { fakeExcelScript } = require("./fake-excel");
const engine = require("./engine-node");
const h = require("./harness");

const { ARTIFACTS, ROOT, realCsv } = h;
const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

let server;
let baseUrl;
const openPane = (initScript) => h.openPane(baseUrl, initScript);

/** Every request went to the page's own origin (blob: URLs of that origin included). */
function assertOwnOrigin(requests) {
  assert.ok(requests.length > 0, "no requests were recorded");
  const foreign = requests.filter((u) => {
    if (u.startsWith("data:")) return false;
    try {
      return new URL(u).origin !== baseUrl;
    } catch {
      return true;
    }
  });
  assert.deepEqual(foreign, [], `requests to another host: ${foreign.join(", ")}`);
}

/** The real published table 06 (a 自评表) as an .xlsx, written by ExcelJS in Node. */
async function table06Xlsx() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("06 自评表");
  for (const r of h.realRows("06")) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Issue codes shown as groups, and the cells of one group once opened. */
async function groupCodes(page) {
  return page.getByTestId("issue-group").evaluateAll((els) => els.map((e) => e.getAttribute("data-group")));
}

async function cellsOf(page, code) {
  const group = page.locator(`[data-testid="issue-group"][data-group="${code}"]`);
  const header = group.getByTestId("issue-group-header");
  if ((await header.getAttribute("aria-expanded")) !== "true") await header.click();
  return group.getByTestId("issue").evaluateAll((els) => els.map((e) => e.getAttribute("data-cell")));
}

before(async () => {
  ({ server, baseUrl } = await h.startServer());
});

after(() => h.stopServer(server));

test("browser mode: checks an uploaded .xlsx in the page and downloads the report; no other host is contacted", async () => {
  const pane = await openPane(null);
  try {
    const { page, requests } = pane;
    await page.getByTestId("page-mode").waitFor({ state: "visible" });
    await page.getByTestId("drop-zone").waitFor({ state: "visible" });
    assert.equal(requests.filter((u) => /exceljs/.test(u)).length, 0, "ExcelJS is not loaded before a file is checked");

    const upload = await table06Xlsx();
    await page.getByTestId("file-input").setInputFiles({ name: "06-马鹿坑.xlsx", mimeType: XLSX_MIME, buffer: upload });
    const verdict = page.getByTestId("verdict");
    await verdict.waitFor({ state: "visible", timeout: 30000 });
    // The page reads the .xlsx with the command line's reader (src/file/xml-normal.ts): ExcelJS only builds the report.
    assert.equal(requests.filter((u) => /exceljs/.test(u)).length, 0, "ExcelJS is not loaded to read the file");

    assert.equal(await verdict.getAttribute("data-intent"), "error");
    const title = await page.getByTestId("verdict-title").textContent();
    assert.match(title, /^不可提交：\d+ 个错误，\d+ 个警告$/);
    const tableRow = page.getByTestId("verdict-table").first();
    assert.match(await tableRow.textContent(), /绩效自评表/);
    assert.match(await tableRow.textContent(), /马鹿坑/);

    const codes = await groupCodes(page);
    assert.ok(codes.includes("budget.score-mismatch"), `codes: ${codes}`);
    assert.ok(codes.includes("indicator.missing-field"), `codes: ${codes}`);
    assert.ok(!codes.includes("budget.rate-mismatch"), "06's 执行率 is right at its precision");
    assert.deepEqual(await cellsOf(page, "budget.score-mismatch"), ["06 自评表!H6"]);
    assert.ok((await cellsOf(page, "indicator.missing-field")).includes("06 自评表!E18"));
    // Each issue's cell is a button: it shows the cell in the page's preview of the sheet.
    assert.ok((await page.getByTestId("issue-select").count()) > 0);
    const shownIssues = await page.locator("[data-testid=issue-list] h2").textContent();
    const issueCount = Number(/\((\d+)\)/.exec(shownIssues)[1]);

    await page.screenshot({ path: path.join(ARTIFACTS, "browser-mode.png"), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-report").click()]);
    assert.equal(download.suggestedFilename(), "校验报告-06-马鹿坑.xlsx");
    assert.ok(requests.some((u) => /\/exceljs\.[0-9a-f]+\.js$/.test(u)), "the ExcelJS chunk was loaded from the page's server to build the report");
    const saved = path.join(ARTIFACTS, "browser-mode-report.xlsx");
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    assert.deepEqual(
      wb.worksheets.map((w) => w.name),
      ["汇总 Summary", "问题清单 Issues"],
    );
    const sum = wb.getWorksheet("汇总 Summary");
    assert.equal(sum.getCell("A2").value, "06-马鹿坑.xlsx");
    assert.equal(sum.getCell("D2").value, "不可提交 / Not ready");
    assert.ok(Number(sum.getCell("E2").value) >= 1);
    const iss = wb.getWorksheet("问题清单 Issues");
    const rows = [];
    iss.eachRow((row, n) => {
      if (n > 1) rows.push(row.values.slice(1).map((v) => (v && typeof v === "object" && "text" in v ? v.text : v)));
    });
    assert.equal(rows.length, issueCount, "one report row per issue shown");
    // Same findings as the command line on the same file (one engine, every front).
    const cli = engine.checkWorkbook(await engine.readXlsx(upload));
    assert.deepEqual(rows.map((r) => `${r[4]}@${r[1]}!${r[2]}`).sort(), engine.issueKeys(cli.issues));
    const budgetRow = rows.find((r) => r[4] === "budget.score-mismatch");
    assert.ok(budgetRow, "the budget score issue is in the report");
    assert.deepEqual([budgetRow[1], budgetRow[2], budgetRow[7]], ["06 自评表", "H6", "9.78"]);

    assertOwnOrigin(requests);
    assert.deepEqual(pane.errors, []);
  } finally {
    await pane.close();
  }
});

test("browser mode: the sample workbook (merged cells), a dropped .csv, and a refused .xls", async () => {
  const pane = await openPane(null);
  try {
    const { page, requests } = pane;
    await page.getByTestId("drop-zone").waitFor({ state: "visible" });

    // A real .xlsx with merges, formulas with cached results and a 总分 row.
    await page.getByTestId("file-input").setInputFiles(path.join(ROOT, "samples", "自评表-示例.xlsx"));
    await page.getByTestId("verdict").waitFor({ state: "visible", timeout: 30000 });
    const codes = await groupCodes(page);
    for (const c of ["budget.rate-mismatch", "score.total-mismatch", "score.mismatch", "indicator.missing-unit"]) assert.ok(codes.includes(c), `${c} in ${codes}`);
    // Grouped by sheet, every group is a sheet of the workbook.
    await page.getByTestId("group-by-sheet").click();
    const sheets = await groupCodes(page);
    assert.ok(sheets.length >= 1 && sheets.every((s) => !s.includes(".")), `sheets: ${sheets}`);

    // The real table 02 as a CSV, dropped on the drop zone (GB18030 is not needed: it is UTF-8).
    const csv = fs.readFileSync(realCsv("02"));
    const dataTransfer = await page.evaluateHandle(
      ({ bytes, name }) => {
        // Runs in the page, where DataTransfer and File are globals.
        const dt = new window.DataTransfer();
        dt.items.add(new window.File([new Uint8Array(bytes)], name, { type: "text/csv" }));
        return dt;
      },
      { bytes: [...csv], name: "02.csv" },
    );
    await page.getByTestId("drop-zone").dispatchEvent("drop", { dataTransfer });
    await page.getByText("已检查：02.csv").waitFor({ state: "visible", timeout: 30000 });
    assert.equal(await page.getByTestId("verdict").getAttribute("data-intent"), "error");
    const csvCodes = await groupCodes(page);
    assert.ok(csvCodes.includes("score.missing-actual"), `02: full marks with no actual → ${csvCodes}`);

    // An old .xls is refused with advice in both languages.
    await page.getByTestId("file-input").setInputFiles({ name: "旧表.xls", mimeType: "application/vnd.ms-excel", buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) });
    const err = page.getByTestId("browser-error");
    await err.waitFor({ state: "visible" });
    const text = await err.textContent();
    assert.match(text, /另存为 \.xlsx/);
    assert.match(text, /save it as \.xlsx/);
    assert.equal(await page.getByTestId("verdict").count(), 0);
    await page.screenshot({ path: path.join(ARTIFACTS, "browser-mode-error.png"), fullPage: true });

    assertOwnOrigin(requests);
    assert.deepEqual(pane.errors, []);
  } finally {
    await pane.close();
  }
});

test("Excel mode does not download the ExcelJS chunk", async () => {
  const pane = await openPane(fakeExcelScript({ sheets: [{ name: "自评表", values: [[95]] }], selection: "自评表!A1" }));
  try {
    const { page, requests } = pane;
    await page.waitForTimeout(500);
    assert.equal(await page.getByTestId("browser-check").count(), 0);
    assert.deepEqual(requests.filter((u) => /exceljs/.test(u)), []);
    assertOwnOrigin(requests);
  } finally {
    await pane.close();
  }
});

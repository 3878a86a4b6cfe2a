/**
 * End-to-end, files the page is handed as people hand them (Chromium, dist/ served from 127.0.0.1): a folder
 * chosen with the folder button (webkitdirectory) is walked as `jx check <folder>` walks it (order, hidden and lock
 * files left out, other files skipped or refused), and every file-level problem is said with the command line's
 * words: an empty file, a corrupt .xlsx, a web page saved as .xlsx, an old .xls, a CSV with bytes that do not decode
 * (file.invalid-bytes), a cell too long for Excel (file.long-text), and a file above the size limit.
 * A dropped folder (DataTransferItem.webkitGetAsEntry) cannot be made by a headless test: the walk it uses is the
 * unit test test/taskpane/BrowserCheckFolder.test.ts; a dropped file goes through the same drop handler here.
 *   npm run build -- --env fast && node --test test/e2e/browser-files.test.js
 */
"use strict";
const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("fs");
const os = require("os");
const path = require("path");
const ExcelJS = require("exceljs");
const h = require("./harness");
const { runCli, workbookCells } = require("./browser-cli");

const { ARTIFACTS, ROOT, realCsv } = h;
const SAMPLES = path.join(ROOT, "samples");

let server;
let baseUrl;
before(async () => {
  ({ server, baseUrl } = await h.startServer());
});
after(() => h.stopServer(server));

/** Table 06 as an .xlsx with one cell of 40,000 characters (more than Excel keeps). */
async function longTextXlsx() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("06 自评表");
  for (const r of h.realRows("06")) ws.addRow(r);
  ws.getCell("K3").value = "说明".repeat(20000);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A folder of what people keep next to their tables: real tables and samples, and files that cannot be checked. */
async function makeFolder() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-folder-"));
  const root = path.join(dir, "报表");
  fs.mkdirSync(path.join(root, "子目录"), { recursive: true });
  fs.copyFileSync(path.join(SAMPLES, "预算项目清单.xlsx"), path.join(root, "预算项目清单.xlsx"));
  fs.copyFileSync(path.join(SAMPLES, "绩效目标-清单.xlsx"), path.join(root, "绩效目标-清单.xlsx"));
  fs.copyFileSync(realCsv("02"), path.join(root, "子目录", "02.csv"));
  fs.writeFileSync(path.join(root, "子目录", "06-长文本.xlsx"), await longTextXlsx());
  // A UTF-8 CSV of table 14 with two bytes that do not decode.
  const csv14 = fs.readFileSync(realCsv("14"));
  fs.writeFileSync(path.join(root, "14-坏字节.csv"), Buffer.concat([csv14.subarray(0, 200), Buffer.from([0xff, 0xfe]), csv14.subarray(200)]));
  fs.writeFileSync(path.join(root, "空.xlsx"), Buffer.alloc(0));
  fs.writeFileSync(path.join(root, "损坏.xlsx"), Buffer.from("PK\u0003\u0004 not a zip at all"));
  fs.writeFileSync(path.join(root, "网页.xlsx"), Buffer.from("<html><body><table><tr><td>1</td></tr></table></body></html>"));
  fs.writeFileSync(path.join(root, "旧表.xls"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
  fs.writeFileSync(path.join(root, "说明.txt"), "notes");
  fs.writeFileSync(path.join(root, "~$预算项目清单.xlsx"), "lock");
  fs.writeFileSync(path.join(root, ".隐藏.xlsx"), "hidden");
  return { dir, root };
}

async function summary(page) {
  return page.getByTestId("file-row").evaluateAll((rows) =>
    rows.map((r) => ({ file: r.getAttribute("data-file"), errors: r.querySelector("[data-testid=file-errors]").textContent, warnings: r.querySelector("[data-testid=file-warnings]").textContent })),
  );
}

/** The error a file's detail shows (zh and en), after clicking it in the summary. */
async function errorOf(page, file) {
  await page.locator(`[data-testid=file-row][data-file="${file}"]`).getByTestId("file-open").click();
  const bar = page.getByTestId("browser-error");
  await bar.waitFor();
  return bar.locator("span[lang]").allTextContents();
}

test("a chosen folder is walked as `jx check <folder>`; each problem in the CLI's words; the same report", async () => {
  const { dir, root } = await makeFolder();
  const cli = await runCli(
    fs.readdirSync(root, { recursive: true }).filter((f) => fs.statSync(path.join(root, f)).isFile()).map((f) => ({ name: f, from: path.join(root, f) })),
    { folder: "报表" },
  );
  const pane = await h.openPane(baseUrl, null, { viewport: { width: 1100, height: 900 } });
  try {
    const { page } = pane;
    await page.getByTestId("folder-input").setInputFiles(root);
    await page.getByTestId("file-summary").waitFor({ state: "visible", timeout: 90000 });
    const rows = await summary(page);
    assert.deepEqual(
      rows.map((r) => r.file),
      cli.json.files.map((f) => f.file),
      "the same files in the same order",
    );
    assert.ok(!rows.some((r) => /~\$|\/\./.test(r.file)), "lock and hidden files are left out");
    for (const [k, f] of cli.json.files.entries()) {
      if (f.error) {
        assert.equal(rows[k].errors, "—");
        assert.deepEqual(await errorOf(page, f.file), [f.error.message, f.error.messageEn], `${f.file}: the CLI's words`);
      } else {
        assert.equal(rows[k].errors, String(f.stats.errors), `${f.file} errors`);
        assert.equal(rows[k].warnings, String(f.stats.warnings), `${f.file} warnings`);
      }
    }
    // The refusals the folder holds, as the CLI words them.
    const words = Object.fromEntries(cli.json.files.filter((f) => f.error).map((f) => [f.file.split("/").pop(), f.error.message]));
    assert.match(words["空.xlsx"], /文件为空/);
    assert.match(words["损坏.xlsx"], /损坏|无法读取/);
    assert.match(words["旧表.xls"], /另存为 \.xlsx/);
    assert.ok(words["网页.xlsx"], "a web page saved as .xlsx is refused");
    // The skipped .txt is listed apart, as the CLI's "跳过 Skipped".
    assert.match(await page.getByTestId("skipped").textContent(), /说明\.txt/);

    // file.invalid-bytes and file.long-text appear with the file's findings.
    const notices = { "报表/14-坏字节.csv": "file.invalid-bytes", "报表/子目录/06-长文本.xlsx": "file.long-text" };
    for (const [file, code] of Object.entries(notices)) {
      const cliIssue = cli.json.files.find((f) => f.file === file).issues.find((i) => i.code === code);
      assert.ok(cliIssue, `the CLI gives ${code} for ${file}`);
      await page.locator(`[data-testid=file-row][data-file="${file}"]`).getByTestId("file-open").click();
      const group = page.locator(`[data-testid="issue-group"][data-group="${code}"]`);
      await group.waitFor({ timeout: 5000 });
      const header = group.getByTestId("issue-group-header");
      if ((await header.getAttribute("aria-expanded")) !== "true") await header.click();
      const text = await group.getByTestId("issue").first().textContent();
      assert.ok(text.includes(cliIssue.message), `${file}: ${code} says "${cliIssue.message}"`);
    }
    await page.screenshot({ path: path.join(ARTIFACTS, "browser-files.png"), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60000 }), page.getByTestId("download-report").click()]);
    const saved = path.join(ARTIFACTS, "browser-files-report.xlsx");
    await download.saveAs(saved);
    const pageCells = await workbookCells(saved);
    const cliCells = await workbookCells(cli.out);
    assert.deepEqual(Object.keys(pageCells), Object.keys(cliCells));
    for (const sheet of Object.keys(cliCells)) assert.deepEqual(pageCells[sheet], cliCells[sheet], `sheet ${sheet}`);
    assert.deepEqual(pane.errors, []);
  } finally {
    await pane.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a dropped file above the size limit is refused unread, in the CLI's words", async () => {
  // The CLI on a 201 MB file (sparse: nothing is written) says why it refuses it (with a readable file beside it,
  // so it prints its report).
  const cli = await runCli([{ name: "巨大.xlsx", sparse: 201 * 1024 * 1024 }, realCsv("06")]);
  const cliError = cli.json.files.find((f) => f.file === "巨大.xlsx").error;
  assert.match(cliError.message, /^文件过大（201 MB），超过上限 200 MB，未读取/);
  const pane = await h.openPane(baseUrl, null);
  try {
    const { page } = pane;
    await page.getByTestId("drop-zone").waitFor();
    const dataTransfer = await page.evaluateHandle(() => {
      const dt = new window.DataTransfer();
      dt.items.add(new window.File([new Uint8Array(201 * 1024 * 1024)], "巨大.xlsx"));
      return dt;
    });
    await page.getByTestId("drop-zone").dispatchEvent("drop", { dataTransfer });
    const bar = page.getByTestId("browser-error");
    await bar.waitFor({ timeout: 30000 });
    const [zh, en] = await bar.locator("span[lang]").allTextContents();
    // The CLI's sentence; the page has no --max-size to offer, so it ends where the CLI's advice begins.
    assert.equal(zh, "文件过大（201 MB），超过上限 200 MB，未读取");
    assert.ok(cliError.message.startsWith(`${zh}；`), cliError.message);
    assert.ok(cliError.messageEn.startsWith(`${en}:`), cliError.messageEn);
    assert.deepEqual(pane.errors, []);
  } finally {
    await pane.close();
  }
});

// The command line run in-process on the same files the page is given (TypeScript sources through ts-node, as
// engine-node.js runs the engine): its JSON report and its --out workbook, for the browser-*.test.js comparisons.
"use strict";
require("./engine-node"); // registers ts-node
const fs = require("fs");
const os = require("os");
const path = require("path");
const ExcelJS = require("exceljs");
const { checkCommand } = require("../../src/cli/check");

/**
 * Copies `files` ({ name, from }, { name, buffer }, { name, sparse: size } or a path) into a fresh folder and runs `jx check <names…> [--budget b] --format json
 * --out report.xlsx` there, so the command line shows the same file names as the page. Resolves { json, out, dir }.
 */
async function runCli(files, { budget, folder } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-cli-"));
  const cwd = path.join(dir, "in");
  const root = folder ? path.join(cwd, folder) : cwd;
  fs.mkdirSync(root, { recursive: true });
  const names = [];
  for (const f of files) {
    const name = typeof f === "string" ? path.basename(f) : f.name;
    const target = path.join(root, name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (typeof f === "string" || f.from) fs.copyFileSync(typeof f === "string" ? f : f.from, target);
    else if (f.sparse) {
      // A file of that size with nothing written (sparse): for size limits.
      fs.writeFileSync(target, "");
      fs.truncateSync(target, f.sparse);
    } else fs.writeFileSync(target, f.buffer);
    names.push(folder ? `${folder}/${name}` : name);
  }
  const out = path.join(dir, "report.xlsx");
  let stdout = "";
  const io = { stdout: (s) => (stdout += s), stderr: () => undefined, stderrIsTTY: false, cwd };
  const inputs = folder ? [folder] : names.filter((n) => n !== budget);
  await checkCommand({ inputs, coveredBy: [], format: "json", failOn: "error", out, ...(budget ? { budget } : {}) }, io);
  const json = JSON.parse(stdout);
  fs.rmSync(cwd, { recursive: true, force: true }); // the copies of the inputs (the report stays)
  return { json, out, dir };
}

/** Every sheet of a workbook as rows of cell texts (a link's text; a number as written). */
async function workbookCells(file) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = {};
  for (const ws of wb.worksheets) {
    const rows = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const cells = [];
      row.eachCell({ includeEmpty: true }, (c, k) => {
        const v = c.value;
        cells[k - 1] = v && typeof v === "object" && "text" in v ? String(v.text) : v === null || v === undefined ? "" : v instanceof Date ? v.toISOString() : v;
      });
      rows[n - 1] = cells;
    });
    out[ws.name] = rows;
  }
  return out;
}

module.exports = { runCli, workbookCells };

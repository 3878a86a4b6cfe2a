// The engine exactly as the CLI runs it (TypeScript sources through ts-node), so the e2e tests can assert that
// the browser page and the pane report the same findings as the command line on the same input.
require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "CommonJS", moduleResolution: "node" } });
const { checkWorkbook } = require("../../src/domain/engine");
const { readXlsx } = require("../../src/file/xlsx");
const { parseArea } = require("../../src/domain/grid");
const { csvTextToGrid } = require("../../src/file/csv-grid");

/** "code@sheet!cell" for each issue, sorted: the identity of a finding across fronts. */
function issueKeys(issues) {
  return issues.map((i) => `${i.code}@${i.sheet}!${i.cell}`).sort();
}

/** Grids of a fake-Excel workbook description ({ sheets: [{ name, values, merges: ["A1:I1"] }] }). */
function gridsOfFake(workbook) {
  return workbook.sheets.map((s) => ({ sheet: s.name, top: 0, left: 0, values: s.values, merges: (s.merges || []).map(parseArea) }));
}

module.exports = { checkWorkbook, readXlsx, issueKeys, gridsOfFake, csvTextToGrid };

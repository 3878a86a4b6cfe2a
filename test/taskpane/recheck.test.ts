/**
 * A live re-check of one sheet (recheck.ts) gives exactly what checkWorkbook gives over the whole workbook as edited:
 * real tables (06 self-evaluation, 17 and 20 targets), the every-case budget list and targets, and a notes sheet,
 * edited cell by cell (values filled, cleared, changed; a table's header broken and mended; a sheet emptied).
 */
import * as fs from "fs";
import * as path from "path";
import * as engine from "../../src/domain/engine";
import { checkWorkbook, type WorkbookCheck } from "../../src/domain/engine";
import type { CellValue, Grid } from "../../src/domain/grid";
import { csvTextToGrid } from "../../src/file/csv-grid";
import { realGrid } from "../helpers/real";
import { recheckSheet } from "../../src/taskpane/components/ExcelPane/recheck";
import { replaceGrid } from "../../src/taskpane/components/ExcelPane/useLiveCheck";

const FIX = path.join(__dirname, "..", "fixtures", "coverage");
const csv = (f: string): Grid => csvTextToGrid(fs.readFileSync(path.join(FIX, f), "utf8"), path.basename(f, ".csv"));

function workbook(): Grid[] {
  return [
    { ...realGrid("06"), sheet: "自评06" },
    { ...realGrid("17"), sheet: "目标17" },
    { ...realGrid("20"), sheet: "目标20" },
    csv("targets-all-cases.csv"),
    csv("budget-all-cases.csv"),
    { sheet: "备注", top: 0, left: 0, values: [["说明"], ["这一页是用户自己的笔记"]] },
  ];
}

function edit(g: Grid, row: number, col: number, v: CellValue): Grid {
  const values = g.values.map((r) => r.slice());
  while (values.length <= row) values.push([]);
  while (values[row].length <= col) values[row].push(null);
  values[row][col] = v;
  return { ...g, values };
}

const comparable = (c: WorkbookCheck) => ({ issues: c.issues, stats: c.stats, byCode: c.byCode, valid: c.valid, tables: c.tables, targets: c.targets, budget: c.budget, sheets: c.sheets });

describe("recheckSheet", () => {
  const edits: [string, (g: Grid) => Grid][] = [
    ["fill 06's empty indicator value", (g) => edit(g, 17, 4, "≥95%")],
    ["clear a score in 06", (g) => edit(g, 5, 7, null)],
    ["a placeholder in 17", (g) => edit(g, 12, 3, "**")],
    ["a budget line's code repeated", (g) => edit(g, 2, 0, "510000240000000000101")],
    ["the target with errors mended", (g) => edit(g, 9, 7, 3000)],
    ["a target's code changed to an orphan", (g) => edit(g, 2, 0, "510000240000000000999")],
    ["the notes sheet typed into", (g) => edit(g, 3, 2, "新的备注")],
    ["the notes sheet emptied", (g) => ({ ...g, values: [] })],
    ["20's header broken", (g) => edit(g, 1, 2, "随便写的")],
  ];
  const targetOf: Record<string, string> = {
    "fill 06's empty indicator value": "自评06",
    "clear a score in 06": "自评06",
    "a placeholder in 17": "目标17",
    "a budget line's code repeated": "budget-all-cases",
    "the target with errors mended": "targets-all-cases",
    "a target's code changed to an orphan": "targets-all-cases",
    "the notes sheet typed into": "备注",
    "the notes sheet emptied": "备注",
    "20's header broken": "目标20",
  };
  const spliced = new Set(["fill 06's empty indicator value", "clear a score in 06", "a placeholder in 17", "a budget line's code repeated", "the target with errors mended", "a target's code changed to an orphan"]);
  afterEach(() => jest.restoreAllMocks());
  it.each(edits)("%s: the same as a full check", (label, f) => {
    let grids = workbook();
    let prev = checkWorkbook(grids);
    const spy = jest.spyOn(engine, "checkWorkbook");
    // Two edits in a row on the same sheet, each re-checked from the previous re-check.
    for (let k = 0; k < 2; k++) {
      const sheet = grids.find((g) => g.sheet === targetOf[label])!;
      const changed = k === 0 ? f(sheet) : edit(sheet, 0, 12, `第${k}次`);
      grids = replaceGrid(grids, changed);
      spy.mockClear();
      const live = recheckSheet(prev, grids, changed, {});
      // Where the edit cannot change another sheet's findings, only the changed sheet went through the engine.
      if (spliced.has(label)) expect(spy.mock.calls.map((c) => c[0].length)).toEqual([1]);
      expect(comparable(live)).toEqual(comparable(checkWorkbook(grids)));
      prev = live;
    }
  });

  it("a new sheet is appended and checked", () => {
    const grids = workbook();
    const prev = checkWorkbook(grids);
    const added: Grid = { ...realGrid("02"), sheet: "新自评" };
    const next = replaceGrid(grids, added);
    expect(comparable(recheckSheet(prev, next, added, {}))).toEqual(comparable(checkWorkbook(next)));
  });
});

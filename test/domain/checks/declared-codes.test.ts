/**
 * Every check emits only the codes it declares: the engine's walk (checks/walk.ts) runs every check of
 * PROJECT_CHECKS over every project of every fixture (the ten real tables, the samples, and a workbook of our own
 * that trips most rule families), and a code a check did not declare fails the test. Every declared code is in the catalog, and every catalog code is emitted by some
 * check or by the engine/reconciliation (named below), so no entry is dead.
 */
import * as fs from "fs";
import * as path from "path";
import { CATALOG, type IssueCode } from "../../../src/domain/catalog";
import { PROJECT_CHECKS, checkContext, walkProject } from "../../../src/domain/checks";
import { SHEET_CHECKS, sheetFindings } from "../../../src/domain/checks/template-text";
import { COVERAGE_CHECKS, coverageFindings, reconcile } from "../../../src/domain/coverage";
import { checkWorkbook } from "../../../src/domain/engine";
import { resolveProfile } from "../../../src/domain/profiles";
import { profileForTable } from "../../../src/domain/engine";
import type { Grid } from "../../../src/domain/grid";
import { recognizeWorkbook } from "../../../src/domain/tables/recognize";
import type { IndicatorTable } from "../../../src/domain/tables/model";
import { readXlsx } from "../../../src/file/xlsx";
import { ALL_REAL_PREFIXES, realGrid } from "../../helpers/real";
import { removeDir, tempDir, writeKitchenSink } from "../../helpers/workbooks";

const SAMPLES = path.join(__dirname, "..", "..", "..", "samples");

/** Codes emitted outside the checks: recognition and sheet scans (engine.ts), the file reader. */
const OUTSIDE_CHECKS: readonly IssueCode[] = [
  "table.no-indicator-header",
  "table.not-recognized",
  "table.not-filled",
  "table.partial-reading",
  "file.invalid-bytes",
  "file.long-text",
  "file.findings-not-listed",
];

async function fixtures(): Promise<Grid[]> {
  const grids: Grid[] = ALL_REAL_PREFIXES.map((p) => realGrid(p));
  for (const f of fs.readdirSync(SAMPLES).filter((x) => x.endsWith(".xlsx"))) {
    grids.push(...(await readXlsx(fs.readFileSync(path.join(SAMPLES, f)))));
  }
  // A workbook of our own that trips most rule families at once.
  const dir = tempDir();
  try {
    const file = path.join(dir, "kitchen-sink.xlsx");
    await writeKitchenSink(file);
    grids.push(...(await readXlsx(fs.readFileSync(file))));
  } finally {
    removeDir(dir);
  }
  return grids;
}

test("every check emits only the codes it declares, and its row hooks nothing about the whole project", async () => {
  const grids = await fixtures();
  const undeclared: string[] = [];
  const projectLevelFromRows: string[] = [];
  const emitted = new Set<string>();
  let projects = 0;
  for (const rec of recognizeWorkbook(grids)) {
    for (const t of rec.tables) {
      if (t.kind === "budget-list") continue;
      const table = t as IndicatorTable;
      for (const profileId of ["auto", "national", "sichuan", "shanxi"]) {
        const profile = profileForTable(table, { profile: profileId });
        for (const project of table.projects) {
          projects++;
          walkProject(PROJECT_CHECKS, checkContext(project, table, profile), (d, check) => {
            emitted.add(d.code);
            if (!check.codes.includes(d.code)) undeclared.push(`${check.id} → ${d.code} (${rec.sheet}!${d.cell})`);
          });
          // The row hooks alone (what JX.CHECK runs): a finding about the whole project never comes from one.
          walkProject(
            PROJECT_CHECKS,
            checkContext(project, table, profile),
            (d, check) => {
              if (d.code.startsWith("project.") || d.code === "score.total-mismatch") projectLevelFromRows.push(`${check.id} → ${d.code}`);
            },
            { rowsOnly: true },
          );
        }
      }
    }
  }
  for (const g of grids) {
    sheetFindings(g, (d, check) => {
      emitted.add(d.code);
      if (!check.codes.includes(d.code)) undeclared.push(`${check.id} → ${d.code} (${g.sheet}!${d.cell})`);
    });
  }
  expect(projects).toBeGreaterThan(40);
  expect(undeclared).toEqual([]);
  expect(projectLevelFromRows).toEqual([]);
  // The walk reached row and end hooks alike.
  expect(emitted).toContain("indicator.missing-unit");
  expect(emitted).toContain("project.weight-sum");
  expect(emitted).toContain("form.template-text");
});

test("every declared code is in the catalog, and every catalog code has an emitter", () => {
  const declared = new Set<string>([...PROJECT_CHECKS, ...COVERAGE_CHECKS, ...SHEET_CHECKS].flatMap((c) => [...c.codes]));
  for (const code of declared) expect(Object.keys(CATALOG)).toContain(code);
  const dead = (Object.keys(CATALOG) as IssueCode[]).filter((c) => !declared.has(c) && !OUTSIDE_CHECKS.includes(c));
  expect(dead).toEqual([]);
});

test("reconciliation's findings come through the coverage checks, each within its declared codes", async () => {
  const read = async (f: string): Promise<Grid[]> => readXlsx(fs.readFileSync(path.join(SAMPLES, f)));
  const list = checkWorkbook(await read("预算项目清单.xlsx"));
  const targets = checkWorkbook(await read("绩效目标-清单.xlsx"));
  const rec = reconcile(list.budget, targets.targets, { profile: resolveProfile("national") });
  const undeclared: string[] = [];
  const again = coverageFindings(rec, (d, check) => {
    if (!check.codes.includes(d.code)) undeclared.push(`${check.id} → ${d.code}`);
  });
  expect(undeclared).toEqual([]);
  expect(rec.issues.length).toBeGreaterThan(2);
  // The reconciliation's own list is the walk's, finding for finding.
  expect(again).toEqual(rec.issues);
  expect(new Set(rec.issues.map((i) => i.code))).toContain("project.no-target");
});

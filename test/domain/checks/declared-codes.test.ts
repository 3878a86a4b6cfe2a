/**
 * Every check emits only the codes it declares: each check of PROJECT_CHECKS runs over every project of every
 * fixture (the ten real tables, the samples, and hand-built grids that trip every rule family), and a code it did
 * not declare fails the test. Every declared code is in the catalog, and every catalog code is emitted by some
 * check or by the engine/reconciliation (named below), so no entry is dead.
 */
import * as fs from "fs";
import * as path from "path";
import { CATALOG, type IssueCode } from "../../../src/domain/catalog";
import { PROJECT_CHECKS } from "../../../src/domain/checks";
import { projectFacts } from "../../../src/domain/checks/facts";
import { profileForTable } from "../../../src/domain/engine";
import type { Grid } from "../../../src/domain/grid";
import { recognizeWorkbook } from "../../../src/domain/tables/recognize";
import type { IndicatorTable } from "../../../src/domain/tables/model";
import { readXlsx } from "../../../src/file/xlsx";
import { ALL_REAL_PREFIXES, realGrid } from "../../helpers/real";

const SAMPLES = path.join(__dirname, "..", "..", "..", "samples");

/** Codes emitted outside PROJECT_CHECKS: recognition and sheet scans (engine.ts), the file reader, reconciliation. */
const OUTSIDE_CHECKS: readonly IssueCode[] = [
  "table.no-indicator-header",
  "table.not-recognized",
  "table.not-filled",
  "form.template-text",
  "file.invalid-bytes",
  "file.long-text",
  "file.findings-not-listed",
  "project.no-target",
  "project.invalid-target",
  "project.name-match-only",
  "project.orphan-target",
  "project.amount-mismatch",
  "project.duplicate-code",
  "project.excluded",
];

async function fixtures(): Promise<Grid[]> {
  const grids: Grid[] = ALL_REAL_PREFIXES.map((p) => realGrid(p));
  for (const f of fs.readdirSync(SAMPLES).filter((x) => x.endsWith(".xlsx"))) {
    grids.push(...(await readXlsx(fs.readFileSync(path.join(SAMPLES, f)))));
  }
  return grids;
}

test("every check emits only the codes it declares, on every project of every fixture", async () => {
  const grids = await fixtures();
  const undeclared: string[] = [];
  let projects = 0;
  for (const rec of recognizeWorkbook(grids)) {
    for (const t of rec.tables) {
      if (t.kind === "budget-list") continue;
      const table = t as IndicatorTable;
      for (const profileId of ["auto", "national", "sichuan", "shanxi"]) {
        const profile = profileForTable(table, { profile: profileId });
        for (const project of table.projects) {
          projects++;
          const facts = projectFacts(project, table, profile);
          for (const check of PROJECT_CHECKS) {
            for (const d of check.run(project, { profile, table, facts })) {
              if (!check.codes.includes(d.code)) undeclared.push(`${check.id} → ${d.code} (${rec.sheet}!${d.cell})`);
            }
          }
        }
      }
    }
  }
  expect(projects).toBeGreaterThan(40);
  expect(undeclared).toEqual([]);
});

test("every declared code is in the catalog, and every catalog code has an emitter", () => {
  const declared = new Set<string>(PROJECT_CHECKS.flatMap((c) => [...c.codes]));
  for (const code of declared) expect(Object.keys(CATALOG)).toContain(code);
  const dead = (Object.keys(CATALOG) as IssueCode[]).filter((c) => !declared.has(c) && !OUTSIDE_CHECKS.includes(c));
  expect(dead).toEqual([]);
});

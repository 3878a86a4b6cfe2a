/**
 * What one "keep checking while I work" re-check costs the pane once the changed sheet is read (src/taskpane/
 * components/ExcelPane/useLiveCheck.ts): the edited sheet (here the budget list) goes through the engine alone and
 * is spliced into the kept workbook check (recheck.ts), then the coverage is reconciled (paneCoverage); against
 * that, the whole engine re-run over the kept grids it replaced. The read itself is one sheet in 3 Excel round trips
 * (test/e2e/pane-live.test.js counts them); this prints the engine's share by the size of the other sheet.
 *   npm run bench live
 */
import { checkWorkbook } from "../src/domain/engine";
import { NO_CHOICE, paneCoverage, withCoverageIssues } from "../src/taskpane/components/ExcelPane/paneCoverage";
import { replaceGrid } from "../src/taskpane/components/ExcelPane/useLiveCheck";
import { recheckSheet } from "../src/taskpane/components/ExcelPane/recheck";
import type { Grid } from "../src/domain/grid";
import { indicatorListGrid } from "./synthetic";
import { timeBest } from "./timing";

const SETTINGS = { profile: "auto", settings: {} };

/** A budget list naming every project of the indicator list (one line each), on its own sheet. */
function budgetFor(list: Grid): Grid {
  const codes = new Map<string, string>();
  for (const row of list.values.slice(1)) codes.set(String(row[0]), String(row[1]));
  const values = [["项目编码", "项目名称", "主管部门", "预算类型", "金额（万元）"], ...[...codes].map(([c, n], i) => [c, n, `部门${i % 7}`, "一般公共预算", 10 + (i % 90)])];
  return { sheet: "预算清单", top: 0, left: 0, values };
}

export function run(): void {
  console.log("indicator rows | budget lines | whole engine re-run + coverage (ms) | one sheet spliced + coverage (ms) | ratio");
  for (const rows of [7_000, 35_000, 70_000]) {
    const list = indicatorListGrid(rows);
    const budget = budgetFor(list);
    const kept = [list, budget];
    const prev = checkWorkbook(kept, SETTINGS);
    const values = budget.values.map((r) => r.slice());
    values[1][1] = `${String(values[1][1])}（调整）`;
    const edited: Grid = { ...budget, values };
    const grids = replaceGrid(kept, edited);
    const withCoverage = (check: ReturnType<typeof checkWorkbook>) => {
      const cov = paneCoverage(check, NO_CHOICE, SETTINGS);
      return cov ? withCoverageIssues(check, cov.issues) : check;
    };
    const whole = timeBest(3, () => withCoverage(checkWorkbook(grids, SETTINGS)));
    const spliced = timeBest(3, () => withCoverage(recheckSheet(prev, grids, edited, SETTINGS)));
    if (whole.result.issues.length !== spliced.result.issues.length) throw new Error("the spliced re-check differs from the whole one");
    console.log(`${rows.toLocaleString("en-US")} | ${budget.values.length - 1} | ${whole.ms.toFixed(0)} | ${spliced.ms.toFixed(0)} | ${(whole.ms / spliced.ms).toFixed(1)}×`);
  }
}

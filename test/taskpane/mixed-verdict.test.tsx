/** @jest-environment jsdom */
/**
 * One workbook holding forms and a budget list (issue 24, item 4, in the pane): the forms' 不可提交 count leaves out
 * the list's coverage gaps, and the list has its own verdict (覆盖有缺口 / 全部覆盖), as `jx check forms --budget list`
 * gives them for the same tables (test/cli/budget-verdict.test.ts).
 */
import * as path from "path";
import * as React from "react";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { StringsProvider } from "../../src/taskpane/i18n";
import type { ExcelHostOps, WorkbookGrids } from "../../src/taskpane/host";
import type { Grid } from "../../src/domain/grid";
import { readXlsx } from "../../src/file/xlsx";
import { runJx } from "../helpers/cli";
import { TextDecoder, TextEncoder } from "util";
import { stubResizeObserver } from "../helpers/jsdom";

// The CLI and the .xlsx reader decode text with TextDecoder, which jsdom's globals lack.
Object.assign(globalThis, { TextDecoder, TextEncoder });

beforeAll(stubResizeObserver);

const SAMPLES = path.join(__dirname, "..", "..", "samples");
const FORMS = ["自评表-示例.xlsx", "绩效目标-清单.xlsx"];
const BUDGET = "预算项目清单.xlsx";

function hostWith(grids: Grid[]): ExcelHostOps {
  const read: WorkbookGrids = { grids, sheets: grids.map((g) => g.sheet), skipped: [], active: grids[0].sheet, syncs: 3 };
  const no = jest.fn(async () => {
    throw new Error("not used");
  });
  return {
    gradeSelection: no,
    readWorkbook: jest.fn(async () => read),
    selectCell: jest.fn(async () => undefined),
    writeReport: jest.fn(async (i) => ({ sheet: "校验报告", requested: "校验报告", replaced: false, rows: i.issues.length, table: "JX_Report", syncs: 2 })),
    applyMarks: no,
    clearMarks: no,
    writeCoverage: no,
    insertTemplate: no,
    loadSettings: jest.fn(async () => ({ profile: "auto", settings: {} })),
    saveSettings: jest.fn(async () => undefined),
    isSupported: jest.fn(() => true),
  } as unknown as ExcelHostOps;
}

test("forms and a budget list in one workbook: the forms' errors without the gaps, the list's own coverage verdict, as the CLI", async () => {
  const run = await runJx(["check", ...FORMS, "--budget", BUDGET, "--format", "json"], SAMPLES);
  expect(run.stderr).toBe("");
  const cli = JSON.parse(run.stdout) as {
    files: { file: string; verdict: string; stats: { errors: number } }[];
  };
  const forms = cli.files.filter((f) => !f.file.endsWith(BUDGET));
  const list = cli.files.find((f) => f.file.endsWith(BUDGET))!;
  expect(list.verdict).toBe("coverage-gaps");
  const formErrors = forms.reduce((n, f) => n + f.stats.errors, 0);
  const gaps = list.stats.errors;
  expect(formErrors).toBeGreaterThan(0);
  expect(gaps).toBeGreaterThan(0);

  // The same sheets in one workbook, as the pane reads it.
  const grids: Grid[] = [];
  for (const f of [...FORMS, BUDGET]) grids.push(...(await readXlsx(path.join(SAMPLES, f))));
  expect(new Set(grids.map((g) => g.sheet)).size).toBe(grids.length);

  const host = hostWith(grids);
  await act(async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <StringsProvider language="zh-CN">
          <App host={host} />
        </StringsProvider>
      </FluentProvider>,
    );
  });
  await act(async () => {
    fireEvent.click(screen.getByTestId("check-workbook"));
  });
  expect(screen.getByTestId("verdict").getAttribute("data-verdict")).toBe("not-ready");
  expect(screen.getByTestId("verdict-title").textContent).toMatch(new RegExp(`^不可提交：${formErrors} 个错误`));
  expect(screen.getByTestId("verdict-budget-list").getAttribute("data-verdict")).toBe("coverage-gaps");
  expect(screen.getByTestId("verdict-budget-list-title").textContent).toBe(`覆盖有缺口：${gaps} 个预算项目缺少有效的绩效目标`);

  // The 校验报告 sheet says the same: the pane asks for the forms-and-list line.
  await act(async () => {
    fireEvent.click(screen.getByTestId("write-report"));
  });
  expect(host.writeReport).toHaveBeenCalledWith(expect.objectContaining({ budgetList: false, withBudgetList: true }));
});

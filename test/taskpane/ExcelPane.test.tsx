/** @jest-environment jsdom */
/** The Excel-mode pane with host operations as jest mocks: no Office anywhere. */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { StringsProvider } from "../../src/taskpane/i18n";
import type { ExcelHostOps, WorkbookGrids } from "../../src/taskpane/host";
import { realGrid } from "../helpers/real";
import type { Grid } from "../../src/domain/grid";
import { stubResizeObserver } from "../helpers/jsdom";

beforeAll(stubResizeObserver);

const selfEval: Grid = { ...realGrid("06"), sheet: "自评表" };
const budgetList: Grid = {
  sheet: "预算清单",
  top: 0,
  left: 0,
  values: [
    ["项目编码", "项目名称", "主管部门", "预算类型", "金额（万元）"],
    ["P001", "2023年马鹿坑国有林场新建野生动物收容所建设项目", "临沧市临翔区林业和草原局", "一般公共预算", 32.4],
    ["P002", "森林防火", "临沧市临翔区林业和草原局", "一般公共预算", 10],
  ],
};

function hostWith(grids: Grid[], over: Partial<ExcelHostOps> = {}): ExcelHostOps {
  const read: WorkbookGrids = { grids, sheets: grids.map((g) => g.sheet), skipped: [], active: grids[0].sheet, syncs: 3 };
  return {
    gradeSelection: jest.fn(async () => ({ address: "A1", cells: [] })),
    readWorkbook: jest.fn(async (o) => {
      o.onProgress?.({ done: 1, total: 1 });
      return read;
    }),
    selectCell: jest.fn(async () => undefined),
    writeReport: jest.fn(async (i) => ({ sheet: "校验报告", requested: "校验报告", replaced: false, rows: i.issues.length, table: "JX_Report", syncs: 2 })),
    applyMarks: jest.fn(async (issues) => ({ count: issues.length, syncs: 3 })),
    clearMarks: jest.fn(async () => ({ count: 2, syncs: 3 })),
    writeCoverage: jest.fn(async () => ({ sheet: "覆盖率统计", requested: "覆盖率统计", replaced: false, missingSheet: "缺少目标清单", tables: [], syncs: 4 })),
    insertTemplate: jest.fn(async (k) => ({ sheet: k === "target" ? "项目支出绩效目标申报表" : "项目支出绩效自评表", requested: k === "target" ? "项目支出绩效目标申报表" : "项目支出绩效自评表", syncs: 2 })),
    loadSettings: jest.fn(async () => ({ profile: "auto", settings: {} })),
    saveSettings: jest.fn(async () => undefined),
    isSupported: jest.fn(() => true),
    ...over,
  };
}

async function renderApp(host: ExcelHostOps, language = "zh-CN"): Promise<void> {
  await act(async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <StringsProvider language={language}>
          <App host={host} />
        </StringsProvider>
      </FluentProvider>,
    );
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function click(el: HTMLElement): Promise<void> {
  await act(async () => {
    fireEvent.click(el);
  });
}

describe("Excel pane", () => {
  it("checks the workbook, shows the verdict and issues, and selects a cell on click", async () => {
    const host = hostWith([selfEval]);
    await renderApp(host);
    await click(screen.getByTestId("check-workbook"));
    expect(host.readWorkbook).toHaveBeenCalledWith(expect.objectContaining({ scope: "workbook" }));
    expect(screen.getByTestId("verdict-title").textContent).toMatch(/不可提交/);
    await click(screen.getByTestId("group-by-sheet"));
    const issue = screen.getAllByTestId("issue").find((e) => e.getAttribute("data-code") === "budget.score-mismatch")!;
    await click(within(issue).getByTestId("issue-select"));
    expect(host.selectCell).toHaveBeenCalledWith("自评表", "H6");
  });

  it("checks only the active sheet with the second button", async () => {
    const host = hostWith([selfEval]);
    await renderApp(host);
    await click(screen.getByTestId("check-sheet"));
    expect(host.readWorkbook).toHaveBeenCalledWith(expect.objectContaining({ scope: "active" }));
  });

  it("writes the report, applies and clears marks through the host", async () => {
    const host = hostWith([selfEval]);
    await renderApp(host);
    await click(screen.getByTestId("check-workbook"));
    await click(screen.getByTestId("write-report"));
    expect(host.writeReport).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId("status").textContent).toMatch(/校验报告/);
    await click(screen.getByTestId("apply-marks"));
    expect(host.applyMarks).toHaveBeenCalledTimes(1);
    await click(screen.getByTestId("clear-marks"));
    expect(screen.getByTestId("status").textContent).toMatch(/已清除 2/);
  });

  it("says when the report went to a free name because a sheet of the user's has 校验报告, and that a rerun replaces it", async () => {
    const host = hostWith([selfEval], {
      writeReport: jest.fn(async (i) => ({ sheet: "校验报告 (2)", requested: "校验报告", replaced: true, rows: i.issues.length, table: "JX_Report_2", syncs: 2 })),
    });
    await renderApp(host);
    await click(screen.getByTestId("check-workbook"));
    // Before writing, the pane says a rerun replaces the add-in's report while unchanged, and that a changed or renamed one is kept.
    expect(screen.getByTestId("report-rewrite-hint").textContent).toMatch(/替换.*未被改动.*校验报告.*改动或改了名.*不再改动/);
    await click(screen.getByTestId("write-report"));
    const text = screen.getByTestId("status").textContent ?? "";
    expect(text).toMatch(/已写入“校验报告 \(2\)”/);
    expect(text).toMatch(/已有您自己的“校验报告”工作表，未改动它，改为写入“校验报告 \(2\)”/);
    expect(text).toMatch(/已替换本插件上次写入的那一份/);
  });

  it("says the same for coverage and templates, in English too", async () => {
    const host = hostWith([budgetList, selfEval], {
      writeCoverage: jest.fn(async () => ({ sheet: "覆盖率统计 (2)", requested: "覆盖率统计", replaced: false, missingSheet: "缺少目标清单", tables: [], syncs: 4 })),
      insertTemplate: jest.fn(async () => ({ sheet: "项目支出绩效目标申报表(2)", requested: "项目支出绩效目标申报表", syncs: 2 })),
    });
    await renderApp(host, "en-US");
    await click(screen.getByTestId("check-workbook"));
    await click(screen.getByTestId("tab-coverage"));
    expect(screen.getByTestId("coverage-rewrite-hint").textContent).toMatch(/replaces the "覆盖率统计" and "缺少目标清单" sheets/);
    await click(screen.getByTestId("write-coverage"));
    expect(screen.getByTestId("status").textContent).toMatch(/"覆盖率统计" sheet of your own: it was left as it is and "覆盖率统计 \(2\)" written instead/);
    await click(screen.getByTestId("tab-templates"));
    await click(screen.getByTestId("insert-target"));
    expect(within(screen.getByTestId("templates-panel")).getByTestId("status").textContent).toMatch(/"项目支出绩效目标申报表\(2\)" written instead/);
  });

  it("shows a failed write in Chinese first, saying the previous report is unchanged", async () => {
    const { OutputWriteError } = await import("../../src/excel/errors");
    const cause = Object.assign(new Error("A table named 'JX_Report' already exists."), { code: "ItemAlreadyExists" });
    const host = hostWith([selfEval], { writeReport: jest.fn(async () => Promise.reject(new OutputWriteError({ zh: "校验报告", en: "the report sheet" }, cause, "kept"))) });
    await renderApp(host);
    await click(screen.getByTestId("check-workbook"));
    await click(screen.getByTestId("write-report"));
    const text = screen.getByTestId("status-error").textContent ?? "";
    expect(text).toMatch(/写入“校验报告”未完成，上一份保持不变。原因：同名的工作表或表格已存在/);
    expect(text).not.toMatch(/already exists/);
  });

  it("shows Office errors as readable messages, never a blank pane", async () => {
    const err = Object.assign(new Error("raw"), { code: "AccessDenied" });
    const host = hostWith([selfEval], { readWorkbook: jest.fn(async () => Promise.reject(err)) });
    await renderApp(host);
    await click(screen.getByTestId("check-workbook"));
    expect(screen.getByTestId("status-error").textContent).toMatch(/受保护/);
    expect(screen.getByTestId("status-error").textContent).toMatch(/AccessDenied/);
  });

  it("offers cancel while reading and reports the cancellation", async () => {
    let seen: AbortSignal | undefined;
    const host = hostWith([selfEval], {
      readWorkbook: jest.fn(
        (o) =>
          new Promise<WorkbookGrids>((_, reject) => {
            seen = o.signal;
            o.signal?.addEventListener("abort", () => reject(Object.assign(new Error("已取消 / Cancelled"), { name: "CancelledError" })));
          }),
      ),
    });
    await renderApp(host);
    await click(screen.getByTestId("check-workbook"));
    expect(screen.getByTestId("progress")).toBeTruthy();
    await click(screen.getByTestId("cancel"));
    expect(seen?.aborted).toBe(true);
    expect(screen.queryByTestId("progress")).toBeNull();
  });

  it("shows a banner when the Excel build lacks the requirement set", async () => {
    await renderApp(hostWith([selfEval], { isSupported: () => false }));
    expect(screen.getByTestId("requirement-banner").textContent).toMatch(/ExcelApi 1\.13/);
  });

  it("speaks English when Office's display language is English", async () => {
    await renderApp(hostWith([selfEval]), "en-US");
    expect(screen.getByTestId("check-workbook").textContent).toBe("Check the whole workbook");
  });

  it("computes coverage from the budget list found, lists missing targets, writes the sheet", async () => {
    const host = hostWith([budgetList, selfEval]);
    await renderApp(host);
    await click(screen.getByTestId("check-workbook"));
    await click(screen.getByTestId("tab-coverage"));
    expect(screen.getByTestId("coverage-summary").textContent).toMatch(/\/2/);
    const missing = screen.getAllByTestId("missing-target");
    expect(missing.length).toBeGreaterThan(0);
    await click(missing[0]);
    expect(host.selectCell).toHaveBeenCalledWith("预算清单", expect.stringMatching(/^A\d+$/));
    await click(screen.getByTestId("write-coverage"));
    expect(host.writeCoverage).toHaveBeenCalledTimes(1);
  });

  it("gives each target-source checkbox its own label: clicking the second sheet's name toggles that sheet only", async () => {
    const host = hostWith([budgetList, selfEval, { ...selfEval, sheet: "目标表" }]);
    await renderApp(host);
    await click(screen.getByTestId("check-workbook"));
    await click(screen.getByTestId("tab-coverage"));
    const group = screen.getByRole("group", { name: "绩效目标来源" });
    const boxes = within(group).getAllByRole("checkbox");
    expect(boxes.map((b) => b.getAttribute("id"))).toEqual([...new Set(boxes.map((b) => b.getAttribute("id")))]);
    const first = within(group).getByRole("checkbox", { name: "自评表" });
    const second = within(group).getByRole("checkbox", { name: "目标表" });
    await click(within(group).getByText("目标表"));
    expect((second as HTMLInputElement).checked).toBe(false);
    expect((first as HTMLInputElement).checked).toBe(true);
  });

  it("keeps checking while the user works: off by default, saved with the document, stopped when turned off", async () => {
    const stop = jest.fn(async () => undefined);
    const host = hostWith([selfEval], { watchChanges: jest.fn(async () => ({ stop })), readSheet: jest.fn() });
    await renderApp(host);
    await click(screen.getByTestId("tab-settings"));
    const sw = screen.getByTestId("keep-checking") as HTMLInputElement;
    expect(sw.checked).toBe(false);
    expect(host.watchChanges).not.toHaveBeenCalled();
    await click(sw);
    expect(host.saveSettings).toHaveBeenCalledWith({ profile: "auto", settings: {}, live: true });
    expect((screen.getByTestId("keep-checking") as HTMLInputElement).checked).toBe(true);
    expect(host.watchChanges).toHaveBeenCalledTimes(1);
    // Saving the other settings keeps it on.
    await click(screen.getByTestId("save-settings"));
    expect(host.saveSettings).toHaveBeenLastCalledWith(expect.objectContaining({ live: true }));
    await click(screen.getByTestId("keep-checking"));
    expect(host.saveSettings).toHaveBeenLastCalledWith({ profile: "auto", settings: expect.any(Object) });
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it("re-reads only the changed sheet about a second after the last edit, and the verdict, coverage and marks follow", async () => {
    let emit: ((c: { worksheetId: string; address: string; source: string }) => void) | undefined;
    // The user adds a target-less line to the budget list: one more project.no-target.
    const edited: Grid = { ...budgetList, values: [...budgetList.values, ["P003", "河道清淤", "临沧市临翔区林业和草原局", "一般公共预算", 5]] };
    const host = hostWith([budgetList, selfEval], {
      loadSettings: jest.fn(async () => ({ profile: "auto", settings: {}, live: true })),
      watchChanges: jest.fn(async (f) => {
        emit = f;
        return { stop: async () => undefined };
      }),
      readSheet: jest.fn(async () => ({ sheet: "预算清单", grid: edited, own: false, syncs: 3 })),
    });
    await renderApp(host);
    expect(host.watchChanges).toHaveBeenCalledTimes(1);
    await click(screen.getByTestId("check-workbook"));
    await waitFor(() => expect(screen.getByTestId("verdict-title")).toBeTruthy());
    const errorsBefore = Number(/(\d+) 个错误/.exec(screen.getByTestId("verdict-title").textContent ?? "")?.[1]);
    const gapsBefore = Number(/(\d+) 个预算项目/.exec(screen.getByTestId("verdict-budget-list-title").textContent ?? "")?.[1]);
    await click(screen.getByTestId("apply-marks"));
    expect(screen.getByTestId("live-note").textContent).toMatch(/正在随编辑自动检查/);

    // Three edits in quick succession, then quiet: nothing is read while the edits go on, one read after.
    for (let k = 0; k < 3; k++) {
      await act(async () => {
        emit?.({ worksheetId: "{budget}", address: `A${k + 1}`, source: "Local" });
        await sleep(200);
      });
    }
    await act(() => sleep(500));
    expect(host.readSheet).not.toHaveBeenCalled();
    await waitFor(() => expect(host.readSheet).toHaveBeenCalledTimes(1), { timeout: 5000 });
    expect(host.readSheet).toHaveBeenCalledWith("{budget}");
    await waitFor(() => expect(screen.getByTestId("live-note").textContent).toMatch(/已重新检查“预算清单”/));
    expect(host.readWorkbook).toHaveBeenCalledTimes(1); // never the whole workbook again
    // The new gap is the budget list's (its coverage verdict), not one more error of the forms (as jx check --budget).
    expect(Number(/(\d+) 个预算项目/.exec(screen.getByTestId("verdict-budget-list-title").textContent ?? "")?.[1])).toBe(gapsBefore + 1);
    expect(Number(/(\d+) 个错误/.exec(screen.getByTestId("verdict-title").textContent ?? "")?.[1])).toBe(errorsBefore);
    // Marks redrawn on the one sheet whose findings changed.
    await waitFor(() => expect(host.applyMarks).toHaveBeenLastCalledWith(expect.any(Array), { sheets: ["预算清单"] }));
    await click(screen.getByTestId("tab-coverage"));
    expect(screen.getByTestId("coverage-summary").getAttribute("data-projects")).toBe("3");
    await act(() => sleep(1200));
    expect(host.readSheet).toHaveBeenCalledTimes(1);
  }, 30000);

  it("inserts templates and saves settings through the host", async () => {
    const host = hostWith([selfEval]);
    await renderApp(host);
    await click(screen.getByTestId("tab-templates"));
    await click(screen.getByTestId("insert-target"));
    expect(host.insertTemplate).toHaveBeenCalledWith("target");
    await click(screen.getByTestId("tab-settings"));
    fireEvent.change(screen.getByTestId("score-tolerance"), { target: { value: "0.5" } });
    await click(screen.getByTestId("save-settings"));
    expect(host.saveSettings).toHaveBeenCalledWith({ profile: "auto", settings: expect.objectContaining({ scoreTolerance: 0.5 }) });
  });
});

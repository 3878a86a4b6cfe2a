/** @jest-environment jsdom */
import * as React from "react";
import { render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Verdict } from "../../src/taskpane/components/Verdict/Verdict";
import { StringsProvider, langFrom } from "../../src/taskpane/i18n";
import type { Report, TableSummary } from "../../src/domain/report";
import { stubResizeObserver } from "../helpers/jsdom";

beforeAll(stubResizeObserver);

type R = Pick<Report, "stats" | "tables"> & Partial<Pick<Report, "byCode">>;

const SELF: TableSummary = {
  sheet: "自评表",
  range: "A1:J30",
  kind: "self-evaluation",
  layout: "form",
  project: "马路坑收容所项目",
  projects: 1,
  rows: 12,
  score: { total: 88.5, grade: "良", entered: 96, enteredGrade: "优" },
};
const TARGET: TableSummary = { sheet: "目标表", range: "A1:H20", kind: "target", layout: "list", project: "3 个项目", projects: 3, rows: 18 };
const OK: TableSummary = { ...SELF, sheet: "自评表2", score: { total: 92, grade: "优", entered: 92, enteredGrade: "优" } };

function show(report: R, language?: string): void {
  render(
    <FluentProvider theme={webLightTheme}>
      <StringsProvider language={language}>
        <Verdict report={report} caption="示例.xlsx" />
      </StringsProvider>
    </FluentProvider>,
  );
}

describe("Verdict", () => {
  it("says how many errors block submission (error intent)", () => {
    show({ stats: { errors: 3, warnings: 2, infos: 0 }, tables: [SELF, TARGET] });
    expect(screen.getByTestId("verdict").getAttribute("data-intent")).toBe("error");
    expect(screen.getByTestId("verdict-title").textContent).toBe("不可提交：3 个错误，2 个警告");
    expect(screen.getByText("示例.xlsx")).toBeTruthy();
  });

  it("is ready to submit when there are no issues (success intent)", () => {
    show({ stats: { errors: 0, warnings: 0, infos: 1 }, tables: [OK] });
    expect(screen.getByTestId("verdict").getAttribute("data-intent")).toBe("success");
    expect(screen.getByTestId("verdict-title").textContent).toBe("可以提交");
  });

  it("is ready with a warning intent when only warnings remain", () => {
    show({ stats: { errors: 0, warnings: 4, infos: 0 }, tables: [OK] });
    expect(screen.getByTestId("verdict").getAttribute("data-intent")).toBe("warning");
    expect(screen.getByTestId("verdict-title").textContent).toBe("可以提交");
    expect(screen.getByText(/4 个警告/)).toBeTruthy();
  });

  it("is not ready when three targets cannot be measured, though each is a warning (and ready with two)", () => {
    show({ stats: { errors: 0, warnings: 5, infos: 0 }, byCode: { "indicator.vague": 3, "indicator.cost-direction": 2 }, tables: [TARGET] });
    expect(screen.getByTestId("verdict").getAttribute("data-intent")).toBe("error");
    expect(screen.getByTestId("verdict").getAttribute("data-verdict")).toBe("not-ready");
    expect(screen.getByTestId("verdict-title").textContent).toBe("不可提交：3 个指标值无法衡量（绩效目标未细化量化），共 5 个警告");
  });

  it("is ready with warnings when only two targets cannot be measured (English too)", () => {
    show({ stats: { errors: 0, warnings: 2, infos: 0 }, byCode: { "indicator.vague": 2 }, tables: [TARGET] }, "en-US");
    expect(screen.getByTestId("verdict").getAttribute("data-verdict")).toBe("ready");
    expect(screen.getByTestId("verdict-title").textContent).toBe("Ready to submit");
  });

  it("does not call a workbook without tables ready: 无法检查, as an error", () => {
    show({ stats: { errors: 0, warnings: 0, infos: 0 }, tables: [] });
    expect(screen.getByTestId("verdict").getAttribute("data-intent")).toBe("error");
    expect(screen.getByTestId("verdict-title").textContent).toBe("无法检查");
    expect(screen.queryByTestId("verdict-tables")).toBeNull();
    // As the engine reports it: the one error is table.not-recognized.
    show({ stats: { errors: 1, warnings: 0, infos: 0 }, byCode: { "table.not-recognized": 1 }, tables: [] });
    expect(screen.getAllByTestId("verdict-title").pop()?.textContent).toBe("无法检查");
  });

  it("says 未填写 for a form never filled in, not 不可提交 with a count", () => {
    show({ stats: { errors: 1, warnings: 1, infos: 0 }, byCode: { "table.not-filled": 1, "budget.score-mismatch": 1 }, tables: [TARGET] });
    expect(screen.getByTestId("verdict").getAttribute("data-intent")).toBe("error");
    expect(screen.getByTestId("verdict-title").textContent).toBe("未填写");
  });

  it("lists the tables in words and highlights a computed vs entered mismatch", () => {
    show({ stats: { errors: 1, warnings: 0, infos: 0 }, tables: [SELF, TARGET, OK] });
    const rows = screen.getAllByTestId("verdict-table");
    expect(rows).toHaveLength(3);
    expect(rows[0].textContent).toContain("绩效自评表");
    expect(rows[0].textContent).toContain("马路坑收容所项目");
    expect(rows[0].getAttribute("data-mismatch")).toBe("true");
    expect(within(rows[0]).getByTestId("score-computed").textContent).toContain("88.5 良");
    expect(within(rows[0]).getByTestId("score-entered").textContent).toContain("96 优");
    expect(within(rows[0]).getByText("不一致")).toBeTruthy();
    expect(rows[1].textContent).toContain("绩效目标申报表");
    expect(rows[1].getAttribute("data-mismatch")).toBe("false");
    expect(within(rows[1]).queryByTestId("score-computed")).toBeNull();
    expect(rows[2].getAttribute("data-mismatch")).toBe("false");
  });

  it("speaks English when Office's display language is English", () => {
    show({ stats: { errors: 1, warnings: 1, infos: 0 }, tables: [SELF] }, "en-US");
    expect(screen.getByTestId("verdict-title").textContent).toBe("Not ready: 1 error, 1 warning");
    expect(screen.getByTestId("verdict-table").textContent).toContain("Self-evaluation");
    expect(screen.getByText("differs")).toBeTruthy();
  });
});

describe("langFrom", () => {
  it("is English only for en-*", () => {
    expect(langFrom("en-US")).toBe("en");
    expect(langFrom("EN")).toBe("en");
    expect(langFrom("en_GB")).toBe("en");
    expect(langFrom("zh-CN")).toBe("zh");
    expect(langFrom("fr-FR")).toBe("zh");
    expect(langFrom(undefined)).toBe("zh");
    expect(langFrom("eng")).toBe("zh");
  });

  it("judges a budget list by its coverage, not as a form to submit (zh and en)", () => {
    const LIST: TableSummary = { sheet: "预算项目清单", range: "A1:I10", kind: "budget-list", layout: "list", projects: 8, rows: 8 };
    const gaps = { stats: { errors: 4, warnings: 1, infos: 2 }, tables: [LIST], byCode: { "project.no-target": 2, "project.invalid-target": 2 } };
    show(gaps);
    expect(screen.getByTestId("verdict").getAttribute("data-intent")).toBe("warning");
    expect(screen.getByTestId("verdict-title").textContent).toBe("覆盖有缺口：4 个预算项目缺少有效的绩效目标");
    expect(screen.getByTestId("verdict").getAttribute("data-verdict")).toBe("coverage-gaps");
    document.body.innerHTML = "";
    show(gaps, "en-US");
    expect(screen.getByTestId("verdict-title").textContent).toBe("Coverage gaps: 4 budget lines lack a valid target");
    document.body.innerHTML = "";
    show({ stats: { errors: 0, warnings: 0, infos: 0 }, tables: [LIST], byCode: {} });
    expect(screen.getByTestId("verdict").getAttribute("data-intent")).toBe("success");
    expect(screen.getByTestId("verdict-title").textContent).toBe("全部覆盖：每个预算项目都有有效的绩效目标");
    document.body.innerHTML = "";
    // Forms beside the list: their verdict without the list's gaps, and the list's own (as jx check forms --budget list).
    show({ stats: { errors: 5, warnings: 1, infos: 0 }, tables: [SELF, LIST], byCode: { "project.no-target": 3, "score.total-mismatch": 2 } });
    expect(screen.getByTestId("verdict-title").textContent).toBe("不可提交：2 个错误，1 个警告");
    expect(screen.getByTestId("verdict-budget-list-title").textContent).toBe("覆盖有缺口：3 个预算项目缺少有效的绩效目标");
    document.body.innerHTML = "";
    show({ stats: { errors: 0, warnings: 0, infos: 0 }, tables: [SELF, LIST], byCode: {} }, "en-US");
    expect(screen.getByTestId("verdict").getAttribute("data-verdict")).toBe("ready");
    expect(screen.getByTestId("verdict-budget-list").getAttribute("data-verdict")).toBe("covered");
    document.body.innerHTML = "";
    show({ stats: { errors: 0, warnings: 0, infos: 0 }, tables: [SELF], byCode: {} });
    expect(screen.queryByTestId("verdict-budget-list")).toBeNull();
    document.body.innerHTML = "";
    // A repeated code is an error of the list itself: then it is not ready.
    show({ stats: { errors: 1, warnings: 0, infos: 0 }, tables: [LIST], byCode: { "project.duplicate-code": 1 } });
    expect(screen.getByTestId("verdict-title").textContent).toBe("不可提交：1 个错误，0 个警告");
  });
});

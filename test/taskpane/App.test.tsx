/** @jest-environment jsdom */
import * as React from "react";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import type { HostOps } from "../../src/taskpane/host";

// Fluent's MessageBar measures itself with ResizeObserver, which jsdom lacks.
beforeAll(() => {
  const w = window as unknown as { ResizeObserver?: unknown };
  w.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
});

function renderApp(host: HostOps | null): void {
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>,
  );
}

describe("App", () => {
  it("outside Office says to open the add-in in Excel", () => {
    renderApp(null);
    expect(screen.getByText("请在 Excel 中打开此加载项")).toBeTruthy();
    expect(screen.queryByTestId("grade-selection")).toBeNull();
  });

  it("inside Excel grades the selection through the host operations", async () => {
    const host: HostOps = {
      gradeSelection: jest.fn(async () => ({
        address: "Sheet1!A1:A2",
        cells: [
          { address: "Sheet1!A1", text: "95", result: { ok: true as const, grade: "优" as const } },
          { address: "Sheet1!A2", text: "abc", result: { ok: false as const, reason: "分数不是有效数字", reasonEn: "score is not a number" } },
        ],
      })),
    };
    renderApp(host);
    await act(async () => {
      fireEvent.click(screen.getByText("计算所选单元格等级 / Grade the selection"));
    });
    expect(host.gradeSelection).toHaveBeenCalledTimes(1);
    expect(screen.getAllByTestId("grade").map((e) => e.textContent)).toEqual(["优", "无法评级"]);
    expect(screen.getByTestId("grade-reason").textContent).toContain("分数不是有效数字");
  });

  it("shows a failure from the host as an error message", async () => {
    renderApp({ gradeSelection: async () => Promise.reject(new Error("boom")) });
    await act(async () => {
      fireEvent.click(screen.getByTestId("grade-selection"));
    });
    expect(screen.getByText("boom")).toBeTruthy();
  });
});

/** @jest-environment jsdom */
import * as React from "react";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { LANGUAGE_KEY, StringsProvider } from "../../src/taskpane/i18n";
import type { HostOps } from "../../src/taskpane/host";
import { stubResizeObserver } from "../helpers/jsdom";

beforeAll(stubResizeObserver);

function renderApp(host: HostOps | null, language?: string): ReturnType<typeof render> {
  return render(
    <FluentProvider theme={webLightTheme}>
      <StringsProvider language={language}>
        <App host={host} />
      </StringsProvider>
    </FluentProvider>,
  );
}

beforeEach(() => window.localStorage.clear());

describe("App", () => {
  it("outside Office presents the page as a way to work, not as a warning", () => {
    renderApp(null);
    expect(screen.getByTestId("page-mode").textContent).toMatch(/本页无需 Excel/);
    expect(screen.queryByText("请在 Excel 中打开此加载项")).toBeNull();
    expect(document.querySelector("[data-testid=not-in-excel]")).toBeNull();
    expect(screen.queryByTestId("grade-selection")).toBeNull();
  });

  it("has a language switch that wins over the browser's language and is remembered", async () => {
    const first = renderApp(null, "en-US");
    expect(screen.getByTestId("page-mode").textContent).toMatch(/needs no Excel/);
    const group = screen.getByRole("group", { name: "Language" });
    expect(within(group).getByRole("button", { name: "English" }).getAttribute("aria-pressed")).toBe("true");
    await act(async () => {
      fireEvent.click(within(group).getByRole("button", { name: "中文" }));
    });
    expect(screen.getByTestId("page-mode").textContent).toMatch(/本页无需 Excel/);
    expect(screen.getByRole("group", { name: "界面语言" })).toBeTruthy();
    expect(window.localStorage.getItem(LANGUAGE_KEY)).toBe("zh");
    first.unmount();
    // Opened again in the same English browser: still Chinese.
    renderApp(null, "en-US");
    expect(screen.getByTestId("page-mode").textContent).toMatch(/本页无需 Excel/);
  });

  it("speaks no English in the Chinese page (the language switch's own English excepted)", () => {
    renderApp(null, "zh-CN");
    const text = (document.querySelector("main")?.textContent ?? "").replace("English", "").replace(/\bJX\b|\.xlsx|\.csv|\bExcel\b|\bWPS\b/g, "");
    expect(text.match(/[A-Za-z]{2,}/g) ?? []).toEqual([]);
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
      fireEvent.click(screen.getByRole("button", { name: "计算所选单元格等级" }));
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

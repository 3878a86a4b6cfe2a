/** @jest-environment jsdom */
/**
 * The pane follows an Office theme change while open: through the OfficeThemeChanged event where the host raises it,
 * and, where it does not (Excel documents none), by looking at Office.context.officeTheme again on focus and on a
 * timer. Office is a stand-in object here; real Excel is the only judge of when its officeTheme changes.
 */
import * as React from "react";
import { act, render, screen } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { THEME_POLL_MS, watchTheme } from "../../src/taskpane/theme";
import { stubResizeObserver } from "../helpers/jsdom";

beforeAll(stubResizeObserver);

interface FakeOffice {
  context: { officeTheme?: { isDarkTheme?: boolean; bodyBackgroundColor?: string }; document: { addHandlerAsync: jest.Mock; removeHandlerAsync: jest.Mock } };
  EventType: { OfficeThemeChanged: string };
}

const g = globalThis as unknown as { Office?: FakeOffice };
let handler: ((args: { officeTheme?: unknown }) => void) | undefined;

beforeEach(() => {
  handler = undefined;
  g.Office = {
    context: {
      officeTheme: { isDarkTheme: false, bodyBackgroundColor: "#ffffff" },
      document: {
        addHandlerAsync: jest.fn((_type: string, h: (args: { officeTheme?: unknown }) => void, cb?: (r: { status: string }) => void) => {
          handler = h;
          cb?.({ status: "succeeded" });
        }),
        removeHandlerAsync: jest.fn(),
      },
    },
    EventType: { OfficeThemeChanged: "officeThemeChanged" },
  };
});
afterEach(() => {
  delete g.Office;
  jest.useRealTimers();
});

const theme = (): string | null => screen.getByRole("main").getAttribute("data-theme");

describe("theme follows Office while the pane is open", () => {
  it("switches on OfficeThemeChanged and stops listening when closed", () => {
    const { unmount } = render(<App host={null} />);
    expect(theme()).toBe("light");
    expect(g.Office?.context.document.addHandlerAsync).toHaveBeenCalledWith("officeThemeChanged", expect.any(Function), expect.any(Function));
    act(() => {
      g.Office!.context.officeTheme = { isDarkTheme: true, bodyBackgroundColor: "#262626" };
      handler?.({ officeTheme: g.Office!.context.officeTheme });
    });
    expect(theme()).toBe("dark");
    unmount();
    expect(g.Office?.context.document.removeHandlerAsync).toHaveBeenCalledTimes(1);
  });

  it("without the event, notices the change on focus and on its timer", () => {
    jest.useFakeTimers();
    g.Office!.context.document.addHandlerAsync = jest.fn(() => {
      throw new Error("event not supported");
    });
    render(<App host={null} />);
    expect(theme()).toBe("light");
    act(() => {
      g.Office!.context.officeTheme = { isDarkTheme: true };
      jest.advanceTimersByTime(THEME_POLL_MS);
    });
    expect(theme()).toBe("dark");
    act(() => {
      g.Office!.context.officeTheme = { bodyBackgroundColor: "#fafafa" };
      window.dispatchEvent(new Event("focus"));
    });
    expect(theme()).toBe("light");
  });

  it("calls back only when the theme changed", () => {
    jest.useFakeTimers();
    const onChange = jest.fn();
    const stop = watchTheme(onChange, window, 100);
    jest.advanceTimersByTime(500);
    expect(onChange).not.toHaveBeenCalled();
    g.Office!.context.officeTheme = { isDarkTheme: true };
    jest.advanceTimersByTime(100);
    expect(onChange).toHaveBeenCalledTimes(1);
    stop();
    g.Office!.context.officeTheme = { isDarkTheme: false };
    jest.advanceTimersByTime(500);
    expect(onChange).toHaveBeenCalledTimes(1);
  });
});

/** Pane entry: waits for Office, picks the host and theme, renders. Renders even outside Office. */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import { App } from "./App";
import { detectHost, excelHostOps } from "./host";
import { pickTheme, type OfficeThemeLike } from "./theme";
import { StringsProvider } from "./i18n";

declare global {
  interface Window {
    /** Set once the pane has rendered (the e2e waits for it). */
    __officeReady?: boolean;
  }
}

/** Office's display language ("zh-CN", "en-US"), else the browser's; the pane speaks English only for "en…". */
function displayLanguage(): string | undefined {
  try {
    const office = typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined;
    return office || (typeof navigator !== "undefined" ? navigator.language : undefined);
  } catch {
    return typeof navigator !== "undefined" ? navigator.language : undefined;
  }
}

/** Office's theme, when the host reports one (undefined outside Office and often in Excel on the web). */
function officeTheme(): OfficeThemeLike | undefined {
  try {
    return typeof Office !== "undefined" ? (Office.context?.officeTheme as OfficeThemeLike | undefined) : undefined;
  } catch {
    return undefined;
  }
}

function start(officeHost: unknown): void {
  const container = document.getElementById("container");
  if (!container) return;
  const root = createRoot(container);
  const host = detectHost(officeHost) === "excel" ? excelHostOps() : null;
  const language = displayLanguage();
  const media = window.matchMedia?.("(prefers-color-scheme: dark)");
  const render = (): void => {
    root.render(
      <FluentProvider theme={pickTheme(officeTheme(), !!media?.matches)}>
        <StringsProvider language={language}>
          <App host={host} />
        </StringsProvider>
      </FluentProvider>,
    );
  };
  render();
  media?.addEventListener?.("change", render);
  window.__officeReady = true;
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady((info) => start(info.host ?? null));
} else {
  // office.js did not load (e.g. the CDN is unreachable): still show the pane.
  start(null);
}

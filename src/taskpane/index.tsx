/**
 * Pane entry: waits for Office, picks the host and theme, renders. Renders even outside Office.
 * First paint needs only this file's code: the title paints at once while the panels (App and everything it shows,
 * Fluent components included) load as a chunk of their own; ExcelJS is loaded later still, by the browser page,
 * only when a file is checked.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import type { AppProps } from "./App";
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

/** The panels, loaded after the first paint; the pane counts as ready (for the e2e) once they are on screen. */
const LazyApp = React.lazy(async () => {
  const { App } = await import(/* webpackChunkName: "app" */ "./App");
  function ReadyApp(props: AppProps): React.JSX.Element {
    React.useEffect(() => {
      window.__officeReady = true;
    }, []);
    return <App {...props} />;
  }
  return { default: ReadyApp };
});

/** What paints first: the pane's title, in the place and style App gives it. */
function FirstPaint(): React.JSX.Element {
  return (
    <main style={{ padding: "12px", minWidth: "280px", boxSizing: "border-box" }}>
      <h1 style={{ margin: 0, fontSize: "20px", fontWeight: 600 }}>绩效助手 · JX</h1>
    </main>
  );
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
          <React.Suspense fallback={<FirstPaint />}>
            <LazyApp host={host} />
          </React.Suspense>
        </StringsProvider>
      </FluentProvider>,
    );
  };
  render();
  media?.addEventListener?.("change", render);
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady((info) => start(info.host ?? null));
} else {
  // office.js did not load (e.g. the CDN is unreachable): still show the pane.
  start(null);
}

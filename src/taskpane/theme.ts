/** Theme choice: Office's theme when Office reports one, else the browser's colour scheme; followed while open. */
import * as React from "react";
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/** The part of Office.OfficeTheme we use (`isDarkTheme` is missing on older hosts). */
export interface OfficeThemeLike {
  readonly isDarkTheme?: boolean;
  readonly bodyBackgroundColor?: string;
}

/** Relative luminance of "#rrggbb" in [0, 1]; undefined when not a colour. */
function luminance(hex: string): number | undefined {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return undefined;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** True for a dark theme: Office's flag, then its background colour, then prefers-color-scheme. */
export function isDark(officeTheme: OfficeThemeLike | undefined, prefersDark: boolean): boolean {
  if (officeTheme) {
    if (typeof officeTheme.isDarkTheme === "boolean") return officeTheme.isDarkTheme;
    const l = officeTheme.bodyBackgroundColor ? luminance(officeTheme.bodyBackgroundColor) : undefined;
    if (l !== undefined) return l < 0.5;
  }
  return prefersDark;
}

export function pickTheme(officeTheme: OfficeThemeLike | undefined, prefersDark: boolean): Theme {
  return isDark(officeTheme, prefersDark) ? webDarkTheme : webLightTheme;
}

/** What of `Office` the theme watch reads (all optional: outside Office, or on hosts without them). */
interface OfficeThemeHost {
  readonly context?: {
    readonly officeTheme?: OfficeThemeLike;
    readonly mailbox?: EventSource;
    readonly document?: EventSource;
  };
  readonly EventType?: { readonly OfficeThemeChanged?: string };
}

interface EventSource {
  addHandlerAsync?(type: string, handler: (args: { officeTheme?: OfficeThemeLike }) => void, callback?: (r: { status: string }) => void): void;
  removeHandlerAsync?(type: string, options?: unknown, callback?: (r: { status: string }) => void): void;
}

function officeHost(): OfficeThemeHost | undefined {
  return typeof Office !== "undefined" ? (Office as unknown as OfficeThemeHost) : undefined;
}

/** Office's theme now (undefined outside Office, and where the host gives none, e.g. Excel on the web at times). */
export function currentOfficeTheme(): OfficeThemeLike | undefined {
  try {
    return officeHost()?.context?.officeTheme;
  } catch {
    return undefined;
  }
}

/** How often the theme is looked at again where no event says it changed. */
export const THEME_POLL_MS = 1500;

/**
 * Calls `onChange` when the pane's theme may have changed: Office's OfficeThemeChanged event where the host offers
 * it (documented for Outlook, Mailbox 1.14; registered on the mailbox, else on the document, and a host that refuses
 * it is simply not listened to), the browser's prefers-color-scheme, and, because Excel documents no theme event,
 * a light look at `Office.context.officeTheme` when the pane regains focus or becomes visible and every
 * THEME_POLL_MS. Returns the function that stops all of it.
 */
export function watchTheme(onChange: () => void, win: Window = window, pollMs: number = THEME_POLL_MS): () => void {
  const stops: (() => void)[] = [];
  const key = (): string => {
    const t = currentOfficeTheme();
    return t ? `${String(t.isDarkTheme)}|${t.bodyBackgroundColor ?? ""}` : "";
  };
  let last = key();
  const check = (): void => {
    const k = key();
    if (k !== last) {
      last = k;
      onChange();
    }
  };
  const media = win.matchMedia?.("(prefers-color-scheme: dark)");
  if (media?.addEventListener) {
    media.addEventListener("change", onChange);
    stops.push(() => media.removeEventListener("change", onChange));
  }
  const host = officeHost();
  const type = host?.EventType?.OfficeThemeChanged;
  const source = host?.context?.mailbox ?? host?.context?.document;
  if (type && source?.addHandlerAsync) {
    try {
      const handler = (): void => {
        last = key();
        onChange();
      };
      source.addHandlerAsync(type, handler, () => undefined);
      stops.push(() => {
        try {
          source.removeHandlerAsync?.(type, { handler }, () => undefined);
        } catch {
          // nothing to remove
        }
      });
    } catch {
      // the host does not raise this event: the focus and timer checks below still apply
    }
  }
  win.addEventListener("focus", check);
  win.document?.addEventListener?.("visibilitychange", check);
  const timer = win.setInterval(check, pollMs);
  stops.push(() => {
    win.removeEventListener("focus", check);
    win.document?.removeEventListener?.("visibilitychange", check);
    win.clearInterval(timer);
  });
  return () => stops.forEach((s) => s());
}

/** The pane's theme, following Office's theme (and the browser's colour scheme) while the pane is open. */
export function useFollowedTheme(): { readonly theme: Theme; readonly dark: boolean } {
  const read = (): boolean => isDark(currentOfficeTheme(), typeof window !== "undefined" && !!window.matchMedia?.("(prefers-color-scheme: dark)").matches);
  const [dark, setDark] = React.useState(read);
  React.useEffect(() => {
    setDark(read());
    return watchTheme(() => setDark(read()));
  }, []);
  return { theme: dark ? webDarkTheme : webLightTheme, dark };
}

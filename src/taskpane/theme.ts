/** Theme choice: Office's theme when Office reports one, else the browser's colour scheme. */
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

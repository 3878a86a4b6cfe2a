/**
 * The Office (not Excel) side: document settings, requirement sets, display language, theme. Outside Office
 * (the e2e's fake, a plain browser) these answer sensibly instead of throwing: settings live in memory,
 * requirement support is unknown (treated as supported), the language comes from the browser.
 */
import type { Settings } from "../domain/profiles";

/** What the pane saves with the document. */
export interface StoredSettings {
  /** "auto" | "national" | "sichuan" | "shanxi". */
  readonly profile: string;
  readonly settings: Settings;
  /** "Keep checking while I work": re-check a sheet shortly after it is edited. Off when absent. */
  readonly live?: boolean;
}

export const SETTINGS_KEY = "jx.settings";
const DEFAULT_SETTINGS: StoredSettings = { profile: "auto", settings: {} };

interface DocumentSettingsLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: string; error?: { message: string } }) => void): void;
}

function documentSettings(): DocumentSettingsLike | undefined {
  try {
    if (typeof Office === "undefined") return undefined;
    return (Office.context?.document?.settings as unknown as DocumentSettingsLike | undefined) ?? undefined;
  } catch {
    return undefined;
  }
}

let memory: StoredSettings = DEFAULT_SETTINGS;

function isStored(v: unknown): v is StoredSettings {
  return typeof v === "object" && v !== null && typeof (v as StoredSettings).profile === "string" && typeof (v as StoredSettings).settings === "object";
}

/** The settings saved with this document (defaults when none). */
export async function loadSettings(): Promise<StoredSettings> {
  const s = documentSettings();
  if (!s) return memory;
  const v = s.get(SETTINGS_KEY);
  return isStored(v) ? v : DEFAULT_SETTINGS;
}

/** Saves the settings into the document (Office.context.document.settings.saveAsync). */
export async function saveSettings(value: StoredSettings): Promise<void> {
  const s = documentSettings();
  if (!s) {
    memory = value;
    return;
  }
  s.set(SETTINGS_KEY, value);
  await new Promise<void>((resolve, reject) =>
    s.saveAsync((r) => (r.status === "succeeded" ? resolve() : reject(new Error(r.error?.message ?? "saveAsync failed")))),
  );
}

/** The ExcelApi version the pane needs for everything (merged areas: 1.13). */
export const NEEDED_EXCEL_API = "1.13";

/** True when the host supports ExcelApi `version`; true when Office cannot tell (outside Office). */
export function isExcelApiSupported(version: string = NEEDED_EXCEL_API): boolean {
  try {
    const req = typeof Office !== "undefined" ? Office.context?.requirements : undefined;
    if (!req || typeof req.isSetSupported !== "function") return true;
    return req.isSetSupported("ExcelApi", version);
  } catch {
    return true;
  }
}

/** Office's display language ("zh-CN", "en-US"), else the browser's. */
export function displayLanguage(): string | undefined {
  try {
    const l = typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined;
    if (l) return l;
  } catch {
    // fall through
  }
  return typeof navigator !== "undefined" ? navigator.language : undefined;
}

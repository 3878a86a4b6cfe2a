/**
 * "Keep checking while I work" (as Excel's Accessibility Checker offers): while on, every data change Excel reports
 * starts a timer; about a second after the last one, the changed sheet (only that sheet) is read again and the
 * engine re-runs. After a check of the whole workbook, the sheet's grid replaces its old one among the grids kept
 * from that check, so the verdict, the findings and the coverage are those of a full check of the workbook as it
 * now is, without reading the other sheets again (and, where exact, without re-checking them: recheck.ts). Without
 * one, the changed sheet is checked on its own.
 */
import * as React from "react";
import type { ChangeWatch, ExcelHostOps, StoredSettings } from "../../host";
import type { PaneEngine } from "../../engine/paneEngine";
import type { CheckResult } from "../CheckPanel/CheckPanel.types";

export { replaceGrid } from "./recheck";

/** Debounce after the last change, in ms. */
export const LIVE_DELAY_MS = 1000;

export interface LiveCheckOptions {
  readonly host: Pick<ExcelHostOps, "watchChanges" | "readSheet">;
  /** Where the checks run; after a check of the whole workbook it keeps the grids (the run named in the result). */
  readonly engine: PaneEngine;
  readonly enabled: boolean;
  readonly result: CheckResult | null;
  readonly settings: StoredSettings;
  /** A re-check's result, with the sheet re-read. */
  readonly onResult: (next: CheckResult, sheet: string) => void;
  readonly onError: (e: unknown) => void;
  readonly delayMs?: number;
}

/** True when the host can watch changes (a host without the operations does not offer the option). */
export function canWatch(host: Pick<ExcelHostOps, "watchChanges" | "readSheet">): boolean {
  return typeof host.watchChanges === "function" && typeof host.readSheet === "function";
}

export function useLiveCheck({ host, engine, enabled, result, settings, onResult, onError, delayMs = LIVE_DELAY_MS }: LiveCheckOptions): void {
  const latest = React.useRef({ result, settings, onResult, onError, engine });
  latest.current = { result, settings, onResult, onError, engine };

  React.useEffect(() => {
    const watchChanges = host.watchChanges;
    const readSheet = host.readSheet;
    if (!enabled || !watchChanges || !readSheet) return;
    let live = true;
    let watch: ChangeWatch | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const pending = new Set<string>();
    let chain: Promise<void> = Promise.resolve();

    const recheck = async (): Promise<void> => {
      const ids = [...pending];
      pending.clear();
      for (const id of ids) {
        const read = await readSheet(id);
        if (!live) return;
        if (!read.grid || read.own || read.sheet === undefined) continue;
        const { result: prev, settings: s, onResult: done, engine: e } = latest.current;
        const base = prev?.scope === "workbook" ? prev.run : undefined;
        const options = { profile: s.profile, settings: s.settings };
        // The engine puts the sheet's grid in place of its old one among those it kept from the workbook's check, and
        // re-runs only that sheet (the others' findings are kept) when that is exact (recheck.ts).
        const { run, check } = await e.check([read.grid], options, base !== undefined ? { base } : {});
        if (!live) return;
        const next: CheckResult = {
          check,
          read: { sheets: check.sheets.map((x) => x.sheet), syncs: read.syncs, active: read.sheet },
          scope: base !== undefined ? "workbook" : "active",
          run,
        };
        latest.current.result = next;
        done(next, read.sheet);
      }
    };

    watchChanges((change) => {
      if (!live) return;
      pending.add(change.worksheetId);
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        chain = chain.then(recheck).catch((e: unknown) => {
          if (live) latest.current.onError(e);
        });
      }, delayMs);
    })
      .then((w) => {
        if (live) watch = w;
        else void w.stop().catch(() => undefined);
      })
      .catch((e: unknown) => {
        if (live) latest.current.onError(e);
      });

    return () => {
      live = false;
      if (timer !== undefined) clearTimeout(timer);
      void watch?.stop().catch(() => undefined);
    };
  }, [host, enabled, delayMs]);
}

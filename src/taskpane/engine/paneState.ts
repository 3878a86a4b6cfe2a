/**
 * What the pane's engine keeps between checks, wherever it runs (the check worker, or the pane's own thread when no
 * worker can start): the grids of the last check and its full result, so that a live re-check of one sheet needs
 * only that sheet's grid (recheck.ts). The pane itself gets a PaneCheck: the report without the recognitions,
 * which point into the grids (handing them back would copy the whole workbook to the pane's thread).
 * Pure: no Office, no React, no DOM.
 */
import { checkWorkbook, type CheckOptions, type WorkbookCheck } from "../../domain/engine";
import type { Grid } from "../../domain/grid";
import { recheckSheet, replaceGrid } from "../components/ExcelPane/recheck";

/** A workbook check as the pane shows it: everything but the recognitions. */
export type PaneCheck = Omit<WorkbookCheck, "recognitions">;

/** A check's result for the pane, with the run that keeps its grids. */
export interface PaneRun {
  /** Identifies the kept grids: a live re-check names it as its base. */
  readonly run: number;
  readonly check: PaneCheck;
}

/** Thrown (and posted) when a re-check names a base the engine no longer keeps. */
export const STALE_BASE = "stale-base";

export function toPaneCheck(check: WorkbookCheck): PaneCheck {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { recognitions, ...rest } = check;
  return rest;
}

/** The engine's memory of the last check. */
export class PaneState {
  private kept: { readonly run: number; readonly grids: readonly Grid[]; readonly check: WorkbookCheck } | undefined;

  /**
   * Checks `grids` as run `run`. With `base`, `grids` is one re-read sheet of the workbook checked as run `base`:
   * it replaces that sheet's grid among the kept ones and only it is re-checked where that is exact (recheck.ts).
   */
  check(run: number, grids: readonly Grid[], options: CheckOptions, base?: number): PaneCheck {
    let all: readonly Grid[] = grids;
    let check: WorkbookCheck;
    if (base !== undefined) {
      const kept = this.kept;
      if (!kept || kept.run !== base || grids.length !== 1) throw new Error(STALE_BASE);
      all = replaceGrid(kept.grids, grids[0]);
      check = recheckSheet(kept.check, all, grids[0], options);
    } else check = checkWorkbook(grids, options);
    this.kept = { run, grids: all, check };
    return toPaneCheck(check);
  }
}

import type { CheckScope, ExcelHostOps, StoredSettings, WorkbookGrids } from "../../host";
import type { PaneEngine } from "../../engine/paneEngine";
import type { PaneCheck } from "../../engine/paneState";

/** A finished check: what the engine found and what was read. */
export interface CheckResult {
  readonly check: PaneCheck;
  readonly read: Pick<WorkbookGrids, "sheets" | "syncs" | "active" | "ignoredClaims">;
  readonly scope: CheckScope;
  /**
   * The engine's run that keeps the grids checked (in the worker, or wherever the engine runs), so that a live
   * re-check of one sheet re-runs the engine without reading the others.
   */
  readonly run?: number;
}

export interface CheckPanelProps {
  readonly host: Pick<ExcelHostOps, "readWorkbook" | "selectCell" | "writeReport" | "applyMarks" | "clearMarks">;
  /** Where the checks run (the check worker, or this thread when no worker can start). */
  readonly engine: PaneEngine;
  /** Profile and settings the engine uses. */
  readonly settings: StoredSettings;
  readonly result: CheckResult | null;
  readonly onResult: (r: CheckResult) => void;
  /** Told when the user marks the cells (true) or clears the marks (false): a live re-check then keeps them current. */
  readonly onMarksChange?: (on: boolean) => void;
  /** Shown under the buttons: that checking follows edits, and what was re-checked last. */
  readonly liveNote?: string;
}

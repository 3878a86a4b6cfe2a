import type { WorkbookCheck } from "../../../domain/engine";
import type { Grid } from "../../../domain/grid";
import type { CheckScope, ExcelHostOps, StoredSettings, WorkbookGrids } from "../../host";

/** A finished check: what the engine found and what was read. */
export interface CheckResult {
  readonly check: WorkbookCheck;
  readonly read: Pick<WorkbookGrids, "sheets" | "syncs" | "active" | "ignoredClaims">;
  readonly scope: CheckScope;
  /** The grids checked (kept so that a live re-check of one sheet re-runs the engine without reading the others). */
  readonly grids?: readonly Grid[];
}

export interface CheckPanelProps {
  readonly host: Pick<ExcelHostOps, "readWorkbook" | "selectCell" | "writeReport" | "applyMarks" | "clearMarks">;
  /** Profile and settings the engine uses. */
  readonly settings: StoredSettings;
  readonly result: CheckResult | null;
  readonly onResult: (r: CheckResult) => void;
  /** Told when the user marks the cells (true) or clears the marks (false): a live re-check then keeps them current. */
  readonly onMarksChange?: (on: boolean) => void;
  /** Shown under the buttons: that checking follows edits, and what was re-checked last. */
  readonly liveNote?: string;
}

import type { WorkbookCheck } from "../../../domain/engine";
import type { CheckScope, ExcelHostOps, StoredSettings, WorkbookGrids } from "../../host";

/** A finished check: what the engine found and what was read. */
export interface CheckResult {
  readonly check: WorkbookCheck;
  readonly read: Pick<WorkbookGrids, "sheets" | "syncs" | "active">;
  readonly scope: CheckScope;
}

export interface CheckPanelProps {
  readonly host: Pick<ExcelHostOps, "readWorkbook" | "selectCell" | "writeReport" | "applyMarks" | "clearMarks">;
  /** Profile and settings the engine uses. */
  readonly settings: StoredSettings;
  readonly result: CheckResult | null;
  readonly onResult: (r: CheckResult) => void;
}

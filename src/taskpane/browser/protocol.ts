/**
 * Messages between the page and its check worker (check.worker.ts), and between the Excel pane and the same worker
 * (the `pane-*` messages: the pane reads with Office.js on its own thread and hands each batch over packed as it
 * arrives, or a re-read sheet's grid in slices, and the worker checks them and keeps them for a live re-check;
 * src/taskpane/engine/).
 */
import type { CheckOptions } from "../../domain/engine";
import type { Area, CellValue } from "../../domain/grid";
import type { BudgetItem, TargetItem } from "../../domain/coverage";
import type { Issue } from "../../domain/issues";
import type { PaneCheck } from "../engine/paneState";
import type { PackedRows } from "../../excel/packed";
import type { StreamedGrid } from "../../excel/workbook";
import type { BatchProgress, PageOutcome } from "./pageBatch";

/** A file handed to the worker: the File itself (structured-cloned, read in the worker) or why it cannot be read. */
export interface WorkerInput {
  readonly name: string;
  readonly explicit: boolean;
  readonly file?: File;
  readonly problem?: { readonly message: string; readonly messageEn: string };
}

/** The shape of one sheet for the preview. */
export interface SheetShape {
  /** 0-based sheet row and column of the grid's first cell. */
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly cols: number;
  readonly merges: readonly Area[];
}

/** A grid handed to the worker, its rows to follow in `pane-rows` slices. */
export interface GridHead {
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly merges?: readonly Area[];
  /** True when number formats come with the rows. */
  readonly formats: boolean;
}

/** The large lists of a pane check, sent back in slices before the rest of it. */
export interface PaneParts {
  readonly issues?: readonly Issue[];
  readonly targets?: readonly TargetItem[];
  readonly budget?: readonly BudgetItem[];
}

export type ToWorker =
  | { readonly type: "check"; readonly inputs: readonly WorkerInput[]; readonly budget?: string }
  | { readonly type: "sheet"; readonly file: number; readonly sheet: number }
  | { readonly type: "rows"; readonly file: number; readonly sheet: number; readonly block: number }
  | { readonly type: "report" }
  | { readonly type: "pane-grids"; readonly run: number; readonly heads: readonly GridHead[] }
  | { readonly type: "pane-rows"; readonly run: number; readonly grid: number; readonly values: readonly (readonly CellValue[])[]; readonly formats?: readonly (readonly (string | null)[])[] }
  | { readonly type: "pane-check"; readonly run: number; readonly options: CheckOptions; readonly base?: number; readonly streamed?: readonly StreamedGrid[] }
  // A check whose rows come while the pane reads (pane-packed, each batch as it arrives); pane-check names its grids.
  | { readonly type: "pane-open"; readonly run: number }
  | { readonly type: "pane-packed"; readonly run: number; readonly source: number; readonly rows: PackedRows }
  | { readonly type: "pane-drop"; readonly run: number }
  // The pane has read a pane-part: the next one may come (one at a time, so the pane's other tasks run between them).
  | { readonly type: "pane-next"; readonly run: number };

export type FromWorker =
  | { readonly type: "progress"; readonly progress: BatchProgress }
  | { readonly type: "done"; readonly outcome: PageOutcome }
  | { readonly type: "failed"; readonly message: string }
  | { readonly type: "sheet"; readonly file: number; readonly sheet: number; readonly shape: SheetShape }
  | { readonly type: "rows"; readonly file: number; readonly sheet: number; readonly block: number; readonly rows: readonly (readonly string[])[] }
  | { readonly type: "report"; readonly bytes: Uint8Array }
  | { readonly type: "report-failed"; readonly message: string }
  | { readonly type: "pane-opened"; readonly run: number }
  | { readonly type: "pane-part"; readonly run: number; readonly parts: PaneParts }
  | { readonly type: "pane-done"; readonly run: number; readonly check: PaneCheck }
  | { readonly type: "pane-failed"; readonly run: number; readonly message: string };

/** Rows per block the preview asks for. */
export const ROW_BLOCK = 100;

/** Messages between the page and its check worker (check.worker.ts). */
import type { Area } from "../../domain/grid";
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

export type ToWorker =
  | { readonly type: "check"; readonly inputs: readonly WorkerInput[]; readonly budget?: string }
  | { readonly type: "sheet"; readonly file: number; readonly sheet: number }
  | { readonly type: "rows"; readonly file: number; readonly sheet: number; readonly block: number }
  | { readonly type: "report" };

export type FromWorker =
  | { readonly type: "progress"; readonly progress: BatchProgress }
  | { readonly type: "done"; readonly outcome: PageOutcome }
  | { readonly type: "failed"; readonly message: string }
  | { readonly type: "sheet"; readonly file: number; readonly sheet: number; readonly shape: SheetShape }
  | { readonly type: "rows"; readonly file: number; readonly sheet: number; readonly block: number; readonly rows: readonly (readonly string[])[] }
  | { readonly type: "report"; readonly bytes: Uint8Array }
  | { readonly type: "report-failed"; readonly message: string };

/** Rows per block the preview asks for. */
export const ROW_BLOCK = 100;

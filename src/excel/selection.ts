/**
 * Reading the user's selection. One Excel.run, one context.sync, whatever the selection's size:
 * only the used part of the selection is read, so selecting whole columns stays cheap.
 */
import type { CellValue } from "../domain/grid";
import { fromExcelValues } from "./values";

/** Values of the selection, with the address they came from. */
export interface SelectionValues {
  /** Address of the cells in `values`, with the sheet prefix ("Sheet1!A1:A5"); the selection itself when it is empty. */
  readonly address: string;
  /** Row-major values; empty when nothing in the selection holds a value. */
  readonly values: CellValue[][];
  /** Number formats parallel to `values` ("0.00%", "General"). */
  readonly numberFormats: string[][];
}

/** Reads the used part of the selected range in exactly one context.sync. */
export async function readSelectionValues(): Promise<SelectionValues> {
  return Excel.run(async (context) => {
    const selected = context.workbook.getSelectedRange();
    const used = selected.getUsedRangeOrNullObject(true);
    selected.load("address");
    used.load("address,values,numberFormat");
    await context.sync();
    if (used.isNullObject) return { address: selected.address, values: [], numberFormats: [] };
    return {
      address: used.address,
      values: fromExcelValues(used.values),
      numberFormats: used.numberFormat.map((row) => row.map((f) => (f == null ? "General" : String(f)))),
    };
  });
}

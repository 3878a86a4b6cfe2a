/** Taking the user to a cell: activate its sheet, select it (Excel scrolls to the selection). One sync. */

/** Selects `cell` ("B12" or "B12:C14") on `sheet`. */
export async function selectCell(sheet: string, cell: string): Promise<void> {
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await context.sync();
  });
}

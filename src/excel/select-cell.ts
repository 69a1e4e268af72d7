// Goes to a finding's cell: activates its sheet and selects the cell.

import { PlainError, type CellTarget } from "./gateway";
import { countedSync, runExcel } from "./run";

/** Activates the sheet and selects the cell; a missing or hidden sheet is said so in plain words. */
export async function selectCell(target: CellTarget): Promise<void> {
  await runExcel(`going to ${target.sheet}!${target.address}`, async (context) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(target.sheet).load("visibility");
    await countedSync(context, "select: find sheet");
    if (ws.isNullObject) {
      throw new PlainError(
        `The sheet "${target.sheet}" is no longer in the workbook. Run the check again.`,
        "ItemNotFound",
      );
    }
    if (ws.visibility !== "Visible") {
      throw new PlainError(
        `The sheet "${target.sheet}" is hidden. Unhide it (right-click a sheet tab, Unhide), then try again.`,
      );
    }
    ws.activate();
    ws.getRange(target.address).select();
    await countedSync(context, "select: go to cell");
  });
}

// A sync that names the sheets it needed when Excel answers that one is gone (ItemNotFound): the meeting's
// writer uses it, so it loads with that writer, not with the Check view.

import { ErrorCode, officeErrorCode, quotedList, toPlainError } from "./errors";
import { PlainError } from "./gateway";

/**
 * Runs `sync`; when Excel answers that a sheet is not there (ItemNotFound), finds which of `sheets` went
 * (one more sync) and says so by name: "The sheet "Update Log" is no longer in the workbook (renamed or
 * deleted?), so nothing was written." Other failures pass through unchanged.
 */
export async function rethrowNamingMissingSheets(
  context: Excel.RequestContext,
  sheets: readonly string[],
  outcome: string,
  sync: () => Promise<void>,
): Promise<void> {
  try {
    await sync();
  } catch (error) {
    if (officeErrorCode(error) !== ErrorCode.itemNotFound) throw error;
    throw await missingSheetsError(context, sheets, outcome, error);
  }
}

/** The PlainError naming which of `sheets` the workbook no longer has (the generic one when all are there). */
export async function missingSheetsError(
  context: Excel.RequestContext,
  sheets: readonly string[],
  outcome: string,
  cause: unknown,
): Promise<PlainError> {
  const present = context.workbook.worksheets.load("items/name");
  try {
    await context.sync();
  } catch {
    return toPlainError(cause, "finding the sheets");
  }
  const names = new Set(present.items.map((w) => w.name.toLowerCase()));
  const missing = sheets.filter((s) => !names.has(s.toLowerCase()));
  if (missing.length === 0) return toPlainError(cause, "finding the sheets");
  const one = missing.length === 1;
  return new PlainError(
    `The ${one ? "sheet" : "sheets"} ${quotedList(missing)} ${one ? "is" : "are"} no longer in the workbook (renamed or deleted?), so ${outcome}. Put ${one ? "it" : "them"} back, or check again, then retry.`,
    ErrorCode.itemNotFound,
  );
}

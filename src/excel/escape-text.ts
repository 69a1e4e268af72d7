// The formula-safety escape for the adapter: the one shared pair lives in core, so every writer and the
// import's comparison agree on what is escaped. Text also goes through core's writable-text rule, so the
// task pane stores what the command line stores (U+FFFE/U+FFFF, which no workbook can hold, as U+FFFD).

import { escapeCellText as escapeFormula } from "../core/model/formula-safety";
import { holdableText } from "../core/model/writable-text";

export { needsEscape, unescapeCellText } from "../core/model/formula-safety";

/** The value to put in Excel's `range.values` so that Excel stores `text` as text, as the file writer would. */
export function escapeCellText(text: string): string {
  return escapeFormula(holdableText(text));
}

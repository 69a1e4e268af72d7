// What the import's preview says of itself, once for the screen (PreviewStep) and the live region (useImport):
// whether it writes anything, why not, and how many notes it carries.

import { countOf } from "../../core/list-words";
import type { ImportPlan } from "../../core/merge/types";

/**
 * True when the export holds values the register has no column for (a field kept month by month with no
 * column for the import's month): they are held back, so a preview writing nothing does not mean the register
 * already matches the export.
 */
export function valuesHeldBack(plan: Pick<ImportPlan, "risks" | "actions">): boolean {
  return [plan.risks, plan.actions].some((x) => x?.notCarried.some((n) => n.records?.length));
}

/** The preview's opening when it writes nothing because values were held back (see valuesHeldBack). */
export const NOTHING_WRITTEN_HELD_BACK =
  "Nothing will be written: the register has no column for some of the export's values, as said below.";

/**
 * What the live region says once the preview is shown: what it would write, or why nothing, as the step's
 * opening says; then how many notes it carries (its warnings, shown before Apply), so a keyboard user does
 * not pass them unheard.
 */
export function previewAnnouncement(
  plan: Pick<ImportPlan, "risks" | "actions" | "cellCount" | "warnings">,
): string {
  const none = plan.cellCount === 0;
  const opening = !none
    ? `The import would write ${countOf(plan.cellCount, "cell")}.`
    : valuesHeldBack(plan)
      ? NOTHING_WRITTEN_HELD_BACK
      : "No changes: nothing will be written.";
  return [opening, previewNotesSentence(plan)].filter(Boolean).join(" ");
}

/** "2 notes to read before applying." ("" for none; without "before applying" where nothing would be written). */
function previewNotesSentence(plan: Pick<ImportPlan, "cellCount" | "warnings">): string {
  const n = plan.warnings.length;
  if (n === 0) return "";
  return `${countOf(n, "note")} to read${plan.cellCount === 0 ? "" : " before applying"}.`;
}

// Freezes an owned tab's header row and sets it up for printing (A4 landscape, one page wide, header
// row on every page, the protective marking in the page header of every page), after its cells are
// written and in a sync of its own, so Excel refusing any of it costs a warning, never the tab.
//
// Why apart: page layout and freeze panes have failed on some hosts and on hidden sheets (unfreeze on a
// hidden sheet has thrown in some builds), and fit-to-pages has been reported as not applied on some
// hosts; none of that is worth losing the tab's data for. The hidden Settings sheet gets neither: no
// one prints or scrolls it. Page layout, headers and footers are ExcelApi 1.9
// (Worksheet.pageLayout, PageLayout.headersFooters.defaultForAllPages).

import type { OwnedTab } from "../core/model/owned-tab";
import { optionalSync, supportsExcelApi } from "./run";

/** One piece of set-up: what it queues, and what the officer is told when Excel refuses it. */
interface LayoutStep {
  queue(ws: Excel.Worksheet): void;
  warning: string;
}

/**
 * An Excel page-header section shows "&" codes (&P page number, &D date…): a literal ampersand is "&&".
 * Header text is also limited to 255 characters in all.
 */
export function pageHeaderText(text: string): string {
  return text.replace(/&/g, "&&").slice(0, 250);
}

function steps(tab: OwnedTab): LayoutStep[] {
  const f = tab.format;
  const out: LayoutStep[] = [];
  const freezeRows = f.freezeBelowRow === null ? 0 : f.freezeBelowRow + 1;
  out.push({
    // A rewrite may follow a layout with frozen rows: unfreeze when this one has none.
    queue: (ws) => (freezeRows > 0 ? ws.freezePanes.freezeRows(freezeRows) : ws.freezePanes.unfreeze()),
    warning:
      "Excel did not freeze the header row on this tab; the data is all there. Use View › Freeze Panes if you need it.",
  });
  if (supportsExcelApi("1.9")) {
    const header = f.headerRows.length > 0 ? Math.min(...f.headerRows) + 1 : null;
    out.push({
      queue: (ws) => {
        const layout = ws.pageLayout;
        layout.orientation = "Landscape";
        layout.paperSize = "A4";
        layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
        if (header !== null) layout.setPrintTitleRows(`$${header}:$${header}`);
        // Every page of the tab: the default header applies to all pages unless the sheet asks otherwise.
        layout.headersFooters.defaultForAllPages.centerHeader = f.pageHeader
          ? pageHeaderText(f.pageHeader)
          : "";
      },
      warning: f.pageHeader
        ? `Excel did not set this tab up for printing (A4 landscape, the header row and "${f.pageHeader}" on every page); the data is all there. Set them in Page Layout before you print it.`
        : "Excel did not set this tab up for printing (A4 landscape, the header row on every page); the data is all there. Set them in Page Layout before you print it.",
    });
  }
  return out;
}

/**
 * Queues the freeze and the print set-up of sheet `sheetName` and syncs them together; when Excel refuses
 * that sync, tries each again on its own so one refusal does not cost the other.
 * @returns the warnings for what Excel would not do (empty when all was set).
 */
export async function layoutTab(
  context: Excel.RequestContext,
  sheetName: string,
  tab: OwnedTab,
): Promise<string[]> {
  if (tab.kind === "settings") return [];
  const all = steps(tab);
  const run = (some: LayoutStep[], label: string): Promise<boolean> =>
    optionalSync(context, sheetName, label, (ws) => {
      for (const step of some) step.queue(ws);
    });
  if (await run(all, `layout: ${sheetName}`)) return [];
  const warnings: string[] = [];
  for (const step of all) {
    if (all.length === 1 || !(await run([step], `layout: ${sheetName} (one step)`)))
      warnings.push(step.warning);
  }
  return warnings;
}

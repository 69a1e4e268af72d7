// Marks flagged cells with one conditional format per sheet (over getRanges areas), so the officers'
// own fills and formats are never changed, and finds them again by their formula alone.
//
// Nothing is kept outside the sheets: custom XML parts have been reported not to persist on Excel for
// Mac and to break undo on Windows, and a list of addresses goes stale as soon as rows are inserted.
// A conditional format travels with its cells, and `MARK_FORMULA` (which no person would write) tells
// ours from the officers' own, so "Remove marks" works after the file is reopened on any host, after
// rows were inserted above a mark and after a sheet was renamed or copied.

import { PlainError, type CellTarget } from "./gateway";
import { ErrorCode, protectedSheetsMessage } from "./errors";
import { countedSync, runExcel } from "./run";

/** A formula that is always true and that no person would write: it is how our formats are recognised. */
export const MARK_FORMULA = '=ISTEXT("crr-mark")';
/** A fill unlike the RAG colours, so a mark is not read as a rating. */
export const MARK_FILL = "#F8CBAD";
/**
 * The mark's font: dark on its light fill (about 12:1), set outright because Excel's dark mode draws an
 * Automatic font light, which on this fill would be unreadable.
 */
export const MARK_FONT = "#1F1F1F";
/** Longest address list given to one getRanges() call. */
const MAX_AREAS_ADDRESS = 1500;

/** sheet name → address lists ("A2,K9", …). */
type MarkAreas = Map<string, string[]>;

/** Groups targets by sheet into address lists short enough for getRanges(). */
export function groupTargets(targets: readonly CellTarget[]): MarkAreas {
  const bySheet = new Map<string, Set<string>>();
  for (const t of targets) {
    const set = bySheet.get(t.sheet) ?? new Set<string>();
    set.add(t.address.replace(/\$/g, "").toUpperCase());
    bySheet.set(t.sheet, set);
  }
  const record: MarkAreas = new Map();
  for (const [sheet, addresses] of bySheet) {
    const lists: string[] = [];
    let current = "";
    for (const a of addresses) {
      if (current && current.length + a.length + 1 > MAX_AREAS_ADDRESS) {
        lists.push(current);
        current = "";
      }
      current = current ? `${current},${a}` : a;
    }
    if (current) lists.push(current);
    record.set(sheet, lists);
  }
  return record;
}

/** True for our formula however the host gives it back (spacing, case, with or without the "="). */
export function isMarkFormula(formula: unknown): boolean {
  if (typeof formula !== "string") return false;
  const norm = (f: string) => f.replace(/\s+/g, "").replace(/^=/, "").toUpperCase();
  return norm(formula) === norm(MARK_FORMULA);
}

/**
 * Queues the removal of every mark in the workbook (our conditional formats, found by formula in each
 * sheet's own formats), leaving every other conditional format. Three syncs find them; the deletions are
 * left queued for the caller's next sync. A protected sheet refuses both a deletion and a new mark, so
 * when one holds our marks or one of `toMark` (sheet names), nothing is queued and the officer is told
 * which (`outcome`, `retry`: see protectedSheetsMessage).
 * @returns the names of the sheets that exist (so a caller can add new marks in the same sync).
 */
async function queueClearMarks(
  context: Excel.RequestContext,
  toMark: ReadonlySet<string>,
  outcome: string,
  retry: string,
): Promise<Set<string>> {
  const worksheets = context.workbook.worksheets.load("items/name");
  await countedSync(context, "marks: sheets");
  // Range.conditionalFormats (ExcelApi 1.6) lists the formats that intersect the range: the whole sheet's.
  const collections = worksheets.items.map((ws) =>
    ws.getRange().conditionalFormats.load("items/type,items/id"),
  );
  // ExcelApi 1.2: read with the formats, so a protected sheet is found before anything is queued.
  const protections = worksheets.items.map((ws) => ws.protection.load("protected"));
  if (collections.length > 0) await countedSync(context, "marks: conditional formats");
  const custom = collections.map((c) => c.items.filter((cf) => cf.type === "Custom"));
  const rules = custom.map((list) => list.map((cf) => cf.custom.rule.load("formula")));
  if (custom.some((list) => list.length > 0)) await countedSync(context, "marks: formulas");
  const ours = custom.map((list, s) => list.filter((_, i) => isMarkFormula(rules[s][i].formula)));
  const locked = worksheets.items
    .filter((ws, s) => protections[s].protected && (ours[s].length > 0 || toMark.has(ws.name)))
    .map((ws) => ws.name);
  if (locked.length > 0)
    throw new PlainError(protectedSheetsMessage(locked, outcome, retry), ErrorCode.accessDenied);
  for (const list of ours) for (const cf of list) cf.delete();
  return new Set(worksheets.items.map((ws) => ws.name));
}

/**
 * Marks each target cell (replacing the previous marks): one conditional format per sheet over the
 * cells' areas, with a fill unlike the RAG colours. Targets on sheets that no longer exist are skipped.
 */
export async function markCells(targets: readonly CellTarget[]): Promise<void> {
  await runExcel("marking the flagged cells", async (context) => {
    const sheets = new Set(targets.map((t) => t.sheet));
    const existing = await queueClearMarks(context, sheets, "no cells were marked", "mark them again");
    const areas = groupTargets(targets.filter((t) => existing.has(t.sheet)));
    for (const [sheet, lists] of areas) {
      const ws = context.workbook.worksheets.getItem(sheet);
      for (const list of lists) {
        const cf = ws.getRanges(list).conditionalFormats.add("Custom");
        cf.custom.rule.formula = MARK_FORMULA;
        cf.custom.format.fill.color = MARK_FILL;
        cf.custom.format.font.color = MARK_FONT;
      }
    }
    await countedSync(context, "marks: write");
  });
}

/** Removes the marks this add-in made, and only those. */
export async function clearMarks(): Promise<void> {
  await runExcel("removing the marks", async (context) => {
    await queueClearMarks(context, new Set(), "no marks were removed", "remove them again");
    await countedSync(context, "marks: remove");
  });
}

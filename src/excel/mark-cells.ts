// Marks flagged cells with one conditional format per sheet (over getRanges areas), so the officers'
// own fills and formats are never changed, and remembers the areas in a workbook custom XML part so
// clearMarks removes exactly the add-in's formats and nothing else.

import type { CellTarget } from "./gateway";
import { countedSync, runExcel } from "./run";

/** Namespace of the custom XML part that records the marked areas. */
export const MARKS_NAMESPACE = "urn:contract-risk-review:marks";
/** A formula that is always true and that no person would write: it is how our formats are recognised. */
export const MARK_FORMULA = '=ISTEXT("crr-mark")';
/** A fill unlike the RAG colours, so a mark is not read as a rating. */
export const MARK_FILL = "#F8CBAD";
/** Longest address list given to one getRanges() call. */
const MAX_AREAS_ADDRESS = 1500;

/** sheet name → address lists ("A2,K9", …). */
type MarkRecord = Map<string, string[]>;

function escapeXml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}
function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The record as XML: one <sheet> per address list. */
export function marksToXml(record: MarkRecord): string {
  const sheets = [...record].flatMap(([sheet, lists]) =>
    lists.map((l) => `<sheet name="${escapeXml(sheet)}">${escapeXml(l)}</sheet>`),
  );
  return `<marks xmlns="${MARKS_NAMESPACE}">${sheets.join("")}</marks>`;
}

/** Reads marksToXml's output back (anything else in the part is ignored). */
export function marksFromXml(xml: string): MarkRecord {
  const record: MarkRecord = new Map();
  for (const m of xml.matchAll(/<sheet name="([^"]*)">([^<]*)<\/sheet>/g)) {
    const sheet = unescapeXml(m[1]);
    record.set(sheet, [...(record.get(sheet) ?? []), unescapeXml(m[2])]);
  }
  return record;
}

/** Groups targets by sheet into address lists short enough for getRanges(). */
export function groupTargets(targets: readonly CellTarget[]): MarkRecord {
  const bySheet = new Map<string, Set<string>>();
  for (const t of targets) {
    const set = bySheet.get(t.sheet) ?? new Set<string>();
    set.add(t.address.replace(/\$/g, "").toUpperCase());
    bySheet.set(t.sheet, set);
  }
  const record: MarkRecord = new Map();
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

function isMarkFormula(formula: unknown): boolean {
  return (
    typeof formula === "string" && formula.replace(/\s+/g, "").toUpperCase() === MARK_FORMULA.toUpperCase()
  );
}

/**
 * Queues the removal of the marks recorded in the workbook (our conditional formats and the XML
 * part), leaving any other conditional format on those cells. Needs three syncs to find them; the
 * deletions themselves are left queued for the caller's next sync.
 * @returns the names of the sheets that exist (so a caller can add new marks in the same sync).
 */
async function queueClearMarks(context: Excel.RequestContext): Promise<Set<string>> {
  const parts = context.workbook.customXmlParts.getByNamespace(MARKS_NAMESPACE).load("items/id");
  const worksheets = context.workbook.worksheets.load("items/name");
  await countedSync(context, "marks: record and sheets");
  const sheets = new Map(worksheets.items.map((ws) => [ws.name, ws]));
  const xmls = parts.items.map((p) => p.getXml());
  if (xmls.length === 0) return new Set(sheets.keys());
  await countedSync(context, "marks: read record");

  const collections: Excel.ConditionalFormatCollection[] = [];
  for (const xml of xmls) {
    for (const [sheet, lists] of marksFromXml(xml.value)) {
      const ws = sheets.get(sheet);
      if (!ws) continue; // the sheet was renamed or deleted, and its formats with it
      for (const list of lists)
        collections.push(ws.getRanges(list).conditionalFormats.load("items/type,items/id"));
    }
  }
  if (collections.length > 0) {
    await countedSync(context, "marks: find formats");
    const custom = collections.flatMap((c) => c.items.filter((cf) => cf.type === "Custom"));
    const rules = custom.map((cf) => cf.custom.rule.load("formula"));
    if (rules.length > 0) {
      await countedSync(context, "marks: read formulas");
      const seen = new Set<string>();
      custom.forEach((cf, i) => {
        // The same format shows up in several collections when its areas were listed apart.
        if (!isMarkFormula(rules[i].formula) || seen.has(String(cf.id))) return;
        seen.add(String(cf.id));
        cf.delete();
      });
    }
  }
  for (const p of parts.items) p.delete();
  return new Set(sheets.keys());
}

/**
 * Marks each target cell (replacing the previous marks): one conditional format per sheet over the
 * cells' areas, with a fill unlike the RAG colours. Targets on sheets that no longer exist are skipped.
 */
export async function markCells(targets: readonly CellTarget[]): Promise<void> {
  await runExcel("marking the flagged cells", async (context) => {
    const existing = await queueClearMarks(context);
    const record = groupTargets(targets.filter((t) => existing.has(t.sheet)));
    for (const [sheet, lists] of record) {
      const ws = context.workbook.worksheets.getItem(sheet);
      for (const list of lists) {
        const cf = ws.getRanges(list).conditionalFormats.add("Custom");
        cf.custom.rule.formula = MARK_FORMULA;
        cf.custom.format.fill.color = MARK_FILL;
      }
    }
    if (record.size > 0) context.workbook.customXmlParts.add(marksToXml(record));
    await countedSync(context, "marks: write");
  });
}

/** Removes the marks this add-in made, and only those. */
export async function clearMarks(): Promise<void> {
  await runExcel("removing the marks", async (context) => {
    await queueClearMarks(context);
    await countedSync(context, "marks: remove");
  });
}

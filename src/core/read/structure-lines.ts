// What the reader made of a table's own structure, in plain lines: the task pane's sheet list and the
// command line's text output say the same words.

import { columnLetter } from "../address/a1";
import { fieldLabel } from "../model/field-labels";
import { formulasWithoutResultsLines } from "./formula-results";
import type { MergesUnread } from "../model/grid";
import {
  hasCheckableSheet,
  type MonthColumnsInfo,
  type RegisterHolds,
  type SheetInfo,
} from "../model/sheet-info";

const ASIDE_REASON = {
  heading: "section heading",
  totals: "totals row",
  footer: "page footer",
  key: "colour key",
  summary: "count of risks by RAG",
  "sign-off": "sign-off or review note",
  "no date": "no date the history can read",
  "no risk id": "no risk id",
  "after the as-at date": "dated after the as-at date, not read yet",
} as const;

/** What the sheet list says of a register that holds closed risks or opportunities (its name says so). */
const HOLDS_LINE: Record<RegisterHolds, string> = {
  "closed-risks":
    "Read as closed risks, as its name says: every risk on it is closed whatever its Status, and it is not a register the risk stands on today.",
  opportunities:
    "Read as opportunities, as its name says: not escalated and not held to the risk appetite (an opportunity's score is upside).",
};

/** Rows named in a "Not taken for records" line at the most; the rest are counted. */
const ASIDE_NAMED = 10;

/** Said when Excel could not list a sheet's merged cells because it has too many. */
export const MERGES_UNREAD_NOTE =
  "Excel could not list this sheet's merged cells (it has too many), so it was read without them: a merged cell's value counts for its top-left cell only.";

/** Said when this version of Excel cannot list merged cells at all (below ExcelApi 1.13). */
export const MERGES_UNREAD_OLD_EXCEL_NOTE =
  "This version of Excel cannot list merged cells, so this sheet was read without them: a merged cell's value counts for its top-left cell only. Excel on the web or an up-to-date Microsoft 365 reads them.";

/** The note for a sheet read without its merged cells, by why (the pane's sheet list and the command line's text). */
export function mergesUnreadNote(reason: MergesUnread): string {
  return reason === "old-excel" ? MERGES_UNREAD_OLD_EXCEL_NOTE : MERGES_UNREAD_NOTE;
}

/**
 * What the sheet list says of a field kept month by month, in the pane's words for it: "Latest update, by month:
 * Apr-22 (I) … Sep-22 (N), each row read from its latest filled month" (on an Update Log kept in wide form,
 * each filled month an update), naming the months after the as-at date that are not read yet.
 */
function monthColumnsLine(m: MonthColumnsInfo, kind: SheetInfo["kind"]): string {
  const shown = (x: { letter: string; month: string }) => `${x.month} (${x.letter})`;
  const { months, read } = m;
  const span =
    months.length > 2
      ? `${shown(months[0])} … ${shown(months[months.length - 1])}`
      : months.map(shown).join(", ");
  const unread = months.length - read;
  const later =
    unread === 0
      ? ""
      : unread === 1
        ? `; ${months[read].month}, after the as-at date, not read yet`
        : `; ${months[read].month} on, after the as-at date, not read yet`;
  // An Update Log kept a column a month: every filled month is an update (see readsAsWideLog).
  if (kind === "update-log")
    return `Updates, a column a month: ${span}, each filled month an update of its row's risk, dated the month's first day${later}.`;
  return `${fieldLabel(m.field)}, by month: ${span}, each row read from its latest filled month up to the as-at date${later}.`;
}

/** Said of a register, actions sheet or plan whose rows under the header were all set aside. */
export const NOTHING_READ_LINE =
  "No records were read from this sheet, though rows stand under its header: each was set aside as listed. If any of them is a risk or an action, the sheet was misread and nothing on it was checked.";

/**
 * True for a sheet whose records the check reads (a register, actions sheet or plan) that gave none while
 * rows under its header were set aside: a colour key, sign-off or heading rule took every row, which is
 * never to pass silently as "No findings".
 */
function readsNothing(sheet: SheetInfo): boolean {
  return sheet.recordCount === 0 && (sheet.setAside?.length ?? 0) > 0 && hasCheckableSheet([sheet]);
}

/**
 * One plain line each: what a register holds besides live risks, sections found (those of closed risks
 * said so), rows not taken for records (and why, and that no record was read when every row was set
 * aside), fields kept month by month, date columns read month
 * first, formulas saved without their results. Empty when there is nothing to say.
 */
export function structureLines(sheet: SheetInfo): string[] {
  const lines: string[] = [];
  if (sheet.holds) lines.push(HOLDS_LINE[sheet.holds]);
  if (sheet.sections?.length)
    lines.push(
      `Sections: ${sheet.sections
        .map((x) => `${x.text} (row ${x.row + 1}${x.closed ? "; its risks read as closed" : ""})`)
        .join("; ")}.`,
    );
  if (sheet.setAside?.length) {
    const named = sheet.setAside
      .slice(0, ASIDE_NAMED)
      .map((x) => `row ${x.row + 1} (${ASIDE_REASON[x.reason]})`);
    const more = sheet.setAside.length - named.length;
    lines.push(`Not taken for records: ${named.join(", ")}${more > 0 ? ` and ${more} more` : ""}.`);
    if (readsNothing(sheet)) lines.push(NOTHING_READ_LINE);
  }
  for (const m of sheet.monthColumns ?? []) lines.push(monthColumnsLine(m, sheet.kind));
  if (sheet.monthFirstColumns?.length) {
    const named = sheet.monthFirstColumns.map((letter) => {
      const header = sheet.columns.find((c) => columnLetter(c.col) === letter)?.header;
      return header ? `${letter} (${header})` : letter;
    });
    lines.push(
      `Read month first: ${named.join(", ")}, where a date can only be month first (such as 09/30/2022).`,
    );
  }
  lines.push(...formulasWithoutResultsLines(sheet));
  return lines;
}

// What a register-shaped table holds besides live risks, told once per sheet (its name, its headers) or
// once per section heading: closed risks (a "Closed Risks" sheet, an "Archive", rows under a "CLOSED RISKS"
// heading), opportunities (an "Opportunities" sheet), or issues (an Issues Log, which is no register).

import { namesDatedCopy } from "../history/backups";
import { headerWords } from "./header-words";
import type { SheetLayout } from "./detect-sheet";
import type { RegisterHolds } from "../model/sheet-info";

/** Words that say the risks are closed: "Closed Risks", "Archive", "Archived risks", "Retired risks". */
const CLOSED_WORDS: ReadonlySet<string> = new Set(["closed", "archive", "archived", "retired"]);

/**
 * Words that say some risks are live, or are not closed yet: "Risk Register (Closed & Open)", "Risks to be
 * closed", "Not closed", "Reopened risks", "Proposed for closure".
 */
const NOT_CLOSED_WORDS: ReadonlySet<string> = new Set([
  "open",
  "opened",
  "reopened",
  "live",
  "active",
  "current",
  "not",
  "be",
  "pending",
  "awaiting",
  "proposed",
]);

/** "Risk" as headerWords gives it (singular). */
const RISK_WORD = "risk";

/**
 * Words that say nothing about what a heading holds besides when and how it was closed: "Risks closed
 * 2022-23", "Closed and de-escalated risks", "Closed risks log", "Closed this year".
 */
const FILLER_WORDS: ReadonlySet<string> = new Set([
  RISK_WORD,
  "register",
  "log",
  "list",
  "sheet",
  "tab",
  "to",
  "date",
  "from",
  "since",
  "during",
  "this",
  "last",
  "previou",
  "prior",
  "year",
  "fy",
  "quarter",
  "q",
  "de",
  "escalated",
  "deescalated",
  "merged",
  "superseded",
  "transferred",
]);

/** A month's name or its short form (headerWords' lower case, singular): "Sept", "March". */
const MONTH_WORD =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/;

/** True for a word that only dates a heading: a number (a year, "2022-23"), a month. */
const isDateWord = (w: string): boolean => /^\d+$/.test(w) || MONTH_WORD.test(w);

/**
 * Words that, after a closed word, say the closed risks were taken off ("Risks (closed ones removed)",
 * "Risks (archived ones excluded)", "taken out"), unless "from" follows ("Closed risks (removed from the register)"
 * says where the risks here came from).
 */
const REMOVED_WORDS: ReadonlySet<string> = new Set(["removed", "excluded", "omitted", "deleted"]);
/** "Taken" says the same with "out" or "off" after it: "closed risks taken out". */
const TAKEN_OFF: ReadonlySet<string> = new Set(["out", "off"]);
/** Words between a closed word and a removed word: "closed ones removed", "closed risks excluded". */
const REMOVED_ITEM_WORDS: ReadonlySet<string> = new Set(["one", RISK_WORD, "item"]);
/** Words before a closed word that leave the closed risks out: "Risks excluding closed", "Risks (excl. archived)". */
const EXCLUDING_WORDS: ReadonlySet<string> = new Set(["excluding", "excl", "exc", "without"]);
/**
 * Words after "archive" that make it a service's name, not a closed word: "Archives Service Risks", "Archive
 * Centre", "Archives and Records" (the council's record office).
 */
const SERVICE_WORDS: ReadonlySet<string> = new Set([
  "service",
  "centre",
  "center",
  "office",
  "team",
  "unit",
  "department",
  "heritage",
  "record",
]);

/**
 * True when `words[k]`, a closed word, says the closed risks were left out of the sheet: after excluding
 * or without ("Risks excluding closed"), or followed by a removed word ("closed ones removed", "closed risks
 * taken out") with no "from" after it. Outside brackets the removed word must follow "ones" or "risks": "Closed
 * & removed risks" and "Closed and deleted risks" name what the sheet holds. Inside them (`inBrackets`) a
 * removed word straight after will do: "Risks (closed removed)".
 */
function leavesClosedOut(words: readonly string[], k: number, inBrackets: boolean): boolean {
  if (k > 0 && EXCLUDING_WORDS.has(words[k - 1])) return true;
  const item = REMOVED_ITEM_WORDS.has(words[k + 1]);
  if (!item && !inBrackets) return false;
  const at = item ? k + 2 : k + 1;
  const removed = words[at] === "taken" ? TAKEN_OFF.has(words[at + 1]) : REMOVED_WORDS.has(words[at]);
  return removed && !words.slice(at + 1).includes("from");
}

/**
 * True when `words[k]`, a closed word, says the risks are closed: not a service's name ("Archives Service"),
 * not closed risks taken off the sheet ("closed ones removed", "excluding closed": see leavesClosedOut).
 */
function closedWordCounts(words: readonly string[], k: number): boolean {
  if (words[k] === "archive" && SERVICE_WORDS.has(words[k + 1])) return false;
  return !leavesClosedOut(words, k, false);
}

/** A bracketed part of a name: "(closed ones removed)". */
const BRACKETED = /\(([^()]*)\)/g;

/**
 * A name without its bracketed parts that leave the closed risks out ("Risks (closed ones removed)",
 * "Risks (excl. archived)", "Risks (closed removed)" are "Risks"): what is left names what the sheet holds.
 */
function withoutClosedLeftOut(text: string): string {
  if (!text.includes("(")) return text;
  return text.replace(BRACKETED, (part, inner: string) => {
    const words = headerWords(inner);
    return words.some((w, k) => CLOSED_WORDS.has(w) && leavesClosedOut(words, k, true)) ? " " : part;
  });
}

/**
 * True when a sheet's name or a section heading says the risks under it are closed: a closed word
 * (closed, archive, archived, retired) that says so (see closedWordCounts: not "Archives Service", not
 * "closed ones removed"; a bracket leaving them out is not read: see withoutClosedLeftOut), no word saying
 * some are live or not closed yet (open, live, to be, not …), and nothing else but risk, dates and such words
 * ("Closed Risks", "Archive", "Risks closed 2022-23", "Closed and de-escalated risks", "Closed & removed
 * risks") unless it names risks ("Highways closed risks"). So "Risk Register (Closed & Open)" is a register,
 * and a category such as "Closed landfill sites" is a category.
 */
export function namesClosedRisks(text: string): boolean {
  const words = headerWords(withoutClosedLeftOut(text));
  if (!words.some((w, k) => CLOSED_WORDS.has(w) && closedWordCounts(words, k))) return false;
  if (words.some((w) => NOT_CLOSED_WORDS.has(w))) return false;
  return (
    words.includes(RISK_WORD) ||
    words.every((w) => CLOSED_WORDS.has(w) || FILLER_WORDS.has(w) || isDateWord(w))
  );
}

/** An opportunity as headerWords gives it ("Opportunities" → "opportunitie"). */
const OPPORTUNITY_WORD = /^opportunit/;

/**
 * True when a sheet's name says it holds opportunities, and not risks as well: "Opportunities",
 * "Opportunity Register"; not "Risks and Opportunities", whose rows are told by their strategy.
 */
function namesOpportunities(sheetName: string): boolean {
  const words = headerWords(sheetName);
  return words.some((w) => OPPORTUNITY_WORD.test(w)) && !words.some((w) => w === RISK_WORD || w === "threat");
}

/**
 * What a register sheet holds by its name: closed risks, opportunities, or (null) live risks. A name saying
 * it is a dated copy ("Risk Reg archive copy Aug 22") holds none of them: it is history, read as a dated
 * backup is where it copies a register of the workbook (see registerCopyOf).
 */
export function registerHoldsByName(sheetName: string): RegisterHolds | null {
  if (namesDatedCopy(sheetName)) return null;
  if (namesClosedRisks(sheetName)) return "closed-risks";
  if (namesOpportunities(sheetName)) return "opportunities";
  return null;
}

/** A sheet named as a log of issues: "Issues Log", "Issue Register", "Issues Tracker", "Issues". */
const ISSUES_NAME = /^(?:\S+\s+)?issues?(?:\s+(?:log|register|tracker|list))?$/i;

/** The fields that name an issue when their headers say "Issue": "Issue ID", "Issue Title", "Issue Owner". */
const NAMING_FIELDS: ReadonlySet<string> = new Set(["id", "title", "description", "owner"]);

/**
 * True for an issues log read as a register: the columns naming its rows speak of issues ("Issue ID",
 * "Issue Title", "Issue Owner"), or the sheet is named as one ("Issues Log"), no header speaks of risks and
 * none of a likelihood. An issue has already happened: it has no likelihood to score, no 4T strategy and no
 * monthly risk review, so the risk rules would only give false errors on it. (A register heading its risks
 * "Issue" still scores their likelihood.)
 */
export function isIssuesLog(
  layout: Pick<SheetLayout, "headerCells" | "mapping">,
  sheetName: string,
): boolean {
  if (layout.headerCells.some((c) => headerWords(c.text).includes(RISK_WORD))) return false;
  if (layout.mapping?.fieldColumns.has("likelihood")) return false;
  const namesIssues = (layout.mapping?.columns ?? []).some(
    (c) => c.field !== null && NAMING_FIELDS.has(c.field) && headerWords(c.header).includes("issue"),
  );
  return namesIssues || ISSUES_NAME.test(sheetName.trim());
}

/**
 * A register sheet's layout with what it holds (see RegisterHolds) read from its name (the sheet list says
 * so: structureLines), or an issues log's turned into a sheet that is not checked (kind unknown, a note
 * saying why). Other layouts are returned as they are. Called once per sheet, after its kind is found.
 */
export function withRegisterContents(layout: SheetLayout, sheetName: string): SheetLayout {
  if (layout.kind !== "risk-register") return layout;
  if (isIssuesLog(layout, sheetName))
    return {
      kind: "unknown",
      headerRow: null,
      mapping: null,
      headerCells: [],
      note: "an issues log, no header speaking of risks or their likelihood: an issue has already happened, so it is not checked as a risk register",
    };
  const holds = registerHoldsByName(sheetName);
  if (holds === null) return layout;
  return { ...layout, holds };
}

/** Where a register row stands: its sheet, and the section heading above it, if any (SheetRecord.section). */
export interface RowPlace {
  sheet: string;
  section?: string;
}

/**
 * Where a row stands closed: on a sheet of closed risks (`sheet` alone: "Closed Risks", "Archive"), or under a
 * section heading of a register saying its risks are closed (`section`: "CLOSED RISKS").
 */
export interface ClosedPlace {
  sheet: string;
  section?: string;
}

/**
 * The one test of whether a register row is closed by where it stands, whatever its Status says (the check's
 * RuleContext.isArchived, the import's rows not flagged and reopened risks read it): where it stands closed
 * (see ClosedPlace), or null for a row kept with live risks. A sheet is told by its layout's `holds` (see
 * withRegisterContents, once per sheet), a heading by namesClosedRisks, once per distinct heading text.
 */
export function closedPlaceOf(
  layouts: ReadonlyMap<string, Pick<SheetLayout, "holds">>,
): (row: RowPlace) => ClosedPlace | null {
  const closedSheets = new Set<string>();
  for (const [name, layout] of layouts) if (layout.holds === "closed-risks") closedSheets.add(name);
  const closedHeadings = new Map<string, boolean>();
  const headingCloses = (text: string): boolean => {
    let closes = closedHeadings.get(text);
    if (closes === undefined) closedHeadings.set(text, (closes = namesClosedRisks(text)));
    return closes;
  };
  return ({ sheet, section }) => {
    if (closedSheets.has(sheet)) return { sheet };
    if (section !== undefined && headingCloses(section)) return { sheet, section };
    return null;
  };
}

/** "on Closed Risks" or "under CLOSED RISKS on Risk Register": where a row stands closed, in words. */
export function closedPlaceText({ sheet, section }: ClosedPlace): string {
  return section === undefined ? `on ${sheet}` : `under ${section} on ${sheet}`;
}

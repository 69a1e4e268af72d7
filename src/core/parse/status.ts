// Reads risk, action and plan status cells from their leading words (SPEC "Values").

import type { Settings } from "../model/settings";
import { fail, ok, type ParseResult } from "./result";
import { leadingWord, normaliseWords } from "./words";
import { foldSpaces } from "./spaces";

export type RiskState = "open" | "closed";
export type ActionState = "open" | "done";
export type PlanStatus = "completed" | "in-progress" | "not-started" | "delayed" | "cancelled";

function list(words: unknown): string[] {
  return Array.isArray(words) ? words.filter((w): w is string => typeof w === "string") : [];
}

/**
 * A word after the closed word that reverses it: "Closed – reopened Sep-22", "Closed (re-opened at RMB)",
 * "Closed, reinstated 01/09/22". Read on normaliseWords' text (lower case, punctuation as spaces).
 */
const REOPENED = /(?:^|\s)(?:re ?opened|reinstated|re ?activated)(?=\s|$)/;
/**
 * The same word denied or only said to be possible: "Closed – not to be reopened", "Closed; never reopened",
 * "Closed – can be reopened if …", "Closed; may be re-opened should …", "Closed, will not be reopened". "be"
 * before it ("can be", "to be", "may be") says it has not been reopened; "may" alone is the month ("Closed in
 * May – reopened Sep-22" is open).
 */
const NOT_REOPENED =
  /(?:^|\s)(?:(?:not|never|unless|if|can|could|might|should|would|will|shall)\s(?:\S+\s){0,3}|be\s)(?:re ?opened|reinstated|re ?activated)(?=\s|$)/;

/**
 * A risk is closed when its status starts with one of the closed status words ("Closed - merged into
 * HRC-004", "Closed (30/11/2022)", "Merged with HRC-012", "Superseded by US-03") and no later word reverses
 * it ("Closed – reopened Sep-22" is open again, as "Reopened (was closed Jun-22)" is; "Closed – can be
 * reopened if …" is not: see NOT_REOPENED); anything else, blank
 * included, is open, so a risk is never exempted from the rules by a status the add-in does not know.
 */
export function parseRiskState(text: string, settings: Settings): RiskState {
  if (typeof text !== "string") return "open";
  if (!leadingWord(text, list(settings.closedStatusWords))) return "open";
  const words = normaliseWords(text);
  return REOPENED.test(words) && !NOT_REOPENED.test(words) ? "open" : "closed";
}

/**
 * An action is done when its status starts with one of the done words (Complete, Completed, Closed,
 * Done, Implemented, Cancelled, Blue, 100%: so "100% complete" is done and "50% complete" is not);
 * anything else, including Red / Amber / Green and blank, is open.
 */
export function parseActionState(text: string, settings: Pick<Settings, "actionDoneWords">): ActionState {
  if (typeof text !== "string") return "open";
  return leadingWord(text, list(settings.actionDoneWords)) ? "done" : "open";
}

/** "Merged with HRC-012", "Merged into risk SL-03", "Superseded by US-03", "Combined with R4". */
const MERGED_INTO =
  /^\s*(?:closed\W+)?(?:merged|superseded|combined|replaced)\s+(?:with|into|by|in)\s+(?:risk\s+)?([a-z][a-z0-9]*(?:[-_ /.]?\d[\w-]*)|\d[\w-]*)/i;

/**
 * The id of the risk a merged, superseded or combined risk went into, as written in its status
 * ("Merged with HRC-012" → "HRC-012"), or null when the status names none. An id has a digit in it,
 * so "Merged with the winter risk" names none.
 */
export function mergedInto(text: string): string | null {
  if (typeof text !== "string") return null;
  const m = MERGED_INTO.exec(text);
  return m ? m[1] : null;
}

const PLAN_STATUS_WORDS: readonly (readonly [string, PlanStatus])[] = [
  ["completed", "completed"],
  ["complete", "completed"],
  ["closed", "completed"],
  // Judgement: Blue, the B of BRAG, is done for a plan action as for any action (SPEC "Values": action
  // status); Red, Amber and Green say how an action is going, not whether it started, and stay unknown.
  ["blue", "completed"],
  ["in progress", "in-progress"],
  ["ongoing", "in-progress"],
  ["on going", "in-progress"],
  ["underway", "in-progress"],
  ["under way", "in-progress"],
  ["on track", "in-progress"],
  ["not started", "not-started"],
  ["not yet started", "not-started"],
  ["delayed", "delayed"],
  ["at risk", "delayed"],
  ["cancelled", "cancelled"],
  ["canceled", "cancelled"],
  ["superseded", "cancelled"],
  // Judgement: an action the board no longer needs ("Not applicable – superseded by 2.1") is closed as a
  // cancelled one is, not an unknown status or one still to do.
  ["not applicable", "cancelled"],
];

/**
 * Reads a plan action's status from the leading words of its Progress Status cell:
 * "Completed. Output reports from BBLP IRIS system…" is completed. Only the leading words count, so
 * "Not started" is not read as started and "Completed." followed by caveats is still completed
 * (the evidence rules look at the caveats).
 */
export function parsePlanStatus(text: string): ParseResult<PlanStatus> {
  if (typeof text !== "string" || normaliseWords(text) === "") return fail("blank");
  const word = leadingWord(
    text,
    PLAN_STATUS_WORDS.map(([w]) => w),
  );
  const hit = PLAN_STATUS_WORDS.find(([w]) => w === word);
  if (hit) return ok(hit[1]);
  const shown = foldSpaces(text);
  return fail(
    `"${shown.length > 40 ? `${shown.slice(0, 40)}…` : shown}" does not start with a plan status word`,
  );
}

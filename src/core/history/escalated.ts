// Whether a risk is escalated, and to where (SPEC: Escalate? = Yes, an Escalated To naming a register
// or board, or status Escalated; being routed by score alone is not being escalated).

import type { DestinationId } from "../model/report";
import { rawText, rawValue, type RiskRecord, type SheetRecord } from "../model/records";
import { isPlaceholder, parseYesNo } from "../parse";

export interface EscalationState {
  escalated: boolean;
  /** Where it is escalated to: a destination id when recognised, else the register's words; null when not escalated. */
  destination: string | null;
}

const textOf = (risk: RiskRecord, field: string): string => rawText(risk as SheetRecord<string>, field);

/** Words officers use for each register and board, most specific first. */
const DESTINATION_WORDS: [DestinationId, RegExp][] = [
  ["strategic-board", /\bstrategic\b|\bspb\b/i],
  ["operations-board", /\bop(eration)?s?\b.*\bboard\b|\bops\b|\boperations\b/i],
  ["financial-cluster", /\bfinanc|\bcommercial\b|\bcluster\b/i],
  ["corporate-register", /\bcorporate\b|\bcrr\b/i],
  ["directorate-register", /\bdirectorate\b|\bdrr\b/i],
];

/** A destination id for words such as "Ops Board" or "Corporate Risk Register"; the words themselves otherwise. */
export function destinationFromWords(words: string): string {
  const text = words.trim();
  for (const [id, pattern] of DESTINATION_WORDS) if (pattern.test(text)) return id;
  return text;
}

/** Words naming a register or board: a Yes is not a destination. */
const NAMES_A_PLACE =
  /\b(register|board|group|committee|cluster|corporate|directorate|strategic|ops|operations|crr|drr|spb|cabinet|executive|leadership|panel|slt|dmt|cmt|elt)\b/i;

/** "Yes – to Ops Board" (the words after the yes), its leading "to", and a status "Escalated (to …)". */
const YES_WITH_WORDS = /^\s*(yes|y)\b[\s\-–—:,]*(.*)$/i;
const LEADING_TO_OR_FOR = /^(to|for)\s+/i;
/** Words after the yes written in brackets: "Y (to Highways Board)". */
const IN_BRACKETS = /^\(\s*(.*?)\s*\)\s*$/;
const SAYS_ESCALATED = /^\s*escalated\b/i;
const ESCALATED_TO = /^\s*escalated\b[\s\-–—:,]*(to\s+)?/i;

/**
 * Reads a risk's escalation: Escalated To's register or board, else Escalate? = Yes (its words after
 * Yes, "Yes – to Ops Board", name the destination; a bare Yes means the Operations Board, as routing
 * reads it), else status Escalated (corporate register). Words recording a de-escalation ("De-escalated to
 * directorate register (Aug 22)") name no register the risk is escalated to.
 */
export function escalationState(risk: RiskRecord): EscalationState {
  const to = textOf(risk, "escalatedTo");
  if (to && NAMES_A_PLACE.test(to) && !saysNo(to) && !saysDeEscalated(to))
    return { escalated: true, destination: destinationFromWords(to) };
  // Escalate? (or an "Escalated" column, which the same field reads).
  const flagValue = rawValue(risk as SheetRecord<string>, "escalate");
  const flagText = textOf(risk, "escalate");
  const yes = flagValue !== null ? parseYesNo(flagValue) : null;
  const yesWithWords = YES_WITH_WORDS.exec(flagText);
  if ((yes && yes.ok && yes.value) || yesWithWords) {
    const rest = (yesWithWords?.[2] ?? "").replace(IN_BRACKETS, "$1").replace(LEADING_TO_OR_FOR, "").trim();
    // Words that name no register or board are a note on the Yes ("Yes (12/09/2022)", "Yes – since Sept").
    const named = NAMES_A_PLACE.test(rest) || DESTINATION_WORDS.some(([, words]) => words.test(rest));
    return { escalated: true, destination: named ? destinationFromWords(rest) : "operations-board" };
  }
  // An "Escalated" column holding a register's name rather than a yes (a No naming one, "No –
  // directorate register only", says where it stays, not where it went).
  const flagSaysNo = yes !== null && yes.ok && !yes.value;
  if (
    flagText &&
    !flagSaysNo &&
    NAMES_A_PLACE.test(flagText) &&
    !saysNo(flagText) &&
    !saysDeEscalated(flagText)
  )
    return { escalated: true, destination: destinationFromWords(flagText) };
  const status = textOf(risk, "status");
  if (SAYS_ESCALATED.test(status)) {
    const rest = status.replace(ESCALATED_TO, "").trim();
    return { escalated: true, destination: rest ? destinationFromWords(rest) : "corporate-register" };
  }
  return NOT_ESCALATED;
}

/** The words before a first comma, semicolon, colon, bracket or spaced dash: "None" of "None – stays on …". */
const LEADING_WORDS = /^(.*?)(?:\s*[,;:(]|\s+[–—-](?:\s|$))/;

/**
 * True when a text reads as No ("No – stays on the directorate register"), or opens with a placeholder
 * that counts as empty ("None – stays on the directorate register", "N/A: directorate only"): either says
 * where a risk stays, not where it went.
 */
function saysNo(text: string): boolean {
  const answer = parseYesNo(text);
  if (answer.ok) return !answer.value;
  const head = LEADING_WORDS.exec(text);
  return isPlaceholder(head ? head[1].trim() : text.trim());
}

/** "De-escalated", "de escalated", "deescalated" anywhere in the words: the cheap first test. */
const DE_ESCALATED = /\bde[\s-]?escalated\b/i;
/** An aside in brackets: "(previously de-escalated in 2021)" is history, not the current state. */
const ASIDE_IN_BRACKETS = /\([^)]*\)?/g;
/** Each escalation event the words record, with the word before it: "previously de-escalated", "re-escalated". */
const ESCALATION_EVENT = /(?:\b(\w+)\s+)?\b(de|re)?[\s-]?escalated\b/gi;
/** Words putting a de-escalation in the past: "previously de-escalated", "was de-escalated in 2021". */
const PAST_MARKER = /^(previously|formerly|was|once|earlier|been)$/i;

/**
 * True when the words record a de-escalation as the current state ("De-escalated to directorate register
 * (Aug 22)", "Was corporate register – de-escalated 08/22"): the register they name is where the risk was,
 * or where it went down to, not where it is escalated to now. A past de-escalation beside the register named
 * now is not ("Corporate Risk Register (previously de-escalated in 2021)", "Corporate Risk Register –
 * re-escalated 09/22 (was de-escalated 2021)"): the last escalation event outside brackets, and not marked
 * as past, decides.
 */
function saysDeEscalated(text: string): boolean {
  if (!DE_ESCALATED.test(text)) return false;
  let lastIsDeEscalation = false;
  for (const [, before, prefix] of text.replace(ASIDE_IN_BRACKETS, " ").matchAll(ESCALATION_EVENT)) {
    const isDe = (prefix ?? "").toLowerCase() === "de";
    if (isDe && before && PAST_MARKER.test(before)) continue;
    lastIsDeEscalation = isDe;
  }
  return lastIsDeEscalation;
}

/** Most risks are not escalated: they share one answer. */
const NOT_ESCALATED: EscalationState = Object.freeze({ escalated: false, destination: null });

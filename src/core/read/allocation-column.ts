// A risk allocation column ("Allocation: Authority / Contractor / Shared", a PFI risk allocation matrix's):
// who bears each risk, read as the strategy that amounts to (SPEC "Values": Transfer (share, insure),
// Tolerate (accept, retain)). Only in a column so headed: in a Strategy column "Contractor" is no strategy.

import type { Settings } from "../model/settings";
import { leadingWord } from "../parse/words";
import { headerWords } from "./header-words";
import { COUNCIL_WORDS, CONTRACTOR_WORDS } from "./parties";

/** Header words that make the strategy column an allocation of the risk between the parties. */
export const ALLOCATION_HEADER_WORDS: ReadonlySet<string> = new Set(["allocation", "allocated"]);

/**
 * The other words an allocation of the risk is headed with: the risk, the parties it goes to ("Allocation:
 * Authority / Contractor / Shared", "Risk allocated to"), or the strategy it amounts to ("Strategy /
 * Allocation"). Any other word names something else allocated: "Budget allocation", "Resource allocation".
 */
const RISK_ALLOCATION_WORDS: ReadonlySet<string> = new Set([
  "risk",
  "to",
  "between",
  "party",
  ...COUNCIL_WORDS,
  ...CONTRACTOR_WORDS,
  "shared",
  "joint",
  "retained",
  "strategy",
  "response",
  "treatment",
]);

/** A money sign: a column of pounds ("Allocation (£k)") is a budget, never who bears the risk. */
const MONEY_SIGN = /[£$€]/;
/** A bracketed note after a header's own words ("Risk allocation (see Schedule 14)"): not what is allocated. */
const BRACKETED_NOTE = /\([^()]*\)?|\[[^[\]]*\]?/g;

/**
 * Who bears the risk, as an allocation cell names them, by the strategy it amounts to: allocated to the
 * contractor (or shared with it) is transferred, kept by the council (the Authority, the Client) is tolerated.
 */
const PARTY_STRATEGY = {
  transfer: [
    ...CONTRACTOR_WORDS,
    "the contractor",
    "service provider",
    "project co",
    "projectco",
    "private sector",
    "shared",
    "joint",
  ],
  tolerate: [
    ...COUNCIL_WORDS,
    "the council",
    "the authority",
    "local authority",
    "public sector",
    "retained",
  ],
};

/** Every word naming a party, or the parties together: the allocation names who the risk went to. */
const PARTY_WORDS: readonly string[] = [...PARTY_STRATEGY.transfer, ...PARTY_STRATEGY.tolerate];

/**
 * True when a header says its column allocates each risk between the parties ("Allocation", "Risk allocated
 * to", "Allocation: Authority / Contractor / Shared"): it names an allocation, and its own words (a bracketed
 * note aside) name nothing else allocated, nor a money unit anywhere ("Budget allocation (£)", "Allocation
 * (£k)", "Resource allocation", "Funding allocation" are not the risk's).
 */
export function isAllocationHeader(header: string | undefined): boolean {
  if (header === undefined || MONEY_SIGN.test(header)) return false;
  if (!headerWords(header).some((w) => ALLOCATION_HEADER_WORDS.has(w))) return false;
  const own = headerWords(header.replace(BRACKETED_NOTE, " "));
  return own.every((w) => ALLOCATION_HEADER_WORDS.has(w) || RISK_ALLOCATION_WORDS.has(w));
}

type StrategyWords = Settings["strategyWords"];
const withParties = new WeakMap<StrategyWords, StrategyWords>();

/**
 * The strategy words (a setting) with the allocation's party words added, to read an allocation column
 * with (made once per settings' list, so the strategy parser's caches hold).
 */
export function allocationStrategyWords(words: StrategyWords): StrategyWords {
  // A Settings sheet edited by hand may hold no word lists at all: the party words alone then.
  if (!words || typeof words !== "object") return withPartyWords(undefined);
  let out = withParties.get(words);
  if (!out) withParties.set(words, (out = withPartyWords(words)));
  return out;
}

function withPartyWords(words: StrategyWords | undefined): StrategyWords {
  const listOf = (s: keyof StrategyWords): string[] => (words && Array.isArray(words[s]) ? words[s] : []);
  return {
    treat: listOf("treat"),
    tolerate: [...listOf("tolerate"), ...PARTY_STRATEGY.tolerate],
    transfer: [...listOf("transfer"), ...PARTY_STRATEGY.transfer],
    terminate: listOf("terminate"),
    take: listOf("take"),
  };
}

/**
 * True when an allocation cell names who bears the risk ("Contractor", "Shared"): a transfer read from it
 * names its recipient, as a Transferred To would ("Transfer" alone names none).
 */
export function namesAllocatedParty(text: string): boolean {
  return leadingWord(text, PARTY_WORDS) !== null;
}

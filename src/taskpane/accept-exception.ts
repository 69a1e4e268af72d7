// Pure helpers behind accepting a finding as an exception (SPEC "Accepted exceptions"): the form's
// defaults and checks, and adding or withdrawing an exception in Settings. No React here.

import type { Finding } from "../core/model/finding";
import { idKey } from "../core/model/records";
import { acceptedBy, isSamePlanAction } from "../core/rules/accepted";
import type { AcceptedException, Settings } from "../core/model/settings";
import { dayFromIso, isoFromDay, subtractMonths } from "../core/parse";

/** What the officer types in the Accept dialog. */
export interface AcceptForm {
  reason: string;
  /** ISO date, as a date input gives it ("" when not filled in). */
  reviewBy: string;
  /** The officer's name; optional. */
  by: string;
}

/** A plain-English message per field that is wrong; an empty object means the form is fine. */
export type AcceptFormErrors = Partial<Record<keyof AcceptForm, string>>;

/** How long an acceptance lasts unless the officer says otherwise. */
export const DEFAULT_REVIEW_MONTHS = 3;
/** Long enough for a paragraph, short enough to stay readable in the Exceptions tab's cell. */
export const MAX_REASON_LENGTH = 500;
export const MAX_NAME_LENGTH = 100;

/**
 * True when the finding names a record, so it can be accepted. Sheet-level findings (a missing
 * column) have no cell and no record: accepting one would hide a whole sheet's problem.
 */
export function canAccept(finding: Finding): boolean {
  return finding.cell !== null && (finding.recordId ?? "").trim() !== "";
}

/**
 * "risk/missing-strategy for HRC-002 at IRIS Risks!J7": what an Accept or Withdraw button acts on, for its
 * accessible name. Worded apart from the finding's own place ("IRIS Risks!J7 · HRC-002") so each
 * button's name tells it from the finding beside it.
 */
export function exceptionTarget(finding: Finding): string {
  const at = finding.cell ? `${finding.sheet}!${finding.cell}` : finding.sheet;
  return `${finding.ruleId} for ${finding.recordId ?? ""} at ${at}`;
}

/** The review date offered first: three months after the as-at date, clamped to a shorter month's end. */
export function defaultReviewBy(asAt: string): string {
  const day = dayFromIso(asAt);
  if (day === null) throw new RangeError(`defaultReviewBy: not an ISO date: ${asAt}`);
  return isoFromDay(subtractMonths(day, -DEFAULT_REVIEW_MONTHS));
}

/** The form as the dialog opens: no reason yet, the default review date, the remembered name. */
export function initialAcceptForm(asAt: string, rememberedName: string): AcceptForm {
  return { reason: "", reviewBy: defaultReviewBy(asAt), by: rememberedName.trim() };
}

/** Checks the form against the as-at date; returns the problems in words an officer can act on. */
export function validateAcceptForm(form: AcceptForm, asAt: string): AcceptFormErrors {
  const errors: AcceptFormErrors = {};
  const reason = form.reason.trim();
  if (reason === "") errors.reason = "Enter the reason this finding is accepted.";
  else if (reason.length > MAX_REASON_LENGTH)
    errors.reason = `Shorten the reason to ${MAX_REASON_LENGTH} characters or fewer (it has ${reason.length}).`;

  const review = form.reviewBy.trim();
  const day = review === "" ? null : dayFromIso(review);
  const asAtDay = dayFromIso(asAt);
  if (review === "") errors.reviewBy = "Enter the date by which to review this exception.";
  else if (day === null || !/^\d{4}-\d{2}-\d{2}$/.test(review))
    errors.reviewBy = "Enter the review date as a real date, for example 2023-01-10.";
  else if (asAtDay !== null && day < asAtDay)
    errors.reviewBy = `The review date cannot be before the as-at date, ${asAt}.`;

  if (form.by.trim().length > MAX_NAME_LENGTH)
    errors.by = `Shorten the name to ${MAX_NAME_LENGTH} characters or fewer.`;
  return errors;
}

/** True when `errors` holds no message. */
export function isValid(errors: AcceptFormErrors): boolean {
  return Object.values(errors).every((m) => !m);
}

/**
 * The exception to keep in Settings for `finding`, accepted on the as-at date. The fingerprint of the
 * record's cells goes with it, so the finding returns when those cells change. Throws on a finding
 * that cannot be accepted or a form that does not validate: the dialog checks both first.
 */
export function buildException(finding: Finding, form: AcceptForm, asAt: string): AcceptedException {
  if (!canAccept(finding))
    throw new Error(`buildException: ${finding.ruleId} on ${finding.sheet} names no record`);
  if (!isValid(validateAcceptForm(form, asAt))) throw new Error("buildException: the form has errors");
  const exception: AcceptedException = {
    ruleId: finding.ruleId,
    sheet: finding.sheet,
    recordId: (finding.recordId ?? "").trim(),
    reason: form.reason.trim(),
    reviewBy: form.reviewBy.trim(),
    fingerprint: finding.fingerprint ?? "",
    acceptedOn: asAt,
  };
  const by = form.by.trim();
  if (by) exception.acceptedBy = by;
  return exception;
}

/** Same rule, sheet and record (ids compared as the engine compares them). */
function sameTarget(
  e: AcceptedException,
  f: { ruleId: string; sheet: string; recordId: string | null },
): boolean {
  return e.ruleId === f.ruleId && e.sheet === f.sheet && idKey(e.recordId) === idKey(f.recordId);
}

/**
 * Settings with `exception` added. An earlier exception for the same rule and record (lapsed, or
 * made before the cells changed) is replaced, so Settings never holds two for one finding.
 */
export function withException(settings: Settings, exception: AcceptedException): Settings {
  const kept = settings.acceptedExceptions.filter((e) => !sameTarget(e, exception));
  return { ...settings, acceptedExceptions: [...kept, exception] };
}

/** The exception that keeps an accepted finding out of the list (the one whose fingerprint matches, if several). */
export function exceptionFor(
  finding: Finding,
  exceptions: readonly AcceptedException[],
): AcceptedException | undefined {
  // The exception that accepts it (a renumbered plan action's by its cells), else one made for its id.
  return acceptedBy(finding, exceptions) ?? exceptions.find((e) => sameTarget(e, finding));
}

/** Settings without the exception(s) for this finding's rule and record: withdrawing brings the finding back. */
export function withoutException(settings: Settings, finding: Finding): Settings {
  const accepting = acceptedBy(finding, settings.acceptedExceptions);
  return {
    ...settings,
    acceptedExceptions: settings.acceptedExceptions.filter(
      (e) => e !== accepting && !(sameTarget(e, finding) && !isAnotherPlanAction(e, finding)),
    ),
  };
}

/**
 * True for an exception made for a plan action whose cells are not this finding's: it holds this finding's
 * id only because actions were inserted or removed above (it accepts its own action, by its cells).
 */
function isAnotherPlanAction(e: AcceptedException, finding: Finding): boolean {
  return e.ruleId.startsWith("plan/") && !!e.fingerprint && !isSamePlanAction(e, finding);
}

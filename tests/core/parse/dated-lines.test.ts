import { dayFromIso, isoFromDay, latestDatedLine } from "../../../src/core/parse";

/** The as-at date the lines are read at (a programme of later dates is no update). */
const AS_AT = dayFromIso("2022-09-30")!;

const latest = (text: string) => {
  const d = latestDatedLine(text, AS_AT);
  return d === null ? null : isoFromDay(d);
};

describe("latestDatedLine: a month or a week starting a line", () => {
  it.each<[string, string]>([
    // An update date: a month means its first day, a week commencing its Monday (SPEC "Dates").
    ["October 2022 – reviewed at RMB", "2022-10-01"],
    ["- Sept. 2022: no change", "2022-09-01"],
    ["Week commencing 12 Sept 2022: reviewed", "2022-09-12"],
    ["w/c 14/09/22 – reviewed", "2022-09-12"],
    ["Aug 2022: reviewed\n05/09/22 – no change\nOct 2022 – reviewed", "2022-10-01"],
  ])("%j is dated %s", (text, iso) => expect(latest(text)).toBe(iso));

  it.each([
    // "June 15" is not June 2015; a month in a closing bracket says when work is due.
    "June 15 reviewed at RMB",
    "Survey to be completed (due Oct 2022)",
    "Octopus 2022 contract",
  ])("%j is not dated", (text) => expect(latest(text)).toBeNull());
});

describe("latestDatedLine: a day name or an update word before the date", () => {
  // Officers start an update line with the day of the week, or with the word saying what the line is
  // ("Update 28/09/22: …"): the date still says when the line was written.
  it.each<[string, string]>([
    ["Mon 03/10/2022 – reviewed at RMB", "2022-10-03"],
    ["Monday 3 October 2022: no change", "2022-10-03"],
    ["Tues. 04/10/22 - chased contractor", "2022-10-04"],
    ["Update 28/09/22: survey booked", "2022-09-28"],
    ["Updated 28/09/2022 – no change", "2022-09-28"],
    ["Update on 28/09/22: survey booked", "2022-09-28"],
    ["- Update (28/09/22) survey booked", "2022-09-28"],
    ["UPDATE 28.09.22 no change", "2022-09-28"],
    ["Reviewed 28/09/22 at RMB", "2022-09-28"],
    ["As at 28/09/22: no change", "2022-09-28"],
    ["Comment 01/09/22: reviewed\nUpdate 28/09/22: survey booked", "2022-09-28"],
  ])("%j is dated %s", (text, iso) => expect(latest(text)).toBe(iso));

  it.each([
    // A date after other words says when work is due, or when something else happens: not when the line was written.
    "Due 28/09/22: survey",
    "Review 28/09/22",
    "Next update 28/09/22",
    "Survey by 28/09/22",
    "Monitoring 28/09/22 onwards",
  ])("%j is not dated", (text) => expect(latest(text)).toBeNull());
});

describe("latestDatedLine: a month starting a line heads an entry only with a separator", () => {
  // A month heading an entry is followed by ":", "–", "-" or "—", or is the whole line; a month followed by
  // words is the subject of a sentence ("March 2023 budget setting will …"). A day's date needs no separator.
  it.each<[string, string]>([
    ["Oct 2022: reviewed at RMB", "2022-10-01"],
    ["Sep 2022 - no change", "2022-09-01"],
    ["September 2022 — reviewed", "2022-09-01"],
    ["[Aug 2022] reviewed", "2022-08-01"],
    ["Aug 2022\nReviewed at RMB, no change", "2022-08-01"],
    ["Update Aug 2022 reviewed at RMB", "2022-08-01"],
    ["12/09/22 reviewed at RMB", "2022-09-12"],
  ])("%j is dated %s", (text, iso) => expect(latest(text)).toBe(iso));

  it.each([
    "March 2023 budget setting will include a growth bid for winter service",
    "April 2023 price uplift (CPI) will add c. £40k to the contract sum",
    "Apr 2022-23 budget agreed",
  ])("%j is not dated", (text) => expect(latest(text)).toBeNull());
});

describe("latestDatedLine: a month as Excel shows it, its year in two digits (heuristics review 31)", () => {
  // Officers head entries the way the register's month columns are shown: "Sep-22: …" is September 2022.
  it.each<[string, string]>([
    ["Sep-22: reviewed at RMB, no change\nAug-22: recovery plan received", "2022-09-01"],
    ["Update (Sep-22): works complete", "2022-09-01"],
    ["Jun-22 – reviewed at RMB", "2022-06-01"],
  ])("%j is dated %s", (text, iso) => expect(latest(text)).toBe(iso));

  it.each([
    // Followed by words it is no entry's heading; "Apr-22-23" is a financial year; "June 22" is no month.
    "Sep-22 works were delayed by the rain",
    "Apr-22-23 budget agreed",
    "June 22 reviewed at RMB",
  ])("%j is not dated", (text) => expect(latest(text)).toBeNull());
});

describe("latestDatedLine: a deadline in a closing bracket", () => {
  // "… (RC 12/09/22)" is when the line was written; after a word making it a deadline the date says when
  // something is to happen ("completion expected (12/12/22)", "(due 12/12/22)").
  it.each([
    "Works order issued; completion expected (12/12/22)",
    "Remedial works programmed (w/c 14/11/22)",
    "Survey booked (due 12/12/22)",
    "Survey booked (target date 12/12/22)",
    "Works to be complete by (12/12/22)",
    "Resurfacing scheduled (14/11/22).",
  ])("%j is not dated", (text) => expect(latest(text)).toBeNull());

  it.each<[string, string]>([
    ["Reviewed at RMB (RC 12/09/22)", "2022-09-12"],
    ["Reviewed by RC (12/09/22)", "2022-09-12"],
    ["Reviewed at the board (w/c 12/09/22)", "2022-09-12"],
    ["Works completed (12/09/22)", "2022-09-12"],
  ])("%j is dated %s", (text, iso) => expect(latest(text)).toBe(iso));
});

describe("latestDatedLine: the lines under a heading ending with a colon", () => {
  // A heading introducing a list (a programme, milestones, next steps) whose lines are all after the as-at date
  // is what is planned, not the update's history; lines on or before it under a label are the history.
  it.each<[string, string | null]>([
    [
      "Contractor's programme received:\n14/11/22 – traffic management in place\n12/12/22 – works complete",
      null,
    ],
    ["Next steps:-\n- 14/11/22 – traffic management\n- 12/12/22 – works complete", null],
    [
      "12/09/22 – programme received:\n14/11/22 – traffic management\n12/12/22 – works complete",
      "2022-09-12",
    ],
    ["Update:\n12/09/22 – reviewed at RMB\n10/08/22 – contractor briefed", "2022-09-12"],
    ["Update:\n\n12/09/22 – reviewed at RMB", "2022-09-12"],
    ["Update:\n12/10/22 – reviewed at RMB\n12/09/22 – contractor briefed", "2022-10-12"],
    ["Programme:\n14/11/22 – works start\n\n12/09/22 – reviewed at RMB", "2022-09-12"],
    // A heading labelling a history is never a programme: a typo'd future date under it still dates it.
    ["Latest update:\n29/10/22 – reviewed at RMB", "2022-10-29"],
    ["Update:\n14/11/22 – reviewed at RMB", "2022-11-14"],
    ["Progress:\n14/11/22 – works complete", "2022-11-14"],
    ["Update history:\n14/11/22 – reviewed", "2022-11-14"],
    ["Next review:\n14/11/22 – RMB", null],
    ["12/09/22 – reviewed at RMB", "2022-09-12"],
  ])("%j is dated %s", (text, iso) => expect(latest(text)).toBe(iso));
});

describe("latestDatedLine: a day-first date with spaces around its slashes, as a date cell takes it", () => {
  // Text pasted from Word or an e-mail spaces the slashes ("12 / 09 / 2022"); a date cell so typed is read
  // (parseDate), and the dated lines of an update text take the same forms.
  it.each<[string, string]>([
    ["12 / 09 / 2022 – reviewed at RMB", "2022-09-12"],
    ["12 /09/ 22 – no change", "2022-09-12"],
    ["- Update 28 / 09 / 22: survey booked", "2022-09-28"],
    ["w/c 12 / 09 / 22 – reviewed", "2022-09-12"],
    ["Reviewed at RMB (RC 12 / 09 / 22)", "2022-09-12"],
    ["01/08/22 – contractor notified\n12 / 09 / 2022 – reviewed at RMB", "2022-09-12"],
  ])("%j is dated %s", (text, iso) => expect(latest(text)).toBe(iso));

  it.each([
    // A deadline is still a deadline; and a number spaced from a slash is no date unless the whole date is.
    "Survey booked (due 12 / 12 / 22)",
    "Phase 1 / 2 complete",
  ])("%j is not dated", (text) => expect(latest(text)).toBeNull());
});

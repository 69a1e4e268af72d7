import { isoFromDay, latestDatedLine } from "../../../src/core/parse";

const latest = (text: string) => {
  const d = latestDatedLine(text);
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

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

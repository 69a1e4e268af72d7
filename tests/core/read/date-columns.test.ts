// Date columns read as a whole (SPEC "Values": Dates): month-first exports, Excel serials in CSV files.

import { checkWorkbook } from "../../../src/core/check";
import { gridFromRows, type CellValue, type Grid } from "../../../src/core/model/grid";
import { defaultSettings } from "../../../src/core/model/settings";
import { dayFromIso } from "../../../src/core/parse";
import { readWorkbook } from "../../../src/core/read/read-workbook";
import { findingsOf, register, REGISTER_HEADERS, risk } from "../rules/harness";

const AS_AT = dayFromIso("2022-10-10")!;
const read = (grids: Grid[]) => readWorkbook(grids, defaultSettings(), AS_AT);

/** A register whose Date of Last Review (J) and Next Review Date (L) columns hold these values. */
function registerWith(lastReviews: CellValue[], nextReviews: CellValue[] = [], origin = "workbook"): Grid {
  const rows = lastReviews.map((d, i) =>
    risk({ id: `HRC-00${i + 1}`, lastReview: d, nextReview: nextReviews[i] ?? "01/11/2022" }),
  );
  return gridFromRows("IRIS Risks", [REGISTER_HEADERS, ...rows], { origin });
}

describe("month-first date columns", () => {
  it.each<[string, CellValue[], string[]]>([
    [
      "one value can only be month first, none only day first",
      ["09/30/2022", "10/01/2022", "10/05/2022"],
      ["J"],
    ],
    ["a value can only be day first", ["09/30/2022", "30/09/2022"], []],
    ["every value could be either", ["01/10/2022", "05/10/2022"], []],
    ["no value is a slashed date", ["1 October 2022", "Oct 2022"], []],
    ["month first with a time after", ["09/30/2022 14:05", "10/02/2022 09:00"], ["J"]],
    ["spaces around the slashes", ["09 / 30 / 2022", "10/01/2022"], ["J"]],
  ])("%s → %j", (_name, dates, columns) => {
    const { sheets } = read([registerWith(dates)]);
    expect(sheets[0].monthFirstColumns ?? []).toEqual(columns);
  });

  it("reads the whole column month first, so 10/05/2022 is 5 October", () => {
    // As at 10 October: 10/05/2022 read day first (10 May) would be stale; month first it is 5 October.
    const sheet = register(
      risk({ id: "HRC-001", lastReview: "09/30/2022" }),
      risk({ id: "HRC-002", lastReview: "10/05/2022" }),
    );
    expect(findingsOf("risk/stale-update", [sheet])).toEqual([]);
  });

  it("each column is judged on its own", () => {
    const { sheets } = read([registerWith(["09/30/2022"], ["13/11/2022"])]);
    expect(sheets[0].monthFirstColumns).toEqual(["J"]);
  });
});

describe("Excel serials in a CSV's date columns", () => {
  it.each<[string, string, string[]]>([
    ["a CSV: the serial is 1 October 2022, a recent update", "iris-export.csv", []],
    // The finding quotes the number the cell shows as a date that cannot be read (review 31).
    ["a workbook: a number without a date format is no date", "register.xlsx", ["neverReadable"]],
  ])("%s", (_name, origin, messages) => {
    const report = checkWorkbook([registerWith([44835], [44880], origin)], {
      settings: defaultSettings(),
      asAt: "2022-10-10",
      today: "2022-10-10",
      source: origin,
    });
    const stale = report.findings.filter((f) => f.ruleId === "risk/stale-update").map((f) => f.messageId);
    expect(stale).toEqual(messages);
  });

  it.each<[string, CellValue, string, boolean]>([
    ["a serial in a CSV", 44835, "export.csv", true],
    ["a serial in a CSV, upper-case extension", 44835, "EXPORT.CSV", true],
    ["a small number in a CSV", 12, "export.csv", false],
    ["a number beyond 80000 in a CSV", 90000, "export.csv", false],
    ["a number without a date format in a workbook", 44835, "register.xlsx", false],
  ])("%s: read as a date %s", (_name, value, origin, isDate) => {
    const { records } = read([registerWith([value], [], origin)]);
    const cell = records.risks[0].fields.lastUpdated!;
    expect(cell.value).toBe(value);
    expect(/d/.test(cell.format ?? "")).toBe(isDate);
  });
});

describe("update text with dated lines is not a date column", () => {
  it("keeps an Updates column whose cells start with dates as update text", () => {
    const g = gridFromRows("Annex A", [
      ["Risk No", "Risk Title", "Risk Owner", "Response", "Mitigation", "Updates"],
      ["R1", "t", "Jo", "Treat", "m", "28/09/22 – reviewed at RMB\n10/08/22 – raised"],
      ["R2", "t", "Jo", "Treat", "m", "01/08/22 – reviewed, no change"],
    ]);
    const { sheets } = read([g]);
    expect(sheets[0].columns.find((c) => c.header === "Updates")?.field).toBe("update");
  });

  it("still takes a Last Update column of bare dates for the date column", () => {
    const g = gridFromRows("Annex A", [
      ["Risk No", "Risk Title", "Risk Owner", "Response", "Mitigation", "Last Update"],
      ["R1", "t", "Jo", "Treat", "m", "28/09/22"],
      ["R2", "t", "Jo", "Treat", "m", "01/08/22"],
    ]);
    const { sheets } = read([g]);
    expect(sheets[0].columns.find((c) => c.header === "Last Update")?.field).toBe("lastUpdated");
  });
});

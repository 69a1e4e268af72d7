// parseArgs: every accepted command line and every usage error, table-driven.

import { isIsoDate, parseArgs, UsageError } from "../../src/cli/args";

describe("parseArgs accepts", () => {
  it.each([
    [["check", "risks.xlsx"], { command: "check", workbook: "risks.xlsx", format: "text" }],
    [["check", "risks.csv", "--format", "json"], { command: "check", workbook: "risks.csv", format: "json" }],
    [
      ["check", "--as-at", "2022-10-10", "R.XLSX"],
      { command: "check", workbook: "R.XLSX", asAt: "2022-10-10", format: "text" },
    ],
    [
      ["check", "a.xlsx", "--as-at=2024-02-29", "--format=json", "--out=review.xlsx"],
      { command: "check", workbook: "a.xlsx", asAt: "2024-02-29", format: "json", out: "review.xlsx" },
    ],
    [
      ["check", "my risks.xlsx", "--out", "out/review.xlsx"],
      { command: "check", workbook: "my risks.xlsx", format: "text", out: "out/review.xlsx" },
    ],
    [
      ["check", "a.xlsx", "b.xlsm", "--format", "json"],
      { command: "check", workbook: "a.xlsx", inputs: ["a.xlsx", "b.xlsm"], format: "json" },
    ],
    [
      ["check", "registers", "extra.csv"],
      { command: "check", workbook: "registers", inputs: ["registers", "extra.csv"], format: "text" },
    ],
    [
      ["check", "registers/"],
      { command: "check", workbook: "registers/", inputs: ["registers/"], format: "text" },
    ],
    [["check", "risks.xlsm"], { command: "check", workbook: "risks.xlsm", format: "text" }],
    // Beside another input, an old .xls is a file that cannot be read: check-many refuses it by name.
    [
      ["check", "a.xlsx", "old.xls"],
      { command: "check", workbook: "a.xlsx", inputs: ["a.xlsx", "old.xls"], format: "text" },
    ],
    [["--help"], { command: "help" }],
    [["help"], { command: "help" }],
    [["--version"], { command: "version" }],
    [["check", "--help"], { command: "help", topic: "check" }],
    [["check", "a.xlsx", "--colour", "-h"], { command: "help", topic: "check" }],
    [["import", "--help"], { command: "help", topic: "import" }],
  ])("%j", (argv, expected) => {
    expect(parseArgs(argv)).toEqual({ asAt: undefined, out: undefined, ...expected });
  });
});

describe("parseArgs refuses with a usage error", () => {
  it.each([
    [[], /no command/],
    [["frobnicate", "x.csv"], /unknown command "frobnicate"/],
    [["check"], /needs a workbook/],
    [["check", "a.xlsx", "notes.txt"], /"notes.txt" is not a \.xlsx, \.xlsm or \.csv/],
    [["check", "a.xls"], /open it in Excel and save it as \.xlsx/],
    [["check", "a.ods"], /open it in Excel and save it as \.xlsx/],
    [["check", "a.txt"], /not a \.xlsx, \.xlsm or \.csv/],
    [["import", "e.ods", "--into", "a.xlsx", "--out", "b.xlsx"], /open it in Excel and save it as \.xlsx/],
    [["import", "e.xlsx", "--into", "a.xls", "--out", "b.xlsx"], /open it in Excel and save it as \.xlsx/],
    [["import", "e.xlsx", "--into", "a.xlsm", "--out", "b.xlsx"], /must name a \.xlsm file/],
    [["import", "e.xlsx", "--into", "a.xlsx", "--out", "b.xlsm"], /must name a \.xlsx file/],
    [["check", "a.xlsx", "--as-at"], /--as-at needs a value/],
    [["check", "a.xlsx", "--as-at", "--format", "json"], /--as-at needs a value/],
    [["check", "a.xlsx", "--as-at", "2022-02-30"], /not a real date: February 2022 has 28 days/],
    [["check", "a.xlsx", "--as-at", "10/10/2022"], /not a date written YYYY-MM-DD/],
    [["check", "a.xlsx", "--format", "csv"], /--format "csv" is not text or json/],
    [["check", "a.xlsx", "--out", "review.csv"], /must name a \.xlsx file/],
    [["check", "a.xlsx", "--out", "r.xlsx", "--out", "s.xlsx"], /given twice/],
    [["check", "a.xlsx", "--into", "b.xlsx"], /unknown option "--into"/],
  ])("%j", (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
});

it.each([
  ["2022-10-10", true],
  ["2024-02-29", true],
  ["2023-02-29", false],
  ["2022-13-01", false],
  ["2022-1-1", false],
  ["", false],
])("isIsoDate(%j) is %s", (iso, expected) => {
  expect(isIsoDate(iso)).toBe(expected);
});

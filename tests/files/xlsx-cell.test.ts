// Conversion of single exceljs cell values (the test oracle) and the date-or-time format test.

import { isDateOrTimeFormat } from "../../src/files/xlsx-cell";
import { convertCellValue, serialFromDate } from "./convert-cell-value";

describe("isDateOrTimeFormat", () => {
  it.each([
    ["dd/mm/yyyy", true],
    ["d-mmm-yy", true],
    ["mm-dd-yy", true],
    ["[$-809]dd mmmm yyyy", true],
    ["h:mm", true],
    ["[h]:mm:ss", true],
    ["yyyy-mm-dd hh:mm", true],
    ["General", false],
    ["0.00", false],
    ["#,##0", false],
    ["@", false],
    ["[Red]0.00", false],
    ["[$£-809]#,##0.00", false],
    ['0 "days"', false],
    ["0.00E+00", false],
    ["_-* #,##0_-", false],
    ["", false],
  ])("%p → %p", (format, expected) => {
    expect(isDateOrTimeFormat(format)).toBe(expected);
  });
});

describe("serialFromDate", () => {
  it.each([
    [Date.UTC(1900, 2, 1), 61],
    [Date.UTC(1970, 0, 1), 25569],
    [Date.UTC(2024, 2, 31), 45382],
    [Date.UTC(2024, 2, 31, 18), 45382.75],
    [Date.UTC(2024, 2, 31, 0, 0, 1), 45382 + 1 / 86400],
  ])("%p → %p", (ms, serial) => {
    expect(serialFromDate(new Date(ms))).toBeCloseTo(serial, 10);
  });

  it("gives a whole number at midnight", () => {
    expect(Number.isInteger(serialFromDate(new Date(Date.UTC(2022, 9, 10))))).toBe(true);
  });
});

describe("convertCellValue", () => {
  const date = new Date(Date.UTC(2024, 2, 31));
  it.each([
    ["a date with its own date format", date, "d mmm yyyy", { value: 45382, dateFormat: "d mmm yyyy" }],
    ["a date whose format is not a date format", date, "0.00", { value: 45382, dateFormat: "yyyy-mm-dd" }],
    ["a date with no format", date, undefined, { value: 45382, dateFormat: "yyyy-mm-dd" }],
    [
      "a formula whose cached result is a date",
      { formula: "TODAY()", result: date },
      "dd/mm/yyyy",
      { value: 45382, dateFormat: "dd/mm/yyyy" },
    ],
    ["a shared formula", { sharedFormula: "A1", result: 5 }, undefined, { value: 5 }],
    ["a formula with no cached result", { formula: "A1" }, undefined, { value: null }],
    [
      "a hyperlink with rich text",
      { text: { richText: [{ text: "a" }, { text: "b" }] }, hyperlink: "x" },
      undefined,
      { value: "ab" },
    ],
    ["an empty string", "", undefined, { value: null }],
    ["an error", { error: "#REF!" }, undefined, { value: "#REF!" }],
    ["an invalid date", new Date(NaN), undefined, { value: null }],
  ])("%s", (_name, raw, format, expected) => {
    expect(convertCellValue(raw as never, format)).toEqual(expected);
  });
});

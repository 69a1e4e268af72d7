import {
  dayFromDate,
  dayFromIso,
  dayFromParts,
  daysInMonth,
  isoFromDay,
  partsFromDay,
  subtractMonths,
} from "../../../src/core/parse";
import { monthIndexOfDay } from "../../../src/core/parse/day";

describe("dayFromIso / isoFromDay", () => {
  it.each([
    ["1970-01-01", 0],
    ["1970-01-02", 1],
    ["1969-12-31", -1],
    ["2000-02-29", 11016],
    ["2022-10-10", 19275],
    ["1900-01-01", -25567],
    ["9999-12-31", 2932896],
  ])("%s is day %i and back", (iso, day) => {
    expect(dayFromIso(iso)).toBe(day);
    expect(isoFromDay(day)).toBe(iso);
  });

  it.each([
    ["2022-10-10T14:30:00Z", "2022-10-10"],
    ["2022-10-10T23:59:59+01:00", "2022-10-10"],
    ["2022-10-10 09:00", "2022-10-10"],
    [" 2022-10-10 ", "2022-10-10"],
  ])("reads %s as the calendar date written", (iso, expected) => {
    expect(isoFromDay(dayFromIso(iso) as number)).toBe(expected);
  });

  it.each([
    "",
    "2022-13-01",
    "2022-02-30",
    "2023-02-29",
    "2022-00-10",
    "10/10/2022",
    "2022-1-1",
    "abc",
    "2022-10-10x",
  ])("rejects %j", (iso) => {
    expect(dayFromIso(iso)).toBeNull();
  });

  it("agrees with Date.UTC over four centuries", () => {
    for (let day = -25567; day < 120000; day += 37) {
      expect(isoFromDay(day)).toBe(new Date(day * 86400000).toISOString().slice(0, 10));
      expect(dayFromIso(isoFromDay(day))).toBe(day);
    }
  });
});

describe("dayFromParts / daysInMonth / partsFromDay", () => {
  it.each([
    [2024, 2, 29],
    [2023, 2, 28],
    [2000, 2, 29],
    [1900, 2, 28],
    [2022, 4, 30],
    [2022, 12, 31],
  ])("%i-%i has %i days", (y, m, n) => {
    expect(daysInMonth(y, m)).toBe(n);
    expect(dayFromParts(y, m, n)).not.toBeNull();
    expect(dayFromParts(y, m, n + 1)).toBeNull();
  });
  it.each([
    [2022, 13, 1],
    [2022, 0, 1],
    [2022, 1, 0],
    [2022, 1.5, 1],
  ])("rejects %i-%i-%i", (y, m, d) => expect(dayFromParts(y, m, d)).toBeNull());
  it("splits a day into parts", () => {
    expect(partsFromDay(19275)).toEqual({ year: 2022, month: 10, day: 10 });
  });
  it("splits every day back into the parts it was made from, and its month index agrees", () => {
    // 1 Jan 1600 to 31 Dec 2400: leap centuries, month ends and a time of day (a fraction) included.
    const from = dayFromParts(1600, 1, 1)!;
    const to = dayFromParts(2400, 12, 31)!;
    let wrong = 0;
    for (let day = from; day <= to; day++) {
      const p = partsFromDay(day + 0.75);
      if (dayFromParts(p.year, p.month, p.day) !== day) wrong++;
      if (monthIndexOfDay(day) !== p.year * 12 + p.month - 1) wrong++;
    }
    expect(wrong).toBe(0);
  });
});

describe("subtractMonths", () => {
  it.each([
    ["2022-10-10", 1, "2022-09-10"],
    ["2023-03-31", 1, "2023-02-28"],
    ["2024-03-31", 1, "2024-02-29"],
    ["2022-01-15", 1, "2021-12-15"],
    ["2022-05-31", 1, "2022-04-30"],
    ["2022-10-10", 3, "2022-07-10"],
    ["2022-10-10", 12, "2021-10-10"],
    ["2022-10-10", 0, "2022-10-10"],
    ["2022-10-31", -1, "2022-11-30"],
    ["2024-02-29", 12, "2023-02-28"],
  ])("%s minus %i months is %s", (from, months, expected) => {
    expect(isoFromDay(subtractMonths(dayFromIso(from) as number, months))).toBe(expected);
  });
  it("throws on a non-finite month count (a programmer error)", () => {
    expect(() => subtractMonths(0, Number.NaN)).toThrow(RangeError);
  });
});

describe("dayFromDate", () => {
  it.each([
    ["2022-10-10T00:00:00Z", "2022-10-10"],
    ["2022-10-10T23:59:59.999Z", "2022-10-10"],
    ["1969-12-31T12:00:00Z", "1969-12-31"],
  ])("%s is %s in UTC", (iso, expected) => {
    expect(isoFromDay(dayFromDate(new Date(iso)))).toBe(expected);
  });
  it("throws on an invalid Date", () => {
    expect(() => dayFromDate(new Date("nope"))).toThrow(RangeError);
  });
});

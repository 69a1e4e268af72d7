import {
  dayFromSerial,
  isDateFormat,
  isMonthOnlyFormat,
  isoFromDay,
  parseDate,
} from "../../../src/core/parse";
import type { CellValue } from "../../../src/core/model/grid";
import type { DateMeaning } from "../../../src/core/parse";

function read(value: CellValue, format: string | null = null, meaning: DateMeaning = "deadline"): string {
  const r = parseDate(value, format, meaning);
  return r.ok ? isoFromDay(r.value) : `fail: ${r.reason}`;
}

describe("parseDate: Excel serials", () => {
  it.each([
    [44844, "dd/mm/yyyy", "2022-10-10"],
    [44844.75, "dd/mm/yyyy hh:mm", "2022-10-10"],
    [44844, "yyyy-mm-dd", "2022-10-10"],
    [44844, "d-mmm-yy", "2022-10-10"],
    // A format that shows only the month reads as the month (SPEC "Dates"): its last day as a deadline.
    [44844, "mmm yyyy", "2022-10-31"],
    [44844, "[$-809]dd mmmm yyyy", "2022-10-10"],
    [44844, "dddd, d mmmm yyyy", "2022-10-10"],
    [44844, "m/d/yy", "2022-10-10"],
    [44844, "mmmm", "2022-10-31"],
    [1, "dd/mm/yyyy", "1900-01-01"],
    [59, "dd/mm/yyyy", "1900-02-28"],
    [61, "dd/mm/yyyy", "1900-03-01"],
    [25569, "dd/mm/yyyy", "1970-01-01"],
    [2958465, "dd/mm/yyyy", "9999-12-31"],
  ])("%d with %j is %s", (serial, format, iso) => {
    expect(read(serial, format)).toBe(iso);
  });

  it.each([
    [44844, null],
    [44844, "General"],
    [44844, "0"],
    [44844, "0.00"],
    [44844, "#,##0"],
    [44844, "£#,##0.00"],
    [44844, "[Red]#,##0"],
    [44844, "h:mm"],
    [44844, "[h]:mm:ss"],
    [44844, '0 "days"'],
    [60, "dd/mm/yyyy"],
    [0, "dd/mm/yyyy"],
    [-5, "dd/mm/yyyy"],
    [3000000, "dd/mm/yyyy"],
    [Number.NaN, "dd/mm/yyyy"],
  ])("%d with %j is not a date", (serial, format) => {
    expect(read(serial, format)).toMatch(/^fail: /);
  });

  it("says why a plain number is not a date", () => {
    expect(read(44844, "General")).toMatch(/number, not a date/);
  });
});

describe("parseDate: text", () => {
  it.each([
    ["2022-10-10", "2022-10-10"],
    ["2022-10-10T09:30:00", "2022-10-10"],
    ["2022-10-10 09:30", "2022-10-10"],
    ["10/10/2022", "2022-10-10"],
    ["31/01/2023", "2023-01-31"],
    ["04/05/2022", "2022-05-04"],
    ["4/5/2022", "2022-05-04"],
    ["1/2/23", "2023-02-01"],
    ["10/10/22", "2022-10-10"],
    ["10.10.2022", "2022-10-10"],
    ["10-10-2022", "2022-10-10"],
    ["29/02/2024", "2024-02-29"],
    ["10/10/2022 14:30", "2022-10-10"],
    // A time typed with a dot, as UK officers write it.
    ["12/09/2022 14.05", "2022-09-12"],
    ["12.09.2022 9.30", "2022-09-12"],
    ["10 October 2022", "2022-10-10"],
    ["10 Oct 2022", "2022-10-10"],
    ["10-Oct-22", "2022-10-10"],
    ["10-Oct-2022", "2022-10-10"],
    ["10th October 2022", "2022-10-10"],
    ["1st Sept 2022", "2022-09-01"],
    ["Monday 10 October 2022", "2022-10-10"],
    ["October 10, 2022", "2022-10-10"],
    ["  10   October  2022. ", "2022-10-10"],
    // Spaces around the slashes, as text pasted from Word or an e-mail has them (review 31).
    ["12 / 09 / 2022", "2022-09-12"],
    [" 31 / 03 / 2023 ", "2023-03-31"],
    ["12/ 09 /22", "2022-09-12"],
    ["12 / 09 / 2022 14:30", "2022-09-12"],
  ])("%j is %s", (text, iso) => {
    expect(read(text, null, "deadline")).toBe(iso);
    expect(read(text, null, "lastUpdated")).toBe(iso);
  });

  it.each([
    ["July 2022", "2022-07-31", "2022-07-01"],
    ["Sept 2022", "2022-09-30", "2022-09-01"],
    ["Sep 2022", "2022-09-30", "2022-09-01"],
    ["September 2022", "2022-09-30", "2022-09-01"],
    ["Oct 2022", "2022-10-31", "2022-10-01"],
    ["Oct-22", "2022-10-31", "2022-10-01"],
    ["Feb 2024", "2024-02-29", "2024-02-01"],
    ["february 2023", "2023-02-28", "2023-02-01"],
    ["Q3 2022", "2022-09-30", "2022-07-01"],
    ["Q1 2023", "2023-03-31", "2023-01-01"],
    ["q4-2022", "2022-12-31", "2022-10-01"],
    ["2022 Q2", "2022-06-30", "2022-04-01"],
    ["2022/23", "2023-03-31", "2022-04-01"],
    ["2022-23", "2023-03-31", "2022-04-01"],
    ["2022/2023", "2023-03-31", "2022-04-01"],
    ["FY 2023/24", "2024-03-31", "2023-04-01"],
    // A financial year named by the year it ends, as the UK public sector names it (review 31): FY23 is 2022/23.
    ["FY23", "2023-03-31", "2022-04-01"],
    ["FY 23", "2023-03-31", "2022-04-01"],
    ["FY2023", "2023-03-31", "2022-04-01"],
    ["fy'23", "2023-03-31", "2022-04-01"],
    ["FY 22/23", "2023-03-31", "2022-04-01"],
    ["Q4 FY23", "2023-03-31", "2023-01-01"],
    ["FY23 Q1", "2022-06-30", "2022-04-01"],
    ["Q2 - FY2023", "2022-09-30", "2022-07-01"],
    ["2099/00", "2100-03-31", "2099-04-01"],
    ["2022", "2022-12-31", "2022-01-01"],
  ])("%j is %s as a deadline and %s as last updated", (text, deadline, lastUpdated) => {
    expect(read(text, null, "deadline")).toBe(deadline);
    expect(read(text, null, "lastUpdated")).toBe(lastUpdated);
  });

  it.each([
    [null, /blank/],
    ["", /blank/],
    ["   ", /blank/],
    ["TBC", /"TBC" is not a date/],
    ["Ongoing", /"Ongoing" is not a date/],
    ["N/A", /not a date/],
    ["13/13/2022", /no month 13/],
    ["10/13/2022", /no month 13/],
    ["31/04/2022", /not a real date/],
    ["29/02/2023", /not a real date/],
    ["2022-02-30", /not a real date/],
    ["2022/24", /not a financial year/],
    ["32 October 2022", /not a real date/],
    ["Smarch 2022", /not a date/],
    ["next month", /not a date/],
    ["end of March", /not a date/],
    ["44844", /not a date/],
    [true, /TRUE is not a date/],
    ["x".repeat(500), /too long/],
  ])("%j is not a date (%s)", (value, reason) => {
    const r = parseDate(value as CellValue, null, "deadline");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it("ignores the number format for text", () => {
    expect(read("10/10/2022", "General")).toBe("2022-10-10");
  });

  it("reads every Date Completed or Expected value of the seed plan", () => {
    const seed = [
      "July 2022",
      "April 2022",
      "May 2022",
      "Oct 2022",
      "February 2022",
      "October 2022",
      "Sept 2022",
      "September 2022",
      "March 2022",
    ];
    for (const text of seed) expect(parseDate(text, null, "deadline").ok).toBe(true);
  });
});

describe("isDateFormat and dayFromSerial", () => {
  it.each([
    ["dd/mm/yyyy", true],
    ["mmm-yy", true],
    ["yyyy", true],
    ['"Due "dd/mm', true],
    ['"day"0', false],
    ["\\d0", false],
    ["mm:ss", false],
    ["General", false],
    ["", false],
    ["@", false],
  ])("%j → %s", (format, expected) => expect(isDateFormat(format)).toBe(expected));
  it.each([
    ["mmm-yy", true],
    ["mmmm yyyy", true],
    ["mm/yyyy", true],
    ["[$-809]mmm-yy", true],
    ['"Due "mmm yyyy', true],
    ["dd/mm/yyyy", false],
    ["d-mmm-yy", false],
    ['"day "mmm-yy', true],
    ["yyyy", false],
    ["mmm-yy h:mm", false],
    ["General", false],
  ])("isMonthOnlyFormat %j → %s", (format, expected) => expect(isMonthOnlyFormat(format)).toBe(expected));
  it("reads a serial shown as a month as that month: its last day as a deadline, its first as an update", () => {
    // Excel keeps a typed "Oct-22" as 44835 (1 October 2022) with the format "mmm-yy".
    const read = (serial: number, format: string, meaning: "deadline" | "lastUpdated") => {
      const r = parseDate(serial, format, meaning);
      return r.ok && isoFromDay(r.value);
    };
    expect(read(44835, "mmm-yy", "deadline")).toBe("2022-10-31");
    expect(read(44835, "mmm-yy", "lastUpdated")).toBe("2022-10-01");
    // A later day under a month format was a day someone entered (30/09/2022 shown as "Sep-22"): as an
    // update it is that day (council layouts review 3); as a deadline the month still ends it.
    expect(read(44849, "[$-809]mmm yyyy", "lastUpdated")).toBe("2022-10-15");
    expect(read(44834, "mmm-yy", "lastUpdated")).toBe("2022-09-30");
    expect(read(44849, "mmm-yy", "deadline")).toBe("2022-10-31");
    expect(read(44835, "dd/mm/yyyy", "deadline")).toBe("2022-10-01");
    expect(read(44835, "d-mmm-yy", "deadline")).toBe("2022-10-01");
  });
  it("reads the day of a serial with a time", () => {
    const r = dayFromSerial(44844.999);
    expect(r.ok && isoFromDay(r.value)).toBe("2022-10-10");
  });
});

describe("parseDate: dates as officers and contractors' systems write them (issue 8)", () => {
  it.each([
    // 12/09/22 is a Monday: the week runs to Sunday 18 September.
    ["w/c 12/09/22", "2022-09-18", "2022-09-12"],
    ["W/C 12/09/2022", "2022-09-18", "2022-09-12"],
    ["w/c 12 Sept 2022", "2022-09-18", "2022-09-12"],
    ["wc 12/09/22", "2022-09-18", "2022-09-12"],
    ["w/b 12/09/22", "2022-09-18", "2022-09-12"],
    ["week commencing 12/09/2022", "2022-09-18", "2022-09-12"],
    ["Week beginning 12.09.22", "2022-09-18", "2022-09-12"],
    // A week commencing written on another day: the Monday to Sunday week that holds it.
    ["w/c 14/09/22", "2022-09-18", "2022-09-12"],
    // UK financial-year quarters: Q1 April–June … Q4 January–March.
    ["Q1 2022/23", "2022-06-30", "2022-04-01"],
    ["Q2 2022/23", "2022-09-30", "2022-07-01"],
    ["Q3 2022/23", "2022-12-31", "2022-10-01"],
    ["Q4 2022/23", "2023-03-31", "2023-01-01"],
    ["Q2 22/23", "2022-09-30", "2022-07-01"],
    ["Q2 2022-23", "2022-09-30", "2022-07-01"],
    ["Q2 FY2022/23", "2022-09-30", "2022-07-01"],
    ["2022/23 Q2", "2022-09-30", "2022-07-01"],
    // A date with a note after it: the leading date.
    ["Sept 2022 (revised from June 2022)", "2022-09-30", "2022-09-01"],
    ["31/10/2022 (was 30/09/2022)", "2022-10-31", "2022-10-31"],
    ["31/10/2022 - revised", "2022-10-31", "2022-10-31"],
    ["Q3 2022 (delayed)", "2022-09-30", "2022-07-01"],
    ["12th Sept 2022 [agreed at RMB]", "2022-09-12", "2022-09-12"],
    ["Oct 2022; subject to funding", "2022-10-31", "2022-10-01"],
    // A note after a plain space: the longest leading words that are a whole date, then a word.
    ["31/10/2022 revised", "2022-10-31", "2022-10-31"],
    ["12 Sept 2022 agreed at RMB", "2022-09-12", "2022-09-12"],
    ["w/c 12/09/22 subject to funding", "2022-09-18", "2022-09-12"],
    ["Q2 2022/23 revised", "2022-09-30", "2022-07-01"],
    ["Sept. 2022 revised from June 2022", "2022-09-30", "2022-09-01"],
    // Dotted and ordinal forms.
    ["12.09.22", "2022-09-12", "2022-09-12"],
    ["12th Sept 2022", "2022-09-12", "2022-09-12"],
    ["3rd Oct 22", "2022-10-03", "2022-10-03"],
  ])("%j is %s as a deadline and %s as last updated", (text, deadline, lastUpdated) => {
    expect(read(text, null, "deadline")).toBe(deadline);
    expect(read(text, null, "lastUpdated")).toBe(lastUpdated);
  });

  it.each([
    ["w/c", /not a date/],
    ["w/c TBC", /not a date/],
    ["Q5 2022/23", /not a date/],
    ["Q2 2022/24", /not a financial year/],
    ["2022 budget (approved)", /not a date/],
    ["Ongoing (see update)", /not a date/],
    ["TBC (awaiting contractor)", /not a date/],
    ["(30/09/2022)", /not a date/],
    // A note after a plain space needs a whole date before it and a word after it.
    ["2022 budget", /not a date/],
    ["May review", /not a date/],
    ["Sept 2022 2023", /not a date/],
    ["revised 31/10/2022", /not a date/],
    ["Sept revised 2022", /not a date/],
  ])("%j is not a date (%s)", (text, reason) => {
    const r = parseDate(text, null, "deadline");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it.each([
    ["09/30/2022", "2022-09-30"],
    ["10/10/2022", "2022-10-10"],
    ["02/01/2023", "2023-02-01"],
    ["12/31/22", "2022-12-31"],
    ["w/c 09/12/2022", "2022-09-18"],
    ["09 / 30 / 2022", "2022-09-30"],
  ])("month first when the column is: %j is %s", (text, iso) => {
    const r = parseDate(text, null, "deadline", { monthFirst: true });
    expect(r.ok ? isoFromDay(r.value) : r.reason).toBe(iso);
  });

  it("month first leaves other forms alone", () => {
    const r = parseDate("12 Sept 2022", null, "deadline", { monthFirst: true });
    expect(r.ok ? isoFromDay(r.value) : r.reason).toBe("2022-09-12");
  });
});

describe("parseDate: the whole text only", () => {
  it.each([
    "Sept 2022 (revised from June 2022)",
    "28/09/22 – reviewed at RMB",
    "31/10/2022 - revised",
    "31/10/2022 revised",
  ])("%j is not a date when a note after it is not allowed", (text) => {
    expect(parseDate(text, null, "deadline", { noteAfter: false }).ok).toBe(false);
  });
  it("a plain date still is", () => {
    expect(parseDate("28/09/22", null, "deadline", { noteAfter: false }).ok).toBe(true);
  });
});

describe("parseDate: words written before a deadline, and revised deadlines (plan review G)", () => {
  it.each([
    // "End …" names the end of the span whatever it is read for.
    ["End Q2 2022/23", "2022-09-30", "2022-09-30"],
    ["End of September 2022", "2022-09-30", "2022-09-30"],
    ["end of Sept 2022", "2022-09-30", "2022-09-30"],
    ["By end of October 2022", "2022-10-31", "2022-10-31"],
    ["By the end of Q3 2022/23", "2022-12-31", "2022-12-31"],
    // "By", "No later than" and "Before" name the deadline itself: "Before 30/09/2022" is that day.
    ["By 30/09/2022", "2022-09-30", "2022-09-30"],
    ["by Sept 2022", "2022-09-30", "2022-09-01"],
    ["No later than 31/10/2022", "2022-10-31", "2022-10-31"],
    ["BEFORE 30/09/2022", "2022-09-30", "2022-09-30"],
    ["By 30/09/2022 (subject to funding)", "2022-09-30", "2022-09-30"],
    // A dash between the quarter and its year.
    ["Q2 – 2022/23", "2022-09-30", "2022-07-01"],
    ["Q2 - 2022/23", "2022-09-30", "2022-07-01"],
    ["2022/23 – Q2", "2022-09-30", "2022-07-01"],
    ["Q3 – 2022", "2022-09-30", "2022-07-01"],
    // A revised deadline: the last date named after "revised (to)".
    ["Revised to March 2023", "2023-03-31", "2023-03-01"],
    ["Sept 2022 / revised Dec 2022", "2022-12-31", "2022-12-01"],
    ["Sept 2022 (revised to Dec 2022)", "2022-12-31", "2022-12-01"],
    ["June 2022, revised to Sept 2022, revised to Dec 2022", "2022-12-31", "2022-12-01"],
    ["31/10/2022 revised to 30/11/2022 (agreed at RMB)", "2022-11-30", "2022-11-30"],
    ["By Sept 2022 / revised to end Dec 2022", "2022-12-31", "2022-12-31"],
  ])("%j is %s as a deadline and %s as last updated", (text, deadline, lastUpdated) => {
    expect(read(text, null, "deadline")).toBe(deadline);
    expect(read(text, null, "lastUpdated")).toBe(lastUpdated);
  });

  it.each([
    ["End", /not a date/],
    ["End of", /not a date/],
    ["By TBC", /not a date/],
    ["Before budget", /not a date/],
    ["By 2022 budget", /not a date/],
    ["No later than next month", /not a date/],
    ["By 31/04/2022", /not a real date/],
    ["Standby 30/09/2022", /not a date/],
    ["Q2 – 2022/24", /not a financial year/],
    ["Revised to TBC", /not a date/],
  ])("%j is not a date (%s)", (text, reason) => {
    const r = parseDate(text, null, "deadline");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it.each(["By 30/09/2022", "End Q2 2022/23", "Revised to March 2023", "Sept 2022 / revised Dec 2022"])(
    "%j is not a date when only the whole text may be",
    (text) => {
      expect(parseDate(text, null, "deadline", { noteAfter: false }).ok).toBe(false);
    },
  );
});

describe("parseDate: a weekday before a date typed in figures (history review 2)", () => {
  it.each([
    ["Mon 15/08/2022", "2022-08-15"],
    ["mon 15/08/2022", "2022-08-15"],
    ["Monday, 15/08/2022", "2022-08-15"],
    ["Thurs 01.09.22", "2022-09-01"],
    ["Fri 16/09/2022 14:30", "2022-09-16"],
  ])("%s is %s", (text, iso) => {
    expect(read(text, null, "lastUpdated")).toBe(iso);
  });

  it("still refuses words that are no weekday before a date", () => {
    expect(read("Soon 15/08/2022", null, "lastUpdated")).toMatch(/^fail/);
  });
});
